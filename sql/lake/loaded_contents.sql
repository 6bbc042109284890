-- Which contents of a batch (`batch_files`) some writer has already loaded as articles, and from which file.
SELECT content_sha256, min(source_file) AS source_file
FROM files
WHERE status = 'loaded' AND content_sha256 IN (SELECT content_sha256 FROM batch_files)
GROUP BY content_sha256;
