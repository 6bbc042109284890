"""Ctrl-C and SIGTERM stop a run within seconds, cleanly, and the next run finishes the work (issue 16).

Each case starts `newsfacts run` in its own process group on a multi-batch inbox with two
worker processes, waits until batches are loading, sends the signal the way a terminal
(SIGINT to the group) or a service manager (SIGTERM to the main process) would, and checks:
the process exits within 5 s with 130 or 143, prints one line and no traceback, leaves no
process behind, records the run as cancelled; then a second run loads every file exactly once.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import goldlib, hooks
from tests.goldlib import rows

pytestmark = pytest.mark.slow

STOP_WITHIN_S = 5.0
FILES = 60


def make_corpus(box: Path, n: int) -> None:
    """n distinct articles built from the seeds."""
    box.mkdir()
    seeds = [goldlib.seed_path(s).read_text() for s in sorted(goldlib.ARTICLES)]
    for i in range(n):
        (box / f"article {i:03d}.txt").write_text(seeds[i % len(seeds)] + f"\n\nCorrection {i} was appended.\n")


def group_members(pgid: int) -> list[str]:
    """Command lines of the live processes in a process group, from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[2]) == pgid and fields[0] != "Z":
                found.append((entry / "cmdline").read_bytes().replace(b"\0", b" ").decode())
        except (OSError, ValueError):
            continue
    return found


def sigint_ignored() -> None:
    """What a shell does to a job a script starts in the background (`newsfacts run &`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@pytest.mark.parametrize(
    ("sig", "to_group", "code", "start"),
    [
        (signal.SIGINT, True, 130, None),  # Ctrl-C at a terminal
        (signal.SIGINT, False, 130, sigint_ignored),  # kill -INT to a run a script put in the background
        (signal.SIGTERM, True, 143, None),
        (signal.SIGTERM, False, 143, None),  # a service manager stopping the main process
    ],
    ids=["sigint-group", "sigint-pid-background", "sigterm-group", "sigterm-pid"],
)
def test_a_signal_stops_the_run_cleanly_and_the_next_run_finishes(
    tmp_path: Path, sig: signal.Signals, to_group: bool, code: int, start: object
) -> None:
    box = tmp_path / "inbox"
    make_corpus(box, FILES)
    db = tmp_path / "w.duckdb"
    command = [sys.executable, "-m", "newsfacts.cli", "run", "--inbox", str(box), "--db", str(db)]
    proc = subprocess.Popen(
        [*command, "--batch-size", "4", "--workers", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=start,
        env=hooks.slow_extraction(tmp_path, 6),  # a batch of 4 in one call: 15 batches on 2 workers, over 10 s left when `status` looks
    )
    # Off a terminal the run prints a line per loaded batch: stop it after the second.
    lines = []
    while len([line for line in lines if " files, " in line]) < 2:
        line = proc.stderr.readline()
        assert line, f"the run ended before it could be stopped: {lines}"
        lines.append(line)
    status = subprocess.run(
        [sys.executable, "-m", "newsfacts.cli", "status", "--db", str(db), "--format", "table"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert re.search(rf"running\s.*\b\d+/{FILES} files", status.stdout), status.stdout  # the run's progress
    (os.killpg if to_group else os.kill)(proc.pid, sig)
    sent = time.monotonic()
    out, err = proc.communicate(timeout=60)
    took = time.monotonic() - sent
    assert took < STOP_WITHIN_S, f"took {took:.1f} s to stop"
    assert proc.returncode == code
    assert "Traceback" not in err and "Traceback" not in out
    said = err.strip().splitlines()
    assert all(line.startswith("newsfacts: ") for line in said), said  # progress lines, then one about the stop
    assert said[-1].startswith(f"newsfacts: run stopped by {sig.name}")
    time.sleep(0.5)  # let the kernel reap what the run killed
    assert group_members(proc.pid) == []
    [(status, finished, error)] = rows(db, "SELECT status, finished_at IS NOT NULL, error FROM runs")
    assert (status, finished) == ("cancelled", True) and sig.name in error
    loaded = rows(db, "SELECT count(*) FROM articles")[0][0]
    assert 0 < loaded < FILES

    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert rows(db, "SELECT count(*), count(DISTINCT source_file), count(DISTINCT content_sha256) FROM articles") == [
        (FILES, FILES, FILES)
    ]
    assert rows(db, "SELECT count(*), count(DISTINCT source_file) FROM files") == [(FILES, FILES)]
    assert rows(db, "SELECT status FROM runs ORDER BY started_at") == [("cancelled",), ("succeeded",)]
