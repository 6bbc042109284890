-- Fold one batch's results (the registered batch_dq_results: one row per expectation)
-- into the run's rows of dq_results, inside the batch's own load transaction: counts
-- add up over batches, success holds only while every batch passed, and the sample
-- keeps the first 5 distinct unexpected values seen. A crash loses the batch and its
-- results together.
UPDATE dq_results AS d
SET
    success = d.success AND b.success,
    element_count = d.element_count + b.element_count,
    unexpected_count = d.unexpected_count + b.unexpected_count,
    batches = d.batches + b.batches,
    batches_failed = d.batches_failed + b.batches_failed,
    checked_at = b.checked_at,
    unexpected_sample = CASE
        WHEN b.unexpected_sample IS NULL THEN d.unexpected_sample
        WHEN d.unexpected_sample IS NULL THEN b.unexpected_sample
        ELSE to_json(list_slice(list_concat(
            from_json(d.unexpected_sample, '["VARCHAR"]'),
            list_filter(
                from_json(b.unexpected_sample, '["VARCHAR"]'),
                lambda x: NOT coalesce(list_position(from_json(d.unexpected_sample, '["VARCHAR"]'), x) > 0, false)
            )
        ), 1, 5))::VARCHAR
    END
FROM batch_dq_results AS b
WHERE d.run_id = b.run_id AND d.suite = b.suite AND d.expectation_key = b.expectation_key;

INSERT INTO dq_results BY NAME
SELECT *
FROM batch_dq_results AS b
WHERE NOT EXISTS (
    SELECT 1
    FROM dq_results AS d
    WHERE d.run_id = b.run_id AND d.suite = b.suite AND d.expectation_key = b.expectation_key
);
