-- What the warehouse holds now, whatever run loaded it.
SELECT
    (SELECT count(*) FROM articles) AS articles,
    (SELECT count(DISTINCT article_id) FROM dq_flags) AS flagged_articles,
    (SELECT count(*) FROM quarantine) AS quarantined_total;
