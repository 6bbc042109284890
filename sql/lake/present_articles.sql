-- Which articles of a batch (`batch_articles`) are already in the lake.
SELECT DISTINCT article_id FROM articles WHERE article_id IN (SELECT article_id FROM batch_articles);
