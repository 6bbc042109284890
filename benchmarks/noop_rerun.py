"""Seconds a whole `newsfacts run` process takes: the five seeds end to end, and a run with nothing new.

Every figure is a new process, as a cron line or `make run` pays it (imports, the database
opened, the report written), the median of --repeat runs (issue 18: nothing new <= 2 s,
the five seeds <= 6 s):

1. seeds: the repo's five seeds into a new database (parse, extract, validate, load, report);
2. seeds nothing new: the same inbox again;
3. large nothing new: DIR/inbox filled with --files short distinct articles (unless it already
   holds files), loaded once, then run again unchanged: listing and the size+mtime comparison
   against the `files` table grow with the inbox, nothing else does.

    python benchmarks/noop_rerun.py --dir /tmp/noop [--files 20000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from _setup import ROOT

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


def run(inbox: Path, db: Path, *extra: str) -> float:
    """Wall seconds of one `newsfacts run` process."""
    cmd = [sys.executable, "-m", "newsfacts.cli", "run", "--inbox", str(inbox), "--db", str(db), "--quiet", *extra]
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def median_of(repeat: int, once: Callable[[], float]) -> float:
    return statistics.median(once() for _ in range(repeat))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, required=True, help="work folder: inboxes and databases go here")
    ap.add_argument("--files", type=int, default=20_000, help="articles of the large inbox (created when empty)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per figure; the median is printed")
    args = ap.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)

    seeds, seeds_db = args.dir / "seeds", args.dir / "seeds.duckdb"
    shutil.rmtree(seeds, ignore_errors=True)
    shutil.copytree(ROOT / "seeds", seeds)

    def seeds_end_to_end() -> float:
        for stale in args.dir.glob("seeds.duckdb*"):
            stale.unlink()
        return run(seeds, seeds_db)

    e2e = median_of(args.repeat, seeds_end_to_end)
    print(f"seeds, new database: {e2e:.2f} s")
    seeds_noop = median_of(args.repeat, lambda: run(seeds, seeds_db))
    print(f"seeds, nothing new: {seeds_noop:.2f} s")

    inbox, db = args.dir / "inbox", args.dir / "noop.duckdb"
    if not inbox.is_dir() or not any(inbox.iterdir()):
        fill(inbox, args.files)
    files = sum(1 for p in inbox.rglob("*") if p.is_file())
    if not db.exists():
        print(f"large inbox, loading {files} files: {run(inbox, db, '--batch-size', '1000'):.1f} s")
    large_noop = median_of(args.repeat, lambda: run(inbox, db))
    print(f"large inbox ({files} files), nothing new: {large_noop:.2f} s")
    print(
        f"noop_rerun seeds_s={e2e:.2f} seeds_noop_s={seeds_noop:.2f} files={files} "
        f"large_noop_s={large_noop:.2f} repeat={args.repeat}"
    )


if __name__ == "__main__":
    main()
