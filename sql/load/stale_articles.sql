-- Articles loaded by another pipeline version than the running one: `run --reprocess`
-- rebuilds their facts from the stored article.
SELECT article_id, source_file, content_sha256, version, part, title, body, published_date,
       published_text, outlet, author, url, removed_json, sections_json
FROM articles
WHERE pipeline_version <> $pipeline_version
ORDER BY article_id;
