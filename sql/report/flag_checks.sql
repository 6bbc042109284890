-- Flags of the current articles summarised per check: how many articles each check flags.
SELECT
    f."check",
    min(CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END) AS rank,
    arg_min(f.severity, CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END) AS severity,
    count(DISTINCT f.article_id) AS articles
FROM dq_flags AS f
SEMI JOIN current_articles AS c USING (article_id)
GROUP BY f."check"
ORDER BY rank, articles DESC, f."check";
