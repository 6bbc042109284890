"""A private Prefect server for `newsfacts serve`, started and stopped with it.

Prefect cannot schedule on the throwaway API it starts per process, so scheduled
runs need a real server. This runs `prefect server start` on 127.0.0.1 and a
free port, waits until its API answers, and stops it on the way out, whatever
the way out is. It deliberately does not import Prefect: the caller decides
which API the serving process talks to.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsfacts.stopping import die_with_parent

# A first start on an empty Prefect home migrates its database: 15-20 s measured, more on a slow machine.
STARTUP_TIMEOUT_S = 180.0
# uvicorn stops in well under a second; past this the server is killed.
SHUTDOWN_GRACE_S = 20.0


class ServerError(RuntimeError):
    """The local Prefect server did not come up."""


@contextmanager
def local_server(home: Path, startup_timeout: float = STARTUP_TIMEOUT_S) -> Iterator[str]:
    """Run a Prefect server with its database in `home`; yield its API URL while it is healthy."""
    home.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = {
        **os.environ,
        "PREFECT_HOME": str(home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        # The UI the server hands out calls this API (by default it would call port 4200).
        "PREFECT_UI_API_URL": api_url,
    }
    env.pop("PREFECT_API_URL", None)
    log_path = home / "server.log"
    command = [
        str(Path(sys.executable).parent / "prefect"),
        "server",
        "start",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    with open(log_path, "ab") as log:
        # Own session: a Ctrl-C at the terminal reaches only `serve`, which pauses its
        # schedule against the still-running server before stopping it.
        proc = subprocess.Popen(
            command,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=die_with_parent,
        )
    try:
        _wait_healthy(proc, api_url, startup_timeout, log_path)
        yield api_url
    finally:
        _stop(proc)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(proc: subprocess.Popen[bytes], api_url: str, timeout: float, log_path: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise ServerError(f"prefect server exited with code {proc.returncode}; see {log_path}")
        try:
            with urllib.request.urlopen(f"{api_url}/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise ServerError(f"prefect server not healthy after {timeout:.0f} s; see {log_path}")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM the server's process group, then SIGKILL it if it lingers."""
    if proc.poll() is None:
        _signal_group(proc.pid, signal.SIGTERM)
        try:
            proc.wait(SHUTDOWN_GRACE_S)
        except subprocess.TimeoutExpired:
            _signal_group(proc.pid, signal.SIGKILL)
            proc.wait()
    # Anything the server started in its group goes with it.
    _signal_group(proc.pid, signal.SIGKILL)


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    try:
        os.killpg(pgid, sig)
    except ProcessLookupError:
        pass
