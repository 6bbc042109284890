"""`newsfacts serve` for real: a private Prefect server, a 5-second schedule, runs that load, a clean stop.

Each case starts `serve` in a subprocess with an empty Prefect home of its own (the
first start migrates Prefect's database, as on a fresh machine), waits until the
schedule has produced a succeeded run in the `runs` table, stops `serve` the way
a terminal (SIGINT) or a service manager (SIGTERM) would, and checks that it and
the Prefect server it started are gone.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests import goldlib

pytestmark = pytest.mark.slow

SEEDS = ["000_a35eb987d5d3a60c.txt", "001_fb2afd439c317a0e.txt"]
# Bounds, not expectations: a fresh Prefect home takes ~20 s to start, a run ~10 s.
FIRST_RUN_WITHIN_S = 240
STOP_WITHIN_S = 60


def _succeeded_runs(db: Path) -> tuple[int, int] | None:
    """(succeeded runs, articles), or None while the database is missing or held by a run."""
    if not db.exists():
        return None
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            runs = con.execute("SELECT count(*) FROM runs WHERE status = 'succeeded'").fetchone()[0]
            articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
            return runs, articles
    except duckdb.Error:
        return None


def _listening(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _server_pids(port: int) -> list[int]:
    """Processes whose command line is a Prefect server on `port` (Linux /proc)."""
    pids = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            argv = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"server" in argv and b"--port" in argv and str(port).encode() in argv:
            pids.append(int(proc.name))
    return pids


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_serve_runs_the_schedule_and_stops_cleanly(tmp_path: Path, stop_signal: signal.Signals) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in SEEDS:
        shutil.copy(goldlib.SEEDS_DIR / name, inbox / name)
    db = tmp_path / "warehouse.duckdb"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home")}
    env.pop("PREFECT_API_URL", None)
    env.pop("PREFECT_PROFILE", None)
    log = tmp_path / "serve.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "newsfacts.cli", "serve", "--inbox", str(inbox), "--db", str(db), "--interval", "5"],
            cwd=tmp_path,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own group, so flow-run processes it leaves behind are visible
        )
    port = None
    try:
        deadline = time.monotonic() + FIRST_RUN_WITHIN_S
        state = None
        while time.monotonic() < deadline and proc.poll() is None:
            if port is None and (m := re.search(r"Prefect UI: http://127\.0\.0\.1:(\d+)", log.read_text())):
                port = int(m.group(1))
            state = _succeeded_runs(db)
            if state and state[0] >= 1:
                break
            time.sleep(1)
        assert proc.poll() is None, f"serve exited early with {proc.returncode}:\n{log.read_text()}"
        assert port is not None, f"serve never printed the UI address:\n{log.read_text()}"
        assert state and state[0] >= 1, f"no succeeded run within {FIRST_RUN_WITHIN_S} s:\n{log.read_text()}"
        assert state[1] == len(SEEDS)

        proc.send_signal(stop_signal)
        assert proc.wait(STOP_WITHIN_S) == 0, log.read_text()
        assert "local Prefect server stopped" in log.read_text()
        assert not _listening(port)
        assert not _server_pids(port)
        # Nothing serve started (flow-run processes) outlives it.
        deadline = time.monotonic() + 10
        while _group_alive(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _group_alive(proc.pid)
    finally:
        if proc.poll() is None or _group_alive(proc.pid):
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        for pid in _server_pids(port) if port else []:
            os.kill(pid, signal.SIGKILL)
