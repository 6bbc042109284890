-- The feed articles of each file's last loaded version: when the feed changes, these items
-- are not extracted again. Only articles in the warehouse count (an item rejected by
-- validation is checked again).
WITH last_loaded AS (
    SELECT source_file, content_sha256
    FROM files
    WHERE status <> 'quarantined'
    QUALIFY row_number() OVER (PARTITION BY source_file ORDER BY version DESC) = 1
)
SELECT l.source_file, list(i.article_id) AS article_ids
FROM last_loaded AS l
JOIN content_items AS i USING (content_sha256)
WHERE i.item_key IS NOT NULL
  AND i.article_id IN (SELECT article_id FROM articles)
GROUP BY l.source_file;
