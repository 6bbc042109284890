-- Cross-article check: an article whose publication year disagrees with the
-- rest of its story (story_clusters). Recomputed whole after every load, so it
-- first removes its own flags; the INSERT is last because DuckDB binds
-- parameters ($run_id) only in the last statement of a script.
--
-- Every member of a cluster votes for a year: its published_date, or, when it
-- has none, the latest year its own text mentions (date_mentions.resolved), a
-- fair guess for when an undated article was written. A dated article is
-- flagged when another year has more votes than its own. Example: a story
-- told by three outlets, dated 2007, dated 2012, and undated but mentioning
-- "the end of 2007": 2007 has two votes, so the 2012 article is flagged.
DELETE FROM dq_flags WHERE "check" = 'date-disagrees';

INSERT INTO dq_flags
WITH mentioned AS (
    SELECT article_id, max(try_cast(left(resolved, 4) AS INTEGER)) AS year
    FROM date_mentions
    WHERE length(resolved) >= 4  -- a year, month, week or day; not a decade ("199")
    GROUP BY article_id
),

votes AS (
    SELECT
        c.cluster_id,
        a.article_id,
        a.source_file,
        a.published_date,
        coalesce(year(a.published_date), m.year) AS year,
        CASE
            WHEN a.published_date IS NOT NULL THEN strftime(a.published_date, '%Y-%m-%d')
            ELSE m.year::VARCHAR || ' from its text'
        END AS evidence
    FROM story_clusters AS c
    JOIN current_articles AS a USING (article_id)
    LEFT JOIN mentioned AS m USING (article_id)
    WHERE coalesce(year(a.published_date), m.year) IS NOT NULL
),

tally AS (
    SELECT cluster_id, year, count(*) AS n
    FROM votes
    GROUP BY cluster_id, year
),

disagreeing AS (
    -- Dated articles with, per article, the best-supported other year of its story.
    SELECT
        v.cluster_id,
        v.article_id,
        v.published_date,
        own.n AS own_votes,
        arg_max(other.year, other.n) AS other_year,
        max(other.n) AS other_votes
    FROM votes AS v
    JOIN tally AS own ON own.cluster_id = v.cluster_id AND own.year = v.year
    JOIN tally AS other ON other.cluster_id = v.cluster_id AND other.year <> v.year
    WHERE v.published_date IS NOT NULL
    GROUP BY v.cluster_id, v.article_id, v.published_date, own.n
    HAVING max(other.n) > own.n
)

SELECT
    d.article_id,
    'date-disagrees' AS "check",
    'warning' AS severity,
    'publication date ' || strftime(d.published_date, '%Y-%m-%d')
    || ' disagrees with ' || d.other_votes || ' other article(s) of the same story, dated '
    || d.other_year || ' (' || string_agg(w.source_file || ': ' || w.evidence, '; ' ORDER BY w.source_file)
    || ')' AS message,
    $run_id AS run_id
FROM disagreeing AS d
JOIN votes AS w ON w.cluster_id = d.cluster_id AND w.year = d.other_year
GROUP BY d.article_id, d.published_date, d.other_votes, d.other_year;
