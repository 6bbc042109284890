-- Current articles matching $query, best BM25 score first (titles and bodies, Porter-stemmed English).
SELECT source_file, title, body, score
FROM (
    SELECT *, fts_search_documents.match_bm25(article_id, $query) AS score
    FROM search.documents
)
WHERE score IS NOT NULL
ORDER BY score DESC, source_file
LIMIT $limit;
