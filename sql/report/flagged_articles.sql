-- Articles with data-quality flags, worst first, with their flags and the
-- start of their body. Flags are current: each check replaces its own.
WITH ranked AS (
    SELECT
        f.article_id,
        min(CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END) AS worst,
        list({'check': f."check", 'severity': f.severity, 'message': f.message}
             ORDER BY CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, f."check")
            AS flags
    FROM dq_flags AS f
    GROUP BY f.article_id
)

SELECT
    r.article_id,
    a.title,
    a.source_file,
    a.outlet,
    a.published_date,
    left(regexp_replace(a.body, '\s+', ' ', 'g'), 240) AS snippet,
    r.flags
FROM ranked AS r
LEFT JOIN articles AS a USING (article_id)
ORDER BY r.worst, a.source_file, r.article_id
LIMIT 500;
