-- Whether the full-text index exists (runs build it once there are articles).
SELECT count(*) > 0 FROM duckdb_schemas()
WHERE database_name = current_database() AND schema_name = 'fts_search_documents';
