-- The last 12 runs, oldest first: what each loaded, quarantined and failed, each expectation
-- counted once per run. validated is false for a run that checked no value (nothing new).
WITH recent AS (
    SELECT *
    FROM runs
    ORDER BY started_at DESC
    LIMIT 12
),

per_expectation AS (
    SELECT
        run_id,
        severity,
        bool_and(success) AS success,
        coalesce(sum(element_count), 0) AS values_checked,
        coalesce(sum(unexpected_count), 0) AS unexpected_values
    FROM dq_results
    WHERE run_id IN (SELECT run_id FROM recent)
    GROUP BY run_id, suite, expectation_key, expectation, column_name, severity
),

per_run AS (
    SELECT
        run_id,
        count(*) AS expectations,
        count(*) FILTER (WHERE NOT success AND severity = 'error') AS failed_errors,
        count(*) FILTER (WHERE NOT success AND severity <> 'error') AS failed_warnings,
        sum(values_checked) AS values_checked,
        sum(unexpected_values) AS unexpected_values
    FROM per_expectation
    GROUP BY run_id
)

SELECT
    r.run_id,
    r.started_at,
    r.status,
    r.files_seen,
    r.files_new,
    r.articles_loaded,
    r.files_quarantined,
    r.rows_quarantined,
    coalesce(p.expectations, 0) AS expectations,
    coalesce(p.failed_errors, 0) AS failed_errors,
    coalesce(p.failed_warnings, 0) AS failed_warnings,
    coalesce(p.values_checked, 0) > 0 AS validated,
    coalesce(p.unexpected_values, 0) AS unexpected_values
FROM recent AS r
LEFT JOIN per_run AS p USING (run_id)
ORDER BY r.started_at;
