"""Several writers into one PostgreSQL-catalogued DuckLake (issue 17): 1, 2 and 3 at once.

The corpus (copied K times, each copy marked, as benchmarks/throughput.py does) is dealt
into one inbox per writer; each writer is a separate `newsfacts`-flow process with its own
working folder and Prefect home, loading into the same lake (a PostgreSQL server started
here on 127.0.0.1, data files in a local folder). Printed per configuration: wall time,
articles/s over all writers, each writer's peak memory (process and children) and where its
time went (extract, validate, load = the serialised catalog commits, across = the story refresh).

    python benchmarks/scale_writers.py --corpus ../shared/data/bbc [--limit N] [--copies K] [--writers 1,2,3]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _setup  # noqa: F401  (first: paths and Prefect's settings)
import psutil
from throughput import copy_files, corpus_files

from tests import servers


def writer(inbox: str, catalog: str, data: str, db: str) -> None:
    """One writer (run in its own process): the flow into the lake; its numbers as JSON on stdout."""
    from prefect import flow

    from flows.ingest import flow_for
    from newsfacts.settings import Settings

    start = time.perf_counter()
    flow(name="warm-up")(lambda: None)()  # the local Prefect API starts here, outside the run's timing
    startup = time.perf_counter() - start
    settings = Settings.load(inbox=inbox, db=db, catalog=catalog, data_path=data, workers=1, batch_size=100)
    start = time.perf_counter()
    summary = flow_for(settings)(settings)
    seconds = {k: round(v, 2) for k, v in summary.seconds.items()}
    out = {
        "articles": summary.articles_loaded,
        "startup": round(startup, 2),
        "seconds": round(time.perf_counter() - start, 2),
        "stages": seconds,
    }
    print("RESULT " + json.dumps(out), flush=True)


def peak_rss(proc: psutil.Process) -> int:
    try:
        return sum(p.memory_info().rss for p in [proc, *proc.children(recursive=True)])
    except psutil.Error:
        return 0


def configuration(n: int, files: list[Path], root: Path, copies: int, pg: servers.Postgres, work: Path) -> None:
    catalog = pg.database()
    data = work / f"lake{n}_files"
    procs, peaks = [], []
    start = time.perf_counter()
    for w in range(n):
        home = work / f"w{n}-{w}"
        inbox = home / "inbox"
        copy_files(files[w::n], root, inbox, copies)
        env = {**os.environ, "PREFECT_HOME": str(home / "prefect")}
        argv = [sys.executable, __file__, "--as-writer", str(inbox), catalog, f"{data}/", str(home / "w.duckdb")]
        procs.append(subprocess.Popen(argv, cwd=home, env=env, stdout=subprocess.PIPE, text=True))
        peaks.append(0)
    watched = [psutil.Process(p.pid) for p in procs]
    while any(p.poll() is None for p in procs):
        peaks = [max(peak, peak_rss(w)) for peak, w in zip(peaks, watched, strict=True)]
        time.sleep(0.2)
    wall = time.perf_counter() - start
    results = []
    for p in procs:
        out = p.stdout.read()
        line = next((x for x in out.splitlines() if x.startswith("RESULT ")), None)
        if p.returncode or line is None:
            raise SystemExit(f"a writer failed (exit {p.returncode}):\n{out}")
        results.append(json.loads(line.removeprefix("RESULT ")))
    from newsfacts import store
    from newsfacts.settings import Lake

    with store.connect(Lake(f"ducklake:{catalog}"), read_only=True) as con:
        # What the lake holds, not what the runs counted: a run counts bytes another writer loaded
        # first (found only at its commit) as its own.
        total, distinct = con.execute("SELECT count(*), count(DISTINCT content_sha256) FROM articles").fetchone()
    assert total == distinct, f"{total} articles for {distinct} contents"
    busy = max(r["seconds"] for r in results)  # the writers' runs overlap: the longest bounds them
    print(
        f"{n} writer{'s' if n > 1 else ''}: {total} articles in {busy:.1f} s of runs = {total / busy:.2f} articles/s "
        f"({wall:.1f} s wall with Prefect start-up)"
    )
    for r, peak in zip(results, peaks, strict=True):
        stages = ", ".join(f"{k} {v:.1f}" for k, v in r["stages"].items() if v >= 0.05)
        print(
            f"    writer: {r['articles']} articles, run {r['seconds']:.1f} s (+{r['startup']:.1f} s start-up), "
            f"peak {peak / 2**20:.0f} MB | {stages}"
        )


def main() -> None:
    if len(sys.argv) == 6 and sys.argv[1] == "--as-writer":
        writer(*sys.argv[2:])
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--limit", type=int, default=0, help="only the first N files of the corpus")
    ap.add_argument("--copies", type=int, default=1, help="repeat the corpus K times, each copy marked")
    ap.add_argument("--writers", default="1,2,3", help="writer counts to run, comma-separated (default 1,2,3)")
    args = ap.parse_args()
    files = corpus_files(args.corpus)
    files = files[: args.limit] if args.limit else files
    print(f"corpus: {len(files)} files x {args.copies} from {args.corpus}; cores: {os.cpu_count()}")
    with tempfile.TemporaryDirectory(prefix="scale-writers-") as tmp, servers.postgres() as pg:
        for n in (int(x) for x in args.writers.split(",")):
            configuration(n, files, args.corpus, args.copies, pg, Path(tmp))


if __name__ == "__main__":
    main()
