"""`newsfacts serve`: the ingest flow as a Prefect deployment that runs on a schedule.

A deployment stores its parameters as JSON, so `scheduled_ingest` takes plain
strings and numbers, builds the `Settings` and runs `ingest` as a subflow,
unchanged. `serve` serves it from this process; with no Prefect API configured
it first starts a private local server (flows/server.py), because Prefect
cannot schedule on the throwaway API it otherwise starts per process.
The same flow is the entrypoint of prefect.yaml, for users with their own
server and work pool.
"""

from __future__ import annotations

import asyncio
import os
import signal

from prefect import flow
from prefect.runner import Runner
from prefect.settings import PREFECT_API_URL, PREFECT_UI_URL, temporary_settings
from prefect.types.entrypoint import EntrypointType

from flows.ingest import RunSummary, ingest
from flows.server import local_server
from newsfacts.settings import Settings, prefect_home

DEPLOYMENT = "newsfacts"
# Bounds a hung run so it cannot hold the schedule (and the database) forever. Generous on
# purpose: a first run over ~100,000 files at ~10 articles/s takes about 3 hours.
FLOW_TIMEOUT_S = 6 * 3600


@flow(name="scheduled-ingest", timeout_seconds=FLOW_TIMEOUT_S)
def scheduled_ingest(
    inbox: str | None = None,
    db: str | None = None,
    report: str | None = None,
    batch_size: int | None = None,
    max_file_bytes: int | None = None,
) -> RunSummary:
    """One scheduled run of `ingest`; a parameter left out falls back to its NEWSFACTS_* variable."""
    settings = Settings.load(inbox=inbox, db=db, report=report, batch_size=batch_size, max_file_bytes=max_file_bytes)
    return ingest(settings)


def _sigterm_as_sigint(*_: object) -> None:
    """Take Ctrl-C's path on SIGTERM: before serving, KeyboardInterrupt unwinds the local server;
    while serving, asyncio cancels the runner, which pauses the schedule and stops its runs."""
    os.kill(os.getpid(), signal.SIGINT)


class _Runner(Runner):
    """Prefect's runner, minus its SIGTERM handler (3.8.8 exits from inside the event loop,
    leaving a never-awaited stop and a traceback, and skipping the schedule pause)."""

    def handle_sigterm(self, *args: object, **kwargs: object) -> None:
        _sigterm_as_sigint()


def serve(settings: Settings, cron: str | None = None, interval: int | None = None) -> None:
    """Serve `scheduled_ingest` on the schedule until interrupted (Ctrl-C or SIGTERM, which then
    raises KeyboardInterrupt for the caller)."""
    # Ctrl-C must work even when started from a script that ignores SIGINT (background jobs do).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _sigterm_as_sigint)
    parameters = {
        "inbox": str(settings.inbox.resolve()),
        "db": str(settings.db.resolve()),
        "report": str(settings.report.resolve()),
        "batch_size": settings.batch_size,
        "max_file_bytes": settings.max_file_bytes,
    }
    if PREFECT_API_URL.value():
        _serve(parameters, cron, interval, PREFECT_UI_URL.value())
        return
    home = prefect_home(settings)
    print(f"starting a local Prefect server (data in {home}) ...", flush=True)
    try:
        with local_server(home) as api_url, temporary_settings({PREFECT_API_URL: api_url}):
            _serve(parameters, cron, interval, api_url.removesuffix("/api"))
    finally:
        print("local Prefect server stopped", flush=True)


def _serve(parameters: dict[str, object], cron: str | None, interval: int | None, ui_url: str | None) -> None:
    schedule = f"cron {cron!r}" if cron else f"every {interval} s"
    print(f"serving deployment '{scheduled_ingest.name}/{DEPLOYMENT}' {schedule}", flush=True)
    print(f"  inbox {parameters['inbox']} -> database {parameters['db']}", flush=True)
    if ui_url:
        print(f"  Prefect UI: {ui_url}/runs", flush=True)
    print("  stop with Ctrl-C", flush=True)
    deployment = scheduled_ingest.to_deployment(
        DEPLOYMENT,
        cron=cron,
        interval=interval,
        parameters=parameters,
        # Each run imports flows.serve afresh in its own process, as a worker would with prefect.yaml
        # (a flow pickled by `flow.serve` loses the module globals its type hints refer to).
        entrypoint_type=EntrypointType.MODULE_PATH,
    )
    # One run at a time: a late run waits for the previous one instead of racing it for the database.
    runner = _Runner(name=DEPLOYMENT, pause_on_shutdown=True, limit=1)
    runner.add_deployment(deployment)
    asyncio.run(runner.start())
