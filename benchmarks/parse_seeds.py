"""The seed gold's parse fields, scored: how many of title, date, outlet, author, body start
and end, and furniture removal hold, per field, over all seeds.

    python benchmarks/parse_seeds.py [--gold tests/gold/seeds.gold.json] [--seeds seeds]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from newsfacts.parse import parse_document
from newsfacts.records import Article
from newsfacts.sources import decode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the gold's matching rules live with the tests
from tests.goldlib import norm  # noqa: E402


def _author_ok(g: dict[str, Any], a: Article) -> bool:
    allowed = g["author_any_of"] if "author_any_of" in g else [g["author"]]
    return (a.author is None and None in allowed) or norm(a.author) in {
        norm(x) for x in allowed if x
    }


def _outlet_ok(g: dict[str, Any], a: Article) -> bool:
    want = g["outlet_contains"]
    return a.outlet is None if want is None else norm(want) in norm(a.outlet)


def _date_ok(g: dict[str, Any], a: Article) -> bool:
    want = g["published_date"]
    return a.published_date == (date.fromisoformat(want) if want else None)


def _furniture_ok(g: dict[str, Any], a: Article) -> bool:
    return all(norm(t) not in norm(a.body) for t in g["body_must_not_contain"])


def _should_ok(g: dict[str, Any], a: Article) -> bool:
    return all(norm(t) not in norm(a.body) for t in g.get("body_should_not_contain", []))


# field -> (applies to this gold entry?, check)
CHECKS: dict[
    str, tuple[Callable[[dict[str, Any]], bool], Callable[[dict[str, Any], Article], bool]]
] = {
    "title": (lambda g: "title" in g, lambda g, a: norm(a.title) == norm(g["title"])),
    "published_date": (lambda g: "published_date" in g, _date_ok),
    "outlet": (lambda g: "outlet_contains" in g, _outlet_ok),
    "author": (lambda g: "author" in g or "author_any_of" in g, _author_ok),
    "body_start": (
        lambda g: "body_starts_with" in g,
        lambda g, a: norm(a.body).startswith(norm(g["body_starts_with"])),
    ),
    "body_end": (
        lambda g: "body_ends_with" in g,
        lambda g, a: norm(a.body).endswith(norm(g["body_ends_with"])),
    ),
    "must_not_contain": (lambda g: "body_must_not_contain" in g, _furniture_ok),
    "should_not_contain": (lambda g: "body_should_not_contain" in g, _should_ok),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold" / "seeds.gold.json")
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    args = ap.parse_args()
    gold = json.loads(args.gold.read_text())["articles"]
    passed = total = 0
    parts = []
    for field, (applies, check) in CHECKS.items():
        ok = n = 0
        for name, g in sorted(gold.items()):
            if applies(g):
                [article] = parse_document(name, decode((args.seeds / name).read_bytes()))
                n += 1
                good = check(g, article)
                ok += good
                if not good:
                    print(f"  FAIL {name} {field}")
        parts.append(f"{field}={ok}/{n}")
        passed, total = passed + ok, total + n
    print(f"seeds checks={passed}/{total} " + " ".join(parts))


if __name__ == "__main__":
    main()
