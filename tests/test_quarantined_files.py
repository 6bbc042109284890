"""Quarantine as a state (issue 20): the `quarantined_files` view, run after run, through real `newsfacts run`s."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.goldlib import newsfacts

ARTICLE = (
    "Harbour plan approved by the council\n\n"
    "The council approved the harbour plan on Monday after a debate that lasted four hours. "
    "Councillors said the new quay would open next spring and cost 12 million euros.\n"
)
FIXED = (
    "Ferry timetable changes from May\n\n"
    "The ferry company said on Tuesday that crossings would leave every two hours from May. "
    "Passengers will be able to book the new sailings from next week.\n"
)


def held(db: Path) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(
            "SELECT source_file, whole_file, stage, reason, first_quarantined_at FROM quarantined_files "
            "ORDER BY source_file"
        ).fetchall()


@pytest.mark.slow
def test_a_quarantined_file_stays_listed_until_fixed_or_removed(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "good.txt").write_text(ARTICLE)
    (inbox / "broken.txt").write_bytes(b"\x00\x01 not text \x00" * 20)
    (inbox / "empty.txt").write_bytes(b"")
    db, report = tmp_path / "w.duckdb", tmp_path / "report.html"

    def run() -> str:
        done = newsfacts("run", "--inbox", str(inbox), "--db", str(db), "--report", str(report), cwd=tmp_path)
        assert done.returncode == 0, done.stdout + done.stderr
        return report.read_text()

    run()
    first = held(db)
    assert [(f, whole, stage) for f, whole, stage, _, _ in first] == [
        ("broken.txt", True, "decode"),
        ("empty.txt", True, "decode"),
    ]
    assert "binary" in first[0][3] and "empty" in first[1][3]

    # A run that finds nothing new still holds them, from when they were first quarantined.
    page = run()
    assert held(db) == first
    assert "This run validated nothing" in page and "In quarantine now (2)" in page
    assert page.index("In quarantine now (2)") < page.index("Flags on the current articles")

    # Fixed (new bytes that load) or removed from the inbox, a file leaves quarantine.
    (inbox / "broken.txt").write_text(FIXED)
    (inbox / "empty.txt").unlink()
    page = run()
    assert held(db) == []
    assert "Nothing is in quarantine." in page
    with duckdb.connect(str(db), read_only=True) as con:  # the events stay in the quarantine table
        assert con.execute("SELECT count(*) FROM quarantine").fetchone() == (2,)


def test_rows_rejected_from_a_loaded_file_are_held_with_it_until_it_changes() -> None:
    """A file that loaded with rows rejected (a bad .jsonl line, an error-level expectation) is listed
    with its rows until a new version of it loads; an unreadable file (no hash) is listed too."""
    con = duckdb.connect()
    con.execute((Path(__file__).resolve().parents[1] / "sql" / "schema.sql").read_text())
    con.execute((Path(__file__).resolve().parents[1] / "sql" / "views" / "quarantined_files.sql").read_text())
    con.execute(
        """
        INSERT INTO files (source_file, version, content_sha256, size_bytes, mtime_ns, status, duplicate_of, run_id, seen_at, deleted_at) VALUES
          ('feed.jsonl', 1, 'f1', 9, 1, 'loaded', NULL, 'r1', TIMESTAMPTZ '2024-05-01 08:00:00+00', NULL),
          ('locked.txt', 1, '', 9, 1, 'quarantined', NULL, 'r1', TIMESTAMPTZ '2024-05-01 08:00:00+00', NULL),
          ('old.jsonl', 1, 'o1', 9, 1, 'loaded', NULL, 'r1', TIMESTAMPTZ '2024-05-01 08:00:00+00', NULL),
          ('old.jsonl', 2, 'o2', 9, 2, 'loaded', NULL, 'r2', TIMESTAMPTZ '2024-05-02 08:00:00+00', NULL);
        INSERT INTO quarantine VALUES
          ('r1', 'feed.jsonl', 'parse', 'line 3: not JSON', 'f1', NULL, NULL, TIMESTAMPTZ '2024-05-01 08:00:01+00'),
          ('r1', 'feed.jsonl', 'validate:articles', 'expect_column_values_to_be_between on published_date',
           'f1', NULL, '{}', TIMESTAMPTZ '2024-05-01 08:00:02+00'),
          ('r1', 'locked.txt', 'read', 'permission denied', NULL, NULL, NULL, TIMESTAMPTZ '2024-05-01 08:00:01+00'),
          ('r1', 'old.jsonl', 'parse', 'line 1: not JSON', 'o1', NULL, NULL, TIMESTAMPTZ '2024-05-01 08:00:01+00');
        """
    )
    rows = con.execute(
        "SELECT source_file, whole_file, stage, records FROM quarantined_files ORDER BY source_file"
    ).fetchall()
    assert rows == [("feed.jsonl", False, "validate:articles", 2), ("locked.txt", True, "read", 1)]


def test_a_rejected_fact_row_leaves_quarantine_when_a_reprocess_rebuilds_its_article() -> None:
    """`run --reprocess` rebuilds an article's facts from the stored article: the rows its first build
    had rejected are no longer held (a suite that learnt a new value loads them), the rows the rebuild
    rejects are; a bad line of the file itself stays until the file changes."""
    con = duckdb.connect()
    con.execute((Path(__file__).resolve().parents[1] / "sql" / "schema.sql").read_text())
    con.execute((Path(__file__).resolve().parents[1] / "sql" / "views" / "quarantined_files.sql").read_text())
    con.execute(
        """
        INSERT INTO files (source_file, version, content_sha256, size_bytes, mtime_ns, status, duplicate_of, run_id, seen_at, deleted_at) VALUES
          ('fixed.txt', 1, 'x1', 9, 1, 'loaded', NULL, 'r1', TIMESTAMPTZ '2024-05-01 08:00:00+00', NULL),
          ('still.txt', 1, 's1', 9, 1, 'loaded', NULL, 'r1', TIMESTAMPTZ '2024-05-01 08:00:00+00', NULL),
          ('feed.jsonl', 1, 'f1', 9, 1, 'loaded', NULL, 'r1', TIMESTAMPTZ '2024-05-01 08:00:00+00', NULL);
        INSERT INTO articles (article_id, source_file, content_sha256, part, version, body, word_count, pipeline_version, run_id, ingested_at)
        SELECT id, file, sha, 0, 1, 'text', 1, '2', 'r2', TIMESTAMPTZ '2024-05-02 08:00:00+00'
        FROM (VALUES ('ax', 'fixed.txt', 'x1'), ('as', 'still.txt', 's1'), ('af', 'feed.jsonl', 'f1')) AS t(id, file, sha);
        INSERT INTO quarantine VALUES
          ('r1', 'fixed.txt', 'validate:date_mentions', 'resolved: 2003/2004', 'x1', NULL, '{"article_id": "ax"}', TIMESTAMPTZ '2024-05-01 08:00:01+00'),
          ('r1', 'still.txt', 'validate:date_mentions', 'resolved: 2003/2004', 's1', NULL, '{"article_id": "as"}', TIMESTAMPTZ '2024-05-01 08:00:01+00'),
          ('r2', 'still.txt', 'validate:quotes', 'speaker is empty', 's1', NULL, '{"article_id": "as"}', TIMESTAMPTZ '2024-05-02 08:00:01+00'),
          ('r1', 'feed.jsonl', 'parse', 'line 3: not JSON', 'f1', NULL, NULL, TIMESTAMPTZ '2024-05-01 08:00:01+00');
        """
    )
    rows = con.execute(
        "SELECT source_file, stage, records FROM quarantined_files ORDER BY source_file"
    ).fetchall()
    assert rows == [("feed.jsonl", "parse", 1), ("still.txt", "validate:quotes", 1)]
