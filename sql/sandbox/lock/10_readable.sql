-- The files users' SQL may still open once external access is off: a DuckLake's own data
-- files (sandbox/lake_files), nothing for a DuckDB file.
SET allowed_paths = $readable;
