-- Is data quality getting better or worse? For each of the last 20 runs and
-- each suite: how many expectations ran, how many failed (errors reject rows,
-- warnings only count), and the share of checked values that were unexpected.
-- Read a suite's rows top to bottom to see its trend.
WITH recent AS (
    SELECT run_id, started_at
    FROM runs
    ORDER BY started_at DESC
    LIMIT 20
)

SELECT
    r.started_at,
    d.run_id,
    d.suite,
    count(*) AS expectations,
    count(*) FILTER (WHERE NOT d.success AND d.severity = 'error') AS failed_errors,
    count(*) FILTER (WHERE NOT d.success AND d.severity = 'warning') AS failed_warnings,
    sum(d.unexpected_count) AS unexpected_values,
    round(100.0 * sum(d.unexpected_count) / nullif(sum(d.element_count), 0), 2) AS unexpected_pct
FROM dq_results AS d
JOIN recent AS r USING (run_id)
GROUP BY r.started_at, d.run_id, d.suite
ORDER BY d.suite, r.started_at DESC;
