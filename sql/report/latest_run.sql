-- The run the report is about: the latest started.
SELECT
    run_id, started_at, finished_at, status, inbox, pipeline_version, files_seen,
    files_new, articles_loaded, files_quarantined, rows_quarantined, error
FROM runs
ORDER BY started_at DESC
LIMIT 1;
