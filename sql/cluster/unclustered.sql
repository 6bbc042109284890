-- Articles without a story cluster: a run that died between loading and clustering
-- left them, so the next run must cluster again even if it finds nothing new.
SELECT count(*) FROM articles WHERE article_id NOT IN (SELECT article_id FROM story_clusters);
