INSERT INTO runs (run_id, started_at, status, inbox, pipeline_version, writer)
VALUES ($run_id, $started_at, 'running', $inbox, $pipeline_version, $writer);
