"""Saved HTML pages, through trafilatura (main text, metadata) and htmldate (its date)."""

from __future__ import annotations

from datetime import date

import trafilatura

from newsfacts.records import Article
from newsfacts.sources import BadInput


def parse_html(html: str) -> Article:
    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True, deduplicate=False
        )
    except Exception as exc:  # lxml raises many types on malformed pages
        raise BadInput("parse", f"HTML could not be parsed: {type(exc).__name__}: {exc}") from exc
    if doc is None or not (doc.text or "").strip():
        raise BadInput("parse", "no article text found in the HTML page")
    published = _iso_date(doc.date)
    return Article(
        title=(doc.title or None),
        body=doc.text.strip(),
        published_date=published,
        published_text=doc.date if published else None,
        outlet=doc.sitename or None,
        author=doc.author or None,
        url=doc.url or None,
    )


def _iso_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
