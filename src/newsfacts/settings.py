"""One settings object, read once (arguments, then NEWSFACTS_* variables), passed down."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(os.environ.get("NEWSFACTS_HOME", Path(__file__).resolve().parents[2]))
SQL_DIR = PROJECT_ROOT / "sql"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"

# The per-file time budget: generous (a 9 MB transcript is extracted well within it on a slow
# laptop), yet a pathological input costs one run this long once, then sits in quarantine.
DEFAULT_FILE_TIMEOUT_S = 300.0

# Where batches are parsed and extracted: a pool of local processes, or a Dask cluster.
TASK_RUNNERS = ("processes", "dask")


@dataclass(frozen=True, slots=True)
class Lake:
    """A DuckLake: a catalog database (a DuckDB file here, PostgreSQL for many machines) and its data files."""

    catalog: str  # as ATTACH takes it: "ducklake:meta.ducklake", "ducklake:postgres:dbname=news host=db1"
    data_path: str | None = None  # folder or object-store prefix of the Parquet files; needed on creation


@dataclass(frozen=True, slots=True)
class Settings:
    inbox: Path
    db: Path
    report: Path
    batch_size: int = 200
    max_file_bytes: int = 10 * 1024 * 1024
    wait_s: float = 300.0  # how long a run waits for another run on the same database
    file_timeout_s: float = DEFAULT_FILE_TIMEOUT_S  # per-file time budget for reading, parsing and extracting
    reprocess: bool = False
    workers: int = 1  # processes that parse and extract (local pool, or a local Dask cluster's workers)
    task_runner: str = "processes"  # one of TASK_RUNNERS
    dask_address: str | None = None  # an existing dask.distributed scheduler, instead of a local cluster
    lake: Lake | None = None  # load into this DuckLake instead of the DuckDB file `db`

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
        env = os.environ
        catalog = catalog or env.get("NEWSFACTS_CATALOG")
        data_path = data_path or env.get("NEWSFACTS_DATA_PATH")
        if data_path and not catalog:
            raise ValueError("a data path belongs to a DuckLake catalog: give --catalog too")
        dask_address = dask_address or env.get("NEWSFACTS_DASK_ADDRESS")
        runner = task_runner or env.get("NEWSFACTS_TASK_RUNNER") or ("dask" if dask_address else "processes")
        if runner not in TASK_RUNNERS:
            raise ValueError(f"task runner {runner!r}: expected one of {', '.join(TASK_RUNNERS)}")
        if dask_address and runner != "dask":
            raise ValueError("a Dask address needs the dask task runner")
        lake = Lake(_ducklake(str(catalog)), str(data_path) if data_path else None) if catalog else None
        # With a lake, the DuckDB file name only anchors this machine's run lock and the report.
        db_path = Path(db or env.get("NEWSFACTS_DB", "newsfacts.duckdb"))
        return cls(
            inbox=Path(inbox or env.get("NEWSFACTS_INBOX", "seeds")),
            db=db_path,
            report=Path(report or env.get("NEWSFACTS_REPORT", db_path.parent / "reports" / f"{db_path.stem}.html")),
            batch_size=batch_size or int(env.get("NEWSFACTS_BATCH_SIZE", 200)),
            max_file_bytes=max_file_bytes or int(env.get("NEWSFACTS_MAX_FILE_BYTES", 10 * 1024 * 1024)),
            wait_s=wait_s if wait_s is not None else float(env.get("NEWSFACTS_RUN_WAIT_S", 300)),
            file_timeout_s=file_timeout_s or float(env.get("NEWSFACTS_FILE_TIMEOUT_S", DEFAULT_FILE_TIMEOUT_S)),
            reprocess=reprocess,
            workers=workers if workers is not None else int(env.get("NEWSFACTS_WORKERS") or os.cpu_count() or 1),
            task_runner=runner,
            dask_address=dask_address,
            lake=lake,
        )


def prefect_home(settings: Settings) -> Path:
    """Where Prefect keeps its state for runs on this warehouse: $PREFECT_HOME, else a folder
    beside the database, so a full home directory or another project never breaks a run."""
    if os.environ.get("PREFECT_HOME"):
        return Path(os.environ["PREFECT_HOME"])
    return settings.db.with_name(settings.db.name + ".prefect")


def _ducklake(catalog: str) -> str:
    """ATTACH's spelling of a catalog: a bare path or a postgres: string gets the ducklake: prefix."""
    return catalog if catalog.startswith("ducklake:") else f"ducklake:{catalog}"
