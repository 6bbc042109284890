-- Which quotes travelled furthest: carried by the most articles, and who said them?
SELECT quote_text, speaker, n_articles, n_outlets, first_published
FROM quote_spread
ORDER BY n_articles DESC, n_outlets DESC, first_published
LIMIT 20;
