"""What the sandbox of `newsfacts sql` costs (issue 16: reading the warehouse stays as fast).

Opens the warehouse read-only ROUNDS times with the sandbox's lock and ROUNDS times without,
alternating, and prints the lock's own time and the query's median and best time each way.

    python benchmarks/sql_sandbox.py --db big.duckdb [--rounds 8] [--query "SELECT ..."]
    python benchmarks/sql_sandbox.py --catalog big.ducklake
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import _setup  # noqa: F401  (this checkout on sys.path)

from newsfacts import sandbox, store
from newsfacts.settings import Lake

QUERY = "SELECT count(*), sum(length(body)), count(DISTINCT outlet), count(DISTINCT title || body) FROM articles"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--db", type=Path, help="a warehouse's DuckDB file")
    where.add_argument("--catalog", help="a DuckLake catalog")
    ap.add_argument("--rounds", type=int, default=8)
    ap.add_argument("--query", default=QUERY)
    args = ap.parse_args()
    target: Path | Lake = args.db or Lake(f"ducklake:{args.catalog}")
    query_s: dict[bool, list[float]] = {True: [], False: []}
    lock_s = []
    for n in range(args.rounds):
        for locked in (True, False) if n % 2 else (False, True):
            with store.connect(target, read_only=True) as con:
                start = time.perf_counter()
                if locked:
                    sandbox.lock(con)
                    lock_s.append(time.perf_counter() - start)
                start = time.perf_counter()
                con.execute(args.query).fetchall()
                query_s[locked].append(time.perf_counter() - start)
    print(f"target: {target}")
    print(f"lock: median {statistics.median(lock_s) * 1000:.1f} ms, first {lock_s[0] * 1000:.1f} ms")
    for locked, times in query_s.items():
        name = "sandboxed" if locked else "plain    "
        print(f"query {name}: median {statistics.median(times):.3f} s, best {min(times):.3f} s over {len(times)}")


if __name__ == "__main__":
    main()
