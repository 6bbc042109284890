"""`newsfacts`: the command line. It only maps arguments onto the library and the flow.

Every argument is checked by its type before a command starts (with the parsers that also
check the NEWSFACTS_* variables, in settings.py), and main() turns every error a user can
cause into one line on stderr and an exit code: 2 for a bad argument, setting or path, 3 for
a database another run holds, 1 for anything else; 130 on Ctrl-C. A reader that stops
reading (`| head`) ends the output quietly, with 0.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import astuple, fields
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from newsfacts import formats, sandbox, search, store
from newsfacts.runlock import RunInProgress
from newsfacts.settings import (
    SQL_DIR,
    VARIABLES,
    Lake,
    Settings,
    SettingsError,
    check_home,
    db_path,
    positive_int,
    positive_seconds,
    prefect_home,
    report_path,
    seconds,
    target,
)

if TYPE_CHECKING:
    from newsfacts.ingest import Progress, RunSummary

EPILOG = (
    "Settings may also come from "
    + ", ".join(name for name, _ in VARIABLES.values())
    + " (an argument wins over its variable); NEWSFACTS_HOME is the folder holding sql/ and expectations/."
)


def _checked(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    """An argparse type from a settings parser: its message becomes argparse's own error (exit 2)."""

    def check(text: str) -> Any:
        try:
            return parse(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    check.__name__ = parse.__name__
    return check


POSITIVE = _checked(positive_int)
SECONDS = _checked(seconds)
BUDGET = _checked(positive_seconds)


def _cron(text: str) -> str:
    """--cron, checked by the model Prefect itself schedules with, before anything starts."""
    # Prefect 3.8.8 validates cron strings in CronSchedule (its vendored croniter, no random or
    # hashed fields); the same check here turns a bad schedule into a usage error, not a
    # traceback after the server has started.
    from prefect.client.schemas.schedules import CronSchedule  # noqa: TID251 (only to check --cron)
    from pydantic import ValidationError

    try:
        CronSchedule(cron=text)
    except ValidationError as exc:
        reason = str(exc.errors()[0]["msg"]).removeprefix("Value error, ")
        raise argparse.ArgumentTypeError(
            f'{reason} (five fields: minute hour day-of-month month day-of-week, e.g. "0 * * * *")'
        ) from None
    return text


def _db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", type=Path, help="DuckDB file (default: newsfacts.duckdb, or $NEWSFACTS_DB)")


def _catalog_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--catalog",
        metavar="CATALOG",
        help="use a DuckLake instead of the DuckDB file: its catalog, a local file (lake.ducklake) or "
        "'postgres:dbname=news host=db1' (see docs/scale.md)",
    )


def _format_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--format",
        choices=formats.FORMATS,
        help="output: a table (the default on a terminal), csv (the default into a pipe or file; with a "
        "header row), json (one array of objects) or jsonl (one object per line)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsfacts",
        description="Turn a folder of scraped news articles into a validated DuckDB fact warehouse.",
        epilog=EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {version('newsfacts')}")
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
    run.add_argument("--batch-size", type=POSITIVE, metavar="N", help="files per batch (default 200)")
    run.add_argument(
        "--max-file-bytes",
        type=POSITIVE,
        metavar="BYTES",
        help="files larger than this are quarantined (default 10 MB)",
    )
    run.add_argument(
        "--strict",
        action="store_true",
        help="exit non-zero while any file is in quarantine (put there by this run or an earlier one)",
    )
    run.add_argument(
        "--file-timeout",
        type=BUDGET,
        metavar="SECONDS",
        help="time budget for reading and parsing a file, and again for extracting it, per started "
        "megabyte of it; a file over its budget is quarantined (default 120, or $NEWSFACTS_FILE_TIMEOUT_S)",
    )
    run.add_argument("--quiet", action="store_true", help="print only the summary, no progress")
    run.add_argument(
        "--reprocess", action="store_true", help="also re-extract articles loaded by an older pipeline version"
    )
    run.add_argument(
        "--wait", type=SECONDS, metavar="SECONDS", help="how long to wait for another run on the same database (300)"
    )
    run.add_argument(
        "--workers",
        type=POSITIVE,
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
        help="run read-only SQL (text, a .sql file, or an example query by name) and print the result",
        description="Run read-only SQL against the warehouse and print each statement's result in order. "
        "The connection is sandboxed: only the warehouse can be read (no other file, no URL, no extension), "
        "and only statements that read run (SELECT, SHOW, DESCRIBE, SUMMARIZE, CALL, EXPLAIN); anything "
        "else is refused before any statement runs. "
        'Examples: newsfacts sql "SELECT name, role FROM people"   newsfacts sql my_query.sql   '
        "newsfacts sql --query home_secretaries --format csv",
    )
    what = q.add_mutually_exclusive_group(required=True)
    what.add_argument("query", nargs="?", help="SQL text (one or more statements), or the path of a .sql file")
    what.add_argument(
        "--query",
        dest="example",
        metavar="NAME",
        help="run an example query of sql/queries/ by name, from any folder (an unknown name lists them)",
    )
    _db_arg(q)
    _catalog_arg(q)
    _format_arg(q)
    q.add_argument(
        "--max-rows",
        type=POSITIVE,
        default=100,
        metavar="N",
        help="rows a table shows (default 100); csv and json give every row",
    )
    q.set_defaults(func=cmd_sql)

    rep = sub.add_parser(
        "report",
        help="write the HTML data-quality report",
        description="Write the self-contained HTML data-quality report for the latest run.",
    )
    _db_arg(rep)
    rep.add_argument("--out", type=Path, help="output file (default: next to the database)")
    rep.add_argument(
        "--data-docs",
        action="store_true",
        help="also build Great Expectations' Data Docs for the latest validated run (in data_docs/ beside the "
        "report; a run never builds them, so it need not load Great Expectations), and link them",
    )
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
    se.add_argument("--limit", type=POSITIVE, default=10, metavar="N", help="how many articles (default 10)")
    _format_arg(se)
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
        "(held until a new version of the file loads or it leaves the inbox). In csv or json the "
        "output is the runs alone, and how many files are in quarantine goes to stderr.",
    )
    _db_arg(st)
    _catalog_arg(st)
    st.add_argument("--limit", type=POSITIVE, default=10, metavar="N", help="how many runs (default 10)")
    _format_arg(st)
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
    when.add_argument("--cron", type=_cron, help='cron schedule, e.g. "0 * * * *" for hourly (server time zone: UTC)')
    when.add_argument("--interval", type=POSITIVE, metavar="SECONDS", help="run every SECONDS seconds")
    sv.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        check_home()
        return args.func(args)
    except BrokenPipeError:
        # The reader stopped reading (`| head`): its choice, not an error, and nothing left to say.
        _drop_stdout()
        return 0
    except KeyboardInterrupt:
        return 130
    except (SettingsError, store.NotADatabase, FileNotFoundError, NotADirectoryError, IsADirectoryError) as exc:
        return _fail(exc, 2)
    except (store.DatabaseBusy, RunInProgress) as exc:
        return _fail(exc, 3)
    except (duckdb.Error, OSError, search.NoIndex) as exc:
        # What DuckDB or the system said (a full disk, a read-only folder), or nothing to search yet.
        return _fail(_one_line(exc), 1)


def _fail(problem: object, code: int) -> int:
    """Say what went wrong on stderr, in one line a user can act on, and give the exit code to return."""
    print(f"newsfacts: {problem}", file=sys.stderr)
    return code


def _one_line(exc: BaseException) -> str:
    """An error's message on one line: DuckDB's hints kept ("Did you mean ..."), its caret line dropped."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip().strip("^")]
    return " ".join(lines) or type(exc).__name__


def _drop_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush into the closed pipe says nothing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is no file (a test's capture)
        pass


@contextmanager
def _warehouse(where: Path | Lake, *tables: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """The warehouse opened read-only, for the commands that only query it (they run while a load
    holds it), once it is known to hold the tables the command reads."""
    with store.connect(where, read_only=True) as con:
        store.require_tables(con, where.catalog if isinstance(where, Lake) else where, *tables)
        yield con


def _output_format(args: argparse.Namespace) -> str:
    return args.format or formats.default_format(sys.stdout)


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
    store.check_file(settings.target, read_only=False)
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
    from flows.ingest import flow_for, stopped_by

    state = flow_for(settings)(settings, return_state=True)
    if stop := stopped_by(state):
        raise stop
    return state.result()


def cmd_serve(args: argparse.Namespace) -> int:
    settings = Settings.load(inbox=args.inbox, db=args.db)
    if not settings.inbox.is_dir():
        raise NotADirectoryError(f"inbox {settings.inbox} is not a directory")
    store.check_file(settings.target, read_only=False)
    os.environ.setdefault("PREFECT_HOME", str(prefect_home(settings)))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from flows.serve import StoppedWhileStarting, serve
    from flows.server import ServerError

    try:
        signum = serve(settings, cron=args.cron, interval=args.interval)
    except ServerError as exc:
        return _fail(exc, 1)
    except StoppedWhileStarting as stop:
        signum = stop.signum
    # Ctrl-C or SIGTERM, the way to stop serving: said once, and the exit code a shell expects.
    print(f"newsfacts serve: stopped by {signal.Signals(signum).name}", flush=True)
    return 128 + signum


def cmd_sql(args: argparse.Namespace) -> int:
    text = _example(args.example) if args.example is not None else _sql_text(args.query)
    fmt = _output_format(args)
    with sandbox.connect(target(args.db, args.catalog)) as con:
        try:
            for number, statement in enumerate(sandbox.statements(con, text)):
                result = con.sql(statement.query)
                if number and fmt == "csv":  # a blank line between results, as DuckDB's table has
                    sys.stdout.write("\n")
                formats.write_relation(result, fmt, sys.stdout, args.max_rows)
        except (sandbox.Refused, duckdb.Error) as exc:
            sys.stdout.flush()  # what earlier statements printed comes before the error
            print(f"newsfacts sql: {_one_line(exc)}", file=sys.stderr)
            return 1
    return 0


def _sql_text(query: str) -> str:
    """The SQL to run: the text itself, or the file it names (an argument ending in .sql is a path)."""
    if not query.strip().lower().endswith(".sql"):
        return query
    path = Path(query.strip())
    if not path.is_file():
        what = "is a directory" if path.is_dir() else "does not exist"
        raise FileNotFoundError(f"no SQL file {path}: it {what}")
    try:
        return path.read_text(encoding="utf-8-sig")  # a byte-order mark, as Windows editors write, is no SQL
    except UnicodeDecodeError:
        raise SettingsError(f"{path} is not UTF-8 text") from None


def _example(name: str) -> str:
    """The text of sql/queries/<name>.sql, found wherever newsfacts is run from."""
    examples = {p.stem: p for p in (SQL_DIR / "queries").glob("*.sql")}
    if name.removesuffix(".sql") not in examples:
        raise SettingsError(f"no example query {name!r}; the examples are: {', '.join(sorted(examples))}")
    return examples[name.removesuffix(".sql")].read_text(encoding="utf-8")


def cmd_report(args: argparse.Namespace) -> int:
    from newsfacts import report

    db = db_path(args.db)
    out = report_path(db, args.out)
    docs_index = out.parent / "data_docs" / "index.html"
    with _warehouse(db, "runs", "articles") as con:
        if args.data_docs:
            from newsfacts import quality

            if quality.build_data_docs(docs_index.parent, store.latest_dq_results(con)) is None:
                print("no validated run yet: no Data Docs to build", file=sys.stderr)
        out = report.write_report(con, out, docs_index if docs_index.exists() else None)
    print(f"report written to {out}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    fmt = _output_format(args)
    with _warehouse(db_path(args.db), "articles") as con:
        hits = search.search(con, args.text, args.limit)
    if fmt != "table":
        columns = [f.name for f in fields(search.Hit)]
        formats.write_rows(columns, [[astuple(h) for h in hits]], fmt, sys.stdout)
        return 0
    if not hits:
        print(f"no article matches {args.text!r}")
    for h in hits:
        print(f"{h.rank:>3}  {h.source_file}  {h.title or '(no title)'}")
        print(f"     {h.snippet}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from newsfacts import export

    with _warehouse(db_path(args.db), "runs", "articles") as con:
        written = export.export_parquet(con, args.parquet)
    print(f"{len(written)} tables written to {args.parquet}")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    with _warehouse(target(args.db, args.catalog), "runs") as con:
        rel = con.sql(store.sql("load/recent_runs"), params={"limit": args.limit})
        fmt = _output_format(args)
        formats.write_relation(rel, fmt, sys.stdout, args.limit)
        _status_quarantine(con, listed=fmt == "table")
    return 0


def _status_quarantine(con: duckdb.DuckDBPyConnection, listed: bool) -> None:
    """The files in quarantine now: held until a new version of the file loads or it leaves the inbox.
    Into a pipe (csv, json) stdout holds the runs alone, for programs, so a held file is only
    counted, on stderr: `newsfacts status | less` must not hide that files are in quarantine."""
    out = sys.stdout if listed else sys.stderr
    try:
        held = con.sql(store.sql("load/quarantined_now"))
    except duckdb.CatalogException:  # a warehouse last written before the view existed
        print("in quarantine now: unknown until the next `newsfacts run` (this warehouse predates the view)", file=out)
        return
    count = len(held)
    if not count:
        if listed:
            print("in quarantine now: no file")
        return
    files = f"{count} file{'s' if count != 1 else ''}"
    if not listed:
        print(f"in quarantine now: {files} (listed by `SELECT * FROM quarantined_files`)", file=out)
        return
    print(f"in quarantine now: {files}")
    held.show(max_width=200, max_rows=count)


if __name__ == "__main__":
    sys.exit(main())
