-- Every article with its quote texts, oldest load first: a story's id comes from its
-- first member in this order, so it stays put when later articles join the story.
SELECT a.article_id, a.body, coalesce(list(q.quote_text ORDER BY q.start_char) FILTER (WHERE q.quote_text IS NOT NULL), []) AS quotes
FROM articles a
LEFT JOIN quotes q USING (article_id)
GROUP BY a.article_id, a.body, a.ingested_at
ORDER BY a.ingested_at, a.article_id;
