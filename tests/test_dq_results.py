"""dq_results holds one row per expectation per run, merged batch by batch inside each load (issue 20)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pytest

from newsfacts import quality, records, store
from newsfacts.ingest import run as ingest
from newsfacts.records import ExpectationTotals
from newsfacts.settings import SQL_DIR, Settings
from tests import goldlib
from tests.test_quality import article, batch, entity, quote

EXPECTATIONS = sum(len(s.expectations) for s in quality.suites().values())


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    store.ensure_schema(con)
    store.start_run(con, "r1", "inbox", "test")
    return con


def load(con: duckdb.DuckDBPyConnection, tables: dict[str, pa.Table], run_id: str = "r1") -> None:
    validated = quality.validate(tables, run_id)
    store.load_batch(
        con, run_id, validated.tables, records.FILES.empty_table(), [validated.rejected], validated.results, []
    )


def results(con: duckdb.DuckDBPyConnection, run_id: str = "r1") -> dict[tuple[str, str], dict[str, Any]]:
    cur = con.execute("SELECT * FROM dq_results WHERE run_id = ?", [run_id])
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    by_key = {(r["suite"], r["expectation_key"]): r for r in rows}
    assert len(by_key) == len(rows), "one row per expectation"
    return by_key


def row_for(
    got: dict[tuple[str, str], dict[str, Any]], suite: str, column: str, kind: str = "", severity: str = "error"
) -> dict:
    (row,) = [
        r
        for (s, _), r in got.items()
        if s == suite and r["column_name"] == column and kind in r["expectation"] and r["severity"] == severity
    ]
    return row


def test_batches_merge_into_one_row_per_expectation(con: duckdb.DuckDBPyConnection) -> None:
    load(con, batch(articles=[article("a1", title=None)], quotes=[quote("a1", "q1")]))
    load(con, batch(articles=[article("a2")]))
    load(con, batch(articles=[article("a3", title=None)]))
    got = results(con)
    assert len(got) == EXPECTATIONS
    title = row_for(got, "articles", "title", severity="warning")
    assert (title["success"], title["batches"], title["batches_failed"]) == (False, 3, 2)
    assert (title["element_count"], title["unexpected_count"]) == (3, 2)
    assert json.loads(title["unexpected_sample"]) == [None]
    ids = row_for(got, "articles", "article_id", "not_be_null")
    assert (ids["success"], ids["batches"], ids["batches_failed"], ids["element_count"]) == (True, 3, 0, 3)
    assert ids["unexpected_sample"] is None
    assert row_for(got, "quotes", "quote_id", "unique")["element_count"] == 1  # quotes only in the first batch


def test_counts_do_not_depend_on_the_batch_size() -> None:
    articles = [article(f"a{i}", title=None if i % 2 else "T") for i in range(6)]
    quotes = [quote(f"a{i}", f"q{i}", speaker=None if i < 3 else "X") for i in range(6)]
    entities = [entity(f"a{i}", f"E{i}", "XX" if i == 4 else "FR") for i in range(6)]
    totals, counts = set(), set()
    for size in (1, 2, 6):
        con = duckdb.connect()
        store.ensure_schema(con)
        store.start_run(con, "r1", "inbox", "test")
        for start in range(0, 6, size):
            part = slice(start, start + size)
            load(con, batch(articles=articles[part], quotes=quotes[part], entities=entities[part]))
        got = results(con)
        assert len(got) == EXPECTATIONS
        assert {r["batches"] for r in got.values()} == {6 // size}
        counts.add(tuple(sorted((k, r["element_count"], r["unexpected_count"]) for k, r in got.items())))
        t = store.expectation_totals(con, "r1")
        totals.add((t.expectations, t.unexpected, t.failed_errors))
    assert len(counts) == 1 and len(totals) == 1
    assert totals == {(EXPECTATIONS, 3 + 3 + 1, 1)}  # 3 titles, 3 speakers, 1 country code; XX is an error


def test_run_totals_count_each_expectation_once(con: duckdb.DuckDBPyConnection) -> None:
    load(con, batch(articles=[article("a1", title=None)], entities=[entity("a1", "Atlantis", "XX")]))
    load(con, batch(articles=[article("a2", title=None)]))
    totals = store.expectation_totals(con, "r1")
    assert totals == ExpectationTotals(
        expectations=EXPECTATIONS,
        passed=EXPECTATIONS - 2,
        failed_errors=1,
        failed_warnings=1,
        batches=2,
        unexpected=3,
    )
    assert totals.failed == 2


def test_a_run_that_validated_nothing_writes_nothing(con: duckdb.DuckDBPyConnection) -> None:
    validated = quality.validate(batch(), "r1")
    assert validated.results.num_rows == 0
    load(con, batch())
    assert results(con) == {}
    assert store.expectation_totals(con, "r1") == ExpectationTotals(0, 0, 0, 0, 0, 0)


def test_a_batch_that_fails_to_load_leaves_its_results_out(con: duckdb.DuckDBPyConnection) -> None:
    load(con, batch(articles=[article("a1")]))
    before = results(con)
    validated = quality.validate(batch(articles=[article("a2", title=None)]), "r1")
    broken = pa.table({"nonsense": [1]})  # the quarantine insert fails after the merge ran
    with pytest.raises(duckdb.Error):
        store.load_batch(con, "r1", validated.tables, records.FILES.empty_table(), [broken], validated.results, [])
    assert results(con) == before


def test_the_sample_keeps_five_distinct_values_first_seen_first(con: duckdb.DuckDBPyConnection) -> None:
    codes = ["XA", "XB", "XA", "XC", "XD", "XE", "XF", "XB"]
    for i in range(0, len(codes), 3):
        part = codes[i : i + 3]
        ids = [f"a{i}-{k}" for k in range(len(part))]
        load(
            con,
            batch(
                articles=[article(a) for a in ids], entities=[entity(a, c, c) for a, c in zip(ids, part, strict=True)]
            ),
        )
    row = row_for(results(con), "entities", "country_iso2")
    assert json.loads(row["unexpected_sample"]) == ["XA", "XB", "XC", "XD", "XE"]
    assert row["unexpected_count"] == len(codes)


def report_rows(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> list[dict[str, Any]]:
    cur = con.execute((SQL_DIR / "report" / f"{name}.sql").read_text(), params or None)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def test_report_queries_read_one_row_per_expectation(con: duckdb.DuckDBPyConnection) -> None:
    load(con, batch(articles=[article("a1", title=None)]))
    load(con, batch(articles=[article("a2")]))
    expectations = report_rows(con, "run_expectations", run_id="r1")
    assert len(expectations) == EXPECTATIONS
    [failed] = [e for e in expectations if not e["success"]]
    assert (failed["column_name"], failed["batches_failed"], failed["batches"]) == ("title", 1, 2)
    assert (failed["values_checked"], failed["unexpected_values"]) == (2, 1)
    (trend,) = report_rows(con, "run_history")
    assert (trend["expectations"], trend["failed_warnings"], trend["unexpected_values"]) == (EXPECTATIONS, 1, 1)


OLD_DQ_RESULTS = """
CREATE TABLE dq_results (
    run_id VARCHAR NOT NULL, suite VARCHAR NOT NULL, expectation VARCHAR NOT NULL, column_name VARCHAR,
    severity VARCHAR NOT NULL, success BOOLEAN NOT NULL, element_count BIGINT, unexpected_count BIGINT,
    checked_at TIMESTAMPTZ NOT NULL
);
INSERT INTO dq_results VALUES
  ('old', 'articles', 'expect_column_values_to_not_be_null', 'title', 'warning', false, 200, 3, now()),
  ('old', 'articles', 'expect_column_values_to_not_be_null', 'title', 'warning', true, 150, 0, now()),
  ('old', 'articles', 'expect_column_values_to_be_unique', 'article_id', 'error', true, 200, 0, now()),
  ('old', 'articles', 'expect_column_values_to_be_unique', 'article_id', 'error', true, 150, 0, now());
"""


def test_an_old_warehouse_upgrades_and_its_runs_read_once_per_expectation() -> None:
    con = duckdb.connect()
    con.execute(OLD_DQ_RESULTS)
    store.ensure_schema(con)
    store.ensure_schema(con)  # idempotent
    columns = [r[0] for r in con.execute("DESCRIBE dq_results").fetchall()]
    assert columns == records.DQ_RESULTS.names
    per_batch = con.execute("SELECT success, batches, batches_failed FROM dq_results ORDER BY all").fetchall()
    assert per_batch == [(False, 1, 1), (True, 1, 0), (True, 1, 0), (True, 1, 0)]
    con.execute(
        "INSERT INTO runs (run_id, started_at, status, pipeline_version) VALUES ('old', now(), 'succeeded', '0.1')"
    )
    expectations = report_rows(con, "run_expectations", run_id="old")
    assert [e["success"] for e in expectations] == [False, True]  # two expectations, one failed
    failed = expectations[0]
    assert (failed["batches_failed"], failed["batches"], failed["values_checked"]) == (1, 2, 350)
    (trend,) = report_rows(con, "run_history")
    assert (trend["expectations"], trend["failed_warnings"]) == (2, 1)


# --- through the run --------------------------------------------------------------------------


def test_a_run_records_each_expectation_once_whatever_its_batches(tmp_path: Path) -> None:
    counts = []
    for size in (1, 5):
        inbox = goldlib.seed_inbox(tmp_path / f"inbox{size}")
        db = tmp_path / f"w{size}.duckdb"
        first = ingest(Settings.load(inbox=inbox, db=db, batch_size=size, workers=1))
        idle = ingest(Settings.load(inbox=inbox, db=db, batch_size=size, workers=1))
        with duckdb.connect(str(db), read_only=True) as con:
            got = results(con, first.run_id)
            assert len(got) == EXPECTATIONS
            assert {r["batches"] for r in got.values()} == {5 // size}
            assert results(con, idle.run_id) == {}
            assert store.expectation_totals(con, idle.run_id).expectations == 0
            counts.append(sorted((k, r["element_count"], r["unexpected_count"]) for k, r in got.items()))
        shutil.rmtree(inbox)
    assert counts[0] == counts[1]
