-- The warehouse's own tables (not views, not the full-text index's internals), by name.
SELECT table_name
FROM information_schema.tables
WHERE table_schema = 'main' AND table_type = 'BASE TABLE'
ORDER BY table_name;
