-- story_articles: every current article with its story (cluster) and the story's size and date.
-- story_date is the earliest publication date among the story's articles: an undated
-- press release, or a copy re-dated years later, takes the date of the first report.
CREATE OR REPLACE VIEW story_articles AS
WITH stories AS (
    SELECT c.cluster_id,
           count(*) AS n_articles,
           count(DISTINCT a.outlet) AS n_outlets,
           min(a.published_date) AS story_date
    FROM story_clusters c
    JOIN current_articles a USING (article_id)
    GROUP BY c.cluster_id
)
SELECT c.cluster_id, s.story_date, s.n_articles, s.n_outlets,
       a.article_id, a.source_file, a.title, a.published_date, a.outlet
FROM story_clusters c
JOIN stories s USING (cluster_id)
JOIN current_articles a USING (article_id);
