"""One run over the inbox: list, select, process in batches, validate, load, across, report.

The loop is a plain function with its stages passed in, so the command line runs it
as it is, tests call it directly, and the Prefect flow (flows/ingest.py) passes the same
stages wrapped as tasks: one loop, whoever starts it. Signals are handled here, once:
SIGINT or SIGTERM stops the run within seconds, the batch being loaded commits whole or
not at all, the workers are killed, and the run is recorded as cancelled.

Batches are parsed and extracted in worker processes (or on a Dask cluster, through the
flow) while this process, the only writer, validates and loads earlier ones in order.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from newsfacts import intake, runlock, stages, store, workers
from newsfacts.records import ExpectationTotals, Known, Prior
from newsfacts.settings import Settings
from newsfacts.sources import SourceFile, discover
from newsfacts.stopping import STOP_SIGNALS, RunCancelled, Stopper, stop_on_signals

# Failures worth retrying: a file system hiccup, another process holding the database past
# store.connect's own wait. Anything else is a bug or bad data that a retry would only repeat.
TRANSIENT = (OSError, store.DatabaseBusy, duckdb.IOException)
RETRY_PAUSES_S = (1.0, 2.0, 4.0)

F = TypeVar("F", bound=Callable[..., Any])
# Where batches go to be parsed and extracted: (settings, what each file to read may repeat of
# the warehouse, number of batches) -> a block yielding (submit one batch, how many may be in flight).
BatchStage = Callable[[Settings, Mapping[str, Prior], int], AbstractContextManager[tuple[workers.Submit, int]]]


@dataclass
class Progress:
    """Where a run is, for a progress bar or a log line."""

    files_total: int
    files_done: int = 0
    articles_loaded: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def rate(self) -> float:
        """Files per second so far."""
        elapsed = time.monotonic() - self.started
        return self.files_done / elapsed if elapsed > 0 else 0.0


@dataclass
class RunSummary:
    run_id: str
    files_seen: int = 0
    files_new: int = 0
    files_unchanged: int = 0
    files_duplicate: int = 0
    files_renamed: int = 0
    files_deleted: int = 0
    files_quarantined: int = 0
    articles_loaded: int = 0
    articles_reprocessed: int = 0
    rows_quarantined: int = 0  # rows failing an error-level expectation
    items_quarantined: int = 0  # items of loaded files that are no article (a bad JSONL line)
    facts: dict[str, int] = field(default_factory=dict)
    expectations_passed: int = 0
    expectations_failed: int = 0
    report: str | None = None
    report_error: str | None = None  # the run's data stands; only its report could not be written
    seconds: dict[str, float] = field(default_factory=dict)  # wall time of each stage in this process

    @property
    def still_quarantined(self) -> int:
        """Files in quarantine now (the quarantined_files view), whichever run put them there."""
        return self.facts.get("quarantined_files", 0)

    @property
    def older_pipeline(self) -> int:
        """Current articles another pipeline version built: `run --reprocess` would rebuild them."""
        return self.facts.get("older_pipeline", 0)

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - start

    def add(self, resolved: Any, validated: Any, reprocessed: bool = False, raced: tuple[int, int] = (0, 0)) -> None:
        """Count a loaded batch; `raced`: its new files and articles another writer had loaded first."""
        self.files_new += resolved.new_files - raced[0]
        self.files_duplicate += resolved.duplicates + raced[0]
        self.files_renamed += resolved.renamed
        self.files_unchanged += len(resolved.touched)
        self.files_quarantined += resolved.quarantined
        self.items_quarantined += resolved.quarantine.num_rows - resolved.quarantined
        self.rows_quarantined += validated.rejected.num_rows
        if reprocessed:
            self.articles_reprocessed += validated.tables["articles"].num_rows
        else:
            self.articles_loaded += validated.tables["articles"].num_rows - raced[1]


def retrying(fn: F) -> F:
    """`fn`, tried again after 1, 2 and 4 s when it fails with a TRANSIENT error."""

    def call(*args: Any, **kwargs: Any) -> Any:
        for pause in RETRY_PAUSES_S:
            try:
                return fn(*args, **kwargs)
            except TRANSIENT:
                time.sleep(pause)
        return fn(*args, **kwargs)

    return call  # type: ignore[return-value]


def validate_batch(resolved: Any, run_id: str) -> Any:
    from newsfacts import quality

    return quality.validate(resolved.tables, run_id)


def reextract_batch(stored: list[dict], run_id: str, inbox: Path) -> Any:
    from newsfacts import pipeline

    return pipeline.reextract(stored, run_id, inbox)


def local_batches(
    settings: Settings, priors: Mapping[str, Prior], batches: int
) -> AbstractContextManager[tuple[workers.Submit, int]]:
    """Batches go to a local pool of worker processes (or this process, when a pool cannot pay)."""

    @contextmanager
    def stage() -> Iterator[tuple[workers.Submit, int]]:
        with workers.local(
            settings.workers, batches, priors, settings.max_file_bytes, settings.file_timeout_s
        ) as submit:
            yield submit, 2 * max(settings.workers, 1)

    return stage()


@dataclass(frozen=True)
class Stages:
    """The steps of a run. The defaults are the plain functions; flows/ingest.py passes the
    same functions wrapped as Prefect tasks."""

    open_run: Callable[[Settings, str], Known] = retrying(stages.open_run)
    discover: Callable[[Path], list[SourceFile]] = discover
    record_total: Callable[[Settings, str, int], None] = retrying(stages.record_total)
    batches: BatchStage = local_batches
    validate: Callable[[Any, str], Any] = validate_batch
    load: Callable[..., None] = retrying(stages.load)
    find_stale: Callable[[Settings], list[dict]] = retrying(stages.find_stale)
    reextract: Callable[[list[dict], str, Path], Any] = reextract_batch
    record_deleted: Callable[[Settings, list[str]], None] = retrying(stages.record_deleted)
    across: Callable[[Settings, str, bool], dict[str, int]] = retrying(stages.across_articles)
    finish: Callable[[Settings, str, str, int, str | None], None] = retrying(stages.finish)
    expectation_totals: Callable[[Settings, str], ExpectationTotals] = retrying(stages.expectation_totals)
    report: Callable[[Settings], Path] = retrying(stages.write_report)


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S-") + uuid.uuid4().hex[:6]


def run(
    settings: Settings,
    steps: Stages = Stages(),  # noqa: B008  (frozen, shared on purpose)
    progress: Callable[[Progress], None] | None = None,
    stop_signals: tuple[int, ...] = STOP_SIGNALS,
) -> RunSummary:
    """Ingest every new or changed file of the inbox, validate it, load it, report on it.

    Raises `RunCancelled` when one of `stop_signals` stopped the run (recorded as
    'cancelled'), and whatever failed the run otherwise (recorded as 'failed' with the error).
    """
    summary = RunSummary(run_id=new_run_id())
    with stop_on_signals(stop_signals) as stopper, runlock.hold(settings.db, settings.wait_s):
        try:
            with summary.timed("open"), stopper.shielded():
                known = steps.open_run(settings, summary.run_id)
            _work(settings, steps, stopper, summary, known, progress)
        except RunCancelled as stop:
            stages.record_cancelled(settings, summary.run_id, summary.files_seen, f"cancelled: {stop}")
            raise
        except BaseException as exc:
            if stopper.signum is not None:  # the stop cut through a query: DuckDB reports its own interrupt
                stop = RunCancelled(stopper.signum)
                stages.record_cancelled(settings, summary.run_id, summary.files_seen, f"cancelled: {stop}")
                raise stop from None
            steps.finish(settings, summary.run_id, "failed", summary.files_seen, f"{type(exc).__name__}: {exc}")
            raise
        steps.finish(settings, summary.run_id, "succeeded", summary.files_seen, None)
        with summary.timed("report"):
            try:
                summary.report = str(steps.report(settings))
            except Exception as exc:  # a full disk, an unwritable folder: the loaded data is still good
                summary.report_error = f"{type(exc).__name__}: {exc}"
    return summary


def _work(
    settings: Settings,
    steps: Stages,
    stopper: Stopper,
    summary: RunSummary,
    known: Known,
    progress: Callable[[Progress], None] | None,
) -> None:
    with summary.timed("discover"):
        sources = steps.discover(settings.inbox)
        summary.files_seen = len(sources)
        todo, gone = intake.select(sources, known)
    summary.files_unchanged = len(sources) - len(todo)
    done = Progress(files_total=len(todo))
    if todo:
        steps.record_total(settings, summary.run_id, len(todo))
    if progress:
        progress(done)
    priors = intake.priors(todo, known)
    seen = intake.Seen.start(known, gone)
    size = workers.batch_size(len(todo), settings.batch_size, settings.workers)
    batches = intake.batches(todo, size)
    if batches:
        with steps.batches(settings, priors, len(batches)) as (submit, ahead):
            results = workers.in_order(submit, batches, ahead)
            for batch in batches:
                with summary.timed("parse+extract (waiting on workers)"):
                    outcomes = next(results)
                with summary.timed("resolve"):
                    resolved = intake.resolve(outcomes, known, seen, summary.run_id)
                with summary.timed("validate"):
                    validated = steps.validate(resolved, summary.run_id)
                with summary.timed("load"), stopper.shielded():
                    raced = steps.load(settings, summary.run_id, resolved, validated)
                summary.add(resolved, validated, raced=raced)
                done.files_done += len(batch)
                done.articles_loaded = summary.articles_loaded
                if progress:
                    progress(done)
    if settings.reprocess:
        stale = steps.find_stale(settings)
        for start in range(0, len(stale), settings.batch_size):
            resolved = steps.reextract(stale[start : start + settings.batch_size], summary.run_id, settings.inbox)
            validated = steps.validate(resolved, summary.run_id)
            kept = validated.tables["articles"].column("article_id").to_pylist()
            with stopper.shielded():
                steps.load(settings, summary.run_id, resolved, validated, kept)
            summary.add(resolved, validated, reprocessed=True)
    if gone:
        with stopper.shielded():
            steps.record_deleted(settings, gone)
        summary.files_deleted = len(gone) - summary.files_renamed
    changed = bool(summary.articles_loaded or summary.articles_reprocessed or gone)
    with summary.timed("across articles"):
        summary.facts = steps.across(settings, summary.run_id, changed)
    if batches or settings.reprocess:
        totals = steps.expectation_totals(settings, summary.run_id)
        summary.expectations_passed, summary.expectations_failed = totals.passed, totals.failed
