-- Remove articles and everything derived from them, for the ids in the registered
-- relation `replaced_ids`; the caller inserts their rebuilt rows in the same transaction.
DELETE FROM people        WHERE article_id IN (SELECT article_id FROM replaced_ids);
DELETE FROM quotes        WHERE article_id IN (SELECT article_id FROM replaced_ids);
DELETE FROM quantities    WHERE article_id IN (SELECT article_id FROM replaced_ids);
DELETE FROM entities      WHERE article_id IN (SELECT article_id FROM replaced_ids);
DELETE FROM date_mentions WHERE article_id IN (SELECT article_id FROM replaced_ids);
DELETE FROM links         WHERE article_id IN (SELECT article_id FROM replaced_ids);
DELETE FROM dq_flags      WHERE article_id IN (SELECT article_id FROM replaced_ids);
DELETE FROM articles      WHERE article_id IN (SELECT article_id FROM replaced_ids);
