-- Who gets quoted most, in how many articles and stories, with which roles?
SELECT name, sum(n_quotes) AS quotes, count(DISTINCT article_id) AS articles,
       count(DISTINCT cluster_id) AS stories, list(DISTINCT role) FILTER (WHERE role IS NOT NULL) AS roles
FROM person_mentions
GROUP BY person_id, name
HAVING sum(n_quotes) > 0
ORDER BY quotes DESC, articles DESC
LIMIT 20;
