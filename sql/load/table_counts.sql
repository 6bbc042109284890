-- Rows per contract table, for run summaries.
SELECT 'articles' AS table_name, count(*) AS n FROM articles
UNION ALL SELECT 'people', count(*) FROM people
UNION ALL SELECT 'quotes', count(*) FROM quotes
UNION ALL SELECT 'quantities', count(*) FROM quantities
UNION ALL SELECT 'entities', count(*) FROM entities
UNION ALL SELECT 'date_mentions', count(*) FROM date_mentions
UNION ALL SELECT 'links', count(*) FROM links
UNION ALL SELECT 'dq_flags', count(*) FROM dq_flags
UNION ALL SELECT 'story_clusters', count(*) FROM story_clusters
UNION ALL SELECT 'quarantine', count(*) FROM quarantine;
