"""quality.validate on small hand-made Arrow batches: what loads, is quarantined, is counted."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pytest

from newsfacts import quality, records, store

ROOT = Path(__file__).resolve().parents[1]

BODY = "The Home Secretary said the plan would cut the numbers crossing the Channel. " * 5


def article(article_id: str, **changes: Any) -> dict[str, Any]:
    row = {
        "article_id": article_id,
        "source_file": f"{article_id}.txt",
        "content_sha256": "ab" * 32,
        "part": 0,
        "version": 1,
        "title": "Ministers agree border plan",
        "published_date": date(2007, 6, 21),
        "published_text": "June 21, 2007",
        "outlet": "Example Times",
        "author": None,
        "url": None,
        "body": BODY,
        "word_count": len(BODY.split()),
        "removed_json": "[]",
        "sections_json": "[]",
        "pipeline_version": "test",
        "run_id": "r1",
        "ingested_at": datetime(2024, 1, 1, tzinfo=UTC),
    }
    return row | changes


def quote(article_id: str, quote_id: str, **changes: Any) -> dict[str, Any]:
    row = {
        "article_id": article_id,
        "quote_id": quote_id,
        "speaker": "Jane Smith",
        "speaker_person_id": "p1",
        "quote_text": "We will act",
        "start_char": 4,
        "end_char": 15,
        "is_partial": False,
    }
    return row | changes


def entity(article_id: str, name: str, iso2: str | None) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "entity_type": "COUNTRY",
        "name": name,
        "country_iso2": iso2,
        "mentions": 1,
        "start_char": 0,
        "end_char": 3,
    }


def batch(**rows: list[dict[str, Any]]) -> dict[str, pa.Table]:
    """Every table of FACT_SCHEMAS, empty unless rows are given."""
    return {
        name: pa.Table.from_pylist(rows.get(name, []), schema=schema) for name, schema in records.FACT_SCHEMAS.items()
    }


def failed(result: quality.Validated) -> set[tuple[str, str, str]]:
    rows = result.results.to_pylist()
    return {(r["suite"], r["expectation"], r["column_name"]) for r in rows if not r["success"]}


def test_clean_batch_loads_whole_and_counts_every_row() -> None:
    tables = batch(articles=[article("a1"), article("a2")], quotes=[quote("a1", "q1")])
    result = quality.validate(tables, "r1")
    assert result.rejected.num_rows == 0
    assert failed(result) == set()
    assert {n: t.num_rows for n, t in result.tables.items()}["articles"] == 2
    assert result.tables["quotes"].num_rows == 1
    counts = {(r["suite"], r["column_name"]): r["element_count"] for r in result.results.to_pylist()}
    assert counts[("articles", "article_id")] == 2
    assert counts[("spans", "start_char")] == 1


def test_results_have_one_row_per_expectation_per_suite() -> None:
    result = quality.validate(batch(articles=[article("a1")]), "run-7")
    got: dict[str, int] = {}
    for row in result.results.to_pylist():
        got[row["suite"]] = got.get(row["suite"], 0) + 1
    suites = {
        path.stem: len(json.loads(path.read_text())["expectations"]) for path in quality.EXPECTATIONS_DIR.glob("*.json")
    }
    assert got == suites  # every table's suite, plus the spans suite
    assert set(result.results["run_id"].to_pylist()) == {"run-7"}
    assert result.results.schema == records.DQ_RESULTS
    keys = [(r["suite"], r["expectation_key"]) for r in result.results.to_pylist()]
    assert len(set(keys)) == len(keys)  # articles checks body lengths twice: the keys tell them apart
    assert {(r["batches"], r["batches_failed"]) for r in result.results.to_pylist()} == {(1, 0)}


def test_bad_fact_row_goes_to_quarantine_with_reason_and_others_stay() -> None:
    tables = batch(
        articles=[article("a1")],
        entities=[entity("a1", "France", "FR"), entity("a1", "Atlantis", "XX")],
    )
    result = quality.validate(tables, "r1")
    assert result.tables["entities"]["name"].to_pylist() == ["France"]
    assert result.rejected.num_rows == 1
    bad = result.rejected.to_pylist()[0]
    assert bad["stage"] == "validate:entities"
    assert bad["reason"] == "expect_column_values_to_be_in_set on country_iso2: value 'XX'"
    assert bad["source_file"] == "a1.txt"
    assert json.loads(bad["row_json"])["name"] == "Atlantis"
    assert result.rejected.schema == records.QUARANTINE


def test_rejected_article_takes_its_facts_with_it() -> None:
    tables = batch(
        articles=[article("a1"), article("future", published_date=date(2999, 1, 1))],
        quotes=[quote("a1", "q1"), quote("future", "q2")],
        dq_flags=[{"article_id": "future", "check": "x", "severity": "info", "message": "m", "run_id": "r1"}],
    )
    result = quality.validate(tables, "r1")
    assert result.tables["articles"]["article_id"].to_pylist() == ["a1"]
    assert result.tables["quotes"]["quote_id"].to_pylist() == ["q1"]
    assert result.tables["dq_flags"].num_rows == 0
    by_stage = {r["stage"]: r["reason"] for r in result.rejected.to_pylist()}
    assert "published_date" in by_stage["validate:articles"]
    assert "2999" in by_stage["validate:articles"]
    assert by_stage["validate:quotes"].startswith("its article future was rejected")
    assert "validate:dq_flags" in by_stage


def test_span_past_the_end_of_the_body_is_rejected() -> None:
    tables = batch(
        articles=[article("a1")],
        quotes=[quote("a1", "q1"), quote("a1", "q2", start_char=10, end_char=len(BODY) + 5)],
    )
    result = quality.validate(tables, "r1")
    assert result.tables["quotes"]["quote_id"].to_pylist() == ["q1"]
    (bad,) = result.rejected.to_pylist()
    assert bad["stage"] == "validate:quotes"
    assert "body_length, end_char" in bad["reason"]
    assert ("spans", "expect_column_pair_values_a_to_be_greater_than_b", "body_length, end_char") in failed(result)


def test_orphan_fact_is_rejected() -> None:
    result = quality.validate(batch(articles=[article("a1")], quotes=[quote("gone", "q1")]), "r1")
    assert result.tables["quotes"].num_rows == 0
    assert result.rejected.to_pylist()[0]["stage"] == "validate:quotes"


def test_warnings_count_but_do_not_reject() -> None:
    tables = batch(
        articles=[article("a1", title=None, body="Too short.")],
        quotes=[quote("a1", f"q{i}", speaker=None, start_char=0, end_char=5) for i in range(3)],
    )
    result = quality.validate(tables, "r1")
    assert result.rejected.num_rows == 0
    assert result.tables["articles"].num_rows == 1
    assert result.tables["quotes"].num_rows == 3
    rows = {(r["suite"], r["column_name"], r["severity"]): r for r in result.results.to_pylist() if not r["success"]}
    assert rows[("articles", "title", "warning")]["unexpected_count"] == 1
    assert rows[("quotes", "speaker", "warning")]["unexpected_count"] == 3
    assert all(severity == "warning" for (_, _, severity) in rows)


def test_partial_quotes_without_a_speaker_do_not_count_against_attribution() -> None:
    quotes = [quote("a1", f"q{i}") for i in range(4)]
    quotes += [quote("a1", f"p{i}", speaker=None, speaker_person_id=None, is_partial=True) for i in range(4)]
    result = quality.validate(batch(articles=[article("a1")], quotes=quotes), "r1")
    (row,) = [r for r in result.results.to_pylist() if r["column_name"] == "speaker"]
    assert (row["element_count"], row["unexpected_count"], row["success"]) == (4, 0, True)
    quotes[0] = quote("a1", "q0", speaker=None, speaker_person_id=None)
    quotes[1] = quote("a1", "q1", speaker=None, speaker_person_id=None)
    result = quality.validate(batch(articles=[article("a1")], quotes=quotes), "r1")
    assert ("quotes", "expect_column_values_to_not_be_null", "speaker") in failed(result)


def test_a_batch_with_no_rows_validates_nothing() -> None:
    tables = batch()
    result = quality.validate(tables, "r1")
    assert result.rejected.num_rows == 0
    assert result.results.num_rows == 0
    assert result.results.schema == records.DQ_RESULTS
    assert result.tables == tables


def test_results_keep_a_sample_of_the_unexpected_values() -> None:
    tables = batch(
        articles=[article("a1", title=None), article("a2", title=None)],
        entities=[entity("a1", "Atlantis", "XX"), entity("a1", "Lemuria", "XX"), entity("a2", "Mu", "YY")],
    )
    rows = {
        (r["suite"], r["column_name"]): r
        for r in quality.validate(tables, "r1").results.to_pylist()
        if r["unexpected_count"]
    }
    assert json.loads(rows[("entities", "country_iso2")]["unexpected_sample"]) == ["XX", "YY"]
    assert json.loads(rows[("articles", "title")]["unexpected_sample"]) == [None]
    assert rows[("entities", "country_iso2")]["batches_failed"] == 1


def test_validating_a_batch_does_not_import_great_expectations() -> None:
    code = (
        "import sys\n"
        "from tests.test_quality import article, batch\n"
        "from newsfacts import quality\n"
        "result = quality.validate(batch(articles=[article('a1', title=None)]), 'r1')\n"
        "assert result.results.num_rows\n"
        "print(sorted(m for m in sys.modules if m.startswith('great_expectations')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_unknown_table_is_refused() -> None:
    with pytest.raises(KeyError, match="no expectation suite"):
        quality.validate({"nonsense": pa.table({"article_id": ["a"]})}, "r1")


def recorded(*runs: tuple[str, dict[str, pa.Table]]) -> pa.Table:
    """The dq_results rows `newsfacts report --data-docs` reads: runs validated and loaded, in order."""
    con = duckdb.connect()
    store.ensure_schema(con)
    for run_id, tables in runs:
        store.start_run(con, run_id, "inbox", "test")
        validated = quality.validate(tables, run_id)
        store.load_batch(
            con, run_id, validated.tables, records.FILES.empty_table(), [validated.rejected], validated.results, []
        )
    return store.latest_dq_results(con)


def test_data_docs_are_built_from_the_latest_recorded_results(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    results = recorded(
        ("docs-run", batch(articles=[article("a1", title=None)])),
        ("idle-run", batch()),  # validated nothing: the docs stay on the run before
    )
    assert set(results["run_id"].to_pylist()) == {"docs-run"}
    index = quality.build_data_docs(tmp_path / "docs", results)
    assert index is not None and index.name == "index.html"
    pages = list((tmp_path / "docs" / "validations").rglob("*.html"))
    assert len(pages) == len(quality.suites())
    assert all("docs-run" in str(p) for p in pages)
    articles = next(p for p in pages if "articles" in p.parts).read_text()
    assert "title" in articles and "Unsuccessful" in articles
    assert not [r.getMessage() for r in caplog.records if r.name.startswith("great_expectations")]


def test_no_results_no_data_docs(tmp_path: Path) -> None:
    assert quality.build_data_docs(tmp_path / "docs", recorded()) is None
    assert not (tmp_path / "docs").exists()


def test_data_docs_survive_a_run_id_that_reads_as_a_date(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # Run ids are UTC time plus a random hex suffix; "-8783ad" once read as a UTC offset of -87:83.
    results = recorded(("20261123T131804-8783ad", batch(articles=[article("a1")])))
    quality.build_data_docs(tmp_path / "docs", results)
    assert not [r for r in caplog.records if r.levelname == "ERROR"]
    pages = list((tmp_path / "docs" / "validations").rglob("*.html"))
    assert any("8783ad" in str(p) for p in pages)


def test_report_data_docs_builds_them_for_the_latest_validated_run(tmp_path: Path) -> None:
    """A run builds no Data Docs; `newsfacts report --data-docs` does, from what the run recorded."""
    db = tmp_path / "w.duckdb"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(sorted((ROOT / "seeds").iterdir())[0], inbox / "a.txt")
    assert (
        subprocess.run(
            [sys.executable, "-m", "newsfacts.cli", "run", "--inbox", str(inbox), "--db", str(db), "--quiet"],
            capture_output=True,
            timeout=600,
        ).returncode
        == 0
    )
    docs = tmp_path / "reports" / "data_docs" / "index.html"
    assert not docs.exists()
    done = subprocess.run(
        [sys.executable, "-m", "newsfacts.cli", "report", "--db", str(db), "--data-docs"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert docs.exists()
    assert "data_docs/index.html" in (tmp_path / "reports" / "w.html").read_text()
