-- Who was Home Secretary when, according to the articles?
SELECT year, name, first_seen, last_seen, len(articles) AS n_articles
FROM role_timeline
WHERE lower(role) LIKE '%home secretary%' AND lower(role) NOT LIKE '%shadow%'
ORDER BY year NULLS LAST, first_seen;
