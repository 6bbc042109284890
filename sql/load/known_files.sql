-- The latest version of every source file, for deciding what a run must read. On a lake
-- ($writer given) the latest this writer recorded, where it recorded one: two machines holding
-- different texts under one name each compare their file with their own last version, or every
-- run on either would record the other's text again. `ours`: whether this writer recorded it;
-- only such a file missing from this machine's inbox was deleted here.
WITH own_runs AS (
    SELECT run_id FROM runs WHERE writer = $writer
)
SELECT source_file, version, content_sha256, size_bytes, mtime_ns, deleted_at IS NOT NULL AS deleted, status,
    $writer IS NULL OR run_id IN (SELECT run_id FROM own_runs) AS ours
FROM files
QUALIFY row_number() OVER (
    PARTITION BY source_file ORDER BY run_id IN (SELECT run_id FROM own_runs) DESC, version DESC
) = 1;
