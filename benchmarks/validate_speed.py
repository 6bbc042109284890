"""Rows per second validated: the run's engine (newsfacts.expectations) against Great Expectations (issue 18).

The fact tables of the corpus are read from a warehouse that `newsfacts run` made of it
(extracting them again would take minutes of spaCy for nothing this benchmark measures);
without --db, the script first runs `newsfacts run --inbox CORPUS` into a temporary
folder. The warehouse's articles and facts are cut into the run's batches (its files in
inbox order, 200 to a batch) and each batch is validated twice, in one process:

- GE: `quality.validate_with_ge`, the path every run took before this engine: a pandas frame
  per suite, GE's BASIC result for every expectation, COMPLETE for failed error-level ones.
- engine: `quality.validate`, the run's path now.

Both must give the same verdicts, rows and quarantine on every batch (checked here). GE's
import and context are timed apart (a once-per-process cost, about 5 s) and left out of
its rows/s; the ratio is of rows/s.

    python benchmarks/validate_speed.py --corpus ../shared/data/bbc [--db bbc.duckdb] [--batch-size 200]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _setup  # noqa: F401  (this checkout on sys.path, before newsfacts is imported)
import duckdb
import pyarrow as pa


def warehouse(corpus: Path, db: Path | None, work: Path) -> Path:
    if db is not None and db.exists():
        return db
    db = db or work / "validate_speed.duckdb"
    start = time.perf_counter()
    cmd = [sys.executable, "-m", "newsfacts.cli", "run", "--inbox", str(corpus), "--db", str(db)]
    subprocess.run([*cmd, "--report", str(work / "report.html")], check=True, stdout=subprocess.DEVNULL)
    print(f"made the warehouse with newsfacts run: {time.perf_counter() - start:.0f} s")
    return db


def batches(db: Path, size: int) -> list[dict[str, pa.Table]]:
    """The run's batches: the warehouse's files in inbox order, `size` to a batch, with the
    current rows of their articles in each table (duplicates and quarantined files load none)."""
    from newsfacts import records

    out = []
    with duckdb.connect(str(db), read_only=True) as con:
        files = [r[0] for r in con.execute("SELECT DISTINCT source_file FROM files ORDER BY source_file").fetchall()]
        for start in range(0, len(files), size):
            chunk = pa.table({"source_file": files[start : start + size]})
            con.register("chunk", chunk)
            ids = con.execute(
                "SELECT article_id FROM current_articles WHERE source_file IN (SELECT source_file FROM chunk)"
            ).to_arrow_table()
            con.register("ids", ids)
            tables = {}
            for name, schema in records.FACT_SCHEMAS.items():
                columns = ", ".join(f'"{c}"' for c in schema.names)
                got = con.execute(f"SELECT {columns} FROM {name} SEMI JOIN ids USING (article_id)").to_arrow_table()
                tables[name] = got.cast(schema)
            out.append(tables)
            con.unregister("ids")
            con.unregister("chunk")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True, help="folder of article files (e.g. ../shared/data/bbc)")
    ap.add_argument("--db", type=Path, help="a warehouse `newsfacts run` made of the corpus (made if missing)")
    ap.add_argument("--batch-size", type=int, default=200, help="files per batch, as the run (default 200)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as work:
        db = warehouse(args.corpus, args.db, Path(work))
        todo = batches(db, args.batch_size)
    rows = sum(t.num_rows for tables in todo for t in tables.values())
    print(
        f"{len(todo)} batches, {rows:,} rows ({', '.join(f'{n} {sum(b[n].num_rows for b in todo):,}' for n in todo[0])})"
    )

    from newsfacts import quality

    start = time.perf_counter()
    quality.suites()
    quality.parameters()
    engine_setup = time.perf_counter() - start
    start = time.perf_counter()
    import great_expectations  # noqa: F401

    quality._gx()
    ge_setup = time.perf_counter() - start

    took = {"ge": 0.0, "engine": 0.0}
    same = True
    for tables in todo:
        start = time.perf_counter()
        theirs = quality.validate_with_ge(tables, "bench")
        took["ge"] += time.perf_counter() - start
        start = time.perf_counter()
        ours = quality.validate(tables, "bench")
        took["engine"] += time.perf_counter() - start
        moment = ["checked_at", "unexpected_sample"]
        same &= ours.results.drop_columns(moment).equals(theirs.results.drop_columns(moment))
        same &= ours.rejected.drop_columns(["quarantined_at"]).equals(theirs.rejected.drop_columns(["quarantined_at"]))
        same &= all(ours.tables[n].equals(theirs.tables[n]) for n in tables)
    ge_rate, engine_rate = rows / took["ge"], rows / took["engine"]
    print(f"GE:     {took['ge']:7.2f} s  {ge_rate:>10,.0f} rows/s  (+ {ge_setup:.1f} s import and context)")
    print(f"engine: {took['engine']:7.2f} s  {engine_rate:>10,.0f} rows/s  (+ {engine_setup:.2f} s loading the suites)")
    print(f"same verdicts, rows and quarantine on every batch: {'yes' if same else 'NO'}")
    print(
        f"validate_speed batches={len(todo)} rows={rows} ge_rows_per_s={ge_rate:.0f} "
        f"engine_rows_per_s={engine_rate:.0f} ratio={engine_rate / ge_rate:.1f}"
    )
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
