-- The variable lake_files: every data and delete file the DuckLake attached as `lake` lists,
-- in any snapshot (so time travel works), the only files `newsfacts sql` may open on a lake.
-- By the DuckLake specification a relative path is relative to its table's path, a table's
-- to its schema's, and a schema's to the lake's data path.
SET VARIABLE lake_files = (
    WITH schemas AS (
        SELECT s.schema_id, if(s.path_is_relative, root.data_path || s.path, s.path) AS path
        FROM __ducklake_metadata_lake.ducklake_schema AS s, ducklake_settings('lake') AS root
    ),
    tables AS (
        SELECT t.table_id, if(t.path_is_relative, schemas.path || t.path, t.path) AS path
        FROM __ducklake_metadata_lake.ducklake_table AS t
        JOIN schemas USING (schema_id)
    ),
    files AS (
        SELECT table_id, path, path_is_relative FROM __ducklake_metadata_lake.ducklake_data_file
        UNION ALL
        SELECT table_id, path, path_is_relative FROM __ducklake_metadata_lake.ducklake_delete_file
    )
    SELECT coalesce(list(DISTINCT if(files.path_is_relative, tables.path || files.path, files.path)), [])
    FROM files
    JOIN tables USING (table_id)
);
