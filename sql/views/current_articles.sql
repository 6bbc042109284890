-- current_articles: the warehouse as the inbox holds it now, and the one place that says so.
-- Every cross-article view, the story clusters and the search index read it; `articles`
-- keeps every article ever loaded, for history.
--
-- A file counts by its latest version while it is still in the inbox (not deleted, not
-- quarantined). That version holds the articles of its bytes (content_items): a one-article
-- file its article, a feed the items it has now, by id. So a copy, a moved file or a reverted
-- edit holds the article its bytes first loaded, and an edited feed holds its new items and
-- the unchanged ones, not the ones it dropped. One row per article, with the columns of
-- `articles` except where it sits now: source_file, version, content_sha256 and part are
-- those of the file version that holds it (the first by path when copies do), item_key its
-- key in a feed (articles keeps where it was first loaded).
CREATE OR REPLACE VIEW current_articles AS
WITH latest AS (
    SELECT source_file, version, content_sha256, status, deleted_at
    FROM files
    QUALIFY row_number() OVER (PARTITION BY source_file ORDER BY version DESC) = 1
),

held AS (
    SELECT i.article_id, l.source_file, l.version, l.content_sha256, i.part, i.item_key
    FROM latest AS l
    JOIN content_items AS i USING (content_sha256)
    WHERE l.deleted_at IS NULL AND l.status <> 'quarantined'
    QUALIFY row_number() OVER (PARTITION BY i.article_id ORDER BY l.source_file, i.part) = 1
)

SELECT a.* REPLACE (
           h.source_file AS source_file, h.content_sha256 AS content_sha256, h.part AS part, h.version AS version
       ),
       h.item_key
FROM articles AS a
JOIN held AS h USING (article_id);
