-- The text the full-text index covers: titles and bodies of the current articles. The fts
-- extension indexes tables, not views, so search.documents holds a copy, rebuilt with the
-- index (sql/search/build_index.sql). The first index, over every version in `articles`,
-- is dropped.
DROP SCHEMA IF EXISTS fts_main_articles CASCADE;
CREATE SCHEMA IF NOT EXISTS search;
CREATE OR REPLACE TABLE search.documents AS
SELECT article_id, source_file, title, body FROM current_articles;
