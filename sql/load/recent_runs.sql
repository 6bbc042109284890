-- The most recent runs, newest first; a run still going shows how far it has got.
SELECT run_id, started_at, finished_at, status,
       CASE WHEN status = 'running' THEN format('{}/{} files', files_done, files_total) END AS progress,
       files_seen, files_new, articles_loaded,
       files_quarantined, rows_quarantined, error
FROM runs
ORDER BY started_at DESC
LIMIT $limit;
