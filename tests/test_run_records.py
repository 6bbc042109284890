"""Every run leaves a `runs` row: transient errors are retried, anything else fails the run with its error."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import duckdb
import pytest

from newsfacts import across, store
from newsfacts.ingest import run as ingest
from newsfacts.settings import Settings
from newsfacts.stopping import RunCancelled
from tests import goldlib
from tests.goldlib import rows

SEED = sorted(goldlib.ARTICLES)[0]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(goldlib.seed_path(SEED), inbox / SEED)
    return Settings.load(inbox=inbox, db=tmp_path / "w.duckdb")


def test_a_failed_run_is_recorded_with_its_error_and_not_retried(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []

    def broken(*args: object) -> None:
        calls.append(args)
        raise ValueError("cross-article refresh broke")

    monkeypatch.setattr(across, "refresh", broken)
    with pytest.raises(ValueError, match="refresh broke"):
        ingest(settings)
    assert len(calls) == 1  # a bug is not transient: no retry
    [(status, error, finished)] = rows(settings.db, "SELECT status, error, finished_at IS NOT NULL FROM runs")
    assert (status, error, finished) == ("failed", "ValueError: cross-article refresh broke", True)
    # The batch loaded before the failure stands; the next run finds it done.
    assert rows(settings.db, "SELECT count(*) FROM articles") == [(1,)]


def test_a_busy_database_is_retried_and_the_run_succeeds(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    real_load = store.load_batch
    calls = []

    def busy_once(*args: object, **kwargs: object) -> tuple[int, int]:
        calls.append(args)
        if len(calls) == 1:
            raise store.DatabaseBusy("held by another process")
        return real_load(*args, **kwargs)

    monkeypatch.setattr(store, "load_batch", busy_once)
    summary = ingest(settings)
    assert len(calls) == 2
    assert summary.articles_loaded == 1
    assert rows(settings.db, "SELECT status, error FROM runs") == [("succeeded", None)]
    assert rows(settings.db, "SELECT count(*) FROM articles") == [(1,)]


@pytest.mark.slow
def test_a_full_disk_fails_the_run_with_its_real_cause(settings: Settings, tmp_path: Path) -> None:
    """A file-size limit stands in for a full disk: writing the database fails with EFBIG."""
    ingest(settings)
    for i in range(40):
        text = goldlib.seed_path(SEED).read_text() + f"\n\nCorrection number {i} was appended.\n"
        (settings.inbox / f"copy {i}.txt").write_text(text)
    limit = 300_000  # bytes per file: far below what the second run must write

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = subprocess.run(
        [sys.executable, "-m", "newsfacts.cli", "run", "--inbox", str(settings.inbox), "--db", str(settings.db)],
        capture_output=True,
        text=True,
        timeout=600,
        preexec_fn=small_files,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    [line] = done.stderr.strip().splitlines()[-1:]
    assert line.startswith("newsfacts: the run failed: ") and "File too large" in line
    [(status, error)] = rows(settings.db, "SELECT status, error FROM runs ORDER BY started_at DESC LIMIT 1")
    assert status == "failed" and "File too large" in error and "no transaction is active" not in error


def test_a_stop_that_interrupts_a_query_cancels_the_run(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C while DuckDB runs a query (the across-article refresh, say) reaches the run as
    DuckDB's own 'Query interrupted' error: the run is cancelled all the same, not failed."""

    def interrupted(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
        threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGINT)).start()
        con.execute(  # a query long enough for the signal to land inside it
            "SELECT count(*) FROM range(3000000000) t(i) WHERE i % 7 = 3"
        ).fetchall()

    monkeypatch.setattr(across, "refresh", interrupted)
    with pytest.raises(RunCancelled) as stop:
        ingest(settings)
    assert stop.value.signum == signal.SIGINT
    [(status, finished)] = rows(settings.db, "SELECT status, finished_at IS NOT NULL FROM runs")
    assert (status, finished) == ("cancelled", True)
