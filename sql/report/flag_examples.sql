-- Up to $per_check current articles for each check, in file order: the first few are the
-- examples, the rest fill the check's full list (capped; the rest is a query away).
WITH flagged AS (
    SELECT
        f."check",
        f.article_id,
        string_agg(DISTINCT f.message, '; ') AS message
    FROM dq_flags AS f
    SEMI JOIN current_articles AS c USING (article_id)
    GROUP BY f."check", f.article_id
)

SELECT
    fl."check",
    fl.article_id,
    c.title,
    c.source_file,
    c.part,
    fl.message
FROM flagged AS fl
JOIN current_articles AS c USING (article_id)
QUALIFY row_number() OVER (PARTITION BY fl."check" ORDER BY c.source_file, c.part, fl.article_id) <= $per_check
ORDER BY fl."check", c.source_file, c.part, fl.article_id;
