-- Lock the connection that runs users' SQL: no file, URL or extension beyond the warehouse
-- already open (and a lake's own files, listed by sandbox/lake_files), no extension loaded
-- behind a query's back, and no SET or PRAGMA that could undo any of it.
SET allowed_paths = coalesce(getvariable('lake_files'), []::VARCHAR[]);
SET enable_external_access = false;
SET autoload_known_extensions = false;
SET autoinstall_known_extensions = false;
SET lock_configuration = true;
