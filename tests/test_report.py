"""The HTML report: what it leads with, escaping, the current warehouse only, and a real browser render.

Most tests use a small hand-made warehouse; the size test builds 3,000 synthetic
articles through `store.load_batch` and measures the rendered page in Chromium.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from newsfacts import records, store
from newsfacts.report import FLAG_LIST_CAP, write_report
from tests import browser

HOSTILE = "<script>alert(1)</script>"
# A page a person reads: measured 3,182 px for the 3,000-article warehouse below at 1280 px wide
# (the report before issue 20 listed every flagged article: 52,000 px for 300 BBC files).
MAX_HEIGHT_PX = 6000


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    store.ensure_schema(con)
    con.execute(
        """
        INSERT INTO runs (run_id, started_at, finished_at, status, inbox, pipeline_version, files_seen, files_new, articles_loaded, files_quarantined, rows_quarantined, error) VALUES
          ('run-old', TIMESTAMPTZ '2024-05-01 08:00:00+00', TIMESTAMPTZ '2024-05-01 08:01:00+00',
           'succeeded', 'seeds', '0.1', 4, 4, 4, 1, 0, NULL),
          ('run-new', TIMESTAMPTZ '2024-05-02 08:00:00+00', TIMESTAMPTZ '2024-05-02 08:02:00+00',
           'succeeded', 'seeds', '0.1', 7, 3, 2, 1, 1, NULL);
        INSERT INTO files (source_file, version, content_sha256, size_bytes, mtime_ns, status, duplicate_of, run_id, seen_at, deleted_at) VALUES
          ('evil.html', 1, 'ab', 10, 1, 'loaded', NULL, 'run-new', TIMESTAMPTZ '2024-05-02 08:00:05+00', NULL),
          ('plain.txt', 1, 'c0', 10, 1, 'loaded', NULL, 'run-old', TIMESTAMPTZ '2024-05-01 08:00:05+00', NULL),
          ('plain.txt', 2, 'cd', 10, 2, 'loaded', NULL, 'run-new', TIMESTAMPTZ '2024-05-02 08:00:05+00', NULL),
          ('empty.txt', 1, 'e3', 0, 1, 'quarantined', NULL, 'run-new', TIMESTAMPTZ '2024-05-02 08:00:05+00', NULL),
          ('future.txt', 1, 'f0', 10, 1, 'loaded', NULL, 'run-new', TIMESTAMPTZ '2024-05-02 08:00:05+00', NULL),
          ('gone.bin', 1, 'b1', 10, 1, 'quarantined', NULL, 'run-old', TIMESTAMPTZ '2024-05-01 08:00:05+00',
           TIMESTAMPTZ '2024-05-02 08:00:06+00');
        INSERT INTO articles VALUES
          ('a-hostile', 'evil.html', 'ab', 0, 1, '<script>alert(1)</script>', NULL, NULL,
           'Bad <b>Outlet</b>', NULL, NULL, 'Body with <img src=x onerror=alert(2)> markup in it.',
           8, '[]', '[]', '0.1', 'run-new', TIMESTAMPTZ '2024-05-02 08:01:00+00'),
          ('a-plain-v1', 'plain.txt', 'c0', 0, 1, 'Ministers discuss border plan', NULL,
           NULL, 'Example Times', NULL, NULL, 'Too short.',
           2, '[]', '[]', '0.1', 'run-old', TIMESTAMPTZ '2024-05-01 08:01:00+00'),
          ('a-plain', 'plain.txt', 'cd', 0, 2, 'Ministers agree border plan', DATE '2007-06-21',
           NULL, 'Example Times', NULL, NULL, 'Britain and France agreed a plan on Tuesday.',
           8, '[]', '[]', '0.1', 'run-new', TIMESTAMPTZ '2024-05-02 08:01:00+00');
        INSERT INTO content_items SELECT content_sha256, part, NULL, article_id FROM articles;
        INSERT INTO dq_flags VALUES
          ('a-hostile', 'no-publication-date', 'warning', 'no publication date in the text', 'run-new'),
          ('a-plain', 'removed-paywall', 'warning',
           'paywall or registration text removed from body (839 chars)', 'run-new'),
          ('a-plain', 'date-disagrees', 'warning',
           'publication date 2007-06-21 disagrees with 2 other article(s)', 'run-new'),
          ('a-plain-v1', 'no-publication-date', 'warning', 'no publication date in the text', 'run-old'),
          ('a-plain-v1', 'short-body', 'warning', 'very short body (2 words)', 'run-old');
        INSERT INTO dq_results BY NAME (
          SELECT *, TIMESTAMPTZ '2024-05-02 08:00:30+00' AS checked_at, 1 AS batches,
                 CASE WHEN success THEN 0 ELSE 1 END AS batches_failed
          FROM (VALUES
            ('run-old', 'articles', 'expect_column_values_to_be_unique', 'article_id', 'error', true, 4, 0,
             NULL),
            ('run-old', 'quotes', 'expect_column_values_to_not_be_null', 'speaker', 'warning', true, 6, 0,
             NULL),
            ('run-new', 'articles', 'expect_column_values_to_be_unique', 'article_id', 'error', true, 3, 0,
             NULL),
            ('run-new', 'articles', 'expect_column_values_to_be_between', 'published_date', 'error', false, 3,
             1, '["2999-01-01"]'),
            ('run-new', 'quotes', 'expect_column_values_to_not_be_null', 'speaker', 'warning', false, 10, 4,
             '[null]')
          ) AS t(run_id, suite, expectation, column_name, severity, success, element_count,
                 unexpected_count, unexpected_sample)
        );
        INSERT INTO quarantine VALUES
          ('run-new', 'empty.txt', 'read', 'empty file (0 bytes)', 'e3', ''::BLOB, NULL,
           TIMESTAMPTZ '2024-05-02 08:00:10+00'),
          ('run-new', 'future.txt', 'validate:articles',
           'expect_column_values_to_be_between on published_date: value <2999-01-01>', 'f0',
           NULL, '{"title": "x"}', TIMESTAMPTZ '2024-05-02 08:00:40+00'),
          ('run-old', 'gone.bin', 'decode', 'binary content', 'b1', 'xx'::BLOB, NULL,
           TIMESTAMPTZ '2024-05-01 08:00:10+00');
        """
    )
    return con


def page_of(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> str:
    return write_report(con, tmp_path / "report.html").read_text()


def test_report_leads_with_verdict_then_quarantine_then_failures_then_counts_and_flags(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    page = page_of(con, tmp_path)
    order = [
        page.index('class="verdict error"'),
        page.index("In quarantine now ("),
        page.index("Failed expectations in this run (2)"),
        page.index("Expectations per suite"),
        page.index("Recent runs"),
        page.index("Flags on the current articles"),
    ]
    assert order == sorted(order)
    assert "1 error-level expectation failed: their failing rows were quarantined" in page
    assert "1 warning-level expectation failed" in page
    assert "Every expectation passed" not in page


def test_a_failed_warning_is_never_under_a_green_verdict(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    con.execute("UPDATE dq_results SET success = true, unexpected_count = 0 WHERE severity = 'error'")
    page = page_of(con, tmp_path)
    assert '<p class="verdict warning">Every error-level expectation passed, but 1 warning-level' in page
    assert "Every expectation passed" not in page and 'class="verdict ok"' not in page


def test_all_passed_is_green_and_a_run_that_validated_nothing_says_so(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    con.execute("UPDATE dq_results SET success = true, unexpected_count = 0")
    assert '<p class="verdict ok">Every expectation passed: 3 expectations on 16 values.' in page_of(con, tmp_path)
    con.execute("DELETE FROM dq_results WHERE run_id = 'run-new'")
    page = page_of(con, tmp_path)
    assert '<p class="verdict info">This run validated nothing' in page
    # what was last validated follows, named as such
    assert (
        '<p class="verdict ok">The last run that validated articles (run-old, 2024-05-01 08:00 UTC): '
        "Every expectation passed: 2 expectations on 10 values." in page
    )
    assert "Expectations per suite in the last run that validated articles (run-old)" in page


def test_a_failed_run_leads_with_its_error(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    con.execute("UPDATE runs SET status = 'failed', error = 'OSError: disk full' WHERE run_id = 'run-new'")
    page = page_of(con, tmp_path)
    assert page.index('<p class="verdict error">This run failed: OSError: disk full.') < page.index("In quarantine")


def test_failed_expectations_show_meaning_count_samples_and_trend(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    page = page_of(con, tmp_path)
    failed = page[page.index("Failed expectations in this run") : page.index("Expectations per suite")]
    # the suite's meta.why, from expectations/articles.json and quotes.json
    assert "a publication date in the future or before 1990 is a misread date" in failed
    assert "most full quotes should be attributed" in failed
    assert "<strong>4</strong> unexpected of 10 values (40.0%)" in failed
    assert '<code class="sample">2999-01-01</code>' in failed and '<code class="sample">null</code>' in failed
    # the trend: one bar per recent run, the old run passed with 0 unexpected
    assert failed.count('<svg class="chart"') == 2
    assert "2024-05-01 08:00 UTC (run-old): 0" in failed and "2024-05-02 08:00 UTC (run-new): 4" in failed
    history = page[page.index("Expectations that failed in a recent run") :]
    assert "run-old): passed" in history and "run-new): failed, 4 unexpected" in history


def test_expectations_are_counted_once_per_run_over_batches(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    """Rows written one per batch (before dq_results held one per run) still count each expectation once."""
    con.execute(
        """INSERT INTO dq_results (run_id, suite, expectation, column_name, severity, success, element_count,
             unexpected_count, checked_at)
           SELECT run_id, suite, expectation, column_name, severity, true, 5, 0, checked_at
           FROM dq_results WHERE run_id = 'run-new'"""
    )
    con.execute("UPDATE dq_results SET batches = NULL, batches_failed = NULL")
    page = page_of(con, tmp_path)
    assert re.search(r"Expectations passed</div><div class=\"value\">1 / 3<", page)
    assert "<strong>4</strong> unexpected of 15 values (26.7%) in 1 of 2 batches" in page


def test_quarantine_is_the_current_state_not_this_runs_events(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    page = page_of(con, tmp_path)
    held = page[page.index("In quarantine now (") : page.index("Failed expectations")]
    assert "In quarantine now (2)" in held
    assert "empty file (0 bytes)" in held and "whole file" in held
    assert "validate:articles" in held and "1 row" in held
    assert "gone.bin" not in held  # removed from the inbox
    assert "2 files in quarantine now" in page  # in the verdict too
    # A later run that found nothing new still shows them, at the top.
    con.execute(
        """INSERT INTO runs (run_id, started_at, finished_at, status, inbox, pipeline_version, files_seen, files_new, articles_loaded, files_quarantined, rows_quarantined, error) VALUES ('run-idle', TIMESTAMPTZ '2024-05-03 08:00:00+00',
           TIMESTAMPTZ '2024-05-03 08:00:01+00', 'succeeded', 'seeds', '0.1', 7, 0, 0, 0, 0, NULL)"""
    )
    # As a run writes them before dq_results holds one row per run: an empty batch's results.
    con.execute(
        """INSERT INTO dq_results (run_id, suite, expectation, column_name, severity, success, element_count,
             unexpected_count, checked_at)
           SELECT 'run-idle', suite, expectation, column_name, severity, true, 0, 0, checked_at
           FROM dq_results WHERE run_id = 'run-new'"""
    )
    page = page_of(con, tmp_path)
    assert "This run validated nothing" in page and "In quarantine now (2)" in page
    assert "(run-idle): not validated" in page and "(run-idle): passed" not in page
    # and the failures of the run that last validated stay on show, named as such
    assert '<p class="verdict error">The last run that validated articles (run-new, ' in page
    assert "Failed expectations in the last run that validated articles (run-new) (2)" in page


def test_flags_are_summarised_per_check_on_current_articles_only(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    page = page_of(con, tmp_path)
    flags = page[page.index("Flags on the current articles") :]
    assert "2 of 2 current articles carry at least one flag" in flags
    assert "<code>no-publication-date</code> <strong>1 article</strong>" in flags  # not the old version's
    assert "50.0% of current articles" in flags
    assert "short-body" not in flags  # only the superseded version had it
    assert "paywall or registration text removed from body (839 chars)" in flags
    assert "Ministers agree border plan" in flags and "Ministers discuss" not in flags


def test_report_escapes_all_article_text(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    con.execute("UPDATE dq_results SET unexpected_sample = '[\"<img src=x onerror=alert(3)>\"]' WHERE NOT success")
    con.execute("UPDATE quarantine SET source_file = '<b>bad</b>.txt' WHERE source_file = 'empty.txt'")
    con.execute("UPDATE files SET source_file = '<b>bad</b>.txt' WHERE source_file = 'empty.txt'")
    page = page_of(con, tmp_path)
    body = page[page.index("<body>") :]
    assert "<script" not in page and "<img" not in page and "<b>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(3)&gt;" in page
    assert "&lt;b&gt;bad&lt;/b&gt;.txt" in page
    assert "value &lt;2999-01-01&gt;" in page
    assert tags(page) <= REPORT_TAGS  # only the report's own markup, whatever the data held


REPORT_TAGS = {
    *("html", "head", "meta", "title", "style", "body", "header", "main", "footer", "section", "h1", "h2", "h3"),
    *("p", "div", "span", "strong", "code", "a", "table", "thead", "tbody", "tr", "th", "td", "ul", "li"),
    *("details", "summary", "figure", "figcaption", "svg", "rect", "line"),
}


def tags(page: str) -> set[str]:
    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.seen: set[str] = set()

        def handle_starttag(self, tag: str, attrs: object) -> None:
            self.seen.add(tag)

    parser = Tags()
    parser.feed(page)
    return parser.seen


def test_report_links_data_docs_relatively(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    docs = tmp_path / "docs" / "index.html"
    docs.parent.mkdir()
    docs.write_text("<html></html>")
    page = write_report(con, tmp_path / "out" / "report.html", docs).read_text()
    assert 'href="../docs/index.html"' in page


def test_report_on_an_empty_warehouse(tmp_path: Path) -> None:
    con = duckdb.connect()
    store.ensure_schema(con)
    page = write_report(con, tmp_path / "report.html").read_text()
    assert "No runs yet" in page


# ---------------------------------------------------------------- 3,000 articles, in a browser

CHECKS = (  # (check, severity, every n-th article, message)
    ("no-publication-date", "warning", 1, "no publication date in the text"),
    ("short-body", "warning", 7, "very short body (31 words)"),
    ("removed-paywall", "warning", 40, "paywall or registration text removed from body (420 chars)"),
    ("date-disagrees", "warning", 90, "publication date 2004-12-01 disagrees with 3 other article(s)"),
    ("near-duplicate", "info", 25, "near copy of an earlier article"),
    ("language", "warning", 500, "the body reads as de, not English"),
)


def synthetic_warehouse(con: duckdb.DuckDBPyConnection, n_articles: int = 3000, n_runs: int = 6) -> None:
    """`n_articles` articles loaded over `n_runs` runs (the last one idle), with flags, failing
    expectations with samples and 20 quarantined files: rows made directly, deterministic."""
    store.ensure_schema(con)
    start = datetime(2024, 5, 1, 8, tzinfo=UTC)
    per_run = -(-n_articles // (n_runs - 1))
    for r in range(n_runs):
        run_id = f"run-{r}"
        now = start + timedelta(hours=r)
        store.start_run(con, run_id, "/inbox", "0.2.0")
        con.execute("UPDATE runs SET started_at = $t WHERE run_id = $r", {"t": now, "r": run_id})
        ids = range(r * per_run, min((r + 1) * per_run, n_articles)) if r < n_runs - 1 else range(0)
        articles = [
            {
                "article_id": f"{k:064x}",
                "source_file": f"{k // 500:02d}/article-{k:05d}.txt",
                "content_sha256": f"{k:064x}",
                "part": 0,
                "version": 1,
                "title": f"Council backs harbour plan number {k} after a long debate <{k}>",
                "published_date": None,
                "published_text": None,
                "outlet": "Example Times",
                "author": None,
                "url": None,
                "body": f"The council approved plan {k} on Monday. " * 8,
                "word_count": 56,
                "removed_json": "[]",
                "sections_json": "[]",
                "pipeline_version": "0.2.0",
                "run_id": run_id,
                "ingested_at": now,
            }
            for k in ids
        ]
        bad = [f"{n_articles + r * 4 + i:02d}/broken-{r}-{i}.bin" for i in range(4)] if r < n_runs - 1 else []
        files = [
            {
                "source_file": a["source_file"],
                "version": 1,
                "content_sha256": a["content_sha256"],
                "size_bytes": 400,
                "mtime_ns": 1,
                "status": "loaded",
                "duplicate_of": None,
                "run_id": run_id,
                "seen_at": now,
                "deleted_at": None,
            }
            for a in articles
        ] + [
            {
                "source_file": name,
                "version": 1,
                "content_sha256": f"bad{name}",
                "size_bytes": 9,
                "mtime_ns": 1,
                "status": "quarantined",
                "duplicate_of": None,
                "run_id": run_id,
                "seen_at": now,
                "deleted_at": None,
            }
            for name in bad
        ]
        quarantine = [
            {
                "run_id": run_id,
                "source_file": name,
                "stage": "decode",
                "reason": "binary content (NUL bytes), not text",
                "content_sha256": f"bad{name}",
                "raw": b"\0\1",
                "row_json": None,
                "quarantined_at": now,
            }
            for name in bad
        ]
        flags = [
            {"article_id": f"{k:064x}", "check": check, "severity": severity, "message": message, "run_id": run_id}
            for k in ids
            for check, severity, every, message in CHECKS
            if k % every == 0
        ]
        results = [
            {
                "run_id": run_id,
                "suite": suite,
                "expectation": expectation,
                "column_name": column,
                "severity": severity,
                "success": not failing,
                "element_count": len(ids) * 4,
                "unexpected_count": (len(ids) // 12) if failing else 0,
                "checked_at": now,
                "expectation_key": f"{expectation}:{column}",
                "batches": 8,
                "batches_failed": 3 if failing else 0,
                "unexpected_sample": json.dumps([f"Ann {i}" for i in range(5)]) if failing else None,
            }
            for suite, expectation, column, severity, failing in (
                ("articles", "expect_column_values_to_not_be_null", "article_id", "error", False),
                ("articles", "expect_column_values_to_not_be_null", "title", "warning", False),
                ("people", "expect_column_values_to_match_regex", "name", "warning", r % 2 == 0),
                ("quantities", "expect_column_values_to_be_in_set", "unit", "warning", True),
                ("spans", "expect_column_values_to_be_between", "start_char", "error", r == 1),
            )
            if ids
        ]
        store.load_batch(
            con,
            run_id,
            {
                "articles": pa.Table.from_pylist(articles, schema=records.ARTICLES),
                "dq_flags": pa.Table.from_pylist(flags, schema=records.DQ_FLAGS),
            },
            pa.Table.from_pylist(files, schema=records.FILES),
            [pa.Table.from_pylist(quarantine, schema=records.QUARANTINE)],
            pa.Table.from_pylist(results, schema=records.DQ_RESULTS),
            [],
            items=pa.Table.from_pylist(
                [
                    {"content_sha256": a["content_sha256"], "part": 0, "item_key": None, "article_id": a["article_id"]}
                    for a in articles
                ],
                schema=records.CONTENT_ITEMS,
            ),
        )
        store.finish_run(con, run_id, "succeeded", n_articles)


@pytest.fixture(scope="module")
def big_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    con = duckdb.connect()
    synthetic_warehouse(con)
    return write_report(con, tmp_path_factory.mktemp("big") / "report.html")


def test_a_3000_article_report_summarises_instead_of_listing(big_report: Path) -> None:
    page = big_report.read_text()
    assert "3,000 of 3,000 current articles carry at least one flag" in page
    assert "<code>no-publication-date</code> <strong>3,000 articles</strong>" in page
    assert "100.0% of current articles" in page
    # each check lists at most FLAG_LIST_CAP articles, behind its disclosure
    assert page.count('<ul class="all">') == len(CHECKS)
    assert page.count("Council backs harbour plan") <= len(CHECKS) * FLAG_LIST_CAP
    assert "In quarantine now (20)" in page and "10 more" in page
    assert "This run validated nothing" in page  # the last run was idle
    assert len(page) < 400_000


def test_report_renders_in_chromium_at_a_readable_height(big_report: Path, tmp_path: Path) -> None:
    if browser.chromium() is None:
        pytest.skip("chromium is not installed (apt-get install chromium): the render check needs a browser")
    shot = tmp_path / "report.png"
    height = browser.render(big_report.as_uri(), shot)
    print(f"3,000-article report: document.body.scrollHeight = {height} px at 1280 px wide; screenshot {shot}")
    assert 1000 < height < MAX_HEIGHT_PX
    assert shot.stat().st_size > 10_000  # a page was painted, not a blank frame


def test_report_renders_in_chromium_without_running_scripts(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    if browser.chromium() is None:
        pytest.skip("chromium is not installed (apt-get install chromium): the render check needs a browser")
    import subprocess

    out = write_report(con, tmp_path / "report.html")
    dom = subprocess.run(
        [browser.chromium(), *browser.FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", out.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert "data-quality report" in dom and "Ministers agree border plan" in dom
    # The hostile title arrives as text, not as an element: no script element, no alert.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    assert "<script" not in dom.lower()
