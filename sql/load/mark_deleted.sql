-- A file that left the inbox: its history stays, its latest version is marked.
UPDATE files
SET deleted_at = $now
WHERE source_file = $source_file
  AND deleted_at IS NULL
  AND version = (SELECT max(version) FROM files WHERE source_file = $source_file);
