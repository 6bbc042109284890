"""The `ingest` flow: inbox files -> validated rows in DuckDB -> data-quality report.

Reads like the recipe it is. Each task wraps one domain stage over a batch of
files (never one task per file), so Prefect's per-task cost grows with batches,
not with the corpus. Batches are parsed and extracted in worker processes (a
local pool, or a Dask cluster through Prefect's DaskTaskRunner) while this
process resolves, validates and loads earlier ones in order: one writer, and the
database is opened only inside `load_batch` and the short bookkeeping tasks.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb
from prefect import Flow, Task, flow, task
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.objects import TaskRun
from prefect.context import FlowRunContext
from prefect.states import State
from prefect.tasks import exponential_backoff

from newsfacts import PIPELINE_VERSION, across, pipeline, quality, report, runlock, store, workers
from newsfacts.records import Known
from newsfacts.settings import Settings
from newsfacts.sources import SourceFile, discover

# Failures worth retrying: a file system hiccup, another process holding the database past
# store.connect's own wait. Anything else is a bug or bad data that a retry would only repeat.
TRANSIENT = (OSError, store.DatabaseBusy, duckdb.IOException)


def _is_transient(task: Task, task_run: TaskRun, state: State) -> bool:
    """Prefect's retry condition: retry only TRANSIENT errors."""
    try:
        state.result()
    except TRANSIENT:
        return True
    except BaseException:
        return False
    return False


# Up to 3 retries after 1, 2 and 4 s (jittered, so two waiting runs do not retry in step).
RETRY = dict(
    retries=3,
    retry_delay_seconds=exponential_backoff(backoff_factor=1),
    retry_jitter_factor=0.5,
    retry_condition_fn=_is_transient,
    cache_policy=NO_CACHE,
)


@dataclass
class RunSummary:
    run_id: str
    files_seen: int = 0
    files_new: int = 0
    files_unchanged: int = 0
    files_duplicate: int = 0
    files_deleted: int = 0
    files_quarantined: int = 0
    articles_loaded: int = 0
    articles_reprocessed: int = 0
    rows_quarantined: int = 0
    facts: dict[str, int] = field(default_factory=dict)
    expectations_passed: int = 0
    expectations_failed: int = 0
    report: str | None = None
    seconds: dict[str, float] = field(default_factory=dict)  # wall time of each stage in this process

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - start

    def add(self, resolved: pipeline.Resolved, validated: quality.Validated, reprocessed: bool = False) -> None:
        self.files_new += resolved.new_files
        self.files_duplicate += resolved.duplicates
        self.files_unchanged += len(resolved.touched)
        self.files_quarantined += resolved.quarantine.num_rows
        self.rows_quarantined += validated.rejected.num_rows
        if reprocessed:
            self.articles_reprocessed += validated.tables["articles"].num_rows
        else:
            self.articles_loaded += validated.tables["articles"].num_rows
        passed = sum(validated.results.column("success").to_pylist())
        self.expectations_passed += passed
        self.expectations_failed += validated.results.num_rows - passed


@task(name="open-run", **RETRY)
def open_run(settings: Settings, run_id: str) -> Known:
    with store.connect(settings.target) as con:
        store.ensure_schema(con)
        known = store.read_known(con)
        # Last, so that a retry never follows a recorded start (it would insert the run twice).
        store.start_run(con, run_id, str(settings.inbox), PIPELINE_VERSION)
        return known


@task(name="find-stale", **RETRY)
def find_stale(settings: Settings) -> list[dict]:
    with store.connect(settings.target, read_only=True) as con:
        return store.stale_articles(con, PIPELINE_VERSION)


@task(name="reextract-batch", cache_policy=NO_CACHE, timeout_seconds=3600)
def reextract_batch(stored: list[dict], run_id: str) -> pipeline.Resolved:
    return pipeline.reextract(stored, run_id)


@task(name="discover", **RETRY)
def discover_files(inbox: Path) -> list[SourceFile]:
    return discover(inbox)


@task(name="process-batch", cache_policy=NO_CACHE, timeout_seconds=3600)
def process_batch(batch: list[SourceFile], latest_sha: dict[str, str], max_bytes: int) -> list[pipeline.Outcome]:
    return pipeline.process_batch(batch, latest_sha, max_bytes)


@task(name="validate-batch", cache_policy=NO_CACHE)
def validate_batch(resolved: pipeline.Resolved, run_id: str) -> quality.Validated:
    return quality.validate(resolved.tables, run_id)


@task(name="load-batch", **RETRY)
def load_batch(
    settings: Settings,
    run_id: str,
    resolved: pipeline.Resolved,
    validated: quality.Validated,
    replaces: list[str] | None = None,
) -> None:
    with store.connect(settings.target) as con:
        store.load_batch(
            con,
            run_id,
            validated.tables,
            resolved.files,
            [resolved.quarantine, validated.rejected],
            validated.results,
            resolved.touched,
            replaces or (),
        )


@task(name="record-deleted", **RETRY)
def record_deleted(settings: Settings, gone: list[str]) -> None:
    with store.connect(settings.target) as con:
        store.mark_deleted(con, gone)


@task(name="across-articles", **RETRY)
def across_articles(settings: Settings, run_id: str, changed: bool) -> dict[str, int]:
    """Recompute stories, flags and the search index, unless the warehouse is as the last run left it."""
    with store.connect(settings.target) as con:
        if changed or store.unclustered(con):
            across.refresh(con, run_id)
        return store.table_counts(con)


@task(name="finish-run", **RETRY)
def finish_run(settings: Settings, run_id: str, status: str, files_seen: int, error: str | None) -> None:
    with store.connect(settings.target) as con:
        store.finish_run(con, run_id, status, files_seen, error)


@task(name="write-report", **RETRY)
def write_report(settings: Settings, validated_rows: bool) -> Path:
    """The report of this run. GE's Data Docs are rebuilt only when this run validated rows: an
    idle run keeps the last real validation on show (and skips 0.6 s); its own empty-batch
    results are in the report."""
    settings.report.parent.mkdir(parents=True, exist_ok=True)
    docs_dir = settings.report.parent / "data_docs"
    docs: Path | None = docs_dir / "index.html"
    if validated_rows or not docs.exists():
        docs = quality.build_data_docs(docs_dir)
    with store.connect(settings.target, read_only=True) as con:
        return report.write_report(con, settings.report, docs)


@flow(name="ingest", log_prints=False)
def ingest(settings: Settings) -> RunSummary:
    """Ingest every new or changed file in the inbox, validate it, load it, report on it."""
    with runlock.hold(settings.db, settings.wait_s):
        return _ingest(settings)


def flow_for(settings: Settings) -> Flow:
    """The ingest flow, on a Dask cluster's task runner when the settings ask for one."""
    if settings.task_runner != "dask":
        return ingest
    from prefect_dask import DaskTaskRunner

    if settings.dask_address:
        return ingest.with_options(task_runner=DaskTaskRunner(address=settings.dask_address))
    cluster = {"n_workers": max(settings.workers, 1), "threads_per_worker": 1, "processes": True}
    return ingest.with_options(task_runner=DaskTaskRunner(cluster_kwargs={**cluster, "dashboard_address": None}))


@contextmanager
def batch_stage(settings: Settings, latest_sha: dict[str, str], batches: int) -> Iterator[tuple[workers.Submit, int]]:
    """Where batches are parsed and extracted, and how many may be in flight at once.

    On a Dask task runner each batch is a `process-batch` task run on the cluster;
    otherwise a local pool of processes (or this process) takes them.
    """
    ctx = FlowRunContext.get()
    client = getattr(ctx.task_runner, "client", None) if ctx else None
    if client is not None:
        slots = sum(client.nthreads().values()) or 1

        def submit(batch: list[SourceFile]) -> workers.Pending[list[pipeline.Outcome]]:
            return process_batch.submit(batch, workers.shas_for(batch, latest_sha), settings.max_file_bytes)

        yield submit, 2 * slots
        return
    with workers.local(settings.workers, batches, latest_sha, settings.max_file_bytes) as submit:
        yield submit, 2 * max(settings.workers, 1)


def _ingest(settings: Settings) -> RunSummary:
    run_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S-") + uuid.uuid4().hex[:6]
    summary = RunSummary(run_id=run_id)
    with summary.timed("open"):
        known = open_run(settings, run_id)
    try:
        with summary.timed("discover"):
            sources = discover_files(settings.inbox)
            summary.files_seen = len(sources)
            todo, gone = pipeline.select(sources, known)
        summary.files_unchanged = len(sources) - len(todo)
        latest_sha = {rel: k.content_sha256 for rel, k in known.files.items()}
        seen: dict[str, str] = {}
        size = workers.batch_size(len(todo), settings.batch_size, settings.workers)
        # An empty inbox still validates one empty batch, so every run has its DQ results.
        batches = pipeline.batches(todo, size) or [[]]
        with batch_stage(settings, latest_sha, len(batches)) as (submit, ahead):
            results = workers.in_order(submit, batches, ahead)
            while True:
                with summary.timed("parse+extract (waiting on workers)"):
                    outcomes = next(results, None)
                if outcomes is None:
                    break
                with summary.timed("resolve"):
                    resolved = pipeline.resolve(outcomes, known, seen, run_id)
                with summary.timed("validate"):
                    validated = validate_batch(resolved, run_id)
                with summary.timed("load"):
                    load_batch(settings, run_id, resolved, validated)
                summary.add(resolved, validated)
        if settings.reprocess:
            stale = find_stale(settings)
            for start in range(0, len(stale), settings.batch_size):
                resolved = reextract_batch(stale[start : start + settings.batch_size], run_id)
                validated = validate_batch(resolved, run_id)
                kept = validated.tables["articles"].column("article_id").to_pylist()
                load_batch(settings, run_id, resolved, validated, kept)
                summary.add(resolved, validated, reprocessed=True)
        if gone:
            record_deleted(settings, gone)
            summary.files_deleted = len(gone)
        changed = bool(summary.articles_loaded or summary.articles_reprocessed or gone)
        with summary.timed("across articles"):
            summary.facts = across_articles(settings, run_id, changed)
    except BaseException as exc:
        finish_run(settings, run_id, "failed", summary.files_seen, f"{type(exc).__name__}: {exc}")
        raise
    finish_run(settings, run_id, "succeeded", summary.files_seen, None)
    with summary.timed("report"):
        validated_rows = bool(summary.articles_loaded or summary.articles_reprocessed or summary.rows_quarantined)
        summary.report = str(write_report(settings, validated_rows))
    return summary
