-- Articles matching $query, best BM25 score first (titles and bodies, Porter-stemmed English).
SELECT source_file, title, body, score
FROM (
    SELECT *, fts_main_articles.match_bm25(article_id, $query) AS score
    FROM articles
)
WHERE score IS NOT NULL
ORDER BY score DESC, source_file
LIMIT $limit;
