-- quote_spread: one row per quoted sentence carried by more than one current article.
-- Quotes are split into sentences (an extraction may join paragraphs into one quote, or
-- not); a sentence is matched on its first 8 words after lower-casing and dropping
-- punctuation and quote marks, so curly vs straight quotes, spacing, and a quote cut
-- short or reworded after its eighth word still count as one. Sentences under 5 words
-- are left out. Same rule as newsfacts.stories.quote_key. quote_text is the sentence as
-- the first article printed it; speaker the most frequent attribution; n_outlets counts
-- known outlets only.
CREATE OR REPLACE VIEW quote_spread AS
WITH sentences AS (
    SELECT q.article_id, q.speaker, a.published_date, a.ingested_at, a.outlet, a.source_file,
           trim(s.sentence) AS sentence
    FROM quotes q
    JOIN current_articles a USING (article_id),
         unnest(string_split(regexp_replace(q.quote_text, '([.!?])["''“”‘’]*\s+', '\1' || chr(10), 'g'), chr(10))) AS s(sentence)
),
keyed AS (
    SELECT *, string_split(trim(regexp_replace(lower(sentence), '[^\p{L}\p{N}]+', ' ', 'g')), ' ') AS words
    FROM sentences
)
SELECT first(sentence ORDER BY published_date NULLS LAST, ingested_at, article_id) AS quote_text,
       mode(speaker) AS speaker,
       count(DISTINCT article_id) AS n_articles,
       count(DISTINCT outlet) AS n_outlets,
       min(published_date) AS first_published,
       list(DISTINCT source_file ORDER BY source_file) AS articles
FROM keyed
WHERE len(words) >= 5
GROUP BY array_to_string(words[1:8], ' ')
HAVING count(DISTINCT article_id) > 1;
