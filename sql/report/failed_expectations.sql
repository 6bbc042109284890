-- Each expectation that failed in one run ($run_id), summed over its batches.
SELECT
    suite,
    expectation,
    column_name,
    severity,
    count(*) AS batches_failed,
    sum(element_count) AS values_checked,
    sum(unexpected_count) AS unexpected_values
FROM dq_results
WHERE run_id = $run_id AND NOT success
GROUP BY suite, expectation, column_name, severity
ORDER BY severity, unexpected_values DESC, suite;
