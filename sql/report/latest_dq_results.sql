-- The results of the latest run that validated rows, one row per expectation: what
-- GE's Data Docs render (newsfacts report --data-docs).
WITH latest AS (
    SELECT d.run_id
    FROM dq_results AS d
    JOIN runs AS r USING (run_id)
    ORDER BY r.started_at DESC
    LIMIT 1
)

SELECT d.*
FROM dq_results AS d
SEMI JOIN latest USING (run_id)
ORDER BY d.suite, d.expectation_key;
