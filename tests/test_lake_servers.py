"""Beyond one machine (issue 17): a DuckLake on a real PostgreSQL catalog and a real S3 store.

The servers run on 127.0.0.1, started and stopped here (tests/servers.py); `newsfacts run`
runs as a user runs it, in its own process, each "machine" with its own working folder
and Prefect home.
"""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsfacts.settings import Lake, Settings
from tests import servers
from tests.goldlib import newsfacts
from tests.test_scale_out import CONTENT_TABLES, content, run

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pg() -> Iterator[servers.Postgres]:
    with servers.postgres() as server:
        yield server


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    from tests import goldlib

    return goldlib.seed_inbox(tmp_path / "inbox")


def machine(tmp_path: Path, name: str) -> tuple[Path, dict[str, str]]:
    """A "machine": its own working folder and Prefect home, as environment for its commands."""
    home = tmp_path / name
    home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PREFECT_HOME": str(home / "prefect")}
    return home, env


def newsfacts_on(env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsfacts.cli", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )


def same_content_as_plain(lake: Lake, inbox: Path, tmp_path: Path) -> None:
    plain = Settings.load(inbox=inbox, db=tmp_path / "plain.duckdb", workers=1)
    run(plain)
    lake_content, plain_content = content(lake), content(plain.target)
    for table in CONTENT_TABLES:
        if table == "story_clusters":  # cluster ids follow load times, which differ between the runs
            assert len(lake_content[table]) == len(plain_content[table])
            continue
        assert lake_content[table] == plain_content[table], table


def test_a_run_loads_into_a_postgres_catalogued_lake(pg: servers.Postgres, inbox: Path, tmp_path: Path) -> None:
    catalog = pg.database()
    data = tmp_path / "lake_files"
    lake = ["--catalog", catalog]
    first = newsfacts("run", "--inbox", str(inbox), *lake, "--data-path", f"{data}/", "--workers", "1", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    again = newsfacts("run", "--inbox", str(inbox), *lake, "--workers", "1", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "5 unchanged" in again.stdout
    out = newsfacts("sql", "SELECT count(*) AS n FROM articles", *lake, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout == "n\n5\n"
    # The rows are in PostgreSQL's tables (DuckLake's catalog), not in any local DuckDB file.
    tables = subprocess.run(
        [
            str(pg.bindir / "psql"),
            "-h",
            "127.0.0.1",
            "-p",
            str(pg.port),
            "-U",
            pg.user,
            "-d",
            catalog.split()[0].split("=")[1],
            "-Atc",
            "SELECT count(*) FROM ducklake_table",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert int(tables.stdout) >= len(CONTENT_TABLES)
    same_content_as_plain(Lake(f"ducklake:{catalog}"), inbox, tmp_path)


def test_the_data_path_can_be_an_s3_store(
    pg: servers.Postgres, inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with servers.s3_store("news-lake") as aws:
        for name, value in aws.items():
            monkeypatch.setenv(name, value)
        home, env = machine(tmp_path, "a")
        catalog = pg.database()
        lake = ["--catalog", catalog]
        done = newsfacts_on(
            env, home, "run", "--inbox", str(inbox), *lake, "--data-path", "s3://news-lake/nf/", "--workers", "1"
        )
        assert done.returncode == 0, done.stderr
        listing = urllib.request.urlopen(
            f"{aws['AWS_ENDPOINT_URL']}/news-lake?list-type=2&prefix=nf/", timeout=30
        ).read()
        assert b".parquet</Key>" in listing, "the rows went to Parquet objects in the bucket"
        assert not list(home.rglob("*.parquet")), "and nothing to the machine's own folder"
        out = newsfacts_on(env, home, "sql", "SELECT count(*) AS n FROM articles", *lake)
        assert out.returncode == 0, out.stderr
        assert out.stdout == "n\n5\n"
        # The secret came from the environment into DuckDB's memory: never printed, logged or stored.
        secret = aws["AWS_SECRET_ACCESS_KEY"].encode()
        assert secret not in (done.stdout + done.stderr + out.stdout + out.stderr).encode()
        for path in home.rglob("*"):
            if path.is_file():
                assert secret not in path.read_bytes(), path
        same_content_as_plain(Lake(f"ducklake:{catalog}"), inbox, tmp_path)
