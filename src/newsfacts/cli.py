"""`newsfacts`: the command line. It only maps arguments onto the library and the flow."""

from __future__ import annotations

import argparse
import os
import sys
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from newsfacts import store
from newsfacts.runlock import RunInProgress
from newsfacts.settings import Lake, Settings, prefect_home

if TYPE_CHECKING:
    from collections.abc import Callable

    from newsfacts.ingest import Progress, RunSummary

EPILOG = (
    "Settings may also come from NEWSFACTS_INBOX, NEWSFACTS_DB, NEWSFACTS_REPORT, NEWSFACTS_BATCH_SIZE, "
    "NEWSFACTS_WORKERS, NEWSFACTS_TASK_RUNNER, NEWSFACTS_DASK_ADDRESS, NEWSFACTS_CATALOG, NEWSFACTS_DATA_PATH."
)


def _db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", type=Path, help="DuckDB file (default: newsfacts.duckdb, or $NEWSFACTS_DB)")


def _catalog_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--catalog",
        metavar="CATALOG",
        help="use a DuckLake instead of the DuckDB file: its catalog, a local file (lake.ducklake) or "
        "'postgres:dbname=news host=db1' (see docs/scale.md)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsfacts",
        description="Turn a folder of scraped news articles into a validated DuckDB fact warehouse.",
        epilog=EPILOG,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser(
        "run",
        help="ingest new or changed files from the inbox, validate, load, report",
        description="Ingest every new or changed file of the inbox (each content once, by sha256), "
        "parse and extract facts, validate with the Great Expectations suites in expectations/, "
        "load into DuckDB, and write the data-quality report.",
    )
    run.add_argument("--inbox", type=Path, help="folder of article files (default: seeds/, or $NEWSFACTS_INBOX)")
    _db_arg(run)
    run.add_argument("--report", type=Path, help="HTML report path (default: next to the database)")
    run.add_argument("--batch-size", type=int, help="files per batch (default 200)")
    run.add_argument("--max-file-bytes", type=int, help="files larger than this are quarantined (default 10 MB)")
    run.add_argument(
        "--strict",
        action="store_true",
        help="exit non-zero while any file is in quarantine (put there by this run or an earlier one)",
    )
    run.add_argument(
        "--file-timeout",
        type=float,
        metavar="SECONDS",
        help="per-file time budget for reading, parsing and extracting; a file over it is quarantined "
        "(default 300, or $NEWSFACTS_FILE_TIMEOUT_S)",
    )
    run.add_argument("--quiet", action="store_true", help="print only the summary, no progress")
    run.add_argument(
        "--reprocess", action="store_true", help="also re-extract articles loaded by an older pipeline version"
    )
    run.add_argument(
        "--wait", type=float, metavar="SECONDS", help="how long to wait for another run on the same database (300)"
    )
    run.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="processes that parse and extract while the main process loads (default: one per CPU; "
        "1: all in the main process); with --task-runner dask, the local cluster's worker processes",
    )
    run.add_argument(
        "--task-runner",
        choices=("processes", "dask"),
        help="where batches are parsed and extracted: a local process pool (default) or a Dask cluster "
        "through Prefect's DaskTaskRunner (a local cluster of --workers processes, or --dask-address)",
    )
    run.add_argument(
        "--dask-address",
        metavar="ADDRESS",
        help="the dask.distributed scheduler to use (tcp://host:8786); implies --task-runner dask",
    )
    _catalog_arg(run)
    run.add_argument(
        "--data-path",
        metavar="DIR",
        help="with --catalog: folder or object-store prefix (s3://...) of the lake's Parquet files, "
        "needed when the catalog is created",
    )
    run.set_defaults(func=cmd_run)

    q = sub.add_parser(
        "sql",
        help="run a read-only SQL query (text or a .sql file) and print the result",
        description="Run one read-only query against the warehouse and print it as a table. "
        'Example: newsfacts sql "SELECT name, role FROM people"  or  newsfacts sql sql/queries/x.sql',
    )
    q.add_argument("query", help="SQL text, or the path of a .sql file")
    _db_arg(q)
    _catalog_arg(q)
    q.add_argument("--max-rows", type=int, default=100, help="rows to print (default 100)")
    q.set_defaults(func=cmd_sql)

    rep = sub.add_parser(
        "report",
        help="write the HTML data-quality report",
        description="Write the self-contained HTML data-quality report for the latest run.",
    )
    _db_arg(rep)
    rep.add_argument("--out", type=Path, help="output file (default: next to the database)")
    rep.set_defaults(func=cmd_report)

    se = sub.add_parser(
        "search",
        help="full-text search of titles and bodies, best match first",
        description="Search article titles and bodies with BM25 ranking (DuckDB full-text search; words are "
        "stemmed, so 'controls' finds 'control'). Prints rank, source file, title and a snippet. "
        'Example: newsfacts search "juxtaposed controls"',
    )
    se.add_argument("text", help="words to look for")
    _db_arg(se)
    se.add_argument("--limit", type=int, default=10, help="how many articles (default 10)")
    se.set_defaults(func=cmd_search)

    ex = sub.add_parser(
        "export",
        help="write every table as Parquet, for other engines",
        description="Write every warehouse table to DIR/<table>.parquet (one file per table), "
        "readable by pandas, Polars, Spark or any Parquet reader. Views are not exported: "
        "their SQL is in sql/views/.",
    )
    ex.add_argument("--parquet", type=Path, required=True, metavar="DIR", help="folder to write the files into")
    _db_arg(ex)
    ex.set_defaults(func=cmd_export)

    st = sub.add_parser(
        "status",
        help="show recent runs and the files in quarantine now",
        description="Show the most recent runs, newest first, then the files in quarantine now "
        "(held until a new version of the file loads or it leaves the inbox).",
    )
    _db_arg(st)
    _catalog_arg(st)
    st.add_argument("--limit", type=int, default=10, help="how many runs (default 10)")
    st.set_defaults(func=cmd_status)

    sv = sub.add_parser(
        "serve",
        help="run the ingest flow on a schedule (a Prefect deployment) until stopped",
        description="Serve the ingest flow as the Prefect deployment 'scheduled-ingest/newsfacts' and run it "
        "on a cron schedule or every N seconds until Ctrl-C or SIGTERM. With PREFECT_API_URL set (environment "
        "or Prefect profile) it registers with that server; otherwise it starts a private Prefect server on "
        "127.0.0.1 (data in $PREFECT_HOME, else DB.prefect/ beside the database), prints its UI address, and stops it "
        "on exit. One run at a time; each run is recorded in the runs table. "
        "To deploy to your own server and work pool instead, see prefect.yaml.",
        epilog='Examples: newsfacts serve --cron "0 * * * *"   newsfacts serve --interval 600 --inbox inbox/',
    )
    sv.add_argument("--inbox", type=Path, help="folder of article files (default: seeds/, or $NEWSFACTS_INBOX)")
    _db_arg(sv)
    when = sv.add_mutually_exclusive_group(required=True)
    when.add_argument("--cron", help='cron schedule, e.g. "0 * * * *" for hourly (server time zone: UTC)')
    when.add_argument("--interval", type=int, metavar="SECONDS", help="run every SECONDS seconds")
    sv.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (FileNotFoundError, NotADirectoryError) as exc:
        return _fail(exc, 2)
    except (store.DatabaseBusy, RunInProgress) as exc:
        return _fail(exc, 3)


def _fail(problem: object, code: int) -> int:
    """Say what went wrong on stderr, in one line a user can act on, and give the exit code to return."""
    print(f"newsfacts: {problem}", file=sys.stderr)
    return code


def _read_only(target: Path | Lake) -> AbstractContextManager[duckdb.DuckDBPyConnection]:
    """The warehouse opened read-only: the commands that only query it can run while a load holds it."""
    return store.connect(target, read_only=True)


def _quiet_prefect(settings: Settings) -> None:
    """Defaults for running the flow from a terminal: no telemetry, a patient local API start,
    and Prefect's own state beside the warehouse (not a database under the user's home that
    every run writes), unless PREFECT_HOME says otherwise."""
    os.environ.setdefault("PREFECT_HOME", str(prefect_home(settings)))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


def cmd_run(args: argparse.Namespace) -> int:
    try:
        settings = Settings.load(
            inbox=args.inbox,
            db=args.db,
            report=args.report,
            batch_size=args.batch_size,
            max_file_bytes=args.max_file_bytes,
            wait_s=args.wait,
            file_timeout_s=args.file_timeout,
            reprocess=args.reprocess,
            workers=args.workers,
            task_runner=args.task_runner,
            dask_address=args.dask_address,
            catalog=args.catalog,
            data_path=args.data_path,
        )
    except ValueError as exc:  # options that do not go together
        return _fail(exc, 2)
    if not settings.inbox.is_dir():
        raise NotADirectoryError(f"inbox {settings.inbox} is not a directory")
    from newsfacts.console import progress_display, summary_lines
    from newsfacts.stopping import RunCancelled

    try:
        with progress_display(args.quiet) as progress:
            s = _run(settings, progress)
    except RunCancelled as stop:
        return _fail(f"run {stop}: the batches loaded so far are kept; the next run does the rest", stop.exit_code)
    except (store.DatabaseBusy, RunInProgress):
        raise
    except Exception as exc:  # recorded in the runs table with its error; one line here, not a traceback
        return _fail(f"the run failed: {type(exc).__name__}: {exc}", 1)
    database = settings.lake.catalog if settings.lake else str(settings.db)
    print("\n".join(summary_lines(s, database, args.reprocess)))
    if s.report_error:
        return _fail(f"run {s.run_id} loaded its files, but the report could not be written: {s.report_error}", 1)
    if args.strict and (s.files_quarantined or s.items_quarantined or s.rows_quarantined or s.still_quarantined):
        held = f"{s.still_quarantined} file(s) are in quarantine" if s.still_quarantined else "inputs were quarantined"
        return _fail(f"--strict: {held} (newsfacts status lists them)", 1)
    return 0


def _run(settings: Settings, progress: Callable[[Progress], None] | None) -> RunSummary:
    """A plain run needs no Prefect: the library's loop, in this process. A Dask cluster is
    reached through Prefect's task runner, so that run is a Prefect flow run."""
    if settings.task_runner != "dask":
        from newsfacts.ingest import run

        return run(settings, progress=progress)
    _quiet_prefect(settings)
    from flows.ingest import flow_for

    return flow_for(settings)(settings)


def cmd_serve(args: argparse.Namespace) -> int:
    settings = Settings.load(inbox=args.inbox, db=args.db)
    if not settings.inbox.is_dir():
        raise NotADirectoryError(f"inbox {settings.inbox} is not a directory")
    if args.interval is not None and args.interval < 1:
        return _fail("--interval must be at least 1 second", 2)
    os.environ.setdefault("PREFECT_HOME", str(prefect_home(settings)))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from flows.serve import serve
    from flows.server import ServerError

    try:
        serve(settings, cron=args.cron, interval=args.interval)
    except ServerError as exc:
        return _fail(exc, 1)
    except KeyboardInterrupt:
        # Ctrl-C or SIGTERM: the normal way to stop serving, so a clean exit.
        print("newsfacts serve: stopped", flush=True)
    return 0


def cmd_sql(args: argparse.Namespace) -> int:
    query = args.query
    if query.endswith(".sql") and Path(query).is_file():
        query = Path(query).read_text()
    with _read_only(Settings.load(db=args.db, catalog=args.catalog).target) as con:
        try:
            rel = con.sql(query)
        except duckdb.Error as exc:
            print(f"newsfacts sql: {exc}", file=sys.stderr)
            return 1
        if rel is None:
            print("statement ran, no result")
            return 0
        rel.show(max_rows=args.max_rows, max_width=200)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from newsfacts import report

    settings = Settings.load(db=args.db, report=args.out)
    with _read_only(settings.db) as con:
        out = report.write_report(con, settings.report)
    print(f"report written to {out}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from newsfacts import search

    with _read_only(Settings.load(db=args.db).db) as con:
        hits = search.search(con, args.text, args.limit)
    if not hits:
        print(f"no article matches {args.text!r}")
    for h in hits:
        print(f"{h.rank:>3}  {h.source_file}  {h.title or '(no title)'}")
        print(f"     {h.snippet}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from newsfacts import export

    with _read_only(Settings.load(db=args.db).db) as con:
        written = export.export_parquet(con, args.parquet)
    print(f"{len(written)} tables written to {args.parquet}")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    with _read_only(Settings.load(db=args.db, catalog=args.catalog).target) as con:
        con.sql(store.sql("load/recent_runs"), params={"limit": args.limit}).show(max_width=200)
        _status_quarantine(con)
    return 0


def _status_quarantine(con: duckdb.DuckDBPyConnection) -> None:
    """The files in quarantine now: held until a new version of the file loads or it leaves the inbox."""
    try:
        held = con.sql(store.sql("load/quarantined_now"))
    except duckdb.CatalogException:  # a warehouse last written before the view existed
        print("in quarantine now: unknown until the next `newsfacts run` (this warehouse predates the view)")
        return
    count = len(held)
    if not count:
        print("in quarantine now: no file")
        return
    print(f"in quarantine now: {count} file{'s' if count != 1 else ''}")
    held.show(max_width=200, max_rows=count)


if __name__ == "__main__":
    sys.exit(main())
