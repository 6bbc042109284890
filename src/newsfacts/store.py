"""DuckDB: the schema, one transaction per batch, and the reads a run needs.

DuckDB locks its file per process: while one process writes, no other process
can open it, not even read-only. So writers open the database only to load a
batch and close it straight after, and every open retries for a bounded time
with a clear message when another process holds it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from newsfacts.records import Known, KnownFile
from newsfacts.settings import SQL_DIR
from newsfacts.sources import SourceFile

# How long an open waits for another process to release the database.
DEFAULT_LOCK_TIMEOUT_S = 60.0


class DatabaseBusy(RuntimeError):
    """Another process holds the database file for longer than we were willing to wait."""


@cache
def sql(name: str) -> str:
    """The text of sql/<name>.sql."""
    return (SQL_DIR / f"{name}.sql").read_text()


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc)
    return "lock" in text.lower() and ("Conflicting" in text or "Could not set lock" in text)


@contextmanager
def connect(
    db: Path, read_only: bool = False, timeout_s: float = DEFAULT_LOCK_TIMEOUT_S
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the database, retrying with backoff while another process holds its lock."""
    if read_only and not db.exists():
        raise FileNotFoundError(f"no database at {db}: run `newsfacts run` first")
    deadline = time.monotonic() + timeout_s
    delay = 0.05
    while True:
        try:
            con = duckdb.connect(str(db), read_only=read_only)
            break
        except duckdb.IOException as exc:
            if not _is_lock_error(exc):
                raise
            if time.monotonic() >= deadline:
                raise DatabaseBusy(
                    f"{db} is held by another process (a newsfacts run is loading into it); "
                    f"gave up after {timeout_s:.0f} s — try again when it finishes"
                ) from exc
            time.sleep(delay)
            delay = min(delay * 2, 1.0)
    try:
        yield con
    finally:
        con.close()


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table and view; safe to run on every write connection."""
    con.execute(sql("schema"))
    for view in sorted((SQL_DIR / "views").glob("*.sql")):
        con.execute(view.read_text())


def read_known(con: duckdb.DuckDBPyConnection) -> Known:
    files = {
        row[0]: KnownFile(version=row[1], content_sha256=row[2], size=row[3], mtime_ns=row[4], deleted=row[5])
        for row in con.execute(sql("load/known_files")).fetchall()
    }
    hashes = dict(con.execute(sql("load/loaded_hashes")).fetchall())
    return Known(files=files, loaded_hashes=hashes)


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, inbox: str, pipeline_version: str) -> None:
    """Record a new run; any run still marked running died, since the caller holds the run lock."""
    con.execute(sql("load/mark_interrupted"), {"now": datetime.now(UTC)})
    con.execute(
        sql("load/start_run"),
        {"run_id": run_id, "started_at": datetime.now(UTC), "inbox": inbox, "pipeline_version": pipeline_version},
    )


def finish_run(
    con: duckdb.DuckDBPyConnection, run_id: str, status: str, files_seen: int, error: str | None = None
) -> None:
    con.execute(
        sql("load/finish_run"),
        {
            "run_id": run_id,
            "finished_at": datetime.now(UTC),
            "status": status,
            "files_seen": files_seen,
            "error": error,
        },
    )


def mark_deleted(con: duckdb.DuckDBPyConnection, source_files: Sequence[str]) -> None:
    now = datetime.now(UTC)
    for rel in source_files:
        con.execute(sql("load/mark_deleted"), {"source_file": rel, "now": now})


def load_batch(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    tables: Mapping[str, pa.Table],
    files: pa.Table,
    quarantine: Sequence[pa.Table],
    results: pa.Table,
    touched: Sequence[SourceFile],
    replaces: Sequence[str] = (),
) -> None:
    """Load one batch atomically: its rows, file records, quarantine, DQ results and run counters.

    Either all of it is in the database or none of it, so a crash at any moment leaves
    files unrecorded that the next run simply processes again. `replaces` names articles
    whose old rows and facts this batch supersedes (reprocessing).
    """
    quarantined = pa.concat_tables(quarantine) if quarantine else None
    con.begin()
    try:
        if replaces:
            con.register("replaced_ids", pa.table({"article_id": list(replaces)}))
            con.execute(sql("load/delete_articles"))
            con.unregister("replaced_ids")
        for name, table in tables.items():
            if table.num_rows:
                con.from_arrow(table).insert_into(name)
        for extra_name, table in (("files", files), ("dq_results", results)):
            if table.num_rows:
                con.from_arrow(table).insert_into(extra_name)
        if quarantined is not None and quarantined.num_rows:
            con.from_arrow(quarantined).insert_into("quarantine")
        for src in touched:
            con.execute(sql("load/touch_file"), {"source_file": src.rel, "size": src.size, "mtime_ns": src.mtime_ns})
        statuses = files.column("status").to_pylist()
        con.execute(
            sql("load/add_batch_counts"),
            {
                "run_id": run_id,
                "files_new": statuses.count("loaded"),
                "articles_loaded": tables["articles"].num_rows,
                "files_quarantined": statuses.count("quarantined"),
                "rows_quarantined": quarantined.num_rows - statuses.count("quarantined") if quarantined else 0,
            },
        )
        con.commit()
    except BaseException:
        con.rollback()
        raise


def run_sql_dir(con: duckdb.DuckDBPyConnection, folder: str, params: Mapping[str, Any]) -> None:
    """Run every sql/<folder>/*.sql in name order, passing only the parameters each uses."""
    for path in sorted((SQL_DIR / folder).glob("*.sql")):
        text = path.read_text()
        used = {k: v for k, v in params.items() if f"${k}" in text}
        con.execute(text, used or None)


def stale_articles(con: duckdb.DuckDBPyConnection, pipeline_version: str) -> list[dict[str, Any]]:
    cur = con.execute(sql("load/stale_articles"), {"pipeline_version": pipeline_version})
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def recent_runs(con: duckdb.DuckDBPyConnection, limit: int = 10) -> pa.Table:
    return con.execute(sql("load/recent_runs"), {"limit": limit}).fetch_arrow_table()


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return dict(con.execute(sql("load/table_counts")).fetchall())
