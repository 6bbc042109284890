-- newsfacts warehouse schema. Applied on every connection that writes; every
-- statement is idempotent. Column order of the loaded tables matches the Arrow
-- schemas in src/newsfacts/records.py (batches are inserted by position).
-- Spans (start_char, end_char) index into articles.body:
--   substr(body, start_char + 1, end_char - start_char) is the fact's text.

-- One row per pipeline run, written when it starts and updated when it ends.
CREATE TABLE IF NOT EXISTS runs (
    run_id            VARCHAR PRIMARY KEY,
    started_at        TIMESTAMPTZ NOT NULL,
    finished_at       TIMESTAMPTZ,
    status            VARCHAR NOT NULL,     -- running | succeeded | failed | cancelled
    inbox             VARCHAR,
    pipeline_version  VARCHAR NOT NULL,
    files_seen        INTEGER DEFAULT 0,
    files_new         INTEGER DEFAULT 0,
    articles_loaded   INTEGER DEFAULT 0,
    files_quarantined INTEGER DEFAULT 0,
    rows_quarantined  INTEGER DEFAULT 0,
    error             VARCHAR
);
-- Progress of a run while it runs: files it will read, and files done so far.
ALTER TABLE runs ADD COLUMN IF NOT EXISTS files_total INTEGER DEFAULT 0;
ALTER TABLE runs ADD COLUMN IF NOT EXISTS files_done INTEGER DEFAULT 0;
-- The machine and run lock (host:database path) of a run on a lake, where several write at once.
ALTER TABLE runs ADD COLUMN IF NOT EXISTS writer VARCHAR;

-- Every version of every file seen in the inbox: the basis of incremental runs.
CREATE TABLE IF NOT EXISTS files (
    source_file      VARCHAR NOT NULL,     -- path relative to the inbox
    version          INTEGER NOT NULL,     -- 1, 2, ... as the bytes change
    content_sha256   VARCHAR NOT NULL,
    size_bytes       BIGINT NOT NULL,
    mtime_ns         BIGINT NOT NULL,
    status           VARCHAR NOT NULL,     -- loaded | duplicate | renamed | quarantined
    duplicate_of     VARCHAR,              -- source_file already holding these bytes
    run_id           VARCHAR NOT NULL,
    seen_at          TIMESTAMPTZ NOT NULL,
    deleted_at       TIMESTAMPTZ           -- set when the file left the inbox
);
-- A file moved or renamed: the path whose bytes these are, which left the inbox in the same run.
ALTER TABLE files ADD COLUMN IF NOT EXISTS renamed_from VARCHAR;

-- One row per article, as first loaded: history. current_articles is what the inbox holds now.
CREATE TABLE IF NOT EXISTS articles (
    article_id       VARCHAR NOT NULL,     -- hash of the file's bytes, or of the feed item's own JSON
    source_file      VARCHAR NOT NULL,     -- the file that first loaded it (current_articles: where it is now)
    content_sha256   VARCHAR NOT NULL,     -- that file version's bytes
    part             INTEGER NOT NULL,     -- 0, or the item's position in that feed
    version          INTEGER NOT NULL,     -- that file version
    title            VARCHAR,
    published_date   DATE,                 -- NULL when the text gives none
    published_text   VARCHAR,              -- the text the date was read from
    outlet           VARCHAR,
    author           VARCHAR,
    url              VARCHAR,
    body             VARCHAR NOT NULL,
    word_count       INTEGER NOT NULL,
    removed_json     VARCHAR,              -- page furniture removed: [{kind, text}]
    sections_json    VARCHAR,              -- named sections kept: [{name, start_char, end_char}]
    pipeline_version VARCHAR NOT NULL,
    run_id           VARCHAR NOT NULL,
    ingested_at      TIMESTAMPTZ NOT NULL
);

-- The articles each loaded file content holds, in file order. A file version holds the items
-- of its bytes, so a copy, a moved file or a reverted edit needs no rows of its own, and an
-- edited feed lists the articles it still holds (most of them loaded by an earlier version).
CREATE TABLE IF NOT EXISTS content_items (
    content_sha256 VARCHAR NOT NULL,       -- files.content_sha256
    part           INTEGER NOT NULL,       -- position in the file, from 0
    item_key       VARCHAR,                -- a feed item's key ("id:123", "url:…", "#4"); NULL for a one-article file
    article_id     VARCHAR NOT NULL
);
-- Warehouses made before content_items: each loaded content holds the articles it loaded.
INSERT INTO content_items
SELECT content_sha256, part, NULL, article_id
FROM articles
WHERE content_sha256 NOT IN (SELECT content_sha256 FROM content_items);

CREATE TABLE IF NOT EXISTS people (
    article_id VARCHAR NOT NULL,
    person_id  VARCHAR NOT NULL,           -- same canonical name, same id, in every article
    name       VARCHAR NOT NULL,
    role       VARCHAR,
    mentions   INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL
);
-- Whether the role is one the person held before ('former') or has just taken ('new'); NULL is
-- neither. The role itself is the office alone, so a former home secretary and a new one share it.
ALTER TABLE people ADD COLUMN IF NOT EXISTS role_status VARCHAR;

CREATE TABLE IF NOT EXISTS quotes (
    article_id        VARCHAR NOT NULL,
    quote_id          VARCHAR NOT NULL,
    speaker           VARCHAR,
    speaker_person_id VARCHAR,
    quote_text        VARCHAR NOT NULL,
    start_char        INTEGER NOT NULL,
    end_char          INTEGER NOT NULL,
    is_partial        BOOLEAN NOT NULL
);

CREATE TABLE IF NOT EXISTS quantities (
    article_id  VARCHAR NOT NULL,
    quantity_id VARCHAR NOT NULL,
    value       DOUBLE NOT NULL,
    unit        VARCHAR NOT NULL,
    qualifier   VARCHAR,
    about       VARCHAR,
    sentence    VARCHAR,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS entities (
    article_id   VARCHAR NOT NULL,
    entity_type  VARCHAR NOT NULL,
    name         VARCHAR NOT NULL,
    country_iso2 VARCHAR,
    mentions     INTEGER NOT NULL,
    start_char   INTEGER NOT NULL,         -- first mention
    end_char     INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS date_mentions (
    article_id VARCHAR NOT NULL,
    text       VARCHAR NOT NULL,
    resolved   VARCHAR,                    -- ISO 8601 at the precision given (2007-06-20, 2007-06, 2007-W25, 2007, 199); NULL if unresolvable
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS links (
    article_id VARCHAR NOT NULL,
    url        VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS dq_flags (
    article_id VARCHAR NOT NULL,
    "check"    VARCHAR NOT NULL,
    severity   VARCHAR NOT NULL,           -- error | warning | info
    message    VARCHAR NOT NULL,
    run_id     VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS story_clusters (
    cluster_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL
);

-- One row per expectation per run that validated rows, merged over the run's batches
-- in each batch's own transaction (sql/load/merge_dq_results.sql). A run with nothing
-- to validate has none.
CREATE TABLE IF NOT EXISTS dq_results (
    run_id           VARCHAR NOT NULL,
    suite            VARCHAR NOT NULL,
    expectation      VARCHAR NOT NULL,     -- the GE expectation type
    column_name      VARCHAR,
    severity         VARCHAR NOT NULL,     -- error | warning (the expectation's meta)
    success          BOOLEAN NOT NULL,     -- passed in every batch
    element_count    BIGINT,               -- summed over batches
    unexpected_count BIGINT,               -- summed over batches
    checked_at       TIMESTAMPTZ NOT NULL  -- the last batch checked
);
-- Added when dq_results became one row per expectation per run; older warehouses had one
-- row per expectation per batch, and upgrade here.
ALTER TABLE dq_results ADD COLUMN IF NOT EXISTS expectation_key VARCHAR;   -- type:hash of kwargs, stable within the suite
ALTER TABLE dq_results ADD COLUMN IF NOT EXISTS batches INTEGER DEFAULT 1; -- batches validated
ALTER TABLE dq_results ADD COLUMN IF NOT EXISTS batches_failed INTEGER;    -- batches it failed in
ALTER TABLE dq_results ADD COLUMN IF NOT EXISTS unexpected_sample VARCHAR; -- JSON array of up to 5 distinct unexpected values, as text
-- Rows written before the columns existed were one batch each.
UPDATE dq_results SET batches_failed = CASE WHEN success THEN 0 ELSE 1 END WHERE batches_failed IS NULL;

CREATE TABLE IF NOT EXISTS quarantine (
    run_id         VARCHAR NOT NULL,
    source_file    VARCHAR,
    stage          VARCHAR NOT NULL,       -- read | decode | parse | extract | validate:<table>
    reason         VARCHAR NOT NULL,
    content_sha256 VARCHAR,
    raw            BLOB,                   -- the input bytes (NULL over the size limit)
    row_json       VARCHAR,                -- the rejected row, for validation failures
    quarantined_at TIMESTAMPTZ NOT NULL
);

