"""Scale-out (issue 8): worker processes, Prefect task runs per batch, Dask, DuckLake.

Each test runs the real flow on copies of the seeds and compares what lands in the
warehouse with a plain run, column for column, leaving out only run ids and times.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import duckdb
import pytest

from newsfacts import store, workers
from newsfacts.settings import Lake, Settings
from tests import goldlib
from tests.goldlib import newsfacts

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

from flows.ingest import RunSummary, flow_for  # noqa: E402  (after the Prefect settings above)

# The fact tables plus file records, clusters and quarantine: everything but run bookkeeping.
CONTENT_TABLES = ("files", *goldlib.ARTICLE_TABLES, "quarantine")
RUN_SPECIFIC = {"run_id", "seen_at", "ingested_at", "quarantined_at", "deleted_at"}


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    return goldlib.seed_inbox(tmp_path / "inbox")


def content(target: Path | Lake) -> dict[str, list[tuple]]:
    """Every content table's rows, sorted, without the columns that differ from run to run."""
    out = {}
    with store.connect(target, read_only=True) as con:
        for table in CONTENT_TABLES:
            names = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall() if r[0] not in RUN_SPECIFIC]
            cols = ", ".join(f'"{n}"' for n in names)
            out[table] = sorted(con.execute(f"SELECT {cols} FROM {table}").fetchall(), key=repr)
    return out


def run(settings: Settings) -> RunSummary:
    return flow_for(settings)(settings)


def test_batch_size_keeps_every_worker_busy() -> None:
    assert workers.batch_size(300, 200, 2) == 150
    assert workers.batch_size(2225, 200, 2) == 186  # 12 batches, six each
    assert workers.batch_size(927, 200, 2) == 155  # six batches, not 527 files on one worker and 400 on the other
    assert workers.batch_size(2400, 200, 2) == 200
    assert workers.batch_size(927, 200, 1) == 200
    assert workers.batch_size(0, 200, 2) == workers.MIN_BATCH  # nothing new: no batch, and no error
    assert workers.batch_size(5, 200, 2) == workers.MIN_BATCH  # too few files to share: one batch
    assert workers.batch_size(4, 1, 2) == 1  # an asked-for small batch stays small


def test_a_pool_of_workers_loads_what_one_process_loads(inbox: Path, tmp_path: Path) -> None:
    here = run(Settings.load(inbox=inbox, db=tmp_path / "one.duckdb", batch_size=2, workers=1))
    pool = run(Settings.load(inbox=inbox, db=tmp_path / "pool.duckdb", batch_size=2, workers=2))
    assert (pool.files_new, pool.articles_loaded) == (here.files_new, here.articles_loaded) == (5, 5)
    assert content(tmp_path / "pool.duckdb") == content(tmp_path / "one.duckdb")


def task_run_names(settings: Settings) -> list[str]:
    """Run the flow; the names of its Prefect task runs."""
    from prefect import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    state = flow_for(settings)(settings, return_state=True)
    assert state.is_completed()
    # Task runs reach the API as events, recorded a moment later (later still on a busy machine):
    # wait until the run's last task run, the report, is there.
    deadline = time.monotonic() + 120
    with get_client(sync_client=True) as client:
        while True:
            runs = client.read_task_runs(
                flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[state.state_details.flow_run_id])), limit=200
            )
            names = [r.name for r in runs]
            if any(n.startswith("write-report") for n in names) or time.monotonic() > deadline:
                return names
            time.sleep(1)


def test_task_runs_grow_with_batches_not_files(inbox: Path, tmp_path: Path) -> None:
    few, more = tmp_path / "few", tmp_path / "more"
    few.mkdir()
    more.mkdir()
    seeds = sorted(p.name for p in inbox.iterdir())
    for name in seeds[:2]:
        shutil.copy(inbox / name, few / name)
    for name in seeds[:4]:
        shutil.copy(inbox / name, more / name)

    def count(box: Path, batch_size: int) -> int:
        db = tmp_path / f"{box.name}{batch_size}.duckdb"
        return len(task_run_names(Settings.load(inbox=box, db=db, batch_size=batch_size, workers=1)))

    assert count(few, 10) == count(more, 10)  # one batch either way: more files, no more task runs
    one, two, four = count(more, 4), count(more, 2), count(more, 1)
    assert two > one
    assert four - one == 3 * (two - one)  # a fixed number of task runs per batch


def test_dask_cluster_loads_what_a_plain_run_loads(inbox: Path, tmp_path: Path) -> None:
    from distributed import LocalCluster

    plain = Settings.load(inbox=inbox, db=tmp_path / "plain.duckdb", batch_size=2, workers=1)
    run(plain)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        on_dask = Settings.load(
            inbox=inbox, db=tmp_path / "dask.duckdb", batch_size=2, dask_address=cluster.scheduler_address
        )
        state = flow_for(on_dask)(on_dask, return_state=True)
        assert state.is_completed()
        # What the cluster's scheduler ran (the task runs' own events may not reach the
        # per-process API from the Dask workers): 5 files in batches of 2, each batch one task.
        ran = {t.key for t in cluster.scheduler.transition_log if t.finish == "memory"}
    assert sum("process_batch" in str(key) for key in ran) == 3
    assert content(on_dask.target) == content(plain.target)


def test_ducklake_catalog_takes_a_run_and_answers_sql(inbox: Path, tmp_path: Path) -> None:
    catalog, data = tmp_path / "lake.ducklake", tmp_path / "lake_files"
    lake = ["--catalog", str(catalog)]
    first = newsfacts("run", "--inbox", str(inbox), *lake, "--data-path", str(data), "--workers", "1", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    again = newsfacts("run", "--inbox", str(inbox), *lake, "--workers", "1", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "5 unchanged" in again.stdout
    assert list(data.rglob("*.parquet")), "the lake keeps its rows as Parquet files under the data path"
    out = newsfacts("sql", "SELECT count(*) AS n, count(DISTINCT source_file) AS f FROM articles", *lake, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout == "n,f\n5,5\n"  # CSV into a pipe
    plain = Settings.load(inbox=inbox, db=tmp_path / "plain.duckdb", workers=1)
    run(plain)
    lake_content = content(Lake(f"ducklake:{catalog}"))
    plain_content = content(plain.target)
    assert lake_content.keys() == plain_content.keys()
    for table in CONTENT_TABLES:
        if table == "story_clusters":  # cluster ids follow load times, which differ between the runs
            continue
        assert lake_content[table] == plain_content[table], table
    with duckdb.connect() as con:  # nothing went into a .duckdb file: the catalog is the store
        con.load_extension(str(store.ducklake_extension()))
        con.execute(f"ATTACH 'ducklake:{catalog}' AS l (READ_ONLY)")
        assert con.execute("SELECT count(*) FROM l.articles").fetchone() == (5,)


def test_reprocessing_on_a_lake_rebuilds_every_article_and_loses_none(inbox: Path, tmp_path: Path) -> None:
    """On a lake, a batch's articles already committed are dropped as another writer's; articles a
    reprocess rebuilds are committed too, and were dropped while their old rows were deleted."""
    catalog, data = tmp_path / "lake.ducklake", tmp_path / "lake_files"
    lake = ["--catalog", str(catalog), "--data-path", str(data), "--workers", "1"]
    assert newsfacts("run", "--inbox", str(inbox), *lake, cwd=tmp_path).returncode == 0
    before = content(Lake(f"ducklake:{catalog}"))
    with duckdb.connect() as con:
        con.load_extension(str(store.ducklake_extension()))
        con.execute(f"ATTACH 'ducklake:{catalog}' AS l (DATA_PATH '{data}/')")
        con.execute("UPDATE l.articles SET pipeline_version = 'old'")
    again = newsfacts("run", "--inbox", str(inbox), *lake, "--reprocess", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "reprocessed: 5 articles" in again.stdout
    after = content(Lake(f"ducklake:{catalog}"))
    for table in CONTENT_TABLES:
        if table != "story_clusters":
            assert after[table] == before[table], table


def test_a_file_only_another_machine_loaded_is_not_deleted_by_this_one(inbox: Path, tmp_path: Path) -> None:
    """Two machines (own working folders, so own writer identities) load different inboxes into one
    lake; neither's files are missing from the other's inbox in any sense that matters: no run
    counts them deleted, and none is marked so. Found using the product: machine B's first run said
    "39 deleted" for machine A's files, and A's next run "40 deleted" for B's."""
    catalog, data = tmp_path / "lake.ducklake", tmp_path / "lake_files"
    lake = ["--catalog", str(catalog), "--data-path", str(data), "--workers", "1"]
    seeds = sorted(inbox.iterdir())
    folders = {}
    for machine, share in (("a", seeds[:3]), ("b", seeds[3:])):
        folders[machine] = tmp_path / machine
        (folders[machine] / "inbox").mkdir(parents=True)
        for f in share:
            shutil.copy(f, folders[machine] / "inbox" / f.name)
    for machine in ("a", "b", "a"):
        out = newsfacts("run", "--inbox", "inbox", *lake, cwd=folders[machine])
        assert out.returncode == 0, out.stderr
        assert " 0 deleted" in out.stdout, out.stdout
    deleted = newsfacts(
        "sql", "SELECT count(*) AS n FROM files WHERE deleted_at IS NOT NULL", "--catalog", str(catalog), cwd=tmp_path
    )
    assert deleted.stdout == "n\n0\n", deleted.stderr
    (folders["a"] / "inbox" / seeds[0].name).unlink()  # a file this machine loaded, gone: deleted
    out = newsfacts("run", "--inbox", "inbox", *lake, cwd=folders["a"])
    assert " 1 deleted" in out.stdout, out.stdout


def test_two_machines_holding_different_texts_under_one_name_record_each_once(inbox: Path, tmp_path: Path) -> None:
    """Machine A and machine B each hold story.txt, with different texts: two versions, one each,
    and runs after that record nothing. Found using the product: each run on either machine
    recorded the other's text again as a new 'duplicate' version, for ever."""
    catalog, data = tmp_path / "lake.ducklake", tmp_path / "lake_files"
    lake = ["--catalog", str(catalog), "--data-path", str(data), "--workers", "1"]
    seed = sorted(inbox.iterdir())[0]
    folders = {machine: tmp_path / machine for machine in ("a", "b")}
    for machine, folder in folders.items():
        (folder / "inbox").mkdir(parents=True)
        text = seed.read_text() + ("" if machine == "a" else "\n\nEdited on machine B.\n")
        (folder / "inbox" / "story.txt").write_text(text)
    for machine in ("a", "b", "a", "b"):
        out = newsfacts("run", "--inbox", "inbox", *lake, cwd=folders[machine])
        assert out.returncode == 0, out.stderr
    versions = newsfacts("sql", "SELECT version, status FROM files ORDER BY version", "--catalog", str(catalog), cwd=tmp_path)
    assert versions.stdout == "version,status\n1,loaded\n2,loaded\n", versions.stdout
