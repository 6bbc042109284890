-- Counters of a run grow with each batch, in the batch's own transaction.
UPDATE runs
SET files_done = files_done + $files_done,
    files_new = files_new + $files_new,
    articles_loaded = articles_loaded + $articles_loaded,
    files_quarantined = files_quarantined + $files_quarantined,
    rows_quarantined = rows_quarantined + $rows_quarantined
WHERE run_id = $run_id;
