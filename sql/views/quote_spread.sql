-- quote_spread: one row per quoted sentence carried by more than one article.
-- Quotes are split into sentences (an extraction may join paragraphs into one quote, or
-- not); a sentence is matched on its first 8 words after lower-casing and dropping
-- punctuation and quote marks, so curly vs straight quotes, spacing, and a quote cut
-- short or reworded after its eighth word still count as one. Sentences under 5 words
-- are left out. Same rule as newsfacts.stories.quote_key. quote_text is the sentence as
-- the first article printed it; speaker the most frequent attribution; n_outlets counts
-- known outlets only.
CREATE OR REPLACE VIEW quote_spread AS
WITH sentences AS (
    SELECT q.article_id, q.speaker, trim(s.sentence) AS sentence
    FROM quotes q,
         unnest(string_split(regexp_replace(q.quote_text, '([.!?])["''“”‘’]*\s+', '\1' || chr(10), 'g'), chr(10))) AS s(sentence)
),
keyed AS (
    SELECT *, string_split(trim(regexp_replace(lower(sentence), '[^\p{L}\p{N}]+', ' ', 'g')), ' ') AS words
    FROM sentences
)
SELECT first(k.sentence ORDER BY a.published_date NULLS LAST, a.ingested_at, k.article_id) AS quote_text,
       mode(k.speaker) AS speaker,
       count(DISTINCT k.article_id) AS n_articles,
       count(DISTINCT a.outlet) AS n_outlets,
       min(a.published_date) AS first_published,
       list(DISTINCT a.source_file ORDER BY a.source_file) AS articles
FROM keyed k
JOIN articles a USING (article_id)
WHERE len(k.words) >= 5
GROUP BY array_to_string(k.words[1:8], ' ')
HAVING count(DISTINCT k.article_id) > 1;
