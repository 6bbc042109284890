"""Scheduling: prefect.yaml points at a real flow, and `newsfacts serve` runs its schedule for real.

Each serve case starts `newsfacts serve --interval 5` in a subprocess on an inbox of
two seeds, waits until the schedule has produced a succeeded run in the `runs`
table, stops it the way a service manager (SIGTERM) or a terminal (SIGINT) would,
and checks that it exits 0 without a traceback and leaves no process behind.
Without PREFECT_API_URL, serve starts its own Prefect server (on an empty Prefect
home: the first start migrates its database, as on a fresh machine); with it, serve
must use that server and start none.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest
import yaml
from prefect.cli.deploy._models import PrefectYamlModel
from prefect.client.schemas.schedules import CronSchedule
from prefect.flows import load_flow_from_entrypoint

from flows.serve import DEPLOYMENT, scheduled_ingest
from flows.server import local_server
from tests import browser, goldlib, hooks

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ["000_a35eb987d5d3a60c.txt", "001_fb2afd439c317a0e.txt"]
# Bounds, not expectations: a fresh Prefect home takes ~20 s to start, a run ~15 s.
FIRST_RUN_WITHIN_S = 240
STOP_WITHIN_S = 60


def test_prefect_yaml_deploys_the_scheduled_ingest_flow(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = yaml.safe_load((ROOT / "prefect.yaml").read_text())
    [deployment] = PrefectYamlModel.model_validate(doc).deployments
    [raw] = doc["deployments"]
    assert deployment.work_pool and deployment.work_pool.name
    for schedule in raw["schedules"]:
        CronSchedule(**schedule)  # raises on a malformed cron or time zone
    # A worker loads the entrypoint from this folder, as `prefect deploy` records it.
    monkeypatch.chdir(ROOT)
    loaded = load_flow_from_entrypoint(deployment.entrypoint)
    assert loaded.name == scheduled_ingest.name
    # Unknown or mistyped parameters raise; the ones given pass through unchanged.
    assert deployment.parameters.items() <= loaded.validate_parameters(deployment.parameters).items()
    assert (ROOT / deployment.parameters["inbox"]).is_dir()


def _start_serve(tmp_path: Path, env: dict[str, str], copies: int = 0) -> tuple[subprocess.Popen[bytes], Path, Path]:
    """`newsfacts serve --interval 5` on a fresh inbox of two seeds (and `copies` edited copies of
    them, for a run long enough to stop in the middle): (process, its log, its database)."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in SEEDS:
        shutil.copy(goldlib.SEEDS_DIR / name, inbox / name)
    for i in range(copies):
        text = (goldlib.SEEDS_DIR / SEEDS[i % len(SEEDS)]).read_text()
        (inbox / f"copy {i:03d}.txt").write_text(f"{text}\n\nCorrection {i} was appended.\n")
    db = tmp_path / "warehouse.duckdb"
    log = tmp_path / "serve.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "newsfacts.cli", "serve", "--inbox", str(inbox), "--db", str(db), "--interval", "5"],
            cwd=tmp_path,
            env={**env, "PREFECT_HOME": str(tmp_path / "prefect-home")},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own group, so flow-run processes it leaves behind are visible
        )
    return proc, log, db


def _env_without_api() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PREFECT_API_URL", None)
    env.pop("PREFECT_PROFILE", None)
    # The runner's INFO lines tell how it shut down (other test modules quieten Prefect to WARNING).
    env["PREFECT_LOGGING_LEVEL"] = "INFO"
    return env


def _succeeded_runs(db: Path) -> tuple[int, int] | None:
    """(succeeded runs, articles), or None while the database is missing or held by a run."""
    if not db.exists():
        return None
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            runs = con.execute("SELECT count(*) FROM runs WHERE status = 'succeeded'").fetchone()[0]
            articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
            return runs, articles
    except duckdb.Error:
        return None


def _wait_for_first_run(proc: subprocess.Popen[bytes], log: Path, db: Path) -> int:
    """Wait until the schedule has loaded the seeds; return the port of the Prefect UI serve printed."""
    deadline = time.monotonic() + FIRST_RUN_WITHIN_S
    state = None
    while time.monotonic() < deadline and proc.poll() is None:
        state = _succeeded_runs(db)
        if state and state[0] >= 1:
            break
        time.sleep(1)
    text = log.read_text()
    assert proc.poll() is None, f"serve exited early with {proc.returncode}:\n{text}"
    assert state and state[0] >= 1, f"no succeeded run within {FIRST_RUN_WITHIN_S} s:\n{text}"
    assert state[1] == len(SEEDS)
    m = re.search(r"Prefect UI: http://127\.0\.0\.1:(\d+)", text)
    assert m, f"serve never printed the UI address:\n{text}"
    return int(m.group(1))


def _stop_cleanly(proc: subprocess.Popen[bytes], log: Path, stop_signal: signal.Signals) -> str:
    """Send `stop_signal`; serve must exit with 128 + its number, print no traceback, and leave
    nothing of its group running."""
    proc.send_signal(stop_signal)
    code = proc.wait(STOP_WITHIN_S)
    text = log.read_text()
    assert code == 128 + stop_signal, text
    assert "Traceback" not in text, text
    assert f"newsfacts serve: stopped by {stop_signal.name}" in text
    assert "All deployments have been paused!" in text  # the runner shut down its way, not killed
    deadline = time.monotonic() + 10
    while _group_alive(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _group_alive(proc.pid), "a flow-run process outlived serve"
    return text


def _listening(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _server_pids(port: int) -> list[int]:
    """Processes whose command line is a Prefect server on `port` (Linux /proc)."""
    pids = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            argv = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"server" in argv and b"--port" in argv and str(port).encode() in argv:
            pids.append(int(proc.name))
    return pids


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None or _group_alive(proc.pid):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()


def _api(url: str, body: dict | None = None) -> object:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.load(resp)


@pytest.mark.slow
def test_serve_without_an_api_runs_the_schedule_on_its_own_server_and_stops_on_sigterm(tmp_path: Path) -> None:
    proc, log, db = _start_serve(tmp_path, _env_without_api())
    port = None
    try:
        port = _wait_for_first_run(proc, log, db)
        assert _server_pids(port)
        text = _stop_cleanly(proc, log, signal.SIGTERM)
        assert "local Prefect server stopped" in text
        assert not _listening(port)
        assert not _server_pids(port)
    finally:
        _kill_group(proc)
        for pid in _server_pids(port) if port else []:
            os.kill(pid, signal.SIGKILL)


@pytest.mark.slow
def test_serve_with_an_api_uses_that_server_and_stops_on_sigint(tmp_path: Path) -> None:
    with local_server(tmp_path / "their-prefect") as api_url:
        proc, log, db = _start_serve(tmp_path, {**_env_without_api(), "PREFECT_API_URL": api_url})
        try:
            assert _wait_for_first_run(proc, log, db) == int(api_url.split(":")[-1].removesuffix("/api"))
            text = _stop_cleanly(proc, log, signal.SIGINT)
        finally:
            _kill_group(proc)
        assert "starting a local Prefect server" not in text
        deployment = _api(f"{api_url}/deployments/name/{scheduled_ingest.name}/{DEPLOYMENT}")
        assert deployment["paused"]  # serve paused its schedule on the way out
        runs = _api(
            f"{api_url}/flow_runs/filter",
            {"deployments": {"id": {"any_": [deployment["id"]]}}, "flow_runs": {"start_time": {"is_null_": False}}},
        )
        assert runs, "no flow run of the deployment started on the given server"


def _running_run(db: Path) -> bool:
    """Whether a run is in the runs table as running with a batch loaded."""
    if not db.exists():
        return False
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            return con.execute("SELECT count(*) FROM runs WHERE status = 'running' AND files_done > 0").fetchone()[0]
    except duckdb.Error:
        return False


@pytest.mark.slow
def test_stopping_serve_mid_run_cancels_the_run_and_its_flow_run(tmp_path: Path) -> None:
    with local_server(tmp_path / "their-prefect") as api_url:
        env = {**_env_without_api(), "PREFECT_API_URL": api_url, "NEWSFACTS_BATCH_SIZE": "4"}
        proc, log, db = _start_serve(tmp_path, hooks.slow_extraction(tmp_path, 6, env), copies=60)
        try:
            deadline = time.monotonic() + FIRST_RUN_WITHIN_S
            while not _running_run(db) and time.monotonic() < deadline and proc.poll() is None:
                time.sleep(0.5)
            assert _running_run(db), log.read_text()
            os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C at the terminal: serve and its flow-run process get it
            code = proc.wait(STOP_WITHIN_S)
        finally:
            _kill_group(proc)
        text = log.read_text()
        assert code == 130 and "Traceback" not in text, text
        with duckdb.connect(str(db), read_only=True) as con:
            [(status, finished)] = con.execute("SELECT status, finished_at IS NOT NULL FROM runs").fetchall()
        assert (status, finished) == ("cancelled", True)
        deployment = _api(f"{api_url}/deployments/name/{scheduled_ingest.name}/{DEPLOYMENT}")
        runs = _api(
            f"{api_url}/flow_runs/filter",
            {"deployments": {"id": {"any_": [deployment["id"]]}}, "flow_runs": {"start_time": {"is_null_": False}}},
        )
        assert runs and {r["state_type"] for r in runs} == {"CANCELLED"}, runs


def _completed_flow_run(base: str) -> dict:
    """The first completed top-level flow run on serve's server. The runs table says 'succeeded'
    before the flow run's final state reaches the API, so this waits for the API as well."""
    done = {"flow_runs": {"state": {"type": {"any_": ["COMPLETED"]}}}}
    deadline = time.monotonic() + 60
    while True:
        runs = [r for r in _api(f"{base}/api/flow_runs/filter", done) if r["parent_task_run_id"] is None]
        if runs or time.monotonic() > deadline:
            break
        time.sleep(1)
    assert runs, "the run the runs table records never reached COMPLETED in Prefect's API"
    return runs[0]


@pytest.mark.slow
@pytest.mark.skipif(browser.chromium() is None, reason="chromium not installed (apt-get install chromium)")
def test_the_ui_serve_prints_lists_the_deployment_its_runs_task_runs_and_logs(tmp_path: Path) -> None:
    """The address serve prints opens a Prefect UI whose own API calls succeed (against serve's
    server, not the default port 4200) and that shows the scheduled run with its task runs and logs."""
    proc, log, db = _start_serve(tmp_path, _env_without_api())
    try:
        port = _wait_for_first_run(proc, log, db)
        base = f"http://127.0.0.1:{port}"
        run = _completed_flow_run(base)
        with browser.open_page(f"{base}/runs") as page:
            assert page.wait_for(f"document.body.innerText.includes({json.dumps(run['name'])})", 90), "run not listed"
            assert page.wait_for("document.body.innerText.includes('newsfacts')", 30)  # the deployment
            api_calls = [(url, status) for url, status in page.responses if "/api/" in url]
        assert api_calls and all(url.startswith(f"{base}/api/") and status < 400 for url, status in api_calls)
        with browser.open_page(f"{base}/runs/flow-run/{run['id']}") as page:
            text = page.wait_for("document.body.innerText.includes('load-batch') && document.body.innerText", 90)
        assert text and "open-run" in text and "Finished in state Completed" in text  # task runs and their logs
    finally:
        _kill_group(proc)
