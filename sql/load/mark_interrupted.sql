-- Runs still marked running when a new run holds the run lock died mid-way
-- (killed, machine lost): say so. Their loaded batches stand; the rest is redone.
UPDATE runs
SET status = 'failed', finished_at = $now,
    error = 'interrupted: the process ended before the run finished (its completed batches were kept)'
WHERE status = 'running';
