-- The tables and views of the default database (the warehouse, or the lake).
SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()
UNION ALL
SELECT view_name FROM duckdb_views() WHERE database_name = current_database();
