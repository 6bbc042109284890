"""How tall the data-quality report renders: document.body.scrollHeight in headless Chromium.

Writes the report of a warehouse (read-only), loads it at 1280 CSS pixels wide
and prints its height, its size in bytes, and where the screenshot of its top is.
Issue 20 asks that a 3,000-article warehouse's report stays a page a person
reads; the report before it listed every flagged article (52,000 px on 300 BBC files).

    python benchmarks/report_height.py --db /tmp/w.duckdb [--out report.html] [--screenshot top.png]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import _setup  # noqa: F401  (this checkout on sys.path)

from newsfacts import store
from newsfacts.report import write_report
from tests import browser


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True, help="the warehouse to report on")
    ap.add_argument("--out", type=Path, default=Path("report-height.html"), help="where to write the report")
    ap.add_argument("--screenshot", type=Path, default=Path("report-height.png"), help="PNG of the page's top")
    ap.add_argument("--width", type=int, default=1280, help="viewport width in CSS pixels")
    args = ap.parse_args()
    with store.connect(args.db, read_only=True) as con:
        articles = con.execute("SELECT count(*) FROM current_articles").fetchone()[0]
        out = write_report(con, args.out)
    height = browser.render(out.resolve().as_uri(), args.screenshot, width=args.width)
    print(f"current articles: {articles:,}")
    print(f"report: {out} ({out.stat().st_size:,} bytes)")
    print(f"height: {height:,} px at {args.width} px wide (document.body.scrollHeight)")
    print(f"screenshot: {args.screenshot}")


if __name__ == "__main__":
    main()
