"""Articles per second of `extract_facts` against bare `nlp.pipe` with the full spaCy pipeline.

Both run on one process over the same texts (every .txt under --data, read
as UTF-8 with replacement). Issue 8 asks the whole pipeline for at least
twice the bare rate.

    python benchmarks/extract_speed.py --data ../shared/data/bbc/politics
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from newsfacts.extract import extract_facts
from newsfacts.extract.nlp import MODEL
from newsfacts.records import Article


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="folder of .txt articles")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N files (0: all)")
    args = ap.parse_args()
    files = sorted(args.data.rglob("*.txt"))
    if args.limit:
        files = files[:args.limit]
    if not files:
        raise SystemExit(f"no .txt files under {args.data}")
    texts = [f.read_bytes().decode("utf-8", errors="replace") for f in files]
    articles = [Article(title=None, body=t) for t in texts]
    extract_facts(articles[:2])  # load the model outside the timing
    t0 = time.perf_counter()
    extract_facts(articles)
    ours = len(articles) / (time.perf_counter() - t0)
    bare_nlp = spacy.load(MODEL)
    list(bare_nlp.pipe(texts[:2]))
    t0 = time.perf_counter()
    for _ in bare_nlp.pipe(texts):
        pass
    bare = len(texts) / (time.perf_counter() - t0)
    print(f"articles={len(texts)} words={sum(len(t.split()) for t in texts)}")
    print(f"extract_facts {ours:.1f} articles/s  bare nlp.pipe {bare:.1f} articles/s  "
          f"ratio {ours / bare:.2f}")


if __name__ == "__main__":
    main()
