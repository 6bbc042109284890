-- Quarantine as a state: every file still in the inbox whose current bytes are held back,
-- until a later version loads or the file leaves the inbox. `quarantine` keeps the event of
-- each run; this view is what is wrong now, whatever run found it.
--   whole_file: the latest version is quarantined (unreadable, undecodable, unparsable);
--   otherwise rows of the latest version were rejected (a bad line of a .jsonl, a row failing
--   an error-level expectation) when that version was loaded, and the rest loaded. A rejected
--   fact row belongs to the run that built its article's facts: `run --reprocess` rebuilds them,
--   and the rows the rebuild no longer rejects leave quarantine.
-- stage and reason are the latest recorded, the reason saying how many other reasons the
-- version's records give (a feed's bad lines each have their own); first_quarantined_at is the
-- first time these bytes of this file were quarantined (a run that finds the file unchanged adds
-- no record).
CREATE OR REPLACE VIEW quarantined_files AS
WITH latest AS (
    SELECT source_file, version, content_sha256, status, run_id, deleted_at
    FROM files
    QUALIFY row_number() OVER (PARTITION BY source_file ORDER BY version DESC) = 1
),

held AS (
    SELECT
        l.source_file,
        l.version,
        l.content_sha256,
        l.status = 'quarantined' AS whole_file,
        -- the run whose facts the record is about: the article's latest build, else the version's load
        coalesce(a.run_id, l.run_id) AS owner_run_id,
        q.run_id,
        q.stage,
        q.reason,
        q.quarantined_at
    FROM latest AS l
    JOIN quarantine AS q
        ON q.source_file = l.source_file
        -- a file that could not be read has no hash: files records '', quarantine NULL
        AND coalesce(q.content_sha256, '') = l.content_sha256
    LEFT JOIN articles AS a
        ON a.article_id = json_extract_string(q.row_json, '$.article_id')
    WHERE l.deleted_at IS NULL
      AND (l.status = 'quarantined' OR q.run_id = coalesce(a.run_id, l.run_id))
)

SELECT
    source_file,
    version,
    content_sha256,
    whole_file,
    arg_max(stage, quarantined_at) AS stage,
    arg_max(reason, quarantined_at)
    || CASE
        WHEN count(DISTINCT reason) FILTER (WHERE run_id = owner_run_id) > 1
            THEN format(
                ' (and {} other reasons: quarantine holds each record)',
                count(DISTINCT reason) FILTER (WHERE run_id = owner_run_id) - 1
            )
        ELSE ''
    END AS reason,
    count(*) FILTER (WHERE run_id = owner_run_id) AS records,
    min(quarantined_at) AS first_quarantined_at,
    max(quarantined_at) AS last_quarantined_at
FROM held
GROUP BY source_file, version, content_sha256, whole_file;
