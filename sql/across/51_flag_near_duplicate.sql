-- Cross-article check: an article that is a near-copy of one loaded before it
-- (a reprint, a syndicated copy, a re-scrape with a changed footer), whose
-- facts would otherwise be counted twice. Recomputed whole after every load:
-- it first removes its own flags; the INSERT is last because DuckDB binds
-- parameters ($run_id) only in the last statement of a script.
--
-- Only members of the same story cluster are compared (clustering already
-- found the candidates). Similarity is the Jaccard overlap of the two bodies'
-- sets of word 3-grams (lower-cased words, each 3-gram kept as its 64-bit hash, which
-- holds 21,000 articles' grams in a quarter of the memory of strings): 1.0 for identical text, about 0.8
-- and above when a few sentences differ; retellings of one story by different
-- outlets share quotes but stay far below (the seeds' three tellings: under
-- 0.1). The later-loaded article of a pair at 0.8 or more is flagged, naming
-- the earlier one it copies. Earlier versions of the same file are not
-- duplicates (the files table tracks versions).
DELETE FROM dq_flags WHERE "check" = 'near-duplicate';

INSERT INTO dq_flags
WITH members AS (
    SELECT
        c.cluster_id,
        a.article_id,
        a.source_file,
        a.ingested_at,
        regexp_extract_all(lower(a.body), '[[:alnum:]'']+') AS words
    FROM story_clusters AS c
    JOIN articles AS a USING (article_id)
    WHERE c.cluster_id IN (
        SELECT cluster_id FROM story_clusters GROUP BY cluster_id HAVING count(*) > 1
    )
),

shingled AS (
    SELECT
        cluster_id,
        article_id,
        source_file,
        ingested_at,
        list_distinct(
            list_transform(
                range(1, greatest(len(words) - 1, 1)),
                i -> hash(words[i], words[i + 1], words[i + 2])
            )
        ) AS grams
    FROM members
),

pairs AS (
    SELECT
        later.article_id,
        earlier.source_file AS earlier_file,
        len(list_intersect(later.grams, earlier.grams))
        / greatest(len(list_distinct(list_concat(later.grams, earlier.grams))), 1) AS similarity
    FROM shingled AS later
    JOIN shingled AS earlier
        ON earlier.cluster_id = later.cluster_id
        AND earlier.source_file <> later.source_file
        AND (earlier.ingested_at, earlier.article_id) < (later.ingested_at, later.article_id)
)

SELECT
    article_id,
    'near-duplicate' AS "check",
    'warning' AS severity,
    'near-duplicate of ' || arg_max(earlier_file, similarity) || ', loaded earlier ('
    || round(100 * max(similarity))::INTEGER || '% of word 3-grams shared)' AS message,
    $run_id AS run_id
FROM pairs
WHERE similarity >= 0.8
GROUP BY article_id;
