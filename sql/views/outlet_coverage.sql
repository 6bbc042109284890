-- outlet_coverage: per outlet, how many articles and stories it carries, how many of
-- those stories other outlets also covered, and the dates it spans, over the current
-- articles. Articles with no known outlet are grouped under NULL.
CREATE OR REPLACE VIEW outlet_coverage AS
WITH story_outlets AS (
    SELECT c.cluster_id, count(DISTINCT a.outlet) AS n_outlets
    FROM story_clusters c
    JOIN current_articles a USING (article_id)
    GROUP BY c.cluster_id
)
SELECT a.outlet,
       count(DISTINCT a.article_id) AS n_articles,
       count(DISTINCT c.cluster_id) AS n_stories,
       count(DISTINCT c.cluster_id) FILTER (WHERE s.n_outlets > 1) AS n_shared_stories,
       min(a.published_date) AS first_published,
       max(a.published_date) AS last_published
FROM current_articles a
LEFT JOIN story_clusters c USING (article_id)
LEFT JOIN story_outlets s USING (cluster_id)
GROUP BY a.outlet;
