-- (Re)build the BM25 full-text index over article titles and bodies (schema fts_main_articles).
PRAGMA create_fts_index('articles', 'article_id', 'title', 'body', overwrite = 1);
