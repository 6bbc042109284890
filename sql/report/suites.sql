-- Expectations passed and failed per suite in one run ($run_id).
SELECT
    suite,
    count(*) AS expectations,
    count(*) FILTER (WHERE success) AS passed,
    count(*) FILTER (WHERE NOT success AND severity = 'error') AS failed_errors,
    count(*) FILTER (WHERE NOT success AND severity <> 'error') AS failed_warnings,
    coalesce(sum(element_count), 0) AS values_checked,
    coalesce(sum(unexpected_count), 0) AS unexpected_values
FROM dq_results
WHERE run_id = $run_id
GROUP BY suite
ORDER BY failed_errors DESC, failed_warnings DESC, suite;
