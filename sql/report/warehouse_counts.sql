-- What the warehouse holds now (current_articles: the latest version of each file still in
-- the inbox), whatever run loaded it; history is counted apart.
SELECT
    (SELECT count(*) FROM current_articles) AS articles,
    (SELECT count(*) FROM articles) AS article_versions,
    (SELECT count(DISTINCT f.article_id) FROM dq_flags AS f SEMI JOIN current_articles AS c USING (article_id))
        AS flagged_articles,
    (SELECT count(*) FROM quarantined_files) AS quarantined_files,
    (SELECT count(*) FROM quarantined_files WHERE whole_file) AS quarantined_whole_files;
