-- person_mentions: one row per person per current article, with the article, its story
-- and how many quotes the person has in it: full quotes only, since a scare quote or a fragment
-- quoted inside the narrator's sentence (is_partial) is not the person speaking. A person_id is
-- the same in every article.
CREATE OR REPLACE VIEW person_mentions AS
WITH quoted AS (
    SELECT article_id, speaker_person_id AS person_id, count(*) AS n_quotes
    FROM quotes
    WHERE speaker_person_id IS NOT NULL AND NOT is_partial
    GROUP BY ALL
)
SELECT p.person_id, p.name, p.role, p.mentions, coalesce(q.n_quotes, 0) AS n_quotes,
       a.article_id, a.source_file, a.title, a.published_date, a.outlet, c.cluster_id
FROM people p
JOIN current_articles a USING (article_id)
LEFT JOIN story_clusters c USING (article_id)
LEFT JOIN quoted q USING (article_id, person_id);
