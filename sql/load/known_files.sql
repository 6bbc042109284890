-- The latest version of every source file, for deciding what a run must read.
SELECT source_file, version, content_sha256, size_bytes, mtime_ns, deleted_at IS NOT NULL AS deleted, status
FROM files
QUALIFY row_number() OVER (PARTITION BY source_file ORDER BY version DESC) = 1;
