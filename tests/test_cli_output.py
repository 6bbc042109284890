"""What `newsfacts sql`, `search` and `status` print (issue 20): a table on a terminal, stable
CSV/JSON/JSON lines for programs, every statement's result, quiet on a closed pipe; example
queries by name from any folder; --version."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import datetime
from importlib.metadata import version
from pathlib import Path

import duckdb
import pytest

from newsfacts import cli, formats, store
from tests.goldlib import newsfacts
from tests.test_across import seed_warehouse


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("warehouse") / "w.duckdb"
    with duckdb.connect(str(path)) as con:
        seed_warehouse(con)
        store.start_run(con, "r1", "inbox", "0.2.0")
        store.finish_run(con, "r1", "succeeded", 5)
    return path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


QUERY = "SELECT 1 AS n, 'a,b' AS text, NULL AS nothing, DATE '2007-06-21' AS day, [1, 2] AS list, true AS yes"


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("csv", 'n,text,nothing,day,list,yes\n1,"a,b",,2007-06-21,"[1, 2]",true\n'),
        (
            "jsonl",
            '{"n": 1, "text": "a,b", "nothing": null, "day": "2007-06-21", "list": [1, 2], "yes": true}\n',
        ),
        (
            "json",
            '[\n{"n": 1, "text": "a,b", "nothing": null, "day": "2007-06-21", "list": [1, 2], "yes": true}\n]\n',
        ),
    ],
)
def test_sql_formats_for_programs(fmt: str, expected: str, db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["sql", QUERY, "--db", str(db), "--format", fmt], capsys) == (0, expected, "")


def test_json_of_no_rows_is_an_empty_array(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["sql", "SELECT 1 AS n WHERE false", "--db", str(db), "--format", "json"], capsys) == (0, "[]\n", "")


def test_table_is_duckdbs_box_and_cut_to_max_rows(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["sql", "SELECT * FROM range(500)", "--db", str(db), "--format", "table"], capsys)
    assert code == 0 and out.startswith("┌") and "500 rows" in out and "100 shown" in out


def test_csv_and_json_give_every_row(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["sql", "SELECT * FROM range(500)", "--db", str(db), "--format", "jsonl"], capsys)
    assert [json.loads(line)["range"] for line in out.splitlines()] == list(range(500))


def test_off_a_terminal_the_default_is_csv(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["sql", "SELECT 7 AS n", "--db", str(db)], capsys) == (0, "n\n7\n", "")


def test_on_a_terminal_the_default_is_a_table() -> None:
    class Terminal:
        def isatty(self) -> bool:
            return True

    assert formats.default_format(Terminal()) == "table"  # type: ignore[arg-type]


def test_every_statement_shows_its_result_in_order(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["sql", "SELECT 1 AS a; SELECT 2 AS b", "--db", str(db), "--format", "csv"], capsys)
    assert (code, out, err) == (0, "a\n1\n\nb\n2\n", "")
    code, out, _ = run(["sql", "SELECT 1 AS a; SELECT 2 AS b", "--db", str(db), "--format", "table"], capsys)
    assert out.index("│   a   │") < out.index("│   b   │")


def test_a_failing_statement_stops_after_the_results_before_it(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["sql", "SELECT 1 AS a; SELECT * FROM nowhere", "--db", str(db), "--format", "csv"], capsys)
    assert (code, out) == (1, "a\n1\n")
    assert err.startswith("newsfacts sql: Catalog Error: Table with name nowhere does not exist!")
    assert err.count("\n") == 1


def test_a_sql_file_runs_and_a_missing_one_is_reported_as_missing(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    query = tmp_path / "q.sql"
    query.write_text("-- a question\nSELECT count(*) AS n FROM articles;\n")
    assert run(["sql", str(query), "--db", str(db), "--format", "csv"], capsys) == (0, "n\n5\n", "")
    code, out, err = run(["sql", str(tmp_path / "missing.sql"), "--db", str(db)], capsys)
    assert (code, out) == (2, "")
    assert err == f"newsfacts: no SQL file {tmp_path / 'missing.sql'}: it does not exist\n"


def test_an_unknown_example_lists_the_examples(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["sql", "--query", "home_secretary", "--db", str(db)], capsys)
    assert code == 2
    assert "no example query 'home_secretary'" in err and "home_secretaries, most_quoted_people" in err


def test_an_example_query_runs_by_name_from_any_folder(db: Path, tmp_path: Path) -> None:
    """From a folder with no sql/ in it, through the installed console script, as a user runs it."""
    script = Path(sys.executable).with_name("newsfacts")
    done = subprocess.run(
        [script, "sql", "--query", "home_secretaries", "--db", str(db), "--format", "csv"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "year,name,first_seen,last_seen,n_articles"
    assert "John Reid" in done.stdout


def test_a_closed_pipe_ends_the_output_quietly(db: Path, tmp_path: Path) -> None:
    """`newsfacts sql ... | head -3`: three lines, exit 0, nothing on stderr."""
    done = subprocess.run(
        ["bash", "-c", 'set -o pipefail; "$@" | head -3', "pipe", sys.executable, "-m", "newsfacts.cli"]
        + ["sql", "SELECT * FROM range(1000000)", "--db", str(db), "--format", "csv"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "range\n0\n1\n", "")


def test_status_formats(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["status", "--db", str(db), "--format", "json"], capsys)
    [row] = json.loads(out)
    assert code == 0 and (row["run_id"], row["status"], row["files_seen"]) == ("r1", "succeeded", 5)
    assert datetime.fromisoformat(row["started_at"]).tzinfo is not None
    code, out, _ = run(["status", "--db", str(db), "--format", "table"], capsys)
    assert out.startswith("┌") and "succeeded" in out


def test_status_into_a_pipe_still_says_files_are_in_quarantine(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The csv holds the runs alone; the held files are counted on stderr, not hidden."""
    db = Path(shutil.copy(db, tmp_path / "held.duckdb"))
    with duckdb.connect(str(db)) as con:
        con.execute(
            "INSERT INTO files (source_file, version, content_sha256, size_bytes, mtime_ns, status, run_id, seen_at)"
            " VALUES ('bad.txt', 1, 'ab', 3, 1, 'quarantined', 'r1', now())"
        )
        con.execute(
            "INSERT INTO quarantine (run_id, source_file, stage, reason, content_sha256, quarantined_at)"
            " VALUES ('r1', 'bad.txt', 'decode', 'file is binary', 'ab', now())"
        )
    code, out, err = run(["status", "--db", str(db), "--format", "csv"], capsys)
    assert code == 0 and out.splitlines()[1].startswith("r1,")
    assert err == "in quarantine now: 1 file (listed by `SELECT * FROM quarantined_files`)\n"
    code, out, _ = run(["status", "--db", str(db), "--format", "table"], capsys)
    assert "in quarantine now: 1 file" in out and "bad.txt" in out and "file is binary" in out


def test_search_formats(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["search", "juxtaposed controls", "--db", str(db), "--format", "jsonl", "--limit", "2"], capsys)
    hits = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [h["rank"] for h in hits] == [1, 2]
    assert set(hits[0]) == {"rank", "source_file", "title", "snippet", "score"}
    assert hits[0]["source_file"] == "004_5cf0c2b3c07876d6.txt" and "juxtaposed controls" in hits[0]["snippet"]
    code, out, _ = run(["search", "juxtaposed controls", "--db", str(db), "--format", "csv", "--limit", "1"], capsys)
    assert out.startswith("rank,source_file,title,snippet,score\n1,004_5cf0c2b3c07876d6.txt,")


def test_version(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out == f"newsfacts {version('newsfacts')}\n"
    assert newsfacts("--version", cwd=tmp_path).stdout == f"newsfacts {version('newsfacts')}\n"


def test_a_slow_run_shows_seconds_a_file_not_zero_files_a_second() -> None:
    import io
    import time

    from newsfacts import console
    from newsfacts.ingest import Progress

    out = io.StringIO()
    with console.progress_display(quiet=False, stream=out) as show:
        show(Progress(files_total=6, files_done=2, articles_loaded=2, started=time.monotonic() - 40))
    line = out.getvalue()
    assert "20 s a file" in line and "0.0 files/s" not in line, line
