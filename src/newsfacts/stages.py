"""The steps of a run that touch the warehouse, each a plain function of the settings.

`newsfacts.ingest.run` calls them through a `Stages` record: as they are (with a short
retry of transient errors) from the command line and the tests, or wrapped as Prefect
tasks by flows/ingest.py, which then owns the retries. Each opens the database only for
as long as it needs it, so readers (`newsfacts sql`, the report) get in between.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsfacts import PIPELINE_VERSION, across, report, store
from newsfacts.records import ExpectationTotals, Known
from newsfacts.settings import Settings

# How long the record of a cancelled run may wait for the database: a stop must be quick, and
# a run left 'running' is marked interrupted by the next one anyway.
CANCEL_WAIT_S = 2.0


def open_run(settings: Settings, run_id: str) -> Known:
    with store.connect(settings.target) as con:
        store.ensure_schema(con)
        known = store.read_known(con, settings.writer)
        # Last, so that a retry never follows a recorded start (it would insert the run twice).
        store.start_run(con, run_id, str(settings.inbox), PIPELINE_VERSION, settings.writer)
        return known


def record_total(settings: Settings, run_id: str, files_total: int) -> None:
    """How many files this run will read, so `status` can show a run's progress."""
    with store.connect(settings.target) as con:
        store.set_run_total(con, run_id, files_total)


def load(
    settings: Settings, run_id: str, resolved: Any, validated: Any, replaces: list[str] | None = None
) -> tuple[int, int]:
    """Load a batch; (new files, articles) of it that another writer of the lake had loaded first."""
    with store.connect(settings.target) as con:
        return store.load_batch(
            con,
            run_id,
            validated.tables,
            resolved.files,
            [resolved.quarantine, validated.rejected],
            validated.results,
            resolved.touched,
            replaces or (),
            resolved.items,
        )


def find_stale(settings: Settings) -> list[dict]:
    with store.connect(settings.target, read_only=True) as con:
        return store.stale_articles(con, PIPELINE_VERSION)


def record_deleted(settings: Settings, gone: list[str]) -> None:
    with store.connect(settings.target) as con:
        store.mark_deleted(con, gone, settings.writer)


def across_articles(settings: Settings, run_id: str, changed: bool) -> dict[str, int]:
    """Recompute stories, flags and the search index, unless the warehouse is as the last run left it."""
    with store.connect(settings.target) as con:
        if changed or store.unclustered(con):
            across.refresh(con, run_id)
        return store.table_counts(con, PIPELINE_VERSION)


def finish(settings: Settings, run_id: str, status: str, files_seen: int, error: str | None) -> None:
    with store.connect(settings.target) as con:
        store.finish_run(con, run_id, status, files_seen, error)


def record_cancelled(settings: Settings, run_id: str, files_seen: int, reason: str) -> bool:
    """Mark the run cancelled if the database can be had at once; False if not (the next run
    then marks it interrupted). Never raises: it runs while the process is stopping."""
    try:
        with store.connect(settings.target, timeout_s=CANCEL_WAIT_S) as con:
            store.finish_run(con, run_id, "cancelled", files_seen, reason)
        return True
    except Exception:  # stopping must not fail on the way out
        return False


def expectation_totals(settings: Settings, run_id: str) -> ExpectationTotals:
    """The run's expectations, each counted once however many batches it validated."""
    with store.connect(settings.target, read_only=True) as con:
        return store.expectation_totals(con, run_id)


def write_report(settings: Settings) -> Path:
    """The report of this run, linking GE's Data Docs when `newsfacts report --data-docs` built them
    (a run never builds them: it must not import Great Expectations)."""
    settings.report.parent.mkdir(parents=True, exist_ok=True)
    docs = settings.report.parent / "data_docs" / "index.html"
    with store.connect(settings.target, read_only=True) as con:
        return report.write_report(con, settings.report, docs if docs.exists() else None)
