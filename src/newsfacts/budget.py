"""The per-file time budget: a pathological input becomes a quarantine row, not a stuck run.

Parsing and extraction are pure Python over one file's text (spaCy's model included, which
returns to the interpreter between layers), so a timer signal can interrupt them wherever
they spin: a regular expression backtracking on a freak page, a parser on a deeply nested
document. The timer is a SIGALRM, which only the main thread of a process can receive; that
is where batches are processed (a worker process's main thread, or the run's own process).
Elsewhere (a thread of a Dask worker) the budget is not enforced and the task's own timeout
is the bound.
"""

from __future__ import annotations

import math
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

MEGABYTE = 1_000_000


class OverBudget(Exception):
    """One file took longer than its time budget."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"took longer than its time budget of {seconds:g} s (--file-timeout per started MB)")


def for_size(seconds_per_mb: float | None, size_bytes: int) -> float | None:
    """A file's budget: `seconds_per_mb` for each started megabyte. The work is proportional to
    the text (a 9 MB transcript takes minutes, like 9 one-megabyte ones), while a small file that
    never finishes is given up after the base budget."""
    if not seconds_per_mb:
        return None
    return seconds_per_mb * max(1, math.ceil(size_bytes / MEGABYTE))


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `OverBudget` in this block once `seconds` have passed (no limit for None or 0)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise OverBudget(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    # Then again every second: a library that swallows exceptions (`except Exception: pass`
    # inside a parser) gets the next one, until the file is given up.
    signal.setitimer(signal.ITIMER_REAL, seconds, 1.0)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
