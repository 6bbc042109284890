-- Cross-article check: an article that is a near-copy of one loaded before it
-- (a reprint, a syndicated copy, a re-scrape with a changed footer), whose
-- facts would otherwise be counted twice. Recomputed whole after every load:
-- it first removes its own flags; the INSERT is last because DuckDB binds
-- parameters ($run_id) only in the last statement of a script.
--
-- Only members of the same story cluster are compared (clustering already
-- found the candidates). Similarity is the Jaccard overlap of the two bodies'
-- sets of word 3-grams (lower-cased words, each 3-gram kept as its 64-bit hash):
-- 1.0 for identical text, about 0.8 and above when a few sentences differ; retellings of one story by different
-- outlets share quotes but stay far below (the seeds' three tellings: under
-- 0.1). The later-loaded article of a pair at 0.8 or more is flagged, naming
-- the earlier one it copies. Only current articles are compared: an earlier
-- version of a file is history (articles, files), not a copy.
DELETE FROM dq_flags WHERE "check" = 'near-duplicate';

INSERT INTO dq_flags
WITH members AS MATERIALIZED (
    -- Small integer keys (doc, story) stand in for the long ids in the big tables below.
    SELECT
        row_number() OVER (ORDER BY a.article_id) AS doc,
        dense_rank() OVER (ORDER BY c.cluster_id) AS story,
        a.article_id,
        a.source_file,
        a.ingested_at
    FROM story_clusters AS c
    JOIN current_articles AS a USING (article_id)
    WHERE c.cluster_id IN (
        SELECT cluster_id FROM story_clusters GROUP BY cluster_id HAVING count(*) > 1
    )
),

-- One row per distinct 3-gram of each article. Shared grams are counted by a join
-- on (story, gram) rather than by intersecting lists pair by pair: the join and
-- its aggregate spill to disk under DuckDB's memory limit, copies of lists do not,
-- and a story carried by many outlets makes many pairs.
grams AS (
    SELECT DISTINCT
        story,
        doc,
        unnest(
            list_transform(
                range(1, greatest(len(words) - 1, 1)),
                i -> hash(words[i], words[i + 1], words[i + 2])
            )
        ) AS gram
    FROM (
        SELECT m.story, m.doc, regexp_extract_all(lower(a.body), '[[:alnum:]'']+') AS words
        FROM members AS m
        JOIN current_articles AS a USING (article_id)
    )
),

sizes AS (
    SELECT doc, count(*) AS n FROM grams GROUP BY doc
),

shared AS (
    SELECT x.doc AS a, y.doc AS b, count(*) AS n
    FROM grams AS x
    JOIN grams AS y ON y.story = x.story AND y.gram = x.gram AND y.doc > x.doc
    GROUP BY x.doc, y.doc
),

pairs AS (
    -- Each pair oriented: the later-loaded article is the one flagged.
    SELECT
        CASE WHEN (ma.ingested_at, ma.article_id) > (mb.ingested_at, mb.article_id) THEN ma.article_id ELSE mb.article_id END
            AS article_id,
        CASE WHEN (ma.ingested_at, ma.article_id) > (mb.ingested_at, mb.article_id) THEN mb.source_file ELSE ma.source_file END
            AS earlier_file,
        s.n / (sa.n + sb.n - s.n) AS similarity
    FROM shared AS s
    JOIN sizes AS sa ON sa.doc = s.a
    JOIN sizes AS sb ON sb.doc = s.b
    JOIN members AS ma ON ma.doc = s.a
    JOIN members AS mb ON mb.doc = s.b
    WHERE ma.source_file <> mb.source_file
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
