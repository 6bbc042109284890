-- Every article loaded from a feed item: an item met again in another feed is not loaded twice.
SELECT DISTINCT article_id
FROM content_items
WHERE item_key IS NOT NULL
  AND article_id IN (SELECT article_id FROM articles);
