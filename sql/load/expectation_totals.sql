-- A run's ($run_id) expectations, each counted once: how many passed in every batch,
-- how many failed at least once by severity, the batches validated and the unexpected
-- values over all of them. All zero when the run validated nothing.
SELECT
    count(*) AS expectations,
    count(*) FILTER (WHERE success) AS passed,
    count(*) FILTER (WHERE NOT success AND severity = 'error') AS failed_errors,
    count(*) FILTER (WHERE NOT success AND severity <> 'error') AS failed_warnings,
    coalesce(max(batches), 0) AS batches,
    coalesce(sum(unexpected_count), 0) AS unexpected
FROM dq_results
WHERE run_id = $run_id;
