-- Each expectation that failed in one run ($run_id): in how many of the run's batches,
-- the values it checked and found unexpected over all of them, and up to 5 of those
-- values. dq_results holds one row per expectation per run; the grouping only folds
-- the per-batch rows older warehouses hold (they have no expectation_key).
SELECT
    suite,
    expectation,
    column_name,
    severity,
    expectation_key,
    sum(batches_failed) AS batches_failed,
    sum(batches) AS batches,
    sum(element_count) AS values_checked,
    sum(unexpected_count) AS unexpected_values,
    any_value(unexpected_sample) AS unexpected_sample
FROM dq_results
WHERE run_id = $run_id
GROUP BY suite, expectation, column_name, severity, expectation_key
HAVING NOT bool_and(success)
ORDER BY severity, unexpected_values DESC, suite;
