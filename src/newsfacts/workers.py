"""Parse and extract batches in worker processes while the main process loads.

`pipeline.process_batch` is pure (files in, Outcomes out), so it runs anywhere:
here in a pool of local processes, or on a Dask cluster (wired in flows/). The
main process stays the single database writer and takes results in batch order,
with a bounded number of batches in flight, so memory stays flat however large
the inbox. Prefect-free on purpose: worker processes import only domain code.
"""

from __future__ import annotations

import contextlib
import gc
import math
import multiprocessing
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Protocol, TypeVar

from newsfacts.intake import Outcome
from newsfacts.records import Article, Prior, Rejected
from newsfacts.sources import BadInput, SourceFile, read_bytes, sha256
from newsfacts.stopping import die_with_parent

T = TypeVar("T")
R = TypeVar("R", covariant=True)

# A batch smaller than this is not worth a process of its own: below it, start-up and
# shipping results cost more than the parallel parsing gains.
MIN_BATCH = 25


class Pending(Protocol[R]):
    """A result on its way: a `concurrent.futures.Future` or a Prefect future."""

    def result(self) -> R: ...


# Submits one batch to wherever batches are processed.
Submit = Callable[[list[SourceFile]], Pending[list[Outcome]]]


def process_batch(
    batch: list[SourceFile], priors: Mapping[str, Prior], max_bytes: int, timeout_s: float | None
) -> list[Outcome]:
    """`pipeline.process_batch`, imported where a batch is processed: the writing process of a
    run with one batch or none must not pay for spaCy and the parsers it would never use."""
    from newsfacts import pipeline

    return pipeline.process_batch(batch, priors, max_bytes, timeout_s)


def warm() -> None:
    """Load the spaCy model (and what extraction caches) before the first batch arrives."""
    from newsfacts.extract import extract_facts

    extract_facts([Article(title=None, body="The minister said the plan would start in London in May.")])


def _start_worker() -> None:
    """A worker's set-up: it leaves stopping to the run (a Ctrl-C at the terminal reaches the
    whole process group, and the run stops its workers itself, without a traceback from each);
    it dies with the run; then it loads the model. What is loaded by then lives as long as the
    worker, so the garbage collector is told to leave it out of its rounds (`gc.freeze`): it had
    gone through the model's 113,000 objects on each full round, 1.2 of the 74 ms an article
    takes to extract (0.3 with them frozen, 160 BBC politics files)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent()
    warm()
    gc.collect()
    gc.freeze()


def batch_size(files: int, requested: int, workers: int) -> int:
    """The requested batch size, made smaller so the batches share evenly among the workers.

    300 files in batches of 200 on two workers would run 200 on one and 100 on the other;
    927 would run 527 on one and 400 on the other, the second worker idle for a fifth of
    the run. The batches are made a multiple of the workers in number (two of 150; six of
    155), each no larger than requested, so every worker is busy to the end.
    """
    if workers <= 1:
        return max(1, min(requested, max(files, MIN_BATCH)))
    rounds = max(1, math.ceil(files / (requested * workers)))  # a run with nothing new has no files
    return max(1, min(requested, max(math.ceil(files / (rounds * workers)), MIN_BATCH)))


def priors_for(batch: Sequence[SourceFile], priors: Mapping[str, Prior]) -> dict[str, Prior]:
    """What the warehouse holds for this batch's files only, so each batch ships kilobytes, not the whole inbox."""
    return {s.rel: priors[s.rel] for s in batch if s.rel in priors}


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

    def __init__(self, value: list[Outcome]) -> None:
        self.value = value

    def result(self) -> list[Outcome]:
        return self.value


@contextmanager
def local(
    workers: int, batches: int, priors: Mapping[str, Prior], max_bytes: int, timeout_s: float | None
) -> Iterator[Submit]:
    """Submit batches to `workers` spawned processes, or run them here when that cannot pay.

    A pool costs a model load per worker, so it starts only when there is more than
    one batch and more than one worker. Processes are spawned, never forked: the
    parent may run threads. The pool lives for this block only; leaving it by an
    exception (a signal that stops the run included) kills the workers at once instead
    of waiting for their batches.
    """
    if workers <= 1 or batches <= 1:
        yield lambda batch: _Here(process_batch(batch, priors_for(batch, priors), max_bytes, timeout_s))
        return
    pool = _Pool(min(workers, batches), priors, max_bytes, timeout_s)
    try:
        yield pool.submit
    except BaseException:
        pool.kill()
        raise
    pool.shutdown()


class _Pool:
    """A process pool that outlives a worker's death.

    A file that kills the process reading it (a crash in a C library, the kernel's OOM
    killer) breaks a `ProcessPoolExecutor` and every batch in it. Here the batches it held
    are done again in a new pool; a batch that breaks the pool a second time is done file
    by file, and the file that breaks it again is quarantined with what happened, so the
    run goes on and the next run does not meet the same crash.
    """

    def __init__(self, workers: int, priors: Mapping[str, Prior], max_bytes: int, timeout_s: float | None) -> None:
        self.workers, self.priors, self.max_bytes, self.timeout_s = workers, priors, max_bytes, timeout_s
        self.generation = 0
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.workers, mp_context=multiprocessing.get_context("spawn"), initializer=_start_worker
        )

    def _future(self, batch: list[SourceFile]) -> Future[list[Outcome]]:
        executor = self.executor
        with _children_ignore_sigint(len(executor._processes or {}) < executor._max_workers):
            return executor.submit(process_batch, batch, priors_for(batch, self.priors), self.max_bytes, self.timeout_s)

    def submit(self, batch: list[SourceFile]) -> _Batch:
        return _Batch(self, batch, self.generation, self._future(batch))

    def renew(self, broken_generation: int) -> None:
        """A new pool in place of the broken one (once, however many batches saw it break)."""
        if broken_generation == self.generation:
            self.kill()
            self.executor = self._new()
            self.generation += 1

    def one_by_one(self, batch: list[SourceFile]) -> list[Outcome]:
        outcomes = []
        for src in batch:
            generation = self.generation
            try:
                outcomes += self._future([src]).result()
            except BrokenProcessPool:
                self.renew(generation)
                outcomes.append(_died_reading(src, self.max_bytes))
        return outcomes

    def kill(self) -> None:
        """Stop the pool now: its workers are killed, queued batches dropped. The executor has
        no public way to end running work before Python 3.14's terminate_workers()."""
        processes = list((self.executor._processes or {}).values())
        for process in processes:
            process.kill()
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.join(timeout=5)

    def shutdown(self) -> None:
        self.executor.shutdown()


class _Batch:
    """A batch on its way through a `_Pool`: done again if a worker died while the pool held it."""

    def __init__(self, pool: _Pool, batch: list[SourceFile], generation: int, future: Future) -> None:
        self.pool, self.batch, self.generation, self.future = pool, batch, generation, future

    def result(self) -> list[Outcome]:
        try:
            return self.future.result()
        except BrokenProcessPool:
            self.pool.renew(self.generation)
        generation = self.pool.generation
        try:
            return self.pool._future(self.batch).result()
        except BrokenProcessPool:
            self.pool.renew(generation)
            return self.pool.one_by_one(self.batch)


def _died_reading(src: SourceFile, max_bytes: int) -> Outcome:
    """The quarantine record of a file whose reading killed the worker process twice."""
    data = sha = None
    with contextlib.suppress(BadInput, OSError):
        data = read_bytes(src, max_bytes)
        sha = sha256(data)
    reason = "the worker process reading this file died (a crash or the out-of-memory killer), twice"
    return Outcome(src, sha, rejected=Rejected(src.rel, "extract", reason, sha, data))


@contextmanager
def _children_ignore_sigint(spawning: bool) -> Iterator[None]:
    """While a submit may spawn a worker, SIGINT is ignored here, and so in the new process
    (an ignored signal stays ignored across exec): a Ctrl-C while it imports spaCy would
    otherwise print a KeyboardInterrupt traceback from it before its initializer runs. The
    window is the few milliseconds of a fork and exec."""
    if not spawning or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
