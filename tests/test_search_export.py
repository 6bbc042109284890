"""`newsfacts search` and `newsfacts export` on the hand-made seed warehouse of test_across."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from newsfacts import cli, export, search
from newsfacts.search import snippet


def test_search_ranks_the_article_with_the_phrase_first(db: Path) -> None:
    with duckdb.connect(str(db), read_only=True) as con:
        hits = search.search(con, "juxtaposed controls", 10)
    files = [h.source_file for h in hits]
    assert files[0] == "004_5cf0c2b3c07876d6.txt"
    assert "002_7917adf0cacaeedc.txt" in files
    assert "juxtaposed controls" in hits[0].snippet


def test_search_finds_titles_too(db: Path) -> None:
    with duckdb.connect(str(db), read_only=True) as con:
        hits = search.search(con, "Calais agreement", 1)
    assert [h.title for h in hits] == ["UK Rules Out Changes To Calais Agreement On Border Checks"]


def test_search_without_a_match_is_empty(db: Path) -> None:
    with duckdb.connect(str(db), read_only=True) as con:
        assert search.search(con, "zebracorn", 5) == []


def test_snippet_centres_on_the_phrase() -> None:
    body = "Intro words. " * 30 + "The juxtaposed controls stay in Calais. " + "More text. " * 30
    got = snippet(body, "juxtaposed controls", width=60)
    assert "juxtaposed controls stay" in got and got.startswith("…") and got.endswith("…")


def test_cli_search_prints_rank_file_title_snippet(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["search", "juxtaposed controls", "--db", str(db), "--limit", "2", "--format", "table"]) == 0
    first = capsys.readouterr().out.splitlines()[0].split()
    assert first[:2] == ["1", "004_5cf0c2b3c07876d6.txt"]


def test_export_writes_one_parquet_per_table_that_reads_back(db: Path, tmp_path: Path) -> None:
    with duckdb.connect(str(db), read_only=True) as con:
        written = export.export_parquet(con, tmp_path / "out")
        listed = con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'").fetchall()
        tables = {r[0] for r in listed}
        assert {p.stem for p in written} == tables
        assert {"articles", "people", "quotes", "story_clusters", "runs"} <= tables
        for path in written:
            (n,) = con.execute(f'SELECT count(*) FROM "{path.stem}"').fetchone()
            assert pq.read_table(path).num_rows == n, path.stem
    assert pq.read_table(tmp_path / "out" / "articles.parquet").num_rows == 5


def test_cli_export(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["export", "--parquet", str(tmp_path / "pq"), "--db", str(db)]) == 0
    assert "tables written" in capsys.readouterr().out
    assert (tmp_path / "pq" / "story_clusters.parquet").is_file()
