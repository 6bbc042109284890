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

Each object is an item with its own identity: `digest` is the sha256 of the object written
as canonical JSON (keys sorted, no spaces), so an item keeps it however the file around it
changes (an item appended, the file re-indented), and an edited feed re-extracts only the
items that changed. `key` names the item in its feed: the first present of
  id:      id, guid, uuid, url, link                          ("id:123", "url:https://…")
else its position ("#4"). When a key comes back later in the same file (a JSONL log that
appends an update of an item), the later object supersedes the earlier one.
A line of a JSONL file that is not a JSON object, or an object with no body, is returned
apart with its line number and reason, so one bad line does not cost the good ones.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
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
ID_KEYS = ("id", "guid", "uuid", "url", "link")


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One object of a feed, not yet read as an article."""

    index: int  # position among the file's items (lines or array elements), from 0
    where: str  # "line 3" or "JSON item 2", for messages
    key: str  # "id:123", "url:https://…", or "#2"
    digest: str  # sha256 of the object as canonical JSON: the item's identity
    obj: dict[str, Any]
    raw: str  # the line of a JSONL file; the element, written as JSON, of a .json array


@dataclass(frozen=True, slots=True)
class BadItem:
    """A line or element of a feed that is no article, with the text it held."""

    where: str
    reason: str
    raw: str


def parse_json(text: str, jsonl: bool) -> list[Article]:
    """Every article of a feed; the first bad item refuses the whole file (the pipeline reads
    feeds item by item instead, through `read_feed` and `parse_item`)."""
    items, bad = read_feed(text, jsonl)
    if bad:
        raise BadInput("parse", f"{bad[0].where} {bad[0].reason}")
    return [parse_item(item) for item in items]


def read_feed(text: str, jsonl: bool) -> tuple[list[FeedItem], list[BadItem]]:
    """The items of a feed (the last of each key, in file order) and the lines or elements that
    are no JSON object. Raises `BadInput` when a .json file does not parse at all."""
    found: list[FeedItem] = []
    bad: list[BadItem] = []
    if jsonl:
        # Split on newlines only: str.splitlines would also cut at U+2028 inside a JSON string.
        for n, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                bad.append(BadItem(f"line {n}", f"is not valid JSON: {exc.msg}", line))
                continue
            _add(value, line, f"line {n}", len(found) + len(bad), found, bad)
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise BadInput("parse", f"not valid JSON: {exc.msg} at line {exc.lineno}") from exc
        for i, value in enumerate(data if isinstance(data, list) else [data]):
            _add(value, None, f"JSON item {i}", i, found, bad)
    latest = {item.key: item for item in found}
    return [item for item in found if latest[item.key] is item], bad


def _add(value: Any, raw: str | None, where: str, index: int, found: list[FeedItem], bad: list[BadItem]) -> None:
    """Append one parsed line or array element to `found`, or to `bad` when it is no object."""
    if not isinstance(value, dict):
        bad.append(
            BadItem(where, "is not an object", raw or json.dumps(_without_surrogates(value), ensure_ascii=False))
        )
        return
    obj = _without_surrogates(value)
    canonical = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    digest = hashlib.sha256(canonical.encode()).hexdigest()
    found.append(FeedItem(index, where, _key(obj, index), digest, obj, raw or json.dumps(obj, ensure_ascii=False)))


def _key(obj: dict[str, Any], index: int) -> str:
    for name in ID_KEYS:
        value = obj.get(name)
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
            return f"{name}:{str(value).strip()}"
    return f"#{index}"


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


def parse_item(item: FeedItem) -> Article:
    """The article of one feed item."""
    obj = item.obj
    body = _first(obj, BODY_KEYS)
    if not isinstance(body, str) or not body.strip():
        raise BadInput("parse", f"{item.where} has no body (keys tried: {', '.join(BODY_KEYS)})")
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
