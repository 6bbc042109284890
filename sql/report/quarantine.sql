-- What one run ($run_id) kept out of the warehouse, and why.
SELECT
    source_file,
    stage,
    reason,
    octet_length(raw) AS raw_bytes,
    row_json IS NOT NULL AS has_row,
    quarantined_at
FROM quarantine
WHERE run_id = $run_id
ORDER BY stage, source_file
LIMIT 500;
