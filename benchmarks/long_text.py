"""Seconds and peak memory of extracting one very long text (issue 16: a transcript of megabytes).

Builds a text of --mb megabytes (default 9) from the paragraphs of a text file or of every
.txt under a folder, repeated in order, and runs `extract_facts` on it as one article. Peak
memory is the process's own maximum resident set (ru_maxrss: spaCy's memory lives outside
Python's allocator, so tracemalloc would not see it); run it in a fresh process, as here.
Also checks that every fact's span points at its text in the body.

    python benchmarks/long_text.py ../shared/data/bbc/politics [--mb 9]
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

import _setup  # noqa: F401  (this checkout on sys.path)

from newsfacts.extract import extract_facts
from newsfacts.extract.nlp import CHUNK_CHARS, get_nlp
from newsfacts.records import Article


def paragraphs(source: Path) -> list[str]:
    files = sorted(source.rglob("*.txt")) if source.is_dir() else [source]
    out = []
    for f in files:
        out += [p.strip() for p in f.read_bytes().decode("utf-8", errors="replace").split("\n\n") if p.strip()]
    return out


def long_text(paras: list[str], chars: int) -> str:
    parts, n, i = [], 0, 0
    while n < chars:
        parts.append(paras[i % len(paras)] + "\n\n")
        n += len(parts[-1])
        i += 1
    return "".join(parts)


def misplaced(body: str, facts) -> int:
    """Facts whose span does not hold their text."""
    bad = sum(body[q.start_char : q.end_char] != q.quote_text for q in facts.quotes)
    bad += sum(body[d.start_char : d.end_char] != d.text for d in facts.dates)
    bad += sum(body[x.start_char : x.end_char] != x.url for x in facts.links)
    bad += sum(body[q.start_char : q.end_char] not in q.sentence for q in facts.quantities)
    return bad


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path, help="a text file or a folder of .txt files")
    ap.add_argument("--mb", type=float, default=9.0, help="size of the text to build, in megabytes (default 9)")
    args = ap.parse_args()
    paras = paragraphs(args.source)
    if not paras:
        raise SystemExit(f"no paragraphs in {args.source}")
    body = long_text(paras, int(args.mb * 1_000_000))
    get_nlp()
    loaded = peak_mb()
    t0 = time.perf_counter()
    (facts,) = extract_facts([Article(title=None, body=body)])
    seconds = time.perf_counter() - t0
    print(f"text: {len(body):,} characters, {len(body.split()):,} words, read in pieces of {CHUNK_CHARS:,}")
    print(
        f"facts: people {len(facts.people)}, quotes {len(facts.quotes)}, quantities {len(facts.quantities)}, "
        f"entities {len(facts.entities)}, dates {len(facts.dates)}, links {len(facts.links)}; "
        f"misplaced spans {misplaced(body, facts)}"
    )
    print(f"peak with the model loaded, before extraction: {loaded:.0f} MB")
    print(f"long_text chars={len(body)} seconds={seconds:.1f} peak_mb={peak_mb():.0f}")


if __name__ == "__main__":
    main()
