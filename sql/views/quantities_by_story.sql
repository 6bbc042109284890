-- quantities_by_story: the figures a story rests on, one row per story, value and unit,
-- with how many of its current articles give that figure: a figure in every article of a
-- story is its core, one given by a single outlet deserves a second look.
CREATE OR REPLACE VIEW quantities_by_story AS
SELECT c.cluster_id, n.value, n.unit,
       mode(n.qualifier) AS qualifier,
       mode(n.about) AS about,
       count(DISTINCT n.article_id) AS n_articles,
       list(DISTINCT a.source_file ORDER BY a.source_file) AS articles
FROM quantities n
JOIN story_clusters c USING (article_id)
JOIN current_articles a USING (article_id)
GROUP BY c.cluster_id, n.value, n.unit;
