"""kill -9 mid-run, two runs at once, readers during a run: the warehouse stays exact (issue 6)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from newsfacts import store
from tests import goldlib

pytestmark = pytest.mark.slow

FACT_TABLES = ("people", "quotes", "quantities", "entities", "date_mentions", "links", "dq_flags")


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsfacts.cli", *args]


def make_corpus(box: Path, n: int, duplicates: int) -> None:
    """n distinct articles built from the seeds, plus byte-identical copies of the first few."""
    box.mkdir()
    seeds = [goldlib.seed_path(s).read_text() for s in sorted(goldlib.ARTICLES)]
    for i in range(n):
        text = seeds[i % len(seeds)] + f"\n\nCorrection number {i} was appended to this copy.\n"
        (box / f"article {i:04d}.txt").write_text(text)
    for i in range(duplicates):
        (box / f"dup {i:04d}.txt").write_bytes((box / f"article {i:04d}.txt").read_bytes())


def try_query(db: Path, sql: str) -> list[tuple] | None:
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            return con.execute(sql).fetchall()
    except duckdb.Error:
        return None  # a run is loading right now


def kill_mid_run_then_rerun(box: Path, db: Path, batch: int) -> None:
    proc = subprocess.Popen(
        cli("run", "--inbox", str(box), "--db", str(db), "--batch-size", str(batch)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own group, so SIGKILL takes the Prefect API child too, as a crash would
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        got = try_query(db, "SELECT count(*) FROM articles")
        if got and got[0][0] > 0:
            break
        time.sleep(0.2)
    assert proc.poll() is None, "the run finished before it could be killed: use a bigger corpus"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = try_query(db, "SELECT count(*) FROM articles")
    assert partial is not None and 0 < partial[0][0]
    done = subprocess.run(
        cli("run", "--inbox", str(box), "--db", str(db), "--batch-size", str(batch)),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr


def assert_exact(db: Path, distinct: int, files: int) -> None:
    q = lambda sql: try_query(db, sql)  # noqa: E731
    assert q("SELECT count(*), count(DISTINCT article_id), count(DISTINCT content_sha256) FROM articles") == [
        (distinct, distinct, distinct)
    ]
    assert q("SELECT count(*), count(DISTINCT source_file) FROM files") == [(files, files)]
    for table in FACT_TABLES:
        orphans = q(f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT article_id FROM articles)")
        assert orphans == [(0,)], table
    dup_entities = q(
        "SELECT count(*) FROM (SELECT article_id, entity_type, name FROM entities GROUP BY ALL HAVING count(*) > 1)"
    )
    assert dup_entities == [(0,)]
    dup_quotes = q("SELECT count(*) - count(DISTINCT quote_id) FROM quotes")
    assert dup_quotes == [(0,)]
    statuses = dict(q("SELECT status, count(*) FROM runs GROUP BY status"))
    assert statuses == {"failed": 1, "succeeded": 1}
    assert "interrupted" in q("SELECT error FROM runs WHERE status = 'failed'")[0][0]


def test_kill_9_mid_run_then_rerun_gives_each_article_exactly_once(tmp_path: Path) -> None:
    box = tmp_path / "inbox"
    make_corpus(box, n=240, duplicates=12)
    db = tmp_path / "w.duckdb"
    kill_mid_run_then_rerun(box, db, batch=20)
    assert_exact(db, distinct=240, files=252)


def test_kill_9_on_bbc_politics_gives_403_articles(tmp_path: Path, shared_data: Path) -> None:
    db = tmp_path / "w.duckdb"
    kill_mid_run_then_rerun(shared_data / "bbc" / "politics", db, batch=40)
    assert_exact(db, distinct=403, files=417)


def test_two_runs_at_once_serialise_and_load_once(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    args = cli("run", "--inbox", str(goldlib.SEEDS_DIR), "--db", str(db))
    procs = [subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert try_query(db, "SELECT count(*) FROM articles") == [(5,)]
    assert sorted(try_query(db, "SELECT articles_loaded FROM runs")) == [(0,), (5,)]


def test_a_reader_waits_for_the_writer_then_gives_a_clear_message(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    duckdb.connect(str(db)).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('held', flush=True); time.sleep(4)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "held"
    with pytest.raises(store.DatabaseBusy, match="held by another process"):
        with store.connect(db, read_only=True, timeout_s=1):
            pass
    with store.connect(db, read_only=True, timeout_s=30) as con:  # waits for the holder to exit
        assert con.execute("SELECT 1").fetchall() == [(1,)]
    holder.wait()
