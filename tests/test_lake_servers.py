"""Beyond one machine (issue 17): a DuckLake on a real PostgreSQL catalog and a real S3 store.

The servers run on 127.0.0.1, started and stopped here (tests/servers.py); `newsfacts run`
runs as a user runs it, in its own process, each "machine" with its own working folder
and Prefect home.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
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


def copy_as(source: Path, target: Path, marker: str | None = None) -> None:
    """A file of the seeds under a new name; with a marker line, new bytes (a distinct article)."""
    text = source.read_text()
    target.write_text(text if marker is None else f"{text}\n{marker}\n")


def machines_inboxes(seeds: Path, tmp_path: Path) -> dict[str, Path]:
    """Three machines' inboxes that overlap: seeds 1 and 2 byte for byte in A and B, story.txt
    in both under one name but edited in B, and C's own eight (written under other names)."""
    names = sorted(p.name for p in seeds.iterdir())
    boxes = {m: tmp_path / f"inbox-{m}" for m in "abc"}
    for box in boxes.values():
        box.mkdir()
    for i in (0, 1, 2):
        copy_as(seeds / names[i], boxes["a"] / names[i])
    for i in (1, 2, 3):
        copy_as(seeds / names[i], boxes["b"] / names[i])
    copy_as(seeds / names[4], boxes["a"] / "story.txt")
    copy_as(seeds / names[4], boxes["b"] / "story.txt", marker="Corrected on June 22, 2007.")
    for k in range(8):
        copy_as(seeds / names[k % 5], boxes["c"] / f"c{k:02d}.txt", marker=f"Syndicated copy {k}.")
    copy_as(seeds / names[0], boxes["c"] / names[0])  # the same bytes as A's
    return boxes


def distinct_contents(*boxes: Path) -> set[str]:
    return {hashlib.sha256(p.read_bytes()).hexdigest() for box in boxes for p in box.iterdir()}


def start_run(tmp_path: Path, name: str, inbox: Path, catalog: str, data: Path) -> subprocess.Popen:
    home, env = machine(tmp_path, name)
    args = ["run", "--inbox", str(inbox), "--catalog", catalog, "--data-path", f"{data}/", "--workers", "1"]
    return subprocess.Popen(
        [sys.executable, "-m", "newsfacts.cli", *args, "--batch-size", "1"],
        cwd=home,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finished(proc: subprocess.Popen) -> None:
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, f"{out}\n{err}"


def psql(pg: servers.Postgres, catalog: str, query: str) -> str:
    database = catalog.split()[0].split("=")[1]
    argv = [
        str(pg.bindir / "psql"),
        "-h",
        "127.0.0.1",
        "-p",
        str(pg.port),
        "-U",
        pg.user,
        "-d",
        database,
        "-Atc",
        query,
    ]
    return subprocess.run(argv, capture_output=True, text=True, check=True).stdout.strip()


def rows_of(lake: Lake, query: str) -> list[tuple]:
    from newsfacts import store

    with store.connect(lake, read_only=True) as con:
        return con.execute(query).fetchall()


def test_several_writers_load_each_article_exactly_once(pg: servers.Postgres, inbox: Path, tmp_path: Path) -> None:
    catalog, data = pg.database(), tmp_path / "lake_files"
    lake = Lake(f"ducklake:{catalog}")
    boxes = machines_inboxes(inbox, tmp_path)
    # A and B at once, on a new lake: both create it, both load seeds 1 and 2 and story.txt.
    a, b = (start_run(tmp_path, m, boxes[m], catalog, data) for m in "ab")
    finished(a)
    finished(b)

    # C is killed with -9 in the middle of a commit: once it has loaded a batch, its next commit is
    # held at DuckLake's snapshot insert (a lock on the catalog table in PostgreSQL), and killed there.
    c = start_run(tmp_path, "c", boxes["c"], catalog, data)
    deadline = time.monotonic() + 300
    while not any(name.startswith("c") for (name,) in rows_of(lake, "SELECT source_file FROM files")):
        assert c.poll() is None and time.monotonic() < deadline, "C should still be loading"
        time.sleep(0.3)
    database = catalog.split()[0].split("=")[1]
    holder = subprocess.Popen(
        [
            str(pg.bindir / "psql"),
            "-h",
            "127.0.0.1",
            "-p",
            str(pg.port),
            "-U",
            pg.user,
            "-d",
            database,
            "-c",
            "BEGIN; LOCK TABLE ducklake_snapshot IN EXCLUSIVE MODE; SELECT pg_sleep(120);",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while psql(pg, catalog, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'") == "0":
            assert c.poll() is None and time.monotonic() < deadline, "C's next commit should wait for the lock"
            time.sleep(0.2)
        c.send_signal(signal.SIGKILL)
        c.wait()
    finally:
        holder.kill()
        holder.wait()
    loaded_before = rows_of(lake, "SELECT count(*) FROM files WHERE source_file LIKE 'c%'")[0][0]
    assert 0 < loaded_before < 8

    again = start_run(tmp_path, "c", boxes["c"], catalog, data)
    finished(again)

    contents = distinct_contents(*boxes.values())
    articles = rows_of(lake, "SELECT content_sha256, count(*) FROM articles GROUP BY ALL")
    assert {sha for sha, _ in articles} == contents, "every distinct content is an article"
    assert all(n == 1 for _, n in articles), "and each exactly once"
    assert rows_of(lake, "SELECT sum(articles_loaded) FROM runs") == [(len(contents),)], "runs count what they added"
    items = rows_of(lake, "SELECT content_sha256, count(*) FROM content_items GROUP BY ALL")
    assert {sha for sha, _ in items} == contents and all(n == 1 for _, n in items)
    # Versions: each file's numbered 1, 2, ... without a gap or a repeat; story.txt has both texts.
    versions = rows_of(lake, "SELECT source_file, list(version ORDER BY version) FROM files GROUP BY ALL")
    assert all(v == list(range(1, len(v) + 1)) for _, v in versions), versions
    story = rows_of(
        lake, "SELECT count(DISTINCT content_sha256), max(version) FROM files WHERE source_file = 'story.txt'"
    )
    assert story == [(2, 2)]
    loaded = rows_of(lake, "SELECT content_sha256, count(*) FROM files WHERE status = 'loaded' GROUP BY ALL")
    assert all(n == 1 for _, n in loaded), "bytes in two inboxes: one file loaded them, the other is a duplicate"
    # No run failed but the one killed, which its machine's next run marked interrupted.
    runs = sorted(rows_of(lake, "SELECT status, coalesce(error LIKE 'interrupted%', false) FROM runs"))
    assert runs == [("failed", True), ("succeeded", False), ("succeeded", False), ("succeeded", False)]
    # Across articles: every current article (story.txt's first text is superseded) in exactly one
    # story cluster, from a refresh that saw every writer's loads.
    current = {row[0] for row in rows_of(lake, "SELECT article_id FROM current_articles")}
    assert len(current) == len(contents) - 1
    clustered = rows_of(lake, "SELECT article_id FROM story_clusters")
    assert sorted(r[0] for r in clustered) == sorted(current)
    assert not rows_of(lake, 'SELECT article_id FROM dq_flags GROUP BY article_id, "check" HAVING count(*) > 1')


def api(url: str, path: str, body: dict) -> list[dict]:
    request = urllib.request.Request(
        f"{url}{path}", data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def test_extract_on_a_dask_cluster_of_separate_processes(inbox: Path, tmp_path: Path) -> None:
    from distributed import Client

    plain = Settings.load(inbox=inbox, db=tmp_path / "plain.duckdb", batch_size=2, workers=1)
    run(plain)
    with servers.prefect_server(tmp_path / "prefect-server") as url:
        env = {**os.environ, "PREFECT_API_URL": url, "PREFECT_HOME": str(tmp_path / "client-prefect")}
        with servers.dask_cluster(2, env, tmp_path / "dask") as (address, _log):
            with Client(address, timeout=60) as client:
                client.wait_for_workers(2, timeout=120)
                pids = set(client.run(os.getpid).values())
            assert len(pids) == 2 and os.getpid() not in pids
            home = tmp_path / "machine"
            home.mkdir()
            args = ["run", "--inbox", str(inbox), "--db", str(home / "dask.duckdb"), "--batch-size", "2"]
            done = newsfacts_on(env, home, *args, "--dask-address", address)
            assert done.returncode == 0, done.stderr
            with Client(address, timeout=60) as client:
                ran = client.run_on_scheduler(
                    lambda dask_scheduler: [str(t.key) for t in dask_scheduler.transition_log if t.finish == "memory"]
                )
        # 5 files in batches of 2: three process-batch tasks, run by the cluster's worker processes.
        assert sum("process_batch" in key for key in ran) == 3
        flows = api(url, "/flow_runs/filter", {})
        assert [f["state_type"] for f in flows] == ["COMPLETED"], "the run is recorded by the Prefect server"
    assert content(home / "dask.duckdb") == content(plain.target)


ATTACH_AND_TAKE_TURN = """
import sys
from newsfacts import store
from newsfacts.settings import Lake
with store.connect(Lake("ducklake:" + sys.argv[1], sys.argv[2])) as con:
    store.ensure_schema(con)
    store.write(con, lambda con: None)
"""


def test_writers_creating_a_new_lake_at_once_all_get_it(pg: servers.Postgres, tmp_path: Path) -> None:
    catalog = pg.database()
    argv = [sys.executable, "-c", ATTACH_AND_TAKE_TURN, catalog, f"{tmp_path}/files/"]
    procs = [subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for _ in range(6)]
    outs = [(p.communicate(timeout=300)[0], p.returncode) for p in procs]
    assert all(code == 0 for _, code in outs), outs
    # One turn row (two would mean two writers each made one), and every writer took its turn on it.
    assert rows_of(Lake(f"ducklake:{catalog}"), "SELECT count(*), sum(commits) FROM lake_commits") == [(1, 6)]
