"""Exports of news APIs: a JSON object, a JSON array of objects, or JSONL, one article each.

Accepted keys (first present wins):
  title:  title, headline
  body:   body, text, content, article_body, articleBody
  date:   published_date, date, published, publishedAt, pubDate, datePublished
  url:    url, link
  outlet: outlet, source, publisher, site_name  (a dict source uses its "name")
  author: author, byline, creator
An object whose body is HTML is parsed as a page.
"""

from __future__ import annotations

import json
from typing import Any

from newsfacts.records import Article
from newsfacts.sources import BadInput

from .dates import find_date

TITLE_KEYS = ("title", "headline")
BODY_KEYS = ("body", "text", "content", "article_body", "articleBody")
DATE_KEYS = ("published_date", "date", "published", "publishedAt", "pubDate", "datePublished")
URL_KEYS = ("url", "link")
OUTLET_KEYS = ("outlet", "source", "publisher", "site_name")
AUTHOR_KEYS = ("author", "byline", "creator")


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
    return objects


def _first(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = obj.get(key)
        if value not in (None, ""):
            return value
    return None


def _article(obj: dict[str, Any], index: int) -> Article:
    body = _first(obj, BODY_KEYS)
    if not isinstance(body, str) or not body.strip():
        raise BadInput(
            "parse", f"JSON item {index} has no body (keys tried: {', '.join(BODY_KEYS)})"
        )
    if body.lstrip().startswith("<"):
        from .html import parse_html

        page = parse_html(body)
        body = page.body
    outlet = _first(obj, OUTLET_KEYS)
    if isinstance(outlet, dict):
        outlet = outlet.get("name")
    author = _first(obj, AUTHOR_KEYS)
    if isinstance(author, list):
        author = ", ".join(str(a) for a in author)
    date_text = _first(obj, DATE_KEYS)
    found = find_date(str(date_text)) if date_text else None
    return Article(
        title=_first(obj, TITLE_KEYS),
        body=body.strip(),
        published_date=found[0] if found else None,
        published_text=str(date_text) if found else None,
        outlet=outlet,
        author=author,
        url=_first(obj, URL_KEYS),
    )
