-- The number of files a run will read, known once the inbox is listed (for its progress).
UPDATE runs SET files_total = $files_total WHERE run_id = $run_id;
