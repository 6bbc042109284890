"""One settings object, read once (arguments, then NEWSFACTS_* variables), passed down."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(os.environ.get("NEWSFACTS_HOME", Path(__file__).resolve().parents[2]))
SQL_DIR = PROJECT_ROOT / "sql"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"


@dataclass(frozen=True, slots=True)
class Settings:
    inbox: Path
    db: Path
    report: Path
    batch_size: int = 200
    max_file_bytes: int = 10 * 1024 * 1024
    wait_s: float = 300.0  # how long a run waits for another run on the same database
    reprocess: bool = False

    @classmethod
    def load(
        cls,
        inbox: str | Path | None = None,
        db: str | Path | None = None,
        report: str | Path | None = None,
        batch_size: int | None = None,
        max_file_bytes: int | None = None,
        wait_s: float | None = None,
        reprocess: bool = False,
    ) -> Settings:
        env = os.environ
        db_path = Path(db or env.get("NEWSFACTS_DB", "newsfacts.duckdb"))
        return cls(
            inbox=Path(inbox or env.get("NEWSFACTS_INBOX", "seeds")),
            db=db_path,
            report=Path(report or env.get("NEWSFACTS_REPORT", db_path.parent / "reports" / f"{db_path.stem}.html")),
            batch_size=batch_size or int(env.get("NEWSFACTS_BATCH_SIZE", 200)),
            max_file_bytes=max_file_bytes or int(env.get("NEWSFACTS_MAX_FILE_BYTES", 10 * 1024 * 1024)),
            wait_s=wait_s if wait_s is not None else float(env.get("NEWSFACTS_RUN_WAIT_S", 300)),
            reprocess=reprocess,
        )
