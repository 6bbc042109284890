"""Real servers on loopback for the multi-machine tests: PostgreSQL, an S3 store (moto), Dask, Prefect.

Each starts a process of the real server on 127.0.0.1 in a temporary folder and stops it
after; a test needing one that cannot be had here skips, saying which package is missing.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen, what: str, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited with {proc.returncode} before listening on {port}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not listen on 127.0.0.1:{port} within {timeout_s:.0f} s")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# --- PostgreSQL ---------------------------------------------------------------------------


def postgres_bin() -> Path | None:
    """The newest installed PostgreSQL server's bin folder (Debian's postgresql package)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"), key=lambda p: int(Path(p).parts[-3]))
    return Path(found[-1]).parent if found else None


def _as_server_user(argv: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run it as the postgres user (made by the package) then."""
    if os.geteuid() != 0:
        return argv
    return ["runuser", "-u", "postgres", "--", *argv]


class Postgres:
    """A PostgreSQL server in a temporary data folder on 127.0.0.1; `database()` makes a fresh database."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="newsfacts-pg-"))  # not under root's 0700 pytest folder
        self.port = free_port()
        self.user = "newsfacts"
        self._made = 0
        if os.geteuid() == 0:
            shutil.chown(self.root, user="postgres")

    def start(self) -> None:
        data = self.root / "data"
        subprocess.run(
            _as_server_user(
                [str(self.bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", self.user, "-E", "UTF8"]
            ),
            check=True,
            capture_output=True,
        )
        options = f"-h 127.0.0.1 -p {self.port} -k {self.root} -c fsync=off -c max_connections=200"
        subprocess.run(
            _as_server_user(
                [
                    str(self.bindir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-o",
                    options,
                    "-l",
                    str(self.root / "log"),
                    "-w",
                    "start",
                ]
            ),
            check=True,
            capture_output=True,
        )

    def database(self) -> str:
        """A new empty database; its DuckLake catalog string."""
        self._made += 1
        name = f"lake{self._made}"
        subprocess.run(
            [str(self.bindir / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", self.user, name],
            check=True,
            capture_output=True,
        )
        return f"postgres:dbname={name} host=127.0.0.1 port={self.port} user={self.user}"

    def stop(self) -> None:
        subprocess.run(
            _as_server_user([str(self.bindir / "pg_ctl"), "-D", str(self.root / "data"), "-m", "fast", "-w", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(self.root, ignore_errors=True)


@contextlib.contextmanager
def postgres() -> Iterator[Postgres]:
    bindir = postgres_bin()
    if bindir is None:
        pytest.skip("no PostgreSQL server: install Debian's postgresql package (.ci/run does when root)")
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and no postgres user to run the server as")
    server = Postgres(bindir)
    server.start()
    try:
        yield server
    finally:
        server.stop()


# --- S3 (moto's server) -------------------------------------------------------------------


@contextlib.contextmanager
def s3_store(bucket: str) -> Iterator[dict[str, str]]:
    """moto's S3 server on 127.0.0.1 with one bucket; the AWS variables a client needs to reach it."""
    moto = BIN / "moto_server"
    if not moto.exists():
        pytest.skip("no moto_server: install the dev extras (moto[server])")
    port = free_port()
    proc = subprocess.Popen(
        [str(moto), "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_for_port(port, proc, "moto_server")
        env = {
            "AWS_ACCESS_KEY_ID": "newsfacts-test",
            "AWS_SECRET_ACCESS_KEY": "not-a-real-secret",
            "AWS_REGION": "us-east-1",
            "AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}",
        }
        request = urllib.request.Request(f"{env['AWS_ENDPOINT_URL']}/{bucket}", method="PUT")
        urllib.request.urlopen(request, timeout=30).close()  # moto takes an unsigned create
        yield env
    finally:
        stop(proc)


# --- Prefect's server and a Dask cluster of separate processes ---------------------------


@contextlib.contextmanager
def prefect_server(home: Path) -> Iterator[str]:
    """`prefect server start` on 127.0.0.1 with its own home; its API URL."""
    port = free_port()
    env = {
        **os.environ,
        "PREFECT_HOME": str(home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_UI_ENABLED": "false",
    }
    env.pop("PREFECT_API_URL", None)
    home.mkdir(parents=True, exist_ok=True)
    log = (home / "server.log").open("w")
    proc = subprocess.Popen(
        [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/api"
    try:
        wait_for_port(port, proc, "prefect server", timeout_s=180)
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"{url}/health", timeout=5).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        yield url
    finally:
        stop(proc)
        log.close()


@contextlib.contextmanager
def dask_cluster(workers: int, env: dict[str, str], folder: Path) -> Iterator[tuple[str, Path]]:
    """`dask scheduler` and `dask worker` processes on 127.0.0.1; the scheduler's address and its
    log of the tasks it ran (a scheduler plugin would need code on its side; its log is enough)."""
    port = free_port()
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "scheduler.log"
    procs = []
    with log.open("w") as out:
        scheduler = subprocess.Popen(
            [str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=folder,
        )
        procs.append(scheduler)
        try:
            wait_for_port(port, scheduler, "dask scheduler")
            address = f"tcp://127.0.0.1:{port}"
            for n in range(workers):
                procs.append(
                    subprocess.Popen(
                        [
                            str(BIN / "dask"),
                            "worker",
                            address,
                            "--nworkers",
                            "1",
                            "--nthreads",
                            "1",
                            "--host",
                            "127.0.0.1",
                            "--no-dashboard",
                            "--name",
                            f"w{n}",
                        ],
                        env=env,
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL,
                        cwd=folder,
                    )
                )
            yield address, log
        finally:
            for proc in reversed(procs):
                stop(proc)
