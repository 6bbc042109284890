-- Which figures does each story rest on, and do its articles agree on them?
SELECT s.story_date, q.cluster_id, q.value, q.unit, q.qualifier, q.about, q.n_articles, s.n_articles AS story_articles
FROM quantities_by_story q
JOIN (SELECT DISTINCT cluster_id, story_date, n_articles FROM story_articles) s USING (cluster_id)
WHERE s.n_articles > 1
ORDER BY s.story_date, q.cluster_id, q.n_articles DESC, q.value;
