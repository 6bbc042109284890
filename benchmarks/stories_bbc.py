"""Story clustering on a folder of plain-text articles: cluster sizes, the largest clusters, speed.

Each .txt file is a headline on line 1, then the body (the BBC layout). Byte-identical
files count once, as the pipeline loads them. Quotes come from a crude stand-in (text
between double quote marks, paragraph by paragraph) so the quote rule is exercised
without running spaCy; the pipeline uses the extracted quotes instead.
`--copies N` repeats the corpus N times with each copy's paragraphs rotated, to time
the clustering at scale (every copy of an article is a near-duplicate of the others).

    python benchmarks/stories_bbc.py --data ../shared/data/bbc/politics [--show 10] [--copies 10]
"""

from __future__ import annotations

import argparse
import hashlib
import re
import time
from collections import Counter, defaultdict
from pathlib import Path

from newsfacts.stories import StoryInput, cluster

QUOTED = re.compile(r'"([^"]+)"|"([^"]+)$')


def crude_quotes(body: str) -> tuple[str, ...]:
    return tuple(a or b for para in body.split("\n\n") for a, b in QUOTED.findall(para.strip()))


def load(folder: Path) -> tuple[list[StoryInput], dict[str, str]]:
    docs, titles, seen = [], {}, set()
    for path in sorted(folder.rglob("*.txt")):
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        if sha in seen:
            continue
        seen.add(sha)
        title, _, body = data.decode("utf-8", "replace").partition("\n")
        rel = str(path.relative_to(folder))
        docs.append(StoryInput(rel, body.strip(), crude_quotes(body)))
        titles[rel] = title.strip()
    return docs, titles


def rotated_copies(docs: list[StoryInput], copies: int) -> list[StoryInput]:
    out = list(docs)
    for c in range(1, copies):
        for d in docs:
            paras = d.body.split("\n\n")
            k = c % len(paras)
            out.append(StoryInput(f"{d.article_id}#{c}", "\n\n".join(paras[k:] + paras[:k]), d.quotes))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="folder of .txt articles")
    ap.add_argument("--show", type=int, default=10, help="largest clusters to print with their titles")
    ap.add_argument("--copies", type=int, default=1, help="repeat the corpus this many times (speed test)")
    args = ap.parse_args()
    docs, titles = load(args.data)
    docs = rotated_copies(docs, args.copies)
    t0 = time.perf_counter()
    assigned = cluster(docs)
    elapsed = time.perf_counter() - t0
    members: dict[str, list[str]] = defaultdict(list)
    for aid, cid in assigned.items():
        members[cid].append(aid)
    sizes = Counter(len(m) for m in members.values())
    print(
        f"articles {len(docs)}  clusters {len(members)}  singletons {sizes[1]}  "
        f"largest {max(sizes)}  sizes {dict(sorted(sizes.items()))}  seconds {elapsed:.2f}"
    )
    if args.copies == 1:
        for m in sorted(members.values(), key=len, reverse=True)[: args.show]:
            if len(m) > 1:
                print("  ", " | ".join(f"{a}: {titles[a]}" for a in sorted(m)))


if __name__ == "__main__":
    main()
