"""Saved HTML pages, through trafilatura (main text, metadata) and htmldate (its date).

The publication date must never be invented, so it is taken in two steps. First
htmldate without its opportunistic text search: markup only (meta tags, JSON-LD
datePublished, <time> elements, the URL). Only when that finds nothing is the
extensive search tried, and its answer kept only when the page itself writes that
day out in full somewhere (htmldate's text search otherwise completes a bare
year, such as a copyright line, to 1 January). On the 248 pages of
htmldate's own evaluation this is more accurate than either setting alone and
dates fewer undated pages (benchmarks/parse_html.py).

Elements the page does not show with its text are taken out before trafilatura reads it:
pop-ups (a hover card with a person's full name and latest headlines, a tooltip, a
popover) and hidden markup (`hidden`, `aria-hidden="true"`, `display: none`,
`visibility: hidden`, `role="tooltip"`). A hover card sits inside a sentence ("Gov. <card>
(R) is defending ..."), so its text ran into the sentence and became people, roles and
headlines quoted as if written there. trafilatura drops some hidden markup itself, but with
the text after it up to the end of the paragraph; here the element goes and its tail stays.
What went is recorded in `removed` (kinds "pop-up" and "hidden") when its paragraph reached
the body. Metadata is still read from the whole page.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import trafilatura
from htmldate import find_date as htmldate_find_date
from lxml.etree import XPath, iterwalk
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from newsfacts.records import Article, Removed
from newsfacts.sources import BadInput

from . import furniture as F
from .dates import find_dates
from .text import clean_body

# trafilatura modes tried in turn until one finds main text. Precision first: on the
# 91 ScrapingHub pages it lifts body F1 from 0.962 (default) to 0.976, dropping more
# teasers and captions; recall catches the pages where precision finds nothing.
EXTRACTION_PASSES = ("precision", "recall")
# A body shorter than this after furniture removal (a lone "Sponsored content" line)
# means the pass missed the article: the next pass is tried and the longest body kept.
MIN_BODY_WORDS = 25
# An element holding more than this share of the page's text is never taken out as hidden or
# a pop-up: a page saved with a dialog open marks its whole content aria-hidden.
MAX_HIDDEN_SHARE = 0.25
# A hidden element is recorded in `removed` when the first words of its paragraph (the text
# around it) are in the body: a hidden menu or form that trafilatura would drop anyway is not.
CONTEXT_WORDS = 6

# The attribute marking the elements to take out, for trafilatura's `prune_xpath`.
_MARK = "data-newsfacts-furniture"
_NOT_TEXT = frozenset({"script", "style", "noscript", "template"})
_INLINE = frozenset(
    "a abbr b bdi bdo cite code data dfn em font i kbd label mark q s samp small span strong sub sup time u var".split()
)
_WORDS = re.compile(r"\w+")
# Elements that may be hidden or pop-ups, found by lxml in one pass over the attributes (a page
# has thousands of elements); `_hidden_kind` decides. In document order, so an outer one is
# marked first.
_NAME_PARTS = " or ".join(
    f"contains(., '{part}')" for word in ("tool", "pop", "hover", "roll") for part in (word, word.title(), word.upper())
)
_CANDIDATES = XPath(
    ".//*[@hidden or @aria-hidden or @role] | .//@style[contains(., 'none') or contains(., 'hidden')]/.. | "
    f".//@class[{_NAME_PARTS}]/.. | .//@id[{_NAME_PARTS}]/.."
)
_LENGTH = XPath("string-length(normalize-space(.))")


def parse_html(html: str) -> Article:
    """One HTML page into an article: main text, headline, date, site name and author."""
    max_date = datetime.now().astimezone().strftime("%Y-%m-%d")
    tree = _load(html)
    hidden = _mark_hidden(tree)
    best = None
    for mode in EXTRACTION_PASSES:
        doc = _extract(tree, max_date, mode)
        if doc is None:
            continue
        cleaned = clean_body(doc.text or "")
        if best is None or len(cleaned[0].split()) > len(best[1][0].split()):
            best = (doc, cleaned)
        if len(cleaned[0].split()) >= MIN_BODY_WORDS:
            break
    if best is None or not best[1][0]:
        raise BadInput("parse", "no article text found in the HTML page")
    doc, (body, removed, sections) = best
    removed = _shown_context(hidden, body) + removed
    published = _iso_date(doc.date)
    published_text = doc.date if published else None
    if published is None:
        published = _evidenced_date(html, doc.url, max_date)
        published_text = published.isoformat() if published else None
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


def _load(html: str) -> HtmlElement:
    try:
        tree = load_html(html)
    except Exception as exc:  # lxml raises many types on malformed pages
        raise BadInput("parse", f"HTML could not be parsed: {type(exc).__name__}: {exc}") from exc
    if tree is None:
        raise BadInput("parse", "no article text found in the HTML page")
    return tree


def _mark_hidden(tree: HtmlElement) -> list[tuple[HtmlElement, str, str]]:
    """Mark the page's pop-ups and hidden elements (outermost only) for pruning; each with its
    kind and its text."""
    body = tree.find(".//body")
    root = tree if body is None else body
    limit = None
    found = []
    for el in _CANDIDATES(root):
        if el is root or any(a.tag in _NOT_TEXT or a.get(_MARK) for a in el.iterancestors()):
            continue
        kind = _hidden_kind(el)
        if kind is None:
            continue
        limit = MAX_HIDDEN_SHARE * _chars(root) if limit is None else limit
        if _chars(el) <= limit:
            el.set(_MARK, kind)
            found.append((el, kind, " ".join(" ".join(_texts(el)).split())))
    return found


def _hidden_kind(el: HtmlElement) -> str | None:
    if el.tag in _NOT_TEXT:
        return None
    if (
        (el.get("aria-hidden") or "").strip().lower() == "true"
        or el.get("hidden") in ("", "hidden")
        or F.HIDDEN_STYLE.search(el.get("style") or "")
    ):
        return "hidden"
    if (el.get("role") or "").strip().lower() == "tooltip":
        return "pop-up"
    if _is_pop_up(el) and not _holds_trigger(el):
        return "pop-up"
    return None


def _is_pop_up(el: HtmlElement) -> bool:
    """Named a pop-up and not what opens it (a link, a button, a "-link" or "-toggle")."""
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    return bool(F.POP_UP_NAME.search(names)) and el.tag not in ("a", "button") and not F.TRIGGER_NAME.search(names)


def _holds_trigger(el: HtmlElement) -> bool:
    """A pop-up's wrapper: it holds a pop-up and text outside it (the name that is hovered), as
    in `<span class="rollover-people"><a>Name</a><span class="rollover-people-block">card`.
    The inner pop-up is the card; the wrapper stays."""
    inner = []
    stack = list(el)
    while stack:
        child = stack.pop()
        if not isinstance(child.tag, str):
            continue
        if _is_pop_up(child):
            inner.append(child)
        else:
            stack.extend(child)
    return bool(inner) and _chars(el) > sum(_chars(child) for child in inner)


def _chars(el: HtmlElement) -> int:
    """About how much text an element holds (scripts and styles left out)."""
    return int(_LENGTH(el)) - sum(int(_LENGTH(s)) for s in el.iter("script", "style"))


def _texts(el: HtmlElement) -> list[str]:
    return el.xpath(".//text()[not(ancestor::script or ancestor::style)]")


def _shown_context(hidden: list[tuple[HtmlElement, str, str]], body: str) -> tuple[Removed, ...]:
    """The hidden elements whose paragraph reached the body, as removed furniture."""
    if not hidden:
        return ()
    words = f" {' '.join(_WORDS.findall(body.lower()))} "
    kept = []
    for el, kind, text in hidden:
        context = _context_words(el)
        if text and len(context) >= CONTEXT_WORDS and f" {' '.join(context)} " in words:
            kept.append(Removed(kind, text))
    return tuple(kept)


def _context_words(el: HtmlElement) -> list[str]:
    """The first words of the block around a marked element, marked elements left out."""
    block = el.getparent()
    while block is not None and block.tag in _INLINE and block.getparent() is not None:
        block = block.getparent()
    if block is None:
        return []
    words: list[str] = []
    walker = iterwalk(block, events=("start", "end"))
    for event, node in walker:
        if event == "start":
            if node is not block and (not isinstance(node.tag, str) or node.tag in _NOT_TEXT or node.get(_MARK)):
                walker.skip_subtree()
            elif node.text:
                words += _WORDS.findall(node.text.lower())
        elif node is not block and node.tail:
            words += _WORDS.findall(node.tail.lower())
        if len(words) >= CONTEXT_WORDS:
            break
    return words[:CONTEXT_WORDS]


def _extract(tree: HtmlElement, max_date: str, mode: str) -> trafilatura.settings.Document | None:
    """One trafilatura pass over a copy of the page (trafilatura copies a tree it is given):
    metadata from the whole page, text with the marked elements pruned."""
    try:
        return trafilatura.bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            deduplicate=False,
            favor_precision=mode == "precision",
            favor_recall=mode == "recall",
            prune_xpath=f"//*[@{_MARK}]",
            date_extraction_params={
                "original_date": True,
                "extensive_search": False,
                "max_date": max_date,
            },
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
