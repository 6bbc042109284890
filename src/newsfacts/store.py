"""DuckDB: the schema, one transaction per batch, and the reads a run needs.

DuckDB locks its file per process: while one process writes, no other process
can open it, not even read-only. So writers open the database only to load a
batch and close it straight after, and every open retries for a bounded time
with a clear message when another process holds it.

The same tables, SQL and loads also run against a DuckLake (a catalog database
plus Parquet files), the path to several writers on several machines: `connect`
attaches it as the default database, and `ensure_schema` drops what DuckLake
does not support (PRIMARY KEY) from the one schema file.
"""

from __future__ import annotations

import contextlib
import random
import re
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import duckdb_extension_ducklake
import pyarrow as pa
import pyarrow.compute as pc

from newsfacts import lake
from newsfacts.records import ExpectationTotals, Known, KnownFile
from newsfacts.settings import SQL_DIR, Lake
from newsfacts.sources import SourceFile

# How long an open waits for another process to release the database.
DEFAULT_LOCK_TIMEOUT_S = 60.0
# DuckDB's own memory on a writing connection. Its default (80% of RAM) lets the cross-article
# joins of a large warehouse take gigabytes beside the workers; capped, its joins, sorts and
# aggregates spill to a temporary folder beside the database instead (DuckDB overshoots the cap
# by a few hundred MB for what cannot spill). Measured on 21,000 articles: the near-duplicate
# check peaks at 0.4 GB instead of 1 GB, in the same 9 s. Readers keep the default.
WRITE_MEMORY_LIMIT = "256MB"
# How long a write on a lake keeps retrying when other writers' commits keep winning the turn.
LAKE_TURN_TIMEOUT_S = 600.0


class DatabaseBusy(RuntimeError):
    """Another process holds the database file for longer than we were willing to wait."""


class NotADatabase(ValueError):
    """The path given for the database (or a lake's catalog) is no DuckDB database, or no warehouse."""


# Every DuckDB database file has these bytes after its 8-byte header checksum.
_DUCKDB_MAGIC = (8, b"DUCK")


@cache
def sql(name: str) -> str:
    """The text of sql/<name>.sql."""
    return (SQL_DIR / f"{name}.sql").read_text()


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc)
    return "lock" in text.lower() and ("Conflicting" in text or "Could not set lock" in text)


def ducklake_extension() -> Path:
    """The DuckLake extension of the duckdb-extension-ducklake package: loaded by path, never downloaded."""
    return lake.extension_path(duckdb_extension_ducklake, "ducklake")


def _open(target: Path | Lake, read_only: bool) -> duckdb.DuckDBPyConnection:
    config = {} if read_only else {"memory_limit": WRITE_MEMORY_LIMIT}
    if isinstance(target, Path):
        return duckdb.connect(str(target), read_only=read_only, config=config)
    con = duckdb.connect(config=config)
    try:
        lake.attach(con, target, read_only)
    except BaseException:
        con.close()
        raise
    return con


@contextmanager
def connect(
    target: Path | Lake, read_only: bool = False, timeout_s: float = DEFAULT_LOCK_TIMEOUT_S
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the database (or attach the DuckLake), retrying with backoff while another process holds its lock."""
    check_file(target, read_only)
    deadline = time.monotonic() + timeout_s
    delay = 0.05
    while True:
        try:
            con = _open(target, read_only)
            break
        except duckdb.IOException as exc:
            if not _is_lock_error(exc):
                raise
            if time.monotonic() >= deadline:
                name = target if isinstance(target, Path) else target.catalog
                raise DatabaseBusy(
                    f"{name} is held by another process (a newsfacts run is loading into it); "
                    f"gave up after {timeout_s:.0f} s — try again when it finishes"
                ) from exc
            time.sleep(delay)
            delay = min(delay * 2, 1.0)
    try:
        yield con
    finally:
        con.close()


def check_file(target: Path | Lake, read_only: bool) -> None:
    """Say plainly when the path is no DuckDB database (DuckDB's own errors are long and vary by case).

    A lake is checked when its catalog is a local DuckDB file; a server's catalog is DuckDB's to judge.
    """
    if isinstance(target, Path):
        path, what = target, "database"
    else:
        local = target.catalog.removeprefix("ducklake:")
        if re.match(r"[a-z][a-z0-9_]*:", local):  # postgres:, sqlite:, ...
            return
        path, what = Path(local), "DuckLake catalog"
    if not path.exists():
        if read_only:
            raise FileNotFoundError(f"no {what} at {path}: run `newsfacts run` first")
        return
    if path.is_dir():
        raise NotADatabase(f"{path} is a directory, not a DuckDB {what}")
    with path.open("rb") as f:
        head = f.read(_DUCKDB_MAGIC[0] + len(_DUCKDB_MAGIC[1]))
    if not head:
        raise NotADatabase(f"{path} is an empty file, not a DuckDB {what}")
    if head[_DUCKDB_MAGIC[0] :] != _DUCKDB_MAGIC[1]:
        raise NotADatabase(f"{path} is not a DuckDB {what}")


def require_tables(con: duckdb.DuckDBPyConnection, where: object, *names: str) -> None:
    """Fail with a clear message when the database lacks a warehouse table the command reads."""
    present = {row[0] for row in con.execute(sql("load/table_names")).fetchall()}
    missing = [name for name in names if name not in present]
    if missing:
        raise NotADatabase(f"{where} is a DuckDB database but not a newsfacts warehouse (it has no {missing[0]} table)")


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table and view; safe to run on every write connection.

    DuckLake has no PRIMARY KEY constraint; there the key stays what the loads
    already make it (one fresh run id per run).
    """
    schema = sql("schema")
    lake = is_lake(con)
    if lake:
        schema = re.sub(r"\s+PRIMARY KEY\b", "", schema) + sql("lake/schema")

    def create(con: duckdb.DuckDBPyConnection) -> None:
        con.execute(schema)
        for view in sorted((SQL_DIR / "views").glob("*.sql")):
            con.execute(view.read_text())

    if lake:
        # Several writers may create a new lake at once. In one transaction each, the losers' CREATEs
        # conflict and are redone on the tables made; in several, two writers that both found
        # lake_commits empty would each insert its row, for DuckLake merges concurrent inserts.
        _retry_conflicts(lambda: _in_one_transaction(con, create))
    else:
        create(con)


def _in_one_transaction(con: duckdb.DuckDBPyConnection, body: Callable[[duckdb.DuckDBPyConnection], None]) -> None:
    con.begin()
    try:
        body(con)
        con.commit()
    except BaseException:
        # A failed commit (a full disk) may already have ended the transaction: the error to
        # record is the commit's, not rollback's "no transaction is active".
        with contextlib.suppress(duckdb.Error):
            con.rollback()
        raise


def _is_conflict(exc: BaseException) -> bool:
    """A DuckLake commit that lost to another writer's (DuckLake retries the harmless ones itself)."""
    return isinstance(exc, duckdb.Error) and "conflict" in str(exc).lower()


def _retry_conflicts(attempt: Callable[[], None]) -> None:
    deadline = time.monotonic() + LAKE_TURN_TIMEOUT_S
    delay = 0.05
    while True:
        try:
            attempt()
            return
        except duckdb.Error as exc:
            if not _is_conflict(exc) or time.monotonic() >= deadline:
                raise
        time.sleep(delay * random.uniform(1, 2))  # apart, so two losers do not collide again
        delay = min(delay * 2, 2.0)


def write(con: duckdb.DuckDBPyConnection, body: Callable[[duckdb.DuckDBPyConnection], None]) -> None:
    """Run `body` in one transaction: all of it or nothing.

    On a lake the transaction first takes the turn (sql/lake/take_turn.sql), so it commits only
    if no other writer committed since it began; if one did, it is rolled back and run again on
    the newer snapshot. What `body` checks against the lake (has this content been loaded?) is
    then true at the moment it commits: deduplication holds where the commits meet.
    """
    if not is_lake(con):
        _in_one_transaction(con, body)
        return

    def take_turn_then(con: duckdb.DuckDBPyConnection) -> None:
        con.execute(sql("lake/take_turn"))
        body(con)

    _retry_conflicts(lambda: _in_one_transaction(con, take_turn_then))


def is_lake(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the connection's default database is a DuckLake."""
    kind = con.execute("SELECT type FROM duckdb_databases() WHERE database_name = current_database()").fetchone()
    return kind is not None and kind[0] == "ducklake"


def read_known(con: duckdb.DuckDBPyConnection, writer: str | None) -> Known:
    """What the database holds; `writer` (on a lake) tells which files this machine recorded."""
    files = {
        row[0]: KnownFile(
            version=row[1],
            content_sha256=row[2],
            size=row[3],
            mtime_ns=row[4],
            deleted=row[5],
            status=row[6],
            ours=row[7],
        )
        for row in con.execute(sql("load/known_files"), {"writer": writer}).fetchall()
    }
    hashes: dict[str, str] = {}
    sizes: dict[int, set[str]] = {}
    for sha, first, size in con.execute(sql("load/loaded_hashes")).fetchall():
        hashes[sha] = first
        sizes.setdefault(size, set()).add(sha)
    items = {rel: frozenset(ids) for rel, ids in con.execute(sql("load/known_items")).fetchall()}
    feed_articles = frozenset(row[0] for row in con.execute(sql("load/feed_articles")).fetchall())
    return Known(
        files=files,
        loaded_hashes=hashes,
        loaded_sizes={size: frozenset(shas) for size, shas in sizes.items()},
        items=items,
        feed_articles=feed_articles,
    )


def start_run(
    con: duckdb.DuckDBPyConnection, run_id: str, inbox: str, pipeline_version: str, writer: str | None = None
) -> None:
    """Record a new run; any run of this writer still marked running died, since the caller holds
    the run lock. `writer` (host:database) names the machine on a lake that several load into."""

    def body(con: duckdb.DuckDBPyConnection) -> None:
        con.execute(sql("load/mark_interrupted"), {"now": datetime.now(UTC), "writer": writer})
        con.execute(
            sql("load/start_run"),
            {
                "run_id": run_id,
                "started_at": datetime.now(UTC),
                "inbox": inbox,
                "pipeline_version": pipeline_version,
                "writer": writer,
            },
        )

    write(con, body)


def set_run_total(con: duckdb.DuckDBPyConnection, run_id: str, files_total: int) -> None:
    write(con, lambda c: c.execute(sql("load/set_run_total"), {"run_id": run_id, "files_total": files_total}))


def finish_run(
    con: duckdb.DuckDBPyConnection, run_id: str, status: str, files_seen: int, error: str | None = None
) -> None:
    params = {
        "run_id": run_id,
        "finished_at": datetime.now(UTC),
        "status": status,
        "files_seen": files_seen,
        "error": error,
    }
    write(con, lambda c: c.execute(sql("load/finish_run"), params))


def mark_deleted(con: duckdb.DuckDBPyConnection, source_files: Sequence[str], writer: str | None = None) -> None:
    con.register("gone_files", pa.table({"source_file": pa.array(source_files, pa.string())}))
    try:
        write(con, lambda c: c.execute(sql("load/mark_deleted"), {"now": datetime.now(UTC), "writer": writer}))
    finally:
        con.unregister("gone_files")


def load_batch(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    tables: Mapping[str, pa.Table],
    files: pa.Table,
    quarantine: Sequence[pa.Table],
    results: pa.Table,
    touched: Sequence[SourceFile],
    replaces: Sequence[str] = (),
    items: pa.Table | None = None,
) -> tuple[int, int]:
    """Load one batch atomically: its rows, file records, quarantine, DQ results and run counters.

    Either all of it is in the database or none of it, so a crash at any moment leaves
    files unrecorded that the next run simply processes again. `replaces` names articles
    whose old rows and facts this batch supersedes (reprocessing); `items` lists the
    articles of each content this batch loads (content_items). `results` (one row per
    expectation, from quality.validate) is merged into the run's one row per expectation.

    Returns what another writer had committed first (on a lake, see `settle`): the batch's new
    files whose bytes were loaded already, and its articles already there; (0, 0) on a file.
    """
    raced = [0, 0]
    quarantined = pa.concat_tables(quarantine) if quarantine else None
    lake = is_lake(con)

    def body(con: duckdb.DuckDBPyConnection) -> None:
        batch_tables, batch_files, batch_items = tables, files, items
        if replaces:  # first: on a lake, `settle` would drop the rebuilt articles as already committed
            con.register("replaced_ids", pa.table({"article_id": list(replaces)}))
            con.execute(sql("load/delete_articles"))
            con.unregister("replaced_ids")
        if lake:
            batch_tables, batch_files, batch_items = settle(con, tables, files, items)
            new_before = files.column("status").to_pylist().count("loaded")
            raced[:] = [
                new_before - batch_files.column("status").to_pylist().count("loaded"),
                tables["articles"].num_rows - batch_tables["articles"].num_rows,
            ]
        for name, table in batch_tables.items():
            if table.num_rows:
                con.from_arrow(table).insert_into(name)
        if batch_items is not None and batch_items.num_rows:
            con.from_arrow(batch_items).insert_into("content_items")
        if batch_files.num_rows:
            con.from_arrow(batch_files).insert_into("files")
        if results.num_rows:
            con.register("batch_dq_results", results)
            con.execute(sql("load/merge_dq_results"))
            con.unregister("batch_dq_results")
        if quarantined is not None and quarantined.num_rows:
            con.from_arrow(quarantined).insert_into("quarantine")
        if touched:
            con.register("touched_files", _stats(touched))
            con.execute(sql("load/touch_files"))
            con.unregister("touched_files")
        statuses = batch_files.column("status").to_pylist()
        con.execute(
            sql("load/add_batch_counts"),
            {
                "run_id": run_id,
                "files_done": batch_files.num_rows + len(touched),
                "files_new": statuses.count("loaded"),
                "articles_loaded": batch_tables["articles"].num_rows,
                "files_quarantined": statuses.count("quarantined"),
                "rows_quarantined": quarantined.num_rows - statuses.count("quarantined") if quarantined else 0,
            },
        )

    write(con, body)
    return raced[0], raced[1]


def settle(
    con: duckdb.DuckDBPyConnection, tables: Mapping[str, pa.Table], files: pa.Table, items: pa.Table | None
) -> tuple[dict[str, pa.Table], pa.Table, pa.Table | None]:
    """A batch made to agree with what other writers committed to the lake since this run began.

    Called inside the batch's transaction, after it took the turn (see `write`), so the lake it
    reads is the one it commits onto: a file version another writer already recorded is dropped,
    bytes another writer already loaded become a duplicate of its file, an article already there
    is not loaded again, and versions continue from the latest recorded one.
    """
    con.register("batch_files", files.select(["source_file", "content_sha256"]))
    try:
        latest = {f: (v, sha) for f, v, sha in con.execute(sql("lake/latest_versions")).fetchall()}
        loaded = dict(con.execute(sql("lake/loaded_contents")).fetchall())
    finally:
        con.unregister("batch_files")
    con.register("batch_articles", tables["articles"].select(["article_id"]))
    try:
        present = {row[0] for row in con.execute(sql("lake/present_articles")).fetchall()}
    finally:
        con.unregister("batch_articles")
    rows, versions, settled_shas = [], {}, set()
    for row in files.to_pylist():
        before = latest.get(row["source_file"])
        if before is not None and before[1] == row["content_sha256"]:
            settled_shas.add(row["content_sha256"])  # the same file version, recorded by another writer
            continue
        row["version"] = before[0] + 1 if before is not None else 1
        if row["status"] == "loaded" and row["content_sha256"] in loaded:
            row.update(status="duplicate", duplicate_of=loaded[row["content_sha256"]])
            settled_shas.add(row["content_sha256"])
        versions[row["source_file"]] = row["version"]
        rows.append(row)
    kept_files = pa.Table.from_pylist(rows, schema=files.schema)
    out = {}
    for name, table in tables.items():
        keep = pc.invert(pc.is_in(table.column("article_id"), pa.array(sorted(present), pa.string())))
        out[name] = table.filter(keep)
    articles = out["articles"]
    if articles.num_rows:
        now = [
            versions.get(f, v)
            for f, v in zip(articles["source_file"].to_pylist(), articles["version"].to_pylist(), strict=True)
        ]
        index = articles.schema.get_field_index("version")
        out["articles"] = articles.set_column(index, articles.schema.field(index), pa.array(now, pa.int32()))
    if items is not None and settled_shas:
        items = items.filter(pc.invert(pc.is_in(items.column("content_sha256"), pa.array(sorted(settled_shas)))))
    return out, kept_files, items


def _stats(sources: Sequence[SourceFile]) -> pa.Table:
    return pa.table(
        {
            "source_file": pa.array([s.rel for s in sources], pa.string()),
            "size_bytes": pa.array([s.size for s in sources], pa.int64()),
            "mtime_ns": pa.array([s.mtime_ns for s in sources], pa.int64()),
        }
    )


def unclustered(con: duckdb.DuckDBPyConnection) -> int:
    """Articles not yet in a story cluster (left by a run that died before clustering)."""
    return con.execute(sql("cluster/unclustered")).fetchone()[0]


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


def expectation_totals(con: duckdb.DuckDBPyConnection, run_id: str) -> ExpectationTotals:
    """A run's expectations, each counted once however many batches it validated."""
    row = con.execute(sql("load/expectation_totals"), {"run_id": run_id}).fetchone()
    return ExpectationTotals(*row)


def latest_dq_results(con: duckdb.DuckDBPyConnection) -> pa.Table:
    """The dq_results rows of the latest run that validated anything: what GE's Data Docs show."""
    return con.execute(sql("report/latest_dq_results")).to_arrow_table()


def recent_runs(con: duckdb.DuckDBPyConnection, limit: int = 10) -> pa.Table:
    return con.execute(sql("load/recent_runs"), {"limit": limit}).fetch_arrow_table()


def table_counts(con: duckdb.DuckDBPyConnection, pipeline_version: str) -> dict[str, int]:
    return dict(con.execute(sql("load/table_counts"), {"pipeline_version": pipeline_version}).fetchall())
