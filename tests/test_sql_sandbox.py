"""`newsfacts sql` reads the warehouse and nothing else (issue 16), on a DuckDB file and on a DuckLake.

Two layers are tested apart: the statement check of `newsfacts sql` (anything but a read is
refused before any statement runs), and DuckDB's own lock on the connection (external access
off, configuration locked), which must hold even for a statement that got past the check.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from newsfacts import cli, sandbox, search, store
from newsfacts.settings import Lake
from tests.test_across import seed_warehouse

QUOTES = 21  # the hand-made seed warehouse's quotes


@pytest.fixture(scope="module")
def lake(tmp_path_factory: pytest.TempPathFactory) -> Lake:
    folder = tmp_path_factory.mktemp("lake")
    lake = Lake(f"ducklake:{folder / 'lake.ducklake'}", str(folder / "files"))
    with store.connect(lake) as con:
        seed_warehouse(con)
    assert list((folder / "files").rglob("*.parquet")), "the lake keeps rows in Parquet files the tests must read"
    return lake


@pytest.fixture(params=["duckdb", "lake"])
def target(request: pytest.FixtureRequest, db: Path, lake: Lake) -> list[str]:
    """The command-line arguments that point `newsfacts sql` at each kind of warehouse."""
    if request.param == "duckdb":
        return ["--db", str(db)]
    return ["--catalog", lake.catalog.removeprefix("ducklake:")]


def quotes_in(args: list[str]) -> int:
    where: Path | Lake = Path(args[1]) if args[0] == "--db" else Lake(f"ducklake:{args[1]}")
    with store.connect(where, read_only=True) as con:
        return con.execute("SELECT count(*) FROM quotes").fetchone()[0]


def sql(args: list[str], query: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(["sql", query, *args, "--format", "csv"])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_attach_detach_sequence_of_the_issue_fails_and_the_quotes_stay(
    target: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    warehouse = target[1]
    new = tmp_path / "new.duckdb"
    attached = "lake" if target[0] == "--catalog" else Path(warehouse).stem
    again = f"ducklake:{warehouse}" if target[0] == "--catalog" else warehouse
    sequence = (
        f"ATTACH '{new}' AS n (READ_WRITE); USE n; DETACH {attached}; "
        f"ATTACH '{again}' AS w (READ_WRITE); DELETE FROM w.quotes"
    )
    code, out, err = sql(target, sequence, capsys)
    assert code == 1
    assert err.count("\n") == 1 and "refused" in err and "nothing was run" in err
    assert not new.exists()
    assert quotes_in(target) == QUOTES


BEYOND_READING = [
    "SELECT * FROM read_text('/etc/passwd')",
    "SELECT * FROM read_csv('/etc/hosts')",
    "SELECT * FROM '/etc/hosts'",
    "COPY quotes TO '{tmp}/out.csv'",
    "EXPLAIN ANALYZE COPY quotes TO '{tmp}/out.csv'",
    "EXPORT DATABASE '{tmp}/out'",
    "ATTACH '{tmp}/out.duckdb' AS n",
    "DETACH w",
    "USE temp",
    "INSTALL fts",
    "LOAD fts",
    "SET threads = 1",
    "SET enable_external_access = true",
    "RESET lock_configuration",
    "PRAGMA threads = 1",
    "PRAGMA enable_profiling",
    "DELETE FROM quotes",
    "CREATE TEMP TABLE t AS SELECT 1",
    "BEGIN TRANSACTION",
    "SELECT 1; DROP TABLE quotes",
]


@pytest.mark.parametrize("statement", BEYOND_READING)
def test_every_statement_that_does_more_than_read_fails_with_one_line(
    statement: str, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    refused(["--db", str(db)], statement, tmp_path, capsys)


def test_on_a_lake_too(lake: Lake, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The same refusals on a lake (each attach of a lake takes about a second: a sample of them)."""
    data = lake.data_path or ""
    for statement in (
        *BEYOND_READING[:4],
        f"COPY quotes TO '{data}/out.csv'",
        f"EXPLAIN ANALYZE COPY quotes TO '{data}/out.csv'",
        "SET allowed_directories = ['/']",
        "DETACH lake",
    ):
        refused(["--catalog", lake.catalog.removeprefix("ducklake:")], statement, tmp_path, capsys)
    assert not list(Path(data).rglob("out.csv"))


def refused(target: list[str], statement: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = sql(target, statement.format(tmp=tmp_path), capsys)
    assert code == 1, statement
    assert out == ""  # a refused input runs nothing, not even the statements before
    assert err.startswith("newsfacts sql: ") and err.count("\n") == 1, err
    assert list(tmp_path.iterdir()) == []
    assert quotes_in(target) == QUOTES


def test_the_lock_holds_on_the_connection_itself(target: list[str], tmp_path: Path) -> None:
    """What the statement check would refuse, DuckDB refuses too on a sandboxed connection."""
    where: Path | Lake = Path(target[1]) if target[0] == "--db" else Lake(f"ducklake:{target[1]}")
    with sandbox.connect(where) as con:
        for statement in (
            "SELECT * FROM read_text('/etc/passwd')",
            f"COPY quotes TO '{tmp_path}/out.csv'",
            "SET enable_external_access = true",
            "SET allowed_directories = ['/']",
            "INSTALL fts",
            f"LOAD '{search.extension_path()}'",
            "DELETE FROM quotes",
        ):
            with pytest.raises(duckdb.Error):
                con.execute(statement)
        # and the warehouse, with a lake's own Parquet files, is read as before
        assert con.execute("SELECT count(*), max(quote_text) FROM quotes").fetchone()[0] == QUOTES
    assert list(tmp_path.iterdir()) == []


def test_lake_maintenance_functions_write_no_file_into_the_lake(lake: Lake) -> None:
    """DuckLake's own functions run inside a SELECT; on a read-only lake they may still write
    Parquet files before their commit fails. Only the lake's listed files can be opened, so none is."""
    files = Path(lake.data_path or "")
    before = sorted(files.rglob("*"))
    with sandbox.connect(Lake(lake.catalog)) as con:
        for function in ("ducklake_flush_inlined_data", "ducklake_merge_adjacent_files", "ducklake_rewrite_data_files"):
            try:
                con.execute(f"SELECT * FROM {function}('lake')").fetchall()
            except duckdb.Error:
                pass
    assert sorted(files.rglob("*")) == before


def test_the_lake_files_listed_are_exactly_the_lakes(lake: Lake) -> None:
    with store.connect(Lake(lake.catalog), read_only=True) as con:
        con.execute(store.sql("sandbox/lake_files"))
        listed = set(con.execute("SELECT getvariable('lake_files')").fetchone()[0])
        tables = [row[0] for row in con.execute("SHOW TABLES").fetchall()]
        expected = set()
        for table in tables:
            for data_file, delete_file in con.execute(
                "SELECT data_file, delete_file FROM ducklake_list_files('lake', ?)", [table]
            ).fetchall():
                expected |= {data_file} | ({delete_file} if delete_file else set())
    assert listed == expected and listed


def test_reading_still_works(target: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = sql(target, "SHOW TABLES; DESCRIBE quotes; SELECT count(*) AS n FROM quotes", capsys)
    assert (code, err) == (0, "")
    assert "\nquote_spread\n" in out and "\nquote_text,VARCHAR," in out
    assert out.endswith(f"\n\nn\n{QUOTES}\n")
    code, out, err = sql(target, "EXPLAIN SELECT count(*) FROM quotes", capsys)
    assert (code, err) == (0, "")
