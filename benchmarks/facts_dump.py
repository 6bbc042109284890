"""Every fact extracted from a folder of texts, as JSON lines: run before and after a change, then diff.

Each .txt file under each --data folder goes through the product's path (parse_document, then
extract_facts, as pipeline.process_batch does); with --raw the whole file is the body instead
(as quotes_polnear.py reads PolNeAR), dated from a metadata.tsv beside its folder when there is
one. One line per article: the file, then every fact of every kind, in extraction order.

    python benchmarks/facts_dump.py --data ../shared/data/bbc/politics > before.jsonl
    ...change...
    python benchmarks/facts_dump.py --data ../shared/data/bbc/politics > after.jsonl
    diff before.jsonl after.jsonl
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import sys
from datetime import date
from pathlib import Path

import _setup  # noqa: F401  (this checkout on sys.path)

from newsfacts.extract import extract_facts
from newsfacts.parse import parse_document
from newsfacts.records import Article


def dates_beside(folder: Path) -> dict[str, date]:
    """Publication dates from a PolNeAR-style metadata.tsv in the folder's parent, by file stem."""
    meta = folder.parent / "metadata.tsv"
    if not meta.exists():
        return {}
    with meta.open(encoding="utf-8") as fh:
        return {row["filename"]: date.fromisoformat(row["publication_date"]) for row in csv.DictReader(fh, delimiter="\t")}


def articles_of(folder: Path, raw: bool) -> list[tuple[str, Article]]:
    dated = dates_beside(folder) if raw else {}
    out = []
    for path in sorted(folder.rglob("*.txt")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        name = str(path.relative_to(folder))
        if raw:
            out.append((name, Article(title=None, body=text, published_date=dated.get(path.stem))))
        else:
            out += [(f"{name}#{k}", a) for k, a in enumerate(parse_document(name, text))]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, action="append", required=True, help="folder of .txt files (repeatable)")
    ap.add_argument("--raw", action="store_true", help="the whole file is the body (no parsing)")
    args = ap.parse_args()
    for folder in args.data:
        named = articles_of(folder, args.raw)
        facts = extract_facts([a for _, a in named])
        for (name, _), f in zip(named, facts, strict=True):
            row = {"file": f"{folder.name}/{name}", **dataclasses.asdict(f)}
            sys.stdout.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
