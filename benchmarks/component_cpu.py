"""CPU milliseconds an article costs in each part of the extraction: the model's NER and sentencizer, then each component.

Runs the product's pipeline in one process over the first --limit articles of a folder (after a
warm-up): the model reads every body first (`nlp.read`), then the fact components run, each
timed with `time.process_time` (the grammar component's parse included; CPU seconds, not wall
seconds, since the cores are shared). With --before SRC (a copy of another version's src/, e.g.
`git archive main src | tar -x -C /tmp/before`), the two versions run alternately, --repeat times
each, in fresh processes over the same articles (each first every other round), and the median of each part is printed for both:
a change is compared with what it changes in the same run, as the load on the machine varies.

    python benchmarks/component_cpu.py --data /work/notes/s23/train_bbc [--limit 150]
    python benchmarks/component_cpu.py --data ... --before /tmp/before/src [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def measure(src: Path, data: Path, limit: int) -> dict[str, float]:
    """CPU ms per article of each part, with the package imported from `src`."""
    sys.path.insert(0, str(src))
    from newsfacts.extract import _dated
    from newsfacts.extract.nlp import MODEL_PIPES, get_nlp, read
    from newsfacts.parse import parse_document

    assert Path(sys.modules["newsfacts"].__file__).is_relative_to(src), "newsfacts imported from elsewhere"
    files = sorted(data.rglob("*.txt"))
    files = files[:: max(1, len(files) // limit)][:limit]
    articles = [a for f in files for a in parse_document(f.name, f.read_bytes().decode("utf-8", errors="replace"))]
    nlp = get_nlp()
    list(nlp.pipe(_dated(articles[:5], read(nlp, (a.body for a in articles[:5]))), disable=list(MODEL_PIPES)))
    costs: dict[str, float] = {}
    start = time.process_time()
    docs = list(_dated(articles, read(nlp, (a.body for a in articles))))
    costs["ner+sentencizer"] = time.process_time() - start
    for name, component in nlp.pipeline:
        if name in MODEL_PIPES:
            continue
        start = time.process_time()
        docs = list(component.pipe(docs) if hasattr(component, "pipe") else map(component, docs))
        costs[name] = time.process_time() - start
    return {k: 1000 * v / len(articles) for k, v in costs.items()} | {"articles": len(articles)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="folder of .txt articles")
    ap.add_argument("--limit", type=int, default=150, help="how many files (default 150, spread over the folder)")
    ap.add_argument("--before", type=Path, help="another version's src/ to compare with, alternately")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each version with --before (default 3)")
    ap.add_argument("--src", type=Path, default=SRC, help=argparse.SUPPRESS)
    ap.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.json or not args.before:
        found = measure(args.src, args.data, args.limit)
        if args.json:
            print(json.dumps(found))
            return
        print(f"articles={found.pop('articles')} total_ms={sum(found.values()):.1f}")
        for part, ms in found.items():
            print(f"  {part:28s} {ms:6.2f} ms")
        return
    runs: dict[str, list[dict[str, float]]] = {"before": [], "after": []}
    for round_ in range(args.repeat):  # each goes first every other round
        pair = [("before", args.before), ("after", args.src)]
        for label, src in pair if round_ % 2 == 0 else pair[::-1]:
            command = [sys.executable, __file__, "--json", "--src", str(src), "--data", str(args.data)]
            out = subprocess.run([*command, "--limit", str(args.limit)], capture_output=True, text=True, check=True)
            runs[label].append(json.loads(out.stdout.splitlines()[-1]))
    parts = [k for k in runs["after"][0] if k != "articles"]
    print(f"articles={int(runs['after'][0]['articles'])} runs={args.repeat} each, alternated; median CPU ms an article")
    print(f"  {'part':28s} {'before':>7s} {'after':>7s}")
    for part in [*parts, "total"]:
        values = [
            statistics.median(sum(r[p] for p in parts) if part == "total" else r.get(part, 0.0) for r in runs[v])
            for v in ("before", "after")
        ]
        print(f"  {part:28s} {values[0]:7.2f} {values[1]:7.2f}")


if __name__ == "__main__":
    main()
