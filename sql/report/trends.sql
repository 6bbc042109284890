-- The last 12 runs, newest first: what each loaded, quarantined and failed.
WITH recent AS (
    SELECT *
    FROM runs
    ORDER BY started_at DESC
    LIMIT 12
),

-- One row per expectation per run (folding the per-batch rows older warehouses hold).
expectations AS (
    SELECT
        run_id,
        severity,
        bool_and(success) AS success,
        sum(unexpected_count) AS unexpected_count
    FROM dq_results
    WHERE run_id IN (SELECT run_id FROM recent)
    GROUP BY run_id, suite, expectation, column_name, severity, expectation_key
),

results AS (
    SELECT
        run_id,
        count(*) AS expectations,
        count(*) FILTER (WHERE NOT success AND severity = 'error') AS failed_errors,
        count(*) FILTER (WHERE NOT success AND severity <> 'error') AS failed_warnings,
        coalesce(sum(unexpected_count), 0) AS unexpected_values
    FROM expectations
    GROUP BY run_id
),

flags AS (
    SELECT run_id, count(*) AS flags
    FROM dq_flags
    WHERE run_id IN (SELECT run_id FROM recent)
    GROUP BY run_id
)

SELECT
    r.run_id,
    r.started_at,
    r.status,
    r.files_new,
    r.articles_loaded,
    r.files_quarantined,
    r.rows_quarantined,
    coalesce(s.expectations, 0) AS expectations,
    coalesce(s.failed_errors, 0) AS failed_errors,
    coalesce(s.failed_warnings, 0) AS failed_warnings,
    coalesce(s.unexpected_values, 0) AS unexpected_values,
    coalesce(f.flags, 0) AS flags
FROM recent AS r
LEFT JOIN results AS s USING (run_id)
LEFT JOIN flags AS f USING (run_id)
ORDER BY r.started_at DESC;
