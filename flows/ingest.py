"""The `ingest` flow: the library's run loop with its stages as Prefect tasks.

Reads like the recipe it is: `newsfacts.ingest.run` is the one loop (the command line
runs it without Prefect); here each stage that touches the warehouse becomes a named,
retried task run, and batches can go to a Dask cluster through Prefect's DaskTaskRunner
as `process-batch` task runs (never one task per file, so Prefect's per-task cost grows
with batches, not with the corpus). Nothing here but orchestration.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager

from prefect import Flow, Task, flow, task
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.objects import TaskRun
from prefect.context import FlowRunContext
from prefect.states import Cancelled, State
from prefect.tasks import exponential_backoff

from newsfacts import ingest as loop
from newsfacts import stages, workers
from newsfacts.ingest import TRANSIENT, RunSummary, Stages
from newsfacts.intake import Outcome
from newsfacts.records import Prior
from newsfacts.settings import Settings
from newsfacts.sources import SourceFile, discover
from newsfacts.stopping import RunCancelled


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
ONCE = dict(cache_policy=NO_CACHE)


@task(name="process-batch", cache_policy=NO_CACHE, timeout_seconds=3600)
def process_batch(
    batch: list[SourceFile], priors: dict[str, Prior], max_bytes: int, timeout_s: float | None
) -> list[Outcome]:
    return workers.process_batch(batch, priors, max_bytes, timeout_s)


def batch_stage(
    settings: Settings, priors: Mapping[str, Prior], batches: int
) -> AbstractContextManager[tuple[workers.Submit, int]]:
    """On a Dask task runner each batch is a `process-batch` task run on the cluster; otherwise
    the library's local pool takes them."""
    ctx = FlowRunContext.get()
    client = getattr(ctx.task_runner, "client", None) if ctx else None
    if client is None:
        return loop.local_batches(settings, priors, batches)

    @contextmanager
    def on_cluster() -> Iterator[tuple[workers.Submit, int]]:
        slots = sum(client.nthreads().values()) or 1

        def submit(batch: list[SourceFile]) -> workers.Pending[list[Outcome]]:
            shipped = workers.priors_for(batch, priors)
            return process_batch.submit(batch, shipped, settings.max_file_bytes, settings.file_timeout_s)

        yield submit, 2 * slots

    return on_cluster()


TASKS = Stages(
    open_run=task(name="open-run", **RETRY)(stages.open_run),
    discover=task(name="discover", **RETRY)(discover),
    record_total=task(name="record-total", **RETRY)(stages.record_total),
    batches=batch_stage,
    validate=task(name="validate-batch", **ONCE)(loop.validate_batch),
    load=task(name="load-batch", **RETRY)(stages.load),
    find_stale=task(name="find-stale", **RETRY)(stages.find_stale),
    reextract=task(name="reextract-batch", timeout_seconds=3600, **ONCE)(loop.reextract_batch),
    record_deleted=task(name="record-deleted", **RETRY)(stages.record_deleted),
    across=task(name="across-articles", **RETRY)(stages.across_articles),
    finish=task(name="finish-run", **RETRY)(stages.finish),
    expectation_totals=task(name="expectation-totals", **RETRY)(stages.expectation_totals),
    report=task(name="write-report", **RETRY)(stages.write_report),
)


@flow(name="ingest", log_prints=False)
def ingest(settings: Settings) -> RunSummary | State:
    """Ingest every new or changed file in the inbox, validate it, load it, report on it.

    A run stopped by SIGINT or SIGTERM ends the flow run Cancelled (not Crashed): the library
    has already recorded it as cancelled in the warehouse.
    """
    try:
        return loop.run(settings, TASKS)
    except RunCancelled as stop:
        return Cancelled(message=f"newsfacts run {stop}")


def stopped_by(state: State) -> RunCancelled | None:
    """The stop behind a Cancelled flow run of `ingest`, read back from its message."""
    if not state.is_cancelled():
        return None
    name = (state.message or "SIGINT").split()[-1]
    return RunCancelled(getattr(signal, name, signal.SIGINT))


def flow_for(settings: Settings) -> Flow:
    """The ingest flow, on a Dask cluster's task runner when the settings ask for one."""
    if settings.task_runner != "dask":
        return ingest
    from prefect_dask import DaskTaskRunner

    if settings.dask_address:
        return ingest.with_options(task_runner=DaskTaskRunner(address=settings.dask_address))
    cluster = {"n_workers": max(settings.workers, 1), "threads_per_worker": 1, "processes": True}
    return ingest.with_options(task_runner=DaskTaskRunner(cluster_kwargs={**cluster, "dashboard_address": None}))
