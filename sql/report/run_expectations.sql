-- Each expectation of one run ($run_id), counted once: it passed if it passed in every batch.
-- dq_results holds one row per expectation per run (batches, batches_failed set); rows written
-- one per batch (before that) are summed the same way.
SELECT
    suite,
    expectation,
    column_name,
    severity,
    bool_and(success) AS success,
    sum(coalesce(batches, 1)) AS batches,
    sum(coalesce(batches_failed, CASE WHEN success THEN 0 ELSE 1 END)) AS batches_failed,
    coalesce(sum(element_count), 0) AS values_checked,
    coalesce(sum(unexpected_count), 0) AS unexpected_values,
    list(unexpected_sample) FILTER (WHERE unexpected_sample IS NOT NULL) AS samples
FROM dq_results
WHERE run_id = $run_id
GROUP BY suite, expectation_key, expectation, column_name, severity
ORDER BY
    bool_and(success),
    CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END,
    unexpected_values DESC,
    suite,
    expectation,
    column_name;
