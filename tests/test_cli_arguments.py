"""Nothing a user can type ends in a traceback (issue 16): every argument and NEWSFACTS_* variable is
checked before a command starts (exit 2 with one line naming it), and a database file that is not a
warehouse, or a warehouse with nothing to search, is said so in one line."""

from __future__ import annotations

import signal
from pathlib import Path

import duckdb
import pytest

from flows import serve as serve_module
from newsfacts import cli
from newsfacts.settings import Settings, SettingsError
from tests import goldlib
from tests.goldlib import newsfacts

ROOT = Path(__file__).resolve().parents[1]


def usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """argparse's own refusal: exit 2 and one `error:` line under the usage."""
    with pytest.raises(SystemExit) as stop:
        cli.main(argv)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err.strip().splitlines()[-1]


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["run", "--batch-size", "-5"], "--batch-size"),
        (["run", "--batch-size", "0"], "--batch-size"),
        (["run", "--batch-size", "many"], "--batch-size"),
        (["run", "--workers", "0"], "--workers"),
        (["run", "--wait", "-1"], "--wait"),
        (["run", "--wait", "nan"], "--wait"),
        (["run", "--max-file-bytes", "0"], "--max-file-bytes"),
        (["run", "--file-timeout", "0"], "--file-timeout"),
        (["status", "--limit", "-1"], "--limit"),
        (["search", "x", "--limit", "0"], "--limit"),
        (["sql", "SELECT 1", "--max-rows", "0"], "--max-rows"),
        (["sql", "SELECT 1", "--format", "xml"], "--format"),
        (["serve", "--interval", "0"], "--interval"),
        (["serve", "--cron", "61 * * * *"], "--cron"),
        (["serve", "--cron", "every hour"], "--cron"),
        (["serve", "--cron", "H * * * *"], "--cron"),
    ],
)
def test_a_bad_argument_is_a_usage_error_naming_it(
    argv: list[str], named: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(serve_module, "serve", lambda *a, **k: pytest.fail("serve started"))
    line = usage_error(argv, capsys)
    assert line.startswith(f"newsfacts {argv[0]}: error: argument {named}"), line


def test_a_good_cron_passes(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    # serve returns the signal that stopped it; the exit code is 128 plus its number.
    monkeypatch.setattr(serve_module, "serve", lambda settings, cron, interval: calls.append(cron) or signal.SIGTERM)
    assert cli.main(["serve", "--cron", "0 * * * *", "--inbox", str(ROOT / "seeds")]) == 143
    assert calls == ["0 * * * *"]


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("NEWSFACTS_BATCH_SIZE", "abc"),
        ("NEWSFACTS_BATCH_SIZE", "-5"),
        ("NEWSFACTS_MAX_FILE_BYTES", "0"),
        ("NEWSFACTS_RUN_WAIT_S", "soon"),
        ("NEWSFACTS_WORKERS", "0"),
        ("NEWSFACTS_FILE_TIMEOUT_S", "-1"),
        ("NEWSFACTS_TASK_RUNNER", "threads"),
    ],
)
def test_a_bad_variable_stops_the_commands_that_use_it_and_no_other(
    variable: str, value: str, db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(variable, value)
    monkeypatch.setattr(serve_module, "serve", lambda *a, **k: pytest.fail("serve started"))
    for argv in (["run", "--db", str(db)], ["serve", "--interval", "60", "--inbox", str(ROOT / "seeds")]):
        assert cli.main(argv) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"newsfacts: {variable}: ") and err.count("\n") == 1, err
    assert cli.main(["sql", "SELECT 42 AS answer", "--db", str(db), "--format", "csv"]) == 0
    assert capsys.readouterr().out == "answer\n42\n"
    assert cli.main(["status", "--db", str(db)]) == 0


def test_zero_is_a_value_not_a_missing_one() -> None:
    assert Settings.load(wait_s=0).wait_s == 0
    with pytest.raises(SettingsError, match="batch-size"):
        Settings.load(batch_size=0)


def test_an_empty_variable_counts_as_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSFACTS_BATCH_SIZE", "")
    assert Settings.load().batch_size == 200


@pytest.fixture(scope="module")
def not_warehouses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("bad")
    (tmp / "empty.duckdb").touch()
    (tmp / "folder.duckdb").mkdir()
    other = tmp / "other.duckdb"
    duckdb.connect(str(other)).close()  # a DuckDB database, but no warehouse
    return {"empty": tmp / "empty.duckdb", "text": ROOT / "README.md", "folder": tmp / "folder.duckdb", "other": other}


COMMANDS = (
    ["status"],
    ["search", "borders"],
    ["report"],
    ["export", "--parquet", "{tmp}/out"],
    ["sql", "SELECT 1"],
    ["run"],
    ["serve", "--interval", "60"],
)
# Any DuckDB database is fine for sql, and a run makes one a warehouse.
CASES = [
    (command, kind)
    for command in COMMANDS
    for kind in ("empty", "text", "folder", "other")
    if not (kind == "other" and command[0] in ("sql", "run", "serve"))
]


@pytest.mark.parametrize(("command", "kind"), CASES)
def test_every_command_on_a_file_that_is_no_warehouse_says_so_in_one_line(
    command: list[str],
    kind: str,
    not_warehouses: dict[str, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(serve_module, "serve", lambda *a, **k: pytest.fail("serve started"))
    path = not_warehouses[kind]
    argv = [arg.format(tmp=tmp_path) for arg in command] + ["--db", str(path)]
    if command[0] in ("run", "serve"):
        argv += ["--inbox", str(tmp_path)]
    code = cli.main(argv)
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.count("\n") == 1 and str(path) in err, err
    assert ("not a DuckDB database" in err) or ("not a newsfacts warehouse" in err), err
    assert not (tmp_path / "out").exists()


def test_search_on_a_warehouse_with_no_articles_says_there_is_nothing_to_search(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "empty_warehouse.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute((ROOT / "sql" / "schema.sql").read_text())
    assert cli.main(["search", "borders", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("newsfacts: nothing to search yet") and err.count("\n") == 1


def test_the_issue_cases_end_without_a_traceback_in_a_real_process(tmp_path: Path) -> None:
    """The same from the shell: exit codes and stderr as a user sees them."""
    (tmp_path / "zero.duckdb").touch()
    inbox = goldlib.seed_inbox(tmp_path / "inbox")
    for args, code in (
        (["run", "--batch-size", "-5", "--inbox", str(inbox)], 2),
        (["status", "--limit", "-1"], 2),
        (["status", "--db", "zero.duckdb"], 2),
        (["search", "x", "--db", str(ROOT / "README.md")], 2),
    ):
        done = newsfacts(*args, cwd=tmp_path)
        assert done.returncode == code, (args, done.stderr)
        assert "Traceback" not in done.stderr, done.stderr
        assert done.stderr.strip().splitlines()[-1].startswith("newsfacts"), done.stderr
    assert not (tmp_path / "newsfacts.duckdb").exists()
