UPDATE runs
SET finished_at = $finished_at, status = $status, files_seen = $files_seen, error = $error
WHERE run_id = $run_id;
