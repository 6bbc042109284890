-- One table, whole, to one Parquet file.
COPY (SELECT * FROM query_table($table_name)) TO $path (FORMAT parquet);
