"""The HTML report on a small hand-made warehouse: content, escaping, and a real browser render."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from newsfacts.report import write_report

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = "<script>alert(1)</script>"
CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
)


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute((ROOT / "sql" / "schema.sql").read_text())
    con.execute(
        """
        INSERT INTO runs (run_id, started_at, finished_at, status, inbox, pipeline_version, files_seen, files_new, articles_loaded, files_quarantined, rows_quarantined, error) VALUES
          ('run-old', TIMESTAMPTZ '2024-05-01 08:00:00+00', TIMESTAMPTZ '2024-05-01 08:01:00+00',
           'succeeded', 'seeds', '0.1', 4, 4, 4, 0, 0, NULL),
          ('run-new', TIMESTAMPTZ '2024-05-02 08:00:00+00', TIMESTAMPTZ '2024-05-02 08:02:00+00',
           'succeeded', 'seeds', '0.1', 7, 3, 2, 1, 1, NULL);
        INSERT INTO articles VALUES
          ('a-hostile', 'evil.html', 'ab', 0, 1, '<script>alert(1)</script>', NULL, NULL,
           'Bad <b>Outlet</b>', NULL, NULL, 'Body with <img src=x onerror=alert(2)> markup in it.',
           8, '[]', '[]', '0.1', 'run-new', TIMESTAMPTZ '2024-05-02 08:01:00+00'),
          ('a-plain', 'plain.txt', 'cd', 0, 1, 'Ministers agree border plan', DATE '2007-06-21',
           NULL, 'Example Times', NULL, NULL, 'Britain and France agreed a plan on Tuesday.',
           8, '[]', '[]', '0.1', 'run-new', TIMESTAMPTZ '2024-05-02 08:01:00+00');
        INSERT INTO dq_flags VALUES
          ('a-hostile', 'no-publication-date', 'warning', 'no publication date in the text',
           'run-new'),
          ('a-plain', 'removed-paywall', 'warning',
           'paywall or registration text removed from body (839 chars)', 'run-new'),
          ('a-plain', 'date-disagrees', 'warning',
           'publication date 2007-06-21 disagrees with 2 other article(s)', 'run-new');
        INSERT INTO dq_results VALUES
          ('run-old', 'articles', 'expect_column_values_to_be_unique', 'article_id', 'error',
           true, 4, 0, TIMESTAMPTZ '2024-05-01 08:00:30+00'),
          ('run-new', 'articles', 'expect_column_values_to_be_unique', 'article_id', 'error',
           true, 3, 0, TIMESTAMPTZ '2024-05-02 08:00:30+00'),
          ('run-new', 'articles', 'expect_column_values_to_be_between', 'published_date', 'error',
           false, 3, 1, TIMESTAMPTZ '2024-05-02 08:00:30+00'),
          ('run-new', 'quotes', 'expect_column_values_to_not_be_null', 'speaker', 'warning',
           false, 10, 4, TIMESTAMPTZ '2024-05-02 08:00:30+00');
        INSERT INTO quarantine VALUES
          ('run-new', 'empty.txt', 'read', 'empty file (0 bytes)', 'e3', ''::BLOB, NULL,
           TIMESTAMPTZ '2024-05-02 08:00:10+00'),
          ('run-new', 'future.txt', 'validate:articles',
           'expect_column_values_to_be_between on published_date: value <2999-01-01>', 'f0',
           NULL, '{"title": "x"}', TIMESTAMPTZ '2024-05-02 08:00:40+00');
        """
    )
    return con


def test_report_has_summary_suites_flags_quarantine_and_trends(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    out = write_report(con, tmp_path / "report.html")
    page = out.read_text()
    assert "run-new" in page
    assert "1 error-level expectation(s) failed" in page
    assert re.search(r"Expectations passed</div><div class=\"value\">1 / 3<", page)
    assert "expect_column_values_to_be_between" in page and "published_date" in page
    assert "paywall or registration text removed from body (839 chars)" in page
    assert "Ministers agree border plan" in page
    assert "Britain and France agreed a plan" in page  # the snippet
    assert "empty file (0 bytes)" in page and "validate:articles" in page
    assert "run-old" in page  # trends list earlier runs
    assert "Data Docs" not in page  # none given


def test_report_escapes_all_article_text(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    page = write_report(con, tmp_path / "report.html").read_text()
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img" not in page and "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "Bad &lt;b&gt;Outlet&lt;/b&gt;" in page
    assert "value &lt;2999-01-01&gt;" in page


def test_report_links_data_docs_relatively(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    docs = tmp_path / "docs" / "index.html"
    docs.parent.mkdir()
    docs.write_text("<html></html>")
    page = write_report(con, tmp_path / "out" / "report.html", docs).read_text()
    assert 'href="../docs/index.html"' in page


def test_report_on_an_empty_warehouse(tmp_path: Path) -> None:
    con = duckdb.connect()
    con.execute((ROOT / "sql" / "schema.sql").read_text())
    page = write_report(con, tmp_path / "report.html").read_text()
    assert "No runs yet" in page


def test_report_renders_in_chromium_without_running_scripts(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    if CHROMIUM is None:
        pytest.skip("chromium not installed (apt-get install chromium)")
    out = write_report(con, tmp_path / "report.html")
    flags = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
    ]
    dom = subprocess.run(
        [*flags, "--dump-dom", out.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout
    assert "data-quality report" in dom
    assert "Ministers agree border plan" in dom
    assert "paywall or registration text removed from body" in dom
    # The hostile title arrives as text, not as an element: no script element, no alert.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    assert "<script" not in dom.lower()
    shot = tmp_path / "report.png"
    subprocess.run(
        [*flags, f"--screenshot={shot}", "--window-size=1280,2400", out.as_uri()],
        capture_output=True, timeout=120, check=True,
    )
    assert shot.stat().st_size > 10_000  # a page was painted, not a blank frame
