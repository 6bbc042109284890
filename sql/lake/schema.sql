-- Only in a DuckLake. One row that every write transaction updates (sql/lake/take_turn.sql):
-- DuckLake merges concurrent inserts, but two transactions that change the same row conflict,
-- so the loser is rolled back and redone on the newer snapshot. Commits from several writers
-- thus happen one after another, each checked against everything committed before it.
CREATE TABLE IF NOT EXISTS lake_commits (commits BIGINT NOT NULL);
INSERT INTO lake_commits SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM lake_commits);
