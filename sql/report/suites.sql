-- Expectations passed and failed per suite in one run ($run_id), each expectation
-- counted once. (The first step folds the per-batch rows older warehouses hold, which
-- have no expectation_key; on newer rows it changes nothing.)
WITH expectations AS (
    SELECT
        suite,
        severity,
        bool_and(success) AS success,
        sum(element_count) AS element_count,
        sum(unexpected_count) AS unexpected_count
    FROM dq_results
    WHERE run_id = $run_id
    GROUP BY suite, expectation, column_name, severity, expectation_key
)

SELECT
    suite,
    count(*) AS expectations,
    count(*) FILTER (WHERE success) AS passed,
    count(*) FILTER (WHERE NOT success AND severity = 'error') AS failed_errors,
    count(*) FILTER (WHERE NOT success AND severity <> 'error') AS failed_warnings,
    coalesce(sum(element_count), 0) AS values_checked,
    coalesce(sum(unexpected_count), 0) AS unexpected_values
FROM expectations
GROUP BY suite
ORDER BY failed_errors DESC, failed_warnings DESC, suite;
