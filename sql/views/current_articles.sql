-- The articles as the inbox holds them now: the latest version of each file that is
-- still there. `articles` keeps every version, for history.
CREATE OR REPLACE VIEW current_articles AS
WITH latest AS (
    SELECT source_file, version
    FROM files
    WHERE status = 'loaded'
    QUALIFY row_number() OVER (PARTITION BY source_file ORDER BY version DESC) = 1
)
SELECT a.*
FROM articles a
JOIN latest l USING (source_file, version)
WHERE NOT EXISTS (
    SELECT 1 FROM files f
    WHERE f.source_file = a.source_file AND f.version = a.version AND f.deleted_at IS NOT NULL
);
