-- Files whose bytes did not change but whose stat did (or that came back after
-- deletion), registered as `touched_files`: remember the new stat on their latest
-- version so the next run skips them without reading. One statement for any number.
UPDATE files
SET size_bytes = t.size_bytes, mtime_ns = t.mtime_ns, deleted_at = NULL
FROM (
    SELECT f.source_file, max(f.version) AS version, any_value(t.size_bytes) AS size_bytes,
           any_value(t.mtime_ns) AS mtime_ns
    FROM touched_files t
    JOIN files f USING (source_file)
    GROUP BY f.source_file
) t
WHERE files.source_file = t.source_file AND files.version = t.version;
