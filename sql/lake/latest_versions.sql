-- The latest recorded version of each file of a batch (registered as `batch_files`), as committed
-- by any writer: a batch's versions continue from here, whatever the run saw when it started.
SELECT source_file, version, content_sha256
FROM files
WHERE source_file IN (SELECT source_file FROM batch_files)
QUALIFY row_number() OVER (PARTITION BY source_file ORDER BY version DESC) = 1;
