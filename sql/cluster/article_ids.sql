SELECT article_id FROM articles ORDER BY article_id;
