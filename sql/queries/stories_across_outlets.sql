-- Which stories were carried by more than one outlet, and under which headlines?
SELECT cluster_id, story_date, n_outlets,
       list(coalesce(outlet, '?') || ': ' || title ORDER BY published_date NULLS LAST) AS headlines
FROM story_articles
WHERE n_outlets > 1
GROUP BY cluster_id, story_date, n_outlets
ORDER BY n_outlets DESC, story_date;
