-- Which people appear in the same stories, and how often (the network behind the news)?
SELECT a.name AS person, b.name AS with_person, count(DISTINCT a.cluster_id) AS shared_stories
FROM person_mentions a
JOIN person_mentions b ON a.cluster_id = b.cluster_id AND a.person_id < b.person_id
GROUP BY a.name, b.name
ORDER BY shared_stories DESC, person, with_person
LIMIT 30;
