"""One run at a time per database, across processes.

DuckDB's own lock only covers an open connection, and a run opens the database
only while loading; two runs interleaving their batches would each read the
other's half-written picture of what is new. A file lock next to the database,
held for the whole run, serialises runs while leaving readers (`newsfacts sql`)
free between loads. The OS drops the lock when the process dies, even on kill -9.
"""

from __future__ import annotations

import fcntl
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class RunInProgress(RuntimeError):
    """Another run holds this database for longer than we were willing to wait."""


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".run.lock")


@contextmanager
def hold(db: Path, timeout_s: float) -> Iterator[None]:
    """Hold the run lock of `db`, waiting up to `timeout_s` for another run to finish."""
    path = lock_path(db)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout_s
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = path.read_text().strip() or "another process"
                    raise RunInProgress(
                        f"another newsfacts run ({holder}) is using {db}; waited {timeout_s:.0f} s. "
                        "Try again when it finishes, or raise --wait."
                    ) from None
                if not told:
                    print(f"newsfacts: waiting for the run holding {db} to finish…", file=sys.stderr)
                    told = True
                time.sleep(0.5)
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()}".encode())
        yield
    finally:
        os.close(fd)  # closing releases the lock
