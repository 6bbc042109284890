-- The latest run that checked at least one value: the expectations a report shows when the
-- latest run found nothing new to validate.
SELECT r.run_id, r.started_at
FROM runs AS r
WHERE EXISTS (SELECT 1 FROM dq_results AS d WHERE d.run_id = r.run_id AND d.element_count > 0)
ORDER BY r.started_at DESC
LIMIT 1;
