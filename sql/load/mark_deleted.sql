-- Files that left the inbox, registered as `gone_files`: their history stays, their
-- latest version is marked. One statement for any number. On a lake ($writer given) only
-- files whose latest version this writer recorded: another machine's inbox is not ours to judge.
UPDATE files
SET deleted_at = $now
FROM (
    SELECT f.source_file, max(f.version) AS version
    FROM gone_files g
    JOIN files f USING (source_file)
    GROUP BY f.source_file
) g
WHERE files.source_file = g.source_file AND files.version = g.version AND files.deleted_at IS NULL
  AND ($writer IS NULL OR files.run_id IN (SELECT run_id FROM runs WHERE writer = $writer));
