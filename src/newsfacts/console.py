"""What `newsfacts run` shows a person: live progress while it runs, a summary at the end.

Progress goes to stderr, so stdout carries only the summary: on a terminal a live bar
(files done of total, files per second, time left); in a log (cron, CI, a pipe) one
line per batch, which a person tailing the log can read; nothing with --quiet.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from newsfacts.ingest import Progress, RunSummary


@contextmanager
def progress_display(quiet: bool, stream: TextIO = sys.stderr) -> Iterator[Callable[[Progress], None] | None]:
    """A callback for `ingest.run`'s progress, shown as suits `stream`; None when quiet."""
    if quiet:
        yield None
    elif stream.isatty():
        with _bar(stream) as show:
            yield show
    else:
        yield lambda p: _line(p, stream)


def _line(p: Progress, stream: TextIO) -> None:
    if p.files_total == 0 or p.files_done == 0:
        if p.files_total:
            print(f"newsfacts: {p.files_total:,} files to read", file=stream, flush=True)
        return
    left = (p.files_total - p.files_done) / p.rate if p.rate else 0.0
    print(
        f"newsfacts: {p.files_done:,}/{p.files_total:,} files, {p.articles_loaded:,} articles loaded, "
        f"{_rate(p.rate)}, {_duration(left)} left",
        file=stream,
        flush=True,
    )


@contextmanager
def _bar(stream: TextIO) -> Iterator[Callable[[Progress], None]]:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
    from rich.progress import Progress as Bar

    bar = Bar(
        TextColumn("[bold]reading files"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=Console(file=stream),
        transient=True,
    )
    task = bar.add_task("files", total=None, rate="")

    def show(p: Progress) -> None:
        bar.update(task, total=p.files_total or None, completed=p.files_done, rate=_rate(p.rate))

    with bar:
        yield show


def _rate(files_per_s: float) -> str:
    """A rate a reader can use: a slow batch of long files shows seconds a file, not "0.0 files/s"."""
    if 0 < files_per_s < 0.5:
        return f"{1 / files_per_s:.0f} s a file"
    return f"{files_per_s:.1f} files/s"


def _duration(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes}m{secs:02d}s" if minutes else f"{secs}s"


# Counts the summary gives a line of their own, not "in the database".
NOT_TABLES = ("quarantine", "quarantined_files", "older_pipeline")


def summary_lines(s: RunSummary, database: str, reprocess: bool) -> list[str]:
    """The summary a run prints: what it saw, what it loaded, what the warehouse holds now."""
    lines = [
        f"run {s.run_id}",
        f"  files: {s.files_seen} seen, {s.files_new} new, {s.files_unchanged} unchanged, "
        f"{s.files_duplicate} duplicate, {s.files_renamed} renamed, {s.files_deleted} deleted, "
        f"{s.files_quarantined} quarantined",
    ]
    validated = s.expectations_passed + s.expectations_failed
    if s.files_new or s.files_quarantined or s.articles_reprocessed:
        items = f"; {s.items_quarantined} feed items quarantined" if s.items_quarantined else ""
        lines.append(
            f"  loaded: {s.articles_loaded} articles; {s.rows_quarantined} rows quarantined by validation{items}"
        )
    else:
        lines.append("  nothing new: nothing loaded")
    if reprocess:
        lines.append(f"  reprocessed: {s.articles_reprocessed} articles from older pipeline versions")
    elif s.older_pipeline:
        lines.append(
            f"  built by an older pipeline: {s.older_pipeline} article{'s' if s.older_pipeline != 1 else ''} "
            "(`newsfacts run --reprocess` rebuilds them)"
        )
    facts = ", ".join(f"{k} {v}" for k, v in s.facts.items() if k not in NOT_TABLES)
    lines.append(f"  in the database: {facts}")
    lines.append(quarantine_line(s.still_quarantined))
    if validated:
        lines.append(f"  expectations: {s.expectations_passed} passed, {s.expectations_failed} failed")
    else:
        lines.append("  expectations: no rows to validate")
    lines += [f"  database: {database}", f"  report: {s.report}"]
    return lines


def quarantine_line(files: int) -> str:
    """Quarantine as a state: how many files are held now, whichever run put them there."""
    if not files:
        return "  in quarantine now: no file"
    return f"  in quarantine now: {files} file{'s' if files != 1 else ''} (newsfacts status lists them)"
