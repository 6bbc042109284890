-- Articles with data-quality flags, worst first, with their flags and the
-- start of their body. Flags are current: each check replaces its own.
-- The 500 shown are chosen first; only their flags are gathered and only their
-- bodies read, so the report stays fast on a warehouse with many flags.
WITH worst AS (
    SELECT
        article_id,
        min(CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END) AS worst
    FROM dq_flags
    GROUP BY article_id
),

top AS (
    SELECT w.article_id, w.worst, a.source_file
    FROM worst AS w
    LEFT JOIN articles AS a USING (article_id)
    ORDER BY w.worst, a.source_file, w.article_id
    LIMIT 500
),

flags AS (
    SELECT
        f.article_id,
        list({'check': f."check", 'severity': f.severity, 'message': f.message}
             ORDER BY CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, f."check")
            AS flags
    FROM dq_flags AS f
    SEMI JOIN top USING (article_id)
    GROUP BY f.article_id
)

SELECT
    t.article_id,
    a.title,
    t.source_file,
    a.outlet,
    a.published_date,
    left(regexp_replace(left(a.body, 480), '\s+', ' ', 'g'), 240) AS snippet,
    fl.flags
FROM top AS t
JOIN flags AS fl USING (article_id)
LEFT JOIN articles AS a USING (article_id)
ORDER BY t.worst, t.source_file, t.article_id;
