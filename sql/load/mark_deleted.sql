-- Files that left the inbox, registered as `gone_files`: their history stays, their
-- latest version is marked. One statement for any number.
UPDATE files
SET deleted_at = $now
FROM (
    SELECT f.source_file, max(f.version) AS version
    FROM gone_files g
    JOIN files f USING (source_file)
    GROUP BY f.source_file
) g
WHERE files.source_file = g.source_file AND files.version = g.version AND files.deleted_at IS NULL;
