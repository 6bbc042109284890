-- What was kept out of the warehouse, where, and why? Quarantined inputs and
-- rows per run and stage (read, decode, parse, extract, validate:<table>),
-- with the most frequent reason of each. The raw bytes or the rejected row are
-- in the quarantine table itself: nothing is lost.
SELECT
    q.run_id,
    q.stage,
    count(*) AS quarantined,
    count(DISTINCT q.source_file) AS files,
    mode(q.reason) AS most_common_reason,
    max(q.quarantined_at) AS last_at
FROM quarantine AS q
GROUP BY q.run_id, q.stage
ORDER BY last_at DESC, quarantined DESC;
