"""Seconds a run takes after one item is appended to a large JSON feed (issue 20: only the new
item is extracted, and person_mentions does not double).

Builds DIR/inbox/feed.json from the first N BBC texts (title = first line, body = the rest,
id = topic/file), loads it with `newsfacts run`, appends text N+1 to the feed (the file is
rewritten, as an export tool does), and times the second `newsfacts run`. Both runs are
subprocesses of this checkout (src/ and sql/ beside this script), so the same script run from
an older checkout measures that one.

    python benchmarks/feed_append.py --data ../shared/data/bbc --dir /tmp/feed [--items 1000]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import _setup  # noqa: F401  (this checkout on sys.path, before newsfacts is imported)
import duckdb

from newsfacts.sources import decode

ROOT = Path(__file__).resolve().parents[1]


def bbc_items(data: Path, n: int) -> list[dict[str, str]]:
    items = []
    for path in sorted(data.glob("*/*.txt"))[:n]:
        title, _, body = decode(path.read_bytes()).partition("\n")
        items.append({"id": f"{path.parent.name}/{path.stem}", "title": title.strip(), "body": body.strip()})
    if len(items) < n:
        raise SystemExit(f"{data} holds {len(items)} texts, fewer than {n}")
    return items


def newsfacts_run(inbox: Path, db: Path) -> float:
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}", "NEWSFACTS_HOME": str(ROOT)}
    cmd = [sys.executable, "-m", "newsfacts.cli", "run", "--inbox", str(inbox), "--db", str(db), "--quiet"]
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env, cwd=db.parent)
    return time.perf_counter() - start


def counts(db: Path) -> tuple[int, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        mentions = con.execute("SELECT count(*) FROM person_mentions").fetchone()[0]
    return articles, mentions


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "bbc", help="the BBC folder")
    ap.add_argument("--dir", type=Path, required=True, help="work folder (emptied): inbox/ and the database")
    ap.add_argument("--items", type=int, default=1000, help="items in the feed before the append")
    args = ap.parse_args()
    items = bbc_items(args.data, args.items + 1)
    shutil.rmtree(args.dir, ignore_errors=True)
    inbox = args.dir / "inbox"
    inbox.mkdir(parents=True)
    db = args.dir / "feed.duckdb"
    feed = inbox / "feed.json"

    feed.write_text(json.dumps(items[:-1], ensure_ascii=False, indent=1))
    first = newsfacts_run(inbox, db)
    articles_before, mentions_before = counts(db)
    print(f"first run ({args.items} items): {first:.1f} s; articles {articles_before}, person_mentions {mentions_before}")

    feed.write_text(json.dumps(items, ensure_ascii=False, indent=1))
    append = newsfacts_run(inbox, db)
    articles_after, mentions_after = counts(db)
    print(f"after appending one item: {append:.1f} s; articles {articles_after}, person_mentions {mentions_after}")
    print(
        f"feed_append items={args.items} first_s={first:.1f} append_s={append:.1f} "
        f"articles_rows={articles_before}->{articles_after} person_mentions={mentions_before}->{mentions_after}"
    )


if __name__ == "__main__":
    main()
