"""Seconds a run takes when nothing in a large inbox changed (issue 8: under 3 s on 20,000 files).

Fills DIR/inbox with N short distinct articles (unless it already holds files),
loads them with `newsfacts run` in a subprocess, then, in this process, starts
Prefect (start-up, printed apart) and times the ingest flow over the unchanged
inbox: listing, the size+mtime comparison against the `files` table, the empty
validation, bookkeeping and the report. Twice: the first rerun imports Great
Expectations and builds its context (a once-per-process cost, like Prefect's
start), the second is what a long-lived process (`newsfacts serve`) pays.

    python benchmarks/noop_rerun.py --dir /tmp/noop [--files 20000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import _setup  # noqa: F401  (this checkout on sys.path, Prefect quiet: before either is imported)

TOWNS = ("Leeds", "Lyon", "Porto", "Graz", "Cork", "Turku", "Brno", "Bari")


def fill(inbox: Path, n: int) -> None:
    """`n` short articles, each different, in folders of 1,000."""
    for k in range(n):
        path = inbox / f"{k // 1000:03d}" / f"article-{k:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        town = TOWNS[k % len(TOWNS)]
        path.write_text(
            f"Council backs plan {k} for {town}\n\n"
            f"The council in {town} approved plan number {k} on Monday, spending {k % 97 + 3} million euros.\n"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, required=True, help="work folder: inbox/ and the database go here")
    ap.add_argument("--files", type=int, default=20_000, help="articles to create when inbox/ is empty")
    ap.add_argument("--batch-size", type=int, default=1000, help="files per batch of the first, loading run")
    args = ap.parse_args()
    inbox, db = args.dir / "inbox", args.dir / "noop.duckdb"
    if not inbox.is_dir() or not any(inbox.iterdir()):
        fill(inbox, args.files)
    if not db.exists():
        start = time.perf_counter()
        cmd = [sys.executable, "-m", "newsfacts.cli", "run", "--inbox", str(inbox), "--db", str(db)]
        subprocess.run([*cmd, "--batch-size", str(args.batch_size)], check=True, stdout=subprocess.DEVNULL)
        print(f"first run (loading): {time.perf_counter() - start:.1f} s")

    start = time.perf_counter()
    from prefect import flow

    from flows.ingest import ingest
    from newsfacts.settings import Settings

    flow(name="warm-up")(lambda: None)()
    print(f"start-up (imports, local Prefect API): {time.perf_counter() - start:.1f} s")
    settings = Settings.load(inbox=inbox, db=db)
    took = {}
    for name in ("cold", "warm"):
        start = time.perf_counter()
        summary = ingest(settings)
        took[name] = time.perf_counter() - start
        assert summary.files_new == 0 and summary.articles_loaded == 0, "the inbox changed between the runs"
        print(f"rerun ({name}): {took[name]:.2f} s")
        for stage, seconds in summary.seconds.items():
            print(f"    {stage:<40} {seconds:8.2f} s")
    print(
        f"noop_rerun files={summary.files_seen} unchanged={summary.files_unchanged} "
        f"seconds_cold={took['cold']:.2f} seconds_warm={took['warm']:.2f}"
    )


if __name__ == "__main__":
    main()
