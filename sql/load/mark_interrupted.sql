-- Runs still marked running when a new run holds the run lock died mid-way
-- (killed, machine lost): say so. Their loaded batches stand; the rest is redone.
-- On a lake several writers run at once: only this writer's own runs (same machine and
-- run lock) can be known dead; $writer is NULL on a DuckDB file, which has one writer.
UPDATE runs
SET status = 'failed', finished_at = $now,
    error = 'interrupted: the process ended before the run finished (its completed batches were kept)'
WHERE status = 'running' AND ($writer IS NULL OR writer IS NULL OR writer = $writer);
