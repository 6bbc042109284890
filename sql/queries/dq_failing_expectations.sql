-- Which expectations fail, and since when? One row per expectation that failed
-- in at least one run: in how many runs it failed, when it first and last
-- failed, and how many values it rejected or warned about in total. The ones
-- failing in every recent run are the extractor or parser bugs to fix first.
SELECT
    d.suite,
    d.expectation,
    d.column_name,
    d.severity,
    count(DISTINCT d.run_id) FILTER (WHERE NOT d.success) AS runs_failed,
    count(DISTINCT d.run_id) AS runs_checked,
    min(d.checked_at) FILTER (WHERE NOT d.success) AS first_failed,
    max(d.checked_at) FILTER (WHERE NOT d.success) AS last_failed,
    sum(d.unexpected_count) AS unexpected_values
FROM dq_results AS d
GROUP BY d.suite, d.expectation, d.column_name, d.severity
HAVING count(*) FILTER (WHERE NOT d.success) > 0
ORDER BY d.severity, runs_failed DESC, unexpected_values DESC;
