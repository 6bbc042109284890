"""`newsfacts serve`: the ingest flow as a Prefect deployment that runs on a schedule.

A deployment stores its parameters as JSON, so `scheduled_ingest` takes plain
strings and numbers, builds the `Settings` and runs the library's loop with the
same task-wrapped stages as the `ingest` flow. `serve` serves it from this process; with no Prefect API configured
it first starts a private local server (flows/server.py), because Prefect
cannot schedule on the throwaway API it otherwise starts per process.
The same flow is the entrypoint of prefect.yaml, for users with their own
server and work pool.
"""

from __future__ import annotations

import asyncio
import signal

from prefect import flow
from prefect.exceptions import TerminationSignal
from prefect.runner import Runner
from prefect.settings import PREFECT_API_URL, PREFECT_UI_URL, temporary_settings
from prefect.types.entrypoint import EntrypointType

from flows.ingest import TASKS
from flows.server import local_server
from newsfacts import ingest as loop
from newsfacts.ingest import RunSummary
from newsfacts.settings import Settings, prefect_home
from newsfacts.stopping import STOP_SIGNALS, RunCancelled

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
    """One scheduled run; a parameter left out falls back to its NEWSFACTS_* variable.

    The run is stopped by its runner (serve, a worker), which asks Prefect to cancel it and
    then sends SIGTERM: the run stops as `newsfacts run` does, and the flow run ends Cancelled.
    A Ctrl-C at the terminal is serve's to handle, so this process ignores SIGINT.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    settings = Settings.load(inbox=inbox, db=db, report=report, batch_size=batch_size, max_file_bytes=max_file_bytes)
    try:
        return loop.run(settings, TASKS, stop_signals=(signal.SIGTERM,))
    except RunCancelled as stop:
        raise TerminationSignal(stop.signum) from None


class StoppedWhileStarting(KeyboardInterrupt):
    """A stop signal came before serving began (while the local server was starting)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _stop_starting(signum: int, frame: object) -> None:
    raise StoppedWhileStarting(signum)


class _Runner(Runner):
    """Prefect's runner, with SIGTERM taking Ctrl-C's path (3.8.8's own handler exits from
    inside the event loop, leaving a never-awaited stop and a traceback, and skipping the
    schedule pause)."""

    stop_requested: asyncio.Event
    loop: asyncio.AbstractEventLoop
    stopped_by: int | None = None

    def handle_sigterm(self, *args: object, **kwargs: object) -> None:
        self.request_stop(signal.SIGTERM)

    def request_stop(self, signum: int) -> None:
        if self.stopped_by is None:
            self.stopped_by = signum
            self.loop.call_soon_threadsafe(self.stop_requested.set)


def serve(settings: Settings, cron: str | None = None, interval: int | None = None) -> int:
    """Serve `scheduled_ingest` on the schedule until Ctrl-C or SIGTERM; return that signal.

    A stop ends a run in flight the way it ends `newsfacts run` (recorded as cancelled, its
    flow run Cancelled), pauses the schedule, then stops the local server if it started one.
    A signal that comes while the server is still starting raises KeyboardInterrupt.
    """
    # Ctrl-C must work even when started from a script that ignores SIGINT (background jobs do).
    for sig in STOP_SIGNALS:
        signal.signal(sig, _stop_starting)
    parameters = {
        "inbox": str(settings.inbox.resolve()),
        "db": str(settings.db.resolve()),
        "report": str(settings.report.resolve()),
        "batch_size": settings.batch_size,
        "max_file_bytes": settings.max_file_bytes,
    }
    if PREFECT_API_URL.value():
        return _serve(parameters, cron, interval, PREFECT_UI_URL.value())
    home = prefect_home(settings)
    print(f"starting a local Prefect server (data in {home}) ...", flush=True)
    try:
        with local_server(home) as api_url, temporary_settings({PREFECT_API_URL: api_url}):
            return _serve(parameters, cron, interval, api_url.removesuffix("/api"))
    finally:
        print("local Prefect server stopped", flush=True)


def _serve(parameters: dict[str, object], cron: str | None, interval: int | None, ui_url: str | None) -> int:
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
    return asyncio.run(_run_until_stopped(runner))


async def _run_until_stopped(runner: _Runner) -> int:
    """Run the runner until a stop signal; then cancel the flow runs in flight the way Prefect
    cancels (its cancel intent, then SIGTERM) while the API can still record their state, and
    only then stop the runner (which would kill them outright) and pause the schedule."""
    runner.loop = asyncio.get_running_loop()
    runner.stop_requested = asyncio.Event()
    runner.loop.add_signal_handler(signal.SIGINT, runner.request_stop, signal.SIGINT)
    serving = asyncio.create_task(runner.start())
    stop = asyncio.create_task(runner.stop_requested.wait())
    await asyncio.wait({serving, stop}, return_when=asyncio.FIRST_COMPLETED)
    await runner.cancel_all()
    if not serving.done():
        await runner.astop()
        await serving
    return runner.stopped_by or signal.SIGINT
