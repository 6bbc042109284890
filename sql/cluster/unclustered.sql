-- Current articles whose story is out of date: not clustered yet (a run died between
-- loading and clustering), or clustered but no longer current (a file deleted, an item
-- dropped from a feed). Either way the next run clusters again, even with nothing new.
SELECT (SELECT count(*) FROM current_articles ANTI JOIN story_clusters USING (article_id))
     + (SELECT count(*) FROM story_clusters ANTI JOIN current_articles USING (article_id));
