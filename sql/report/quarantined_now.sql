-- What is in quarantine now (the quarantined_files view), longest held first; the first 500.
SELECT
    source_file,
    whole_file,
    stage,
    reason,
    records,
    first_quarantined_at,
    count(*) OVER () AS total
FROM quarantined_files
ORDER BY first_quarantined_at, source_file
LIMIT 500;
