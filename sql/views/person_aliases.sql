-- person_aliases: every person_id with the id to count them under. person_id is derived
-- from the canonical name with case and spacing folded; names that still differ only by
-- accents or punctuation ("François Hollande", "Francois Hollande") get one canonical
-- id here: the one in most articles. Different people who share a surname keep their
-- own ids: only whole names are compared.
CREATE OR REPLACE VIEW person_aliases AS
WITH ids AS (
    SELECT person_id, mode(name) AS name, count(DISTINCT article_id) AS n_articles,
           trim(regexp_replace(strip_accents(lower(mode(name))), '[^a-z0-9]+', ' ', 'g')) AS name_key
    FROM people
    GROUP BY person_id
)
SELECT person_id, name,
       first(person_id ORDER BY n_articles DESC, person_id) OVER (PARTITION BY name_key) AS canonical_person_id,
       first(name ORDER BY n_articles DESC, person_id) OVER (PARTITION BY name_key) AS canonical_name
FROM ids;
