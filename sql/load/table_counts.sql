-- What the warehouse holds now, for run summaries: the current articles (the latest version
-- of each file still in the inbox) and their facts; stories; quarantine rows ever kept, and
-- the files quarantined now (the quarantined_files view); articles an older pipeline built, earlier
-- versions included, as `run --reprocess` rebuilds them all.
WITH current_ids AS (SELECT article_id FROM current_articles)
SELECT 'articles' AS table_name, count(*) AS n FROM current_ids
UNION ALL SELECT 'people', count(*) FROM people SEMI JOIN current_ids USING (article_id)
UNION ALL SELECT 'quotes', count(*) FROM quotes SEMI JOIN current_ids USING (article_id)
UNION ALL SELECT 'quantities', count(*) FROM quantities SEMI JOIN current_ids USING (article_id)
UNION ALL SELECT 'entities', count(*) FROM entities SEMI JOIN current_ids USING (article_id)
UNION ALL SELECT 'date_mentions', count(*) FROM date_mentions SEMI JOIN current_ids USING (article_id)
UNION ALL SELECT 'links', count(*) FROM links SEMI JOIN current_ids USING (article_id)
UNION ALL SELECT 'dq_flags', count(*) FROM dq_flags SEMI JOIN current_ids USING (article_id)
UNION ALL SELECT 'story_clusters', count(*) FROM story_clusters
UNION ALL SELECT 'quarantine', count(*) FROM quarantine
UNION ALL SELECT 'quarantined_files', count(*) FROM quarantined_files
UNION ALL SELECT 'older_pipeline', count(*) FROM articles WHERE pipeline_version <> $pipeline_version;
