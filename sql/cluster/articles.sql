-- Every current article with its quote texts, oldest load first: a story's id comes from its
-- first member in this order, so it stays put when later articles join the story.
-- Quotes are gathered per article before the join, so no hash table is keyed on bodies.
WITH quote_lists AS (
    SELECT article_id, list(quote_text ORDER BY start_char) AS quotes
    FROM quotes
    WHERE quote_text IS NOT NULL
    GROUP BY article_id
)
SELECT a.article_id, a.body, coalesce(q.quotes, []) AS quotes
FROM current_articles a
LEFT JOIN quote_lists q USING (article_id)
ORDER BY a.ingested_at, a.article_id;
