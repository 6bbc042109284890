"""Saved HTML pages, through trafilatura (main text, metadata) and htmldate (its date).

The publication date must never be invented, so it is taken in two steps. First
htmldate without its opportunistic text search: markup only (meta tags, JSON-LD
datePublished, <time> elements, the URL). Only when that finds nothing is the
extensive search tried, and its answer kept only when the page itself writes that
day out in full somewhere (htmldate's text search otherwise completes a bare
year, such as a copyright line, to 1 January). On the 248 dated pages of
htmldate's own evaluation this is more accurate than either setting alone and
dates fewer undated pages (benchmarks/parse_html.py).
"""

from __future__ import annotations

from datetime import date, datetime

import trafilatura
from htmldate import find_date as htmldate_find_date

from newsfacts.records import Article
from newsfacts.sources import BadInput

from .dates import find_dates
from .text import clean_body


def parse_html(html: str) -> Article:
    """One HTML page into an article: main text, headline, date, site name and author."""
    max_date = datetime.now().astimezone().strftime("%Y-%m-%d")
    doc = _extract(html, max_date, favor_recall=False)
    if doc is None or not (doc.text or "").strip():
        # Pages whose main text trafilatura's precise pass misses still hold an article.
        doc = _extract(html, max_date, favor_recall=True)
    if doc is None or not (doc.text or "").strip():
        raise BadInput("parse", "no article text found in the HTML page")
    published = _iso_date(doc.date)
    published_text = doc.date if published else None
    if published is None:
        published = _evidenced_date(html, doc.url, max_date)
        published_text = published.isoformat() if published else None
    body, removed, sections = clean_body(doc.text)
    return Article(
        title=doc.title or None,
        body=body,
        published_date=published,
        published_text=published_text,
        outlet=doc.sitename or None,
        author=doc.author or None,
        url=doc.url or None,
        removed=removed,
        sections=sections,
    )


def _extract(html: str, max_date: str, favor_recall: bool) -> trafilatura.settings.Document | None:
    try:
        return trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            deduplicate=False,
            favor_recall=favor_recall,
            date_extraction_params={"original_date": True, "extensive_search": False, "max_date": max_date},
        )
    except Exception as exc:  # lxml raises many types on malformed pages
        raise BadInput("parse", f"HTML could not be parsed: {type(exc).__name__}: {exc}") from exc


def _evidenced_date(html: str, url: str | None, max_date: str) -> date | None:
    """htmldate's extensive search, kept only when the page writes that day out in full."""
    try:
        guess = _iso_date(
            htmldate_find_date(html, extensive_search=True, original_date=True, url=url, max_date=max_date)
        )
    except Exception:  # htmldate raises on some malformed markup; no date is the safe answer
        return None
    if guess is None:
        return None
    return guess if any(found == guess for found, _, _ in find_dates(html)) else None


def _iso_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
