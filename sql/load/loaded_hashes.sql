-- Contents already loaded as articles, with the first file that carried each and their size
-- (a file to read with a loaded content's size may be a copy or a move: not parsed again).
SELECT content_sha256, min(source_file) AS source_file, any_value(size_bytes) AS size_bytes
FROM files
WHERE status = 'loaded'
GROUP BY content_sha256;
