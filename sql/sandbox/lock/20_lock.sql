-- Lock the connection that runs users' SQL: no file, network or extension beyond the
-- warehouse already open (and the paths set just before), no extension loaded behind a
-- query's back, and no SET or PRAGMA that could undo any of it.
SET enable_external_access = false;
SET autoload_known_extensions = false;
SET autoinstall_known_extensions = false;
SET lock_configuration = true;
