"""One settings object, read once (arguments, then NEWSFACTS_* variables), passed down.

Every NEWSFACTS_* variable is named, parsed and checked here (VARIABLES), and read only
by the commands that use it: a bad NEWSFACTS_BATCH_SIZE stops `run` and `serve` with a
message naming the variable, and is no concern of `sql`. The parsers below are also the
command line's argument types, so an argument and its variable are checked alike.
"""

from __future__ import annotations

import math
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(os.environ.get("NEWSFACTS_HOME", Path(__file__).resolve().parents[2]))
SQL_DIR = PROJECT_ROOT / "sql"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"

# The per-file time budget, in seconds per started megabyte of the file: about 25 times what a
# megabyte of text takes to extract on a busy 2-core machine (a 9 MB transcript took 465 s against
# its 1,080 s), yet a small pathological input costs one run two minutes, once, and then sits in
# quarantine.
DEFAULT_FILE_TIMEOUT_S = 120.0

# Where batches are parsed and extracted: a pool of local processes, or a Dask cluster.
TASK_RUNNERS = ("processes", "dask")
BATCH_SIZE = 200  # files per batch
MAX_FILE_BYTES = 10 * 1024 * 1024  # larger files are quarantined unread
RUN_WAIT_S = 300.0  # how long a run waits for another run on the same database


class SettingsError(ValueError):
    """A setting that cannot be used; the message names the argument or variable and says why."""


def positive_int(value: str | int) -> int:
    """A whole number of at least 1: batch sizes, byte limits, worker counts, row limits, intervals."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise ValueError(f"must be a whole number of at least 1, got {str(value)!r}")
    return number


def seconds(value: str | float) -> float:
    """A duration of zero or more seconds (a wait)."""
    return _duration(value, zero_allowed=True)


def positive_seconds(value: str | float) -> float:
    """A duration of more than 0 seconds (a time budget)."""
    return _duration(value, zero_allowed=False)


def _duration(value: str | float, zero_allowed: bool) -> float:
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not (math.isfinite(number) and (number >= 0 if zero_allowed else number > 0)):
        bound = "0 or more" if zero_allowed else "above 0"
        raise ValueError(f"must be a number of seconds {bound}, got {str(value)!r}")
    return number


def runner_name(value: str) -> str:
    if value not in TASK_RUNNERS:
        raise ValueError(f"must be one of {', '.join(TASK_RUNNERS)}, got {value!r}")
    return value


def _ducklake(catalog: str) -> str:
    """ATTACH's spelling of a catalog: a bare path or a postgres: string gets the ducklake: prefix."""
    catalog = str(catalog)
    return catalog if catalog.startswith("ducklake:") else f"ducklake:{catalog}"


# Each setting that a NEWSFACTS_* variable may give: the variable, and how its text is parsed and checked.
VARIABLES: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "inbox": ("NEWSFACTS_INBOX", Path),
    "db": ("NEWSFACTS_DB", Path),
    "report": ("NEWSFACTS_REPORT", Path),
    "batch_size": ("NEWSFACTS_BATCH_SIZE", positive_int),
    "max_file_bytes": ("NEWSFACTS_MAX_FILE_BYTES", positive_int),
    "wait_s": ("NEWSFACTS_RUN_WAIT_S", seconds),
    "file_timeout_s": ("NEWSFACTS_FILE_TIMEOUT_S", positive_seconds),
    "workers": ("NEWSFACTS_WORKERS", positive_int),
    "task_runner": ("NEWSFACTS_TASK_RUNNER", runner_name),
    "dask_address": ("NEWSFACTS_DASK_ADDRESS", str),
    "catalog": ("NEWSFACTS_CATALOG", _ducklake),
    "data_path": ("NEWSFACTS_DATA_PATH", str),
}


def _setting(field: str, given: Any = None, default: Any = None) -> Any:
    """The value given (an argument), else its NEWSFACTS_* variable, checked; else the default.

    An empty variable counts as unset, as in most tools.
    """
    name, parse = VARIABLES[field]
    source, value = (field.replace("_", "-"), given) if given is not None else (name, os.environ.get(name, ""))
    if given is None and not value.strip():
        return default
    try:
        return parse(value)
    except ValueError as exc:
        raise SettingsError(f"{source}: {exc}") from None


def check_home() -> None:
    """Fail early and clearly when NEWSFACTS_HOME points where sql/ and expectations/ are not."""
    for folder in (SQL_DIR, EXPECTATIONS_DIR):
        if not folder.is_dir():
            raise SettingsError(f"NEWSFACTS_HOME: no {folder.name}/ folder in {PROJECT_ROOT}")


@dataclass(frozen=True, slots=True)
class Lake:
    """A DuckLake: a catalog database (a DuckDB file here, PostgreSQL for many machines) and its data files."""

    catalog: str  # as ATTACH takes it: "ducklake:meta.ducklake", "ducklake:postgres:dbname=news host=db1"
    data_path: str | None = None  # folder or object-store prefix of the Parquet files; needed on creation


def db_path(db: str | Path | None = None) -> Path:
    """The DuckDB file: --db, else NEWSFACTS_DB, else newsfacts.duckdb."""
    return _setting("db", db, Path("newsfacts.duckdb"))


def target(db: str | Path | None = None, catalog: str | None = None) -> Path | Lake:
    """What the read-only commands query: the DuckLake when a catalog is given, else the DuckDB file."""
    lake = _setting("catalog", catalog)
    return Lake(lake) if lake else db_path(db)


def report_path(db: Path, report: str | Path | None = None) -> Path:
    """The HTML report: --report/--out, else NEWSFACTS_REPORT, else reports/<db name>.html beside the database."""
    return _setting("report", report, db.parent / "reports" / f"{db.stem}.html")


@dataclass(frozen=True, slots=True)
class Settings:
    inbox: Path
    db: Path
    report: Path
    batch_size: int = BATCH_SIZE
    max_file_bytes: int = MAX_FILE_BYTES
    wait_s: float = RUN_WAIT_S
    file_timeout_s: float = DEFAULT_FILE_TIMEOUT_S  # per started MB of a file: to read and parse it; again to extract
    reprocess: bool = False
    workers: int = 1  # processes that parse and extract (local pool, or a local Dask cluster's workers)
    task_runner: str = "processes"  # one of TASK_RUNNERS
    dask_address: str | None = None  # an existing dask.distributed scheduler, instead of a local cluster
    lake: Lake | None = None  # load into this DuckLake instead of the DuckDB file `db`

    @property
    def writer(self) -> str | None:
        """On a lake, which machine and run lock this run is (host:database), among several writers."""
        return f"{socket.gethostname()}:{self.db.resolve()}" if self.lake else None

    @property
    def target(self) -> Path | Lake:
        """Where rows go: the DuckDB file, or the DuckLake when one is configured."""
        return self.lake or self.db

    @classmethod
    def load(
        cls,
        inbox: str | Path | None = None,
        db: str | Path | None = None,
        report: str | Path | None = None,
        batch_size: int | None = None,
        max_file_bytes: int | None = None,
        wait_s: float | None = None,
        file_timeout_s: float | None = None,
        reprocess: bool = False,
        workers: int | None = None,
        task_runner: str | None = None,
        dask_address: str | None = None,
        catalog: str | Path | None = None,
        data_path: str | Path | None = None,
    ) -> Settings:
        """Everything a run needs; raises SettingsError for a value that cannot be used."""
        catalog = _setting("catalog", catalog)
        data_path = _setting("data_path", data_path)
        if data_path and not catalog:
            raise SettingsError("a data path belongs to a DuckLake catalog: give --catalog too")
        dask_address = _setting("dask_address", dask_address)
        runner = _setting("task_runner", task_runner, "dask" if dask_address else "processes")
        if dask_address and runner != "dask":
            raise SettingsError("a Dask address needs the dask task runner")
        # With a lake, the DuckDB file name only anchors this machine's run lock and the report.
        database = db_path(db)
        return cls(
            inbox=_setting("inbox", inbox, Path("seeds")),
            db=database,
            report=report_path(database, report),
            batch_size=_setting("batch_size", batch_size, BATCH_SIZE),
            max_file_bytes=_setting("max_file_bytes", max_file_bytes, MAX_FILE_BYTES),
            wait_s=_setting("wait_s", wait_s, RUN_WAIT_S),
            file_timeout_s=_setting("file_timeout_s", file_timeout_s, DEFAULT_FILE_TIMEOUT_S),
            reprocess=reprocess,
            workers=_setting("workers", workers, os.cpu_count() or 1),
            task_runner=runner,
            dask_address=dask_address,
            lake=Lake(catalog, data_path) if catalog else None,
        )


def prefect_home(settings: Settings) -> Path:
    """Where Prefect keeps its state for runs on this warehouse: $PREFECT_HOME, else a folder
    beside the database, so a full home directory or another project never breaks a run."""
    if os.environ.get("PREFECT_HOME"):
        return Path(os.environ["PREFECT_HOME"])
    return settings.db.with_name(settings.db.name + ".prefect")
