-- Contents already loaded as articles, with the first file that carried each.
SELECT content_sha256, min(source_file) AS source_file
FROM files
WHERE status = 'loaded'
GROUP BY content_sha256;
