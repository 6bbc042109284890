-- The files in quarantine now (the quarantined_files view), longest held first, for `status`.
SELECT
    source_file,
    CASE WHEN whole_file THEN 'whole file' ELSE records || ' item(s) or row(s)' END AS held,
    stage,
    reason,
    first_quarantined_at AS since
FROM quarantined_files
ORDER BY first_quarantined_at, source_file;
