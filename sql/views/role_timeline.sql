-- role_timeline: who held which role when, in the current articles. One row per person,
-- role (case and spacing ignored) and year. The date of an article is its story's date (the
-- earliest dated article in its story cluster), so an undated press release gets the date of
-- the report it belongs to and a copy re-dated years later does not move the role holder;
-- an article in no dated story has year NULL. A role the article says the person held before
-- (people.role_status = 'former') is not a role held at that date, and is left out.
CREATE OR REPLACE VIEW role_timeline AS
WITH dated AS (
    SELECT c.article_id, min(a.published_date) OVER (PARTITION BY c.cluster_id) AS story_date
    FROM story_clusters c
    JOIN current_articles a USING (article_id)
),
roles AS (
    SELECT p.person_id, p.name, p.role,
           lower(regexp_replace(trim(p.role), '\s+', ' ', 'g')) AS role_key,
           a.source_file,
           coalesce(d.story_date, a.published_date) AS seen
    FROM people p
    JOIN current_articles a USING (article_id)
    LEFT JOIN dated d USING (article_id)
    WHERE p.role IS NOT NULL AND trim(p.role) <> '' AND p.role_status IS DISTINCT FROM 'former'
)
SELECT mode(name) AS name,
       mode(role) AS role,
       year(seen) AS year,
       min(seen) AS first_seen,
       max(seen) AS last_seen,
       list(DISTINCT source_file ORDER BY source_file) AS articles
FROM roles
GROUP BY person_id, role_key, year(seen);
