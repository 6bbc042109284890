"""Exports of news APIs: a JSON object, a JSON array of objects, or JSONL, one article each.

Accepted keys, first present and non-empty wins (names are matched exactly):
  title:   title, headline
  body:    body, text, content, article_body, articleBody
  date:    published_date, date, published, publishedAt, published_at, pubDate, datePublished
  url:     url, link
  outlet:  outlet, source, publisher, site_name, siteName   (an object uses its "name")
  author:  author, byline, creator, authors                 (a list is joined with ", ";
                                                              objects in it use their "name")
The body may be plain text or HTML (it starts with "<"); either way page furniture is
removed and recorded. A date is kept only when the value holds a full day ("2007-06-21",
"Thu, 21 Jun 2007 10:00:00 GMT", "21/06/2007"); "2007-06" or a bare year gives no date.
An object without a title is read like a plain-text page, headline and byline included.
"""

from __future__ import annotations

import json
from typing import Any

from newsfacts.records import Article
from newsfacts.sources import BadInput

from .dates import to_date
from .html import parse_html
from .text import clean_body, parse_text

TITLE_KEYS = ("title", "headline")
BODY_KEYS = ("body", "text", "content", "article_body", "articleBody")
DATE_KEYS = (
    "published_date",
    "date",
    "published",
    "publishedAt",
    "published_at",
    "pubDate",
    "datePublished",
)
URL_KEYS = ("url", "link")
OUTLET_KEYS = ("outlet", "source", "publisher", "site_name", "siteName")
AUTHOR_KEYS = ("author", "byline", "creator", "authors")


def parse_json(text: str, jsonl: bool) -> list[Article]:
    objects = _load(text, jsonl)
    return [_article(obj, i) for i, obj in enumerate(objects)]


def _load(text: str, jsonl: bool) -> list[dict[str, Any]]:
    if jsonl:
        objects = []
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    objects.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise BadInput("parse", f"line {n} is not valid JSON: {exc.msg}") from exc
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise BadInput("parse", f"not valid JSON: {exc.msg} at line {exc.lineno}") from exc
        objects = data if isinstance(data, list) else [data]
    bad = [i for i, o in enumerate(objects) if not isinstance(o, dict)]
    if bad:
        raise BadInput("parse", f"JSON item {bad[0]} is not an object")
    return [_without_surrogates(o) for o in objects]


def _without_surrogates(value: Any) -> Any:
    """`value` with lone surrogates (a JSON escape such as "\\ud800" can write one) replaced by
    U+FFFD: no UTF-8 text, Arrow column or database can hold them."""
    if isinstance(value, str):
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace") if not value.isascii() else value
    if isinstance(value, dict):
        return {k: _without_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    return value


def _first(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = obj.get(key)
        if value not in (None, ""):
            return value
    return None


def _article(obj: dict[str, Any], index: int) -> Article:
    body = _first(obj, BODY_KEYS)
    if not isinstance(body, str) or not body.strip():
        raise BadInput("parse", f"JSON item {index} has no body (keys tried: {', '.join(BODY_KEYS)})")
    title = _text(_first(obj, TITLE_KEYS))
    if body.lstrip().startswith("<"):
        page = parse_html(body)
    elif title is None:
        page = parse_text(body)
    else:
        text, removed, sections = clean_body(body)
        page = Article(title=None, body=text, removed=removed, sections=sections)
    date_text = _text(_first(obj, DATE_KEYS))
    published = to_date(date_text) if date_text else None
    return Article(
        title=title or page.title,
        body=page.body,
        published_date=published or page.published_date,
        published_text=date_text if published else page.published_text,
        outlet=_name(_first(obj, OUTLET_KEYS)) or page.outlet,
        author=_name(_first(obj, AUTHOR_KEYS)) or page.author,
        url=_text(_first(obj, URL_KEYS)) or page.url,
        removed=page.removed,
        sections=page.sections,
    )


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return str(value).strip() or None


def _name(value: Any) -> str | None:
    """A name given as text, as an object with a "name", or as a list of either."""
    if isinstance(value, dict):
        return _text(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (_name(v) for v in value) if n]
        return ", ".join(names) or None
    return _text(value)
