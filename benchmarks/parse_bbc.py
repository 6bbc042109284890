"""Parsing generality on the BBC corpus: titles, bodies, and no invented dates.

Each BBC file is a headline on line 1, then the body; no byline, no date. So the
parsed title must equal line 1, the parsed body must hold the same words as the
rest, and `published_date` must stay empty.

Any folder of .txt files in that layout works the same way, e.g. the PolNeAR texts
(../shared/data/quotes/polnear/dev/text), which have no dates either.

    python benchmarks/parse_bbc.py [--data ../shared/data/bbc] [--show N]
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from pathlib import Path

from newsfacts.parse import parse_document
from newsfacts.sources import decode

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "bbc"


def tokens(text: str) -> Counter[str]:
    """The bag of lower-cased word tokens the F1 is computed on."""
    return Counter(re.findall(r"\w+", text.lower()))


def f1(gold: str, got: str) -> float:
    g, p = tokens(gold), tokens(got)
    overlap = sum((g & p).values())
    if not g and not p:
        return 1.0
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--show", type=int, default=0, help="print the N worst files")
    args = ap.parse_args()

    files = sorted(args.data.rglob("*.txt"))
    rows = []
    started = time.perf_counter()
    for path in files:
        text = decode(path.read_bytes())
        title, _, body = text.partition("\n")
        [article] = parse_document(path.name, text)
        rows.append(
            (
                path.relative_to(args.data).as_posix(),
                (article.title or "").strip() == title.strip(),
                f1(body, article.body),
                article.published_date is not None,
                article,
            )
        )
    elapsed = time.perf_counter() - started

    n = len(rows)
    title_acc = sum(r[1] for r in rows) / n
    body_f1 = sum(r[2] for r in rows) / n
    invented = sum(r[3] for r in rows)
    for name, ok, score, _, article in sorted(rows, key=lambda r: (r[1], r[2]))[: args.show]:
        print(f"{name}: title_ok={ok} f1={score:.3f} title={article.title!r}")
        print("   removed:", [(r.kind, r.text[:60]) for r in article.removed])
    for name, _, _, dated, article in rows:
        if dated:
            print(f"{name}: invented date {article.published_date} from {article.published_text!r}")
    print(
        f"{args.data.name} files={n} title_accuracy={title_acc:.4f} body_f1={body_f1:.4f} "
        f"invented_dates={invented} articles_per_s={n / elapsed:.0f}"
    )


if __name__ == "__main__":
    main()
