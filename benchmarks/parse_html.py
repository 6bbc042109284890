"""HTML parsing on real pages: body F1 beside plain trafilatura, dates beside htmldate.

Two sets under --data (default ../shared/data/articles_html):
  pages/ + ground-truth.json   91 news pages with a human-checked articleBody;
                               mean bag-of-words F1 of our body and of
                               `trafilatura.extract(html)` in the same run.
  htmldate/pages + gold-dates.json   248 pages with a gold publication day (5 have
                               none); accuracy and dates put on undated pages, ours
                               beside `htmldate.find_date(html, extensive_search=True,
                               original_date=True)`.

    python benchmarks/parse_html.py [--data DIR] [--show N]
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

import trafilatura
from htmldate import find_date

from newsfacts.parse import parse_document
from newsfacts.sources import BadInput, decode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from parse_bbc import f1  # noqa: E402  (the same token F1 as the BBC benchmark)

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "articles_html"


def ours(name: str, html: str):
    try:
        return parse_document(name, html)[0]
    except BadInput:
        return None


def bodies(data: Path, show: int) -> None:
    truth = json.loads((data / "ground-truth.json").read_text())
    rows = []
    t_ours = t_traf = 0.0
    for name, gold in sorted(truth.items()):
        html = decode((data / "pages" / name).read_bytes())
        t0 = time.perf_counter()
        article = ours(name, html)
        t1 = time.perf_counter()
        baseline = trafilatura.extract(html) or ""
        t2 = time.perf_counter()
        t_ours, t_traf = t_ours + t1 - t0, t_traf + t2 - t1
        body = article.body if article else ""
        rows.append((name, f1(gold["articleBody"], body), f1(gold["articleBody"], baseline)))
    for name, a, b in sorted(rows, key=lambda r: r[1] - r[2])[:show]:
        print(f"  {name[:16]} ours={a:.3f} trafilatura={b:.3f}")
    n = len(rows)
    print(
        f"html_body pages={n} ours_f1={sum(r[1] for r in rows) / n:.4f} "
        f"trafilatura_f1={sum(r[2] for r in rows) / n:.4f} "
        f"ours_pages_per_s={n / t_ours:.0f} trafilatura_pages_per_s={n / t_traf:.0f}"
    )


def dates(data: Path, show: int) -> None:
    gold = json.loads((data / "htmldate" / "gold-dates.json").read_text())
    ours_ok = base_ok = ours_invented = base_invented = undated = 0
    misses = []
    for name, entry in sorted(gold.items()):
        html = decode((data / "htmldate" / "pages" / name).read_bytes())
        article = ours(name, html)
        got = article.published_date.isoformat() if article and article.published_date else None
        base = find_date(html, extensive_search=True, original_date=True)
        want = entry["date"]
        ours_ok += got == want
        base_ok += base == want
        if want is None:
            undated += 1
            ours_invented += got is not None
            base_invented += base is not None
        if got != want:
            misses.append((name, want, got, base))
    for name, want, got, base in misses[:show]:
        print(f"  {name[:24]} gold={want} ours={got} htmldate={base}")
    n = len(gold)
    print(
        f"html_dates pages={n} ours_accuracy={ours_ok / n:.4f} htmldate_accuracy={base_ok / n:.4f} "
        f"undated={undated} ours_invented={ours_invented} htmldate_invented={base_invented}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--show", type=int, default=0, help="print the N worst pages of each set")
    ap.add_argument("--only", choices=("bodies", "dates"), help="run one half")
    args = ap.parse_args()
    logging.disable(logging.WARNING)  # trafilatura and htmldate log every odd page
    if args.only != "dates":
        bodies(args.data, args.show)
    if args.only != "bodies":
        dates(args.data, args.show)


if __name__ == "__main__":
    main()
