"""What the selective parse costs: seconds per article of extraction with and without `newsfacts_grammar`.

Runs the extraction pipeline over the first --limit articles of a folder in this process, after
a warm-up, --repeat times each way, alternating, and keeps the fastest run of each: as the
product runs it (nlp.PIPES), and with the grammar component in front of the fact components,
which parses the sentences holding a quotation mark, a speech verb or a number with the model's
tagger and parser. Prints seconds per article for both, the share of sentences parsed, and the
relations found.

    python benchmarks/grammar_cost.py --data ../shared/data/bbc/politics [--limit 200]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

import _setup  # noqa: F401  (this checkout on sys.path)

from newsfacts.extract import extracted
from newsfacts.extract.nlp import PIPES, get_nlp
from newsfacts.parse import parse_document


def timed(pipes: tuple[str, ...], articles: list) -> tuple[float, list]:
    nlp = get_nlp(pipes)
    start = time.perf_counter()
    docs = list(extracted(nlp, articles))
    return time.perf_counter() - start, docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="folder of .txt articles")
    ap.add_argument("--limit", type=int, default=200, help="how many articles (default 200)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each, alternated; the fastest counts (default 3)")
    args = ap.parse_args()
    files = sorted(args.data.rglob("*.txt"))[: args.limit]
    if not files:
        raise SystemExit(f"no .txt files under {args.data}")
    articles = [a for f in files for a in parse_document(f.name, f.read_bytes().decode("utf-8", errors="replace"))]
    with_grammar = PIPES
    without = tuple(p for p in PIPES if p != "newsfacts_grammar")  # the rules that read it find nothing parsed
    for pipes in (without, with_grammar):  # warm up: models loaded, lazily built tables filled
        timed(pipes, articles[:5])
    plain = parsed = float("inf")
    for _ in range(args.repeat):  # alternated, the fastest of each kept: the machine is shared
        plain = min(plain, timed(without, articles)[0])
        seconds, docs = timed(with_grammar, articles)
        parsed = min(parsed, seconds)
    sentences = sum(len(list(d.sents)) for d in docs)
    chosen = sum(len(d._.grammar.sentences) for d in docs)
    relations = Counter(m.id for d in docs for m in d._.grammar.relations)
    n = len(articles)
    print(f"articles={n} sentences={sentences} parsed={chosen} ({chosen / sentences:.0%})")
    print("relations: " + ", ".join(f"{k} {v}" for k, v in sorted(relations.items())))
    print(
        f"grammar_cost without_s_per_article={plain / n:.4f} with_s_per_article={parsed / n:.4f} "
        f"added={parsed / plain - 1:.2f}"
    )


if __name__ == "__main__":
    main()
