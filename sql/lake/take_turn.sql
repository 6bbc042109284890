-- First statement of every write transaction on a lake (sql/lake/schema.sql says why).
UPDATE lake_commits SET commits = commits + 1;
