"""Parse and extract batches in worker processes while the main process loads.

`pipeline.process_batch` is pure (files in, Outcomes out), so it runs anywhere:
here in a pool of local processes, or on a Dask cluster (wired in flows/). The
main process stays the single database writer and takes results in batch order,
with a bounded number of batches in flight, so memory stays flat however large
the inbox. Prefect-free on purpose: worker processes import only domain code.
"""

from __future__ import annotations

import ctypes
import math
import multiprocessing
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Protocol, TypeVar

from newsfacts import pipeline
from newsfacts.extract import extract_facts
from newsfacts.records import Article
from newsfacts.sources import SourceFile

T = TypeVar("T")
R = TypeVar("R", covariant=True)

# A batch smaller than this is not worth a process of its own: below it, start-up and
# shipping results cost more than the parallel parsing gains.
MIN_BATCH = 25


class Pending(Protocol[R]):
    """A result on its way: a `concurrent.futures.Future` or a Prefect future."""

    def result(self) -> R: ...


# Submits one batch to wherever batches are processed.
Submit = Callable[[list[SourceFile]], Pending[list[pipeline.Outcome]]]


def warm() -> None:
    """Load the spaCy model (and what extraction caches) before the first batch arrives."""
    extract_facts([Article(title=None, body="The minister said the plan would start in London in May.")])


# prctl(2) option: the signal a process gets when its parent dies.
PR_SET_PDEATHSIG = 1


def _start_worker() -> None:
    """A worker's set-up: it leaves stopping to the run (a Ctrl-C at the terminal reaches the
    whole process group, and the run stops its workers itself, without a traceback from each);
    it dies with the run even when the run is killed with -9; then it loads the model."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform == "linux":
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    warm()


def batch_size(files: int, requested: int, workers: int) -> int:
    """The requested batch size, made smaller when that would leave workers idle.

    300 files in batches of 200 on two workers would run 200 on one and 100 on the
    other; batches of 150 keep both busy to the end.
    """
    if workers <= 1 or files <= requested * workers:
        share = math.ceil(files / max(workers, 1))
        return max(1, min(requested, max(share, MIN_BATCH)))
    return requested


def shas_for(batch: Sequence[SourceFile], latest_sha: Mapping[str, str]) -> dict[str, str]:
    """The recorded hashes of this batch's files only, so each batch ships kilobytes, not the whole inbox."""
    return {s.rel: latest_sha[s.rel] for s in batch if s.rel in latest_sha}


def in_order(submit: Callable[[T], Pending[R]], items: Iterable[T], ahead: int) -> Iterator[R]:
    """`submit(item).result()` for each item, in item order, with at most `ahead` items in flight.

    Workers keep busy on later batches while the caller loads an earlier one, and
    memory holds at most `ahead` batches of results whatever the number of items.
    """
    pending: deque[Pending[R]] = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= ahead:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


class _Here:
    """A finished 'future' for a batch processed in this process."""

    def __init__(self, value: list[pipeline.Outcome]) -> None:
        self.value = value

    def result(self) -> list[pipeline.Outcome]:
        return self.value


@contextmanager
def local(
    workers: int, batches: int, latest_sha: Mapping[str, str], max_bytes: int, timeout_s: float | None
) -> Iterator[Submit]:
    """Submit batches to `workers` spawned processes, or run them here when that cannot pay.

    A pool costs a model load per worker, so it starts only when there is more than
    one batch and more than one worker. Processes are spawned, never forked: the
    parent may run threads. The pool lives for this block only; leaving it by an
    exception (a signal that stops the run included) kills the workers at once instead
    of waiting for their batches.
    """
    if workers <= 1 or batches <= 1:
        yield lambda batch: _Here(pipeline.process_batch(batch, shas_for(batch, latest_sha), max_bytes, timeout_s))
        return
    pool = ProcessPoolExecutor(
        min(workers, batches), mp_context=multiprocessing.get_context("spawn"), initializer=_start_worker
    )
    try:
        yield lambda batch: pool.submit(
            pipeline.process_batch, batch, shas_for(batch, latest_sha), max_bytes, timeout_s
        )
    except BaseException:
        _kill(pool)
        raise
    pool.shutdown()


def _kill(pool: ProcessPoolExecutor) -> None:
    """Stop a pool now: its workers are killed, queued batches dropped. The executor has no
    public way to end running work before Python 3.14's terminate_workers()."""
    processes = list((pool._processes or {}).values())
    for process in processes:
        process.kill()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(timeout=5)
