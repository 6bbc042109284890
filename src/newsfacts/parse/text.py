"""Plain-text pages: a header of title, dateline and byline, a body, furniture around it."""

from __future__ import annotations

import re

from newsfacts.records import Article, Removed, Section

from . import furniture as F
from .dates import find_date

# How far into the text the header (site name, title, dateline, byline) may reach.
HEADER_LINES = 8
# A title is a single line of at most this many words.
MAX_TITLE_WORDS = 25


def parse_text(text: str) -> Article:
    lines = [ln.strip() for ln in text.split("\n")]
    lines = [ln for ln in lines if ln]
    removed: list[Removed] = []
    meta: dict[str, object] = {}

    lines = _cut_tail(lines, removed)
    lines = _drop_lines(lines, removed)
    title, body_lines = _read_header(lines, removed, meta)
    body, sections = _join(body_lines)
    return Article(
        title=title,
        body=body,
        published_date=meta.get("date"),  # type: ignore[arg-type]
        published_text=meta.get("date_text"),  # type: ignore[arg-type]
        outlet=meta.get("outlet"),  # type: ignore[arg-type]
        author=meta.get("author"),  # type: ignore[arg-type]
        removed=tuple(removed),
        sections=tuple(sections),
    )


def _cut_tail(lines: list[str], removed: list[Removed]) -> list[str]:
    for i, line in enumerate(lines):
        if i < 2:
            continue  # a trigger never stands in place of the headline
        for kind, pattern in F.TAIL_TRIGGERS:
            if pattern.match(line):
                removed.append(Removed(kind, "\n".join(lines[i:])))
                return lines[:i]
    return lines


def _drop_lines(lines: list[str], removed: list[Removed]) -> list[str]:
    kept = []
    for line in lines:
        kind = next((k for k, p in F.LINE_RULES if p.match(line)), None)
        if kind is None:
            m = F.TEASER.match(line)
            if m and _is_title_case(m.group("text")):
                kind = "teaser"
        if kind:
            removed.append(Removed(kind, line))
        else:
            kept.append(line)
    return kept


def _read_header(lines: list[str], removed: list[Removed], meta: dict[str, object]) -> tuple[str | None, list[str]]:
    """Consume metadata lines and the title from the top; return the title and the body lines."""
    title: str | None = None
    i = 0
    candidates: list[str] = []
    while i < min(len(lines), HEADER_LINES):
        line = lines[i]
        if _take_meta(line, removed, meta):
            i += 1
            continue
        if _is_sentence(line):
            break
        candidates.append(line)
        i += 1
    if candidates:
        # The headline is the last title-like line before the body; shorter ones above it are
        # the site's name.
        title = candidates[-1]
        for extra in candidates[:-1]:
            removed.append(Removed("site-name", extra))
            meta.setdefault("outlet", extra)
    return title, lines[i:]


def _take_meta(line: str, removed: list[Removed], meta: dict[str, object]) -> bool:
    m = F.DATELINE.match(line)
    if m and (found := find_date(m.group("rest"))):
        meta.setdefault("date", found[0])
        meta.setdefault("date_text", found[1])
        removed.append(Removed("dateline", line))
        return True
    found = find_date(line)
    if found and len(found[1]) >= len(line) - 3:
        meta.setdefault("date", found[0])
        meta.setdefault("date_text", found[1])
        removed.append(Removed("dateline", line))
        return True
    m = F.BYLINE.match(line)
    if m and m.group("date") and (found := find_date(m.group("date"))):
        meta.setdefault("author", m.group("author"))
        meta.setdefault("outlet", m.group("outlet").strip())
        meta.setdefault("date", found[0])
        meta.setdefault("date_text", found[1])
        removed.append(Removed("byline", line))
        return True
    m = F.BY_AUTHOR.match(line)
    if m:
        meta.setdefault("author", m.group("author"))
        removed.append(Removed("byline", line))
        return True
    return False


def _join(lines: list[str]) -> tuple[str, list[Section]]:
    sections: list[Section] = []
    body = ""
    open_section: tuple[str, int] | None = None
    for line in lines:
        start = len(body) + (2 if body else 0)
        body = f"{body}\n\n{line}" if body else line
        for name, pattern in F.SECTION_HEADINGS:
            if pattern.match(line):
                if open_section:
                    sections.append(Section(open_section[0], open_section[1], start - 2))
                open_section = (name, start)
    if open_section:
        sections.append(Section(open_section[0], open_section[1], len(body)))
    return body, sections


def _is_sentence(line: str) -> bool:
    words = line.split()
    return len(words) > MAX_TITLE_WORDS or bool(re.search(r"[.!?:][\"'\u201d\u2019)]?$", line)) and len(words) > 6


def _is_title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)
