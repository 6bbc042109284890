-- Each expectation in each of the last 12 runs, counted once per run: its trend. A run that
-- checked no value (nothing new) is left out: it validated nothing, so it passed nothing either.
WITH recent AS (
    SELECT run_id, started_at
    FROM runs
    ORDER BY started_at DESC
    LIMIT 12
)

SELECT
    d.suite,
    d.expectation,
    d.column_name,
    d.severity,
    d.run_id,
    bool_and(d.success) AS success,
    coalesce(sum(d.unexpected_count), 0) AS unexpected_values
FROM dq_results AS d
JOIN recent AS r USING (run_id)
GROUP BY d.suite, d.expectation_key, d.expectation, d.column_name, d.severity, d.run_id, r.started_at
HAVING coalesce(sum(d.element_count), 0) > 0
ORDER BY r.started_at;
