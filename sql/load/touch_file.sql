-- A file whose bytes did not change but whose mtime did (or that came back after
-- deletion): remember the new stat so the next run skips it without reading.
UPDATE files
SET size_bytes = $size, mtime_ns = $mtime_ns, deleted_at = NULL
WHERE source_file = $source_file
  AND version = (SELECT max(version) FROM files WHERE source_file = $source_file);
