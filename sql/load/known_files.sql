-- The latest version of every source file, for deciding what a run must read. `ours`: whether
-- this writer recorded it (on a lake, $writer given): only such a file missing from this machine's
-- inbox was deleted here; another machine's inbox is not ours to judge.
SELECT source_file, version, content_sha256, size_bytes, mtime_ns, deleted_at IS NOT NULL AS deleted, status,
    $writer IS NULL OR run_id IN (SELECT run_id FROM runs WHERE writer = $writer) AS ours
FROM files
QUALIFY row_number() OVER (PARTITION BY source_file ORDER BY version DESC) = 1;
