-- The most recent runs, newest first.
SELECT run_id, started_at, finished_at, status, files_seen, files_new, articles_loaded,
       files_quarantined, rows_quarantined, error
FROM runs
ORDER BY started_at DESC
LIMIT $limit;
