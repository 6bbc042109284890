-- (Re)build the BM25 full-text index over search.documents (schema fts_search_documents).
PRAGMA create_fts_index('search.documents', 'article_id', 'title', 'body', overwrite = 1);
