"""Plain-text pages: a header (masthead, headline, dateline, byline), a body, furniture around it.

Copies of web pages keep the page's furniture as lines of their own. The parser
works line by line, cheapest checks first: a tail block (paywall, related
stories) is cut, furniture lines are dropped, and only the header and the last
few lines are read for metadata, so a date in the body never becomes the
publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from newsfacts.records import Article, Removed, Section

from . import furniture as F
from .dates import find_date

# How far into the text the header (masthead, title, dateline, byline) may reach.
HEADER_LINES = 8
# How many closing lines may hold a dateline or byline ("Published: 12 April 2012").
TRAILER_LINES = 3
# A headline is one line of at most this many words; a longer line is body.
MAX_TITLE_WORDS = 25
# A line ending like a sentence and longer than this is a paragraph, not a headline.
MAX_SENTENCE_TITLE_WORDS = 12
# A metadata line is short; a longer line mentioning a date is body text.
MAX_META_WORDS = 16
# Masthead (site name) lines have at most this many words.
MAX_MASTHEAD_WORDS = 5
# A table cell longer than this that ends or breaks a sentence is prose, not data.
MAX_TABLE_CELL_WORDS = 12

_SENTENCE_END = re.compile(r"[.!?:;][\"'\u201d\u2019)]?$")
# One sentence ending and another starting inside a line: "...on Sunday. The team said".
_SENTENCE_BREAK = re.compile(r"[a-z]{3}[.!?][\"'\u201d\u2019]?\s+[\"\u201c]?[A-Z]")
_WEEKDAY_TIME = re.compile(
    r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b\.?|\b\d{1,2}[:.]\d\d(\s*[ap]\.?m\.?)?\b|\b\d{1,2}\s*[ap]\.?m\.?\b|"
    r"\b(gmt|bst|utc|cet|cest|est|edt|cst|cdt|pst|pdt|et|pt)\b|\bat\b|\bon\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class MetaLine:
    """What one dateline, byline or labelled line says.

    `rank` orders competing dates: 0 a publication dateline or byline, 1 a bare date
    line, 2 an "updated" line.
    """

    date: date | None = None
    date_text: str | None = None
    rank: int = 0
    author: str | None = None
    outlet: str | None = None

    @property
    def kind(self) -> str:
        """The `Removed` kind the line is recorded under."""
        return "byline" if self.author or self.outlet else "dateline"


@dataclass(slots=True)
class _Meta:
    """Metadata gathered from header and trailer lines; the best-ranked date wins."""

    date: date | None = None
    date_text: str | None = None
    date_rank: int = 99
    author: str | None = None
    outlet: str | None = None

    def add(self, line: MetaLine) -> None:
        if line.date and line.rank < self.date_rank:
            self.date, self.date_text, self.date_rank = line.date, line.date_text, line.rank
        self.author = self.author or line.author
        self.outlet = self.outlet or line.outlet


def parse_text(text: str) -> Article:
    """One plain-text page into an article; furniture and metadata lines go to `removed`."""
    lines = [stripped for line in text.split("\n") if (stripped := line.strip())]
    removed: list[Removed] = []
    meta = _Meta()
    lines = _cut_tail(lines, removed)
    kinds = [furniture_kind(line) for line in lines]
    title, body_lines, start = _read_header(lines, kinds, removed, meta)
    for line, kind in zip(lines[start:], kinds[start:], strict=True):
        if kind:
            removed.append(Removed(kind, line))
        else:
            body_lines.append(line)
    body_lines = _read_trailer(body_lines, removed, meta)
    if title and (split := _split_site_suffix(title)):
        title = split[0]
        meta.add(MetaLine(outlet=split[1]))
    body, sections = _join(body_lines)
    return Article(
        title=title,
        body=body,
        published_date=meta.date,
        published_text=meta.date_text,
        outlet=meta.outlet,
        author=meta.author,
        removed=tuple(removed),
        sections=tuple(sections),
    )


def clean_body(text: str) -> tuple[str, tuple[Removed, ...], tuple[Section, ...]]:
    """A body whose metadata came from elsewhere (JSON keys, HTML markup): furniture out,
    sections marked."""
    lines = [stripped for line in text.split("\n") if (stripped := line.strip())]
    removed: list[Removed] = []
    kept = []
    for line in _cut_tail(lines, removed):
        kind = furniture_kind(line)
        if kind:
            removed.append(Removed(kind, line))
        else:
            kept.append(line)
    body, sections = _join(kept)
    return body, tuple(removed), tuple(sections)


def furniture_kind(line: str) -> str | None:
    """The furniture kind of one line, or None when it may be article text. A table row is
    never furniture: a column headed "Share" is no share link."""
    if F.TABLE_ROW.match(line):
        return None
    for kind, pattern in F.LINE_RULES:
        if pattern.match(line):
            return kind
    m = F.TEASER.match(line)
    if m and _is_title_case(m.group("text")):
        return "teaser"
    return None


def read_meta(line: str) -> MetaLine | None:
    """Date, author or outlet from a dateline, byline or labelled line; None for other lines."""
    if len(line.split()) > MAX_META_WORDS:
        return None
    m = F.DATELINE.match(line)
    if m and (found := find_date(m.group("rest"))):
        rest = m.group("rest")
        after = rest[rest.index(found[1]) + len(found[1]) :]
        by = F.BY_AUTHOR.match(_strip_time(after).strip(" ,|-–—"))
        return MetaLine(
            found[0],
            found[1],
            2 if F.UPDATE_WORDS.match(line) else 0,
            by.group("author") if by else None,
        )
    found = find_date(line)
    if found and _is_bare(line.replace(found[1], " ")):
        return MetaLine(found[0], found[1], rank=1)
    m = F.BYLINE.match(line)
    if m and (found := find_date(m.group("date"))) and _is_bare(m.group("date").replace(found[1], " ")):
        outlet = m.group("outlet").strip()
        role = F.ROLE_WORDS.search(outlet)
        return MetaLine(found[0], found[1], author=m.group("author"), outlet=None if role else outlet)
    m = F.BY_AUTHOR.match(line)
    if m:
        found = find_date(m.group("rest") or "")
        outlet = _outlet_in(m.group("rest") or "", found[1] if found else None)
        return MetaLine(
            found[0] if found else None,
            found[1] if found else None,
            author=m.group("author"),
            outlet=outlet,
        )
    m = F.LABELLED.match(line)
    if m:
        return MetaLine(**{F.LABEL_FIELD[m.group("label").lower()]: m.group("value").strip()})
    return None


def _cut_tail(lines: list[str], removed: list[Removed]) -> list[str]:
    """Cut from the first tail trigger to the end. A related-stories or comments heading
    directly followed by a paragraph is a stray label inside the article: only it goes."""
    for i, line in enumerate(lines):
        if i < 2:
            continue  # a trigger never stands in place of the headline
        kind = next((k for k, pattern in F.TAIL_TRIGGERS if pattern.match(line)), None)
        if kind is None:
            continue
        if kind != "paywall" and i + 1 < len(lines) and _is_paragraph(lines[i + 1]):
            removed.append(Removed(kind, line))
            return lines[:i] + _cut_tail(lines[i + 1 :], removed)
        removed.append(Removed(kind, "\n".join(lines[i:])))
        return lines[:i]
    return lines


def _read_header(
    lines: list[str], kinds: list[str | None], removed: list[Removed], meta: _Meta
) -> tuple[str | None, list[str], int]:
    """Consume the header: the title, the short lines kept between it and the first
    paragraph (a standfirst, a venue), and the index where the rest of the body starts."""
    window = min(len(lines), HEADER_LINES)
    metas: list[MetaLine | None] = [None if kinds[i] else read_meta(lines[i]) for i in range(window)]
    title: str | None = None
    kept: list[str] = []
    i = 0
    while i < window:
        line, kind, found = lines[i], kinds[i], metas[i]
        if kind:
            removed.append(Removed(kind, line))
        elif found:
            meta.add(found)
            removed.append(Removed(found.kind, line))
        elif _is_paragraph(line) if title else not _can_be_title(line):
            break
        elif title is None and _is_masthead(i, lines, kinds, metas):
            removed.append(Removed("site-name", line))
            meta.add(MetaLine(outlet=line))
        elif title is None:
            title = line
        else:
            kept.append(line)
        i += 1
    return title, kept, i


def _is_masthead(i: int, lines: list[str], kinds: list[str | None], metas: list[MetaLine | None]) -> bool:
    """A site name above the headline: short and capitalised, set off from the headline
    by furniture or metadata ("Home Office" / share links / headline), or directly above a
    headline that is itself followed by a byline or dateline."""
    line = lines[i]
    if len(line.split()) > MAX_MASTHEAD_WORDS or not F.MASTHEAD.match(line):
        return False
    j, separated = i + 1, False
    while j < len(metas) and (kinds[j] or metas[j]):
        separated, j = True, j + 1
    if j >= len(metas) or _is_paragraph(lines[j]):
        return False
    after = j + 1 < len(metas) and bool(kinds[j + 1] or metas[j + 1])
    return separated or after


def _read_trailer(lines: list[str], removed: list[Removed], meta: _Meta) -> list[str]:
    end = len(lines)
    while end > 0 and len(lines) - end < TRAILER_LINES:
        found = read_meta(lines[end - 1])
        if not found:
            break
        meta.add(found)
        removed.append(Removed(found.kind, lines[end - 1]))
        end -= 1
    return lines[:end]


def _join(lines: list[str]) -> tuple[str, list[Section]]:
    """Paragraphs joined by blank lines; marked sections run to the next heading or the end,
    a table section over each run of table rows (`_is_table_row`)."""
    sections: list[Section] = []
    parts: list[str] = []
    length = 0
    open_section: tuple[str, int] | None = None
    table_start: int | None = None
    for line in lines:
        start = length + (2 if parts else 0)
        if _is_table_row(line):
            table_start = start if table_start is None else table_start
        elif table_start is not None:
            sections.append(Section("table", table_start, length))
            table_start = None
        for name, pattern in F.SECTION_HEADINGS:
            if pattern.match(line):
                if open_section:
                    sections.append(Section(open_section[0], open_section[1], length))
                open_section = (name, start)
                break
        parts.append(line)
        length = start + len(line)
    if table_start is not None:
        sections.append(Section("table", table_start, length))
    if open_section:
        sections.append(Section(open_section[0], open_section[1], length))
    return "\n\n".join(parts), sorted(sections, key=lambda s: s.start_char)


def _is_table_row(line: str) -> bool:
    """A row of a data table: cells between pipes, none of them a sentence.

    Table rows stay in the body: the human-checked bodies of the HTML pages keep their tables
    (data/articles_html: a standings table, a share-price box; dropping them would lose body
    F1), and the figures are the article's. But a row is no sentence: read as prose, the rows
    ran together with the next sentence into one, "| Poles | 12,000 |" gave the nationality as
    a person or entity and quantities counted "Poles Lithuanians". So the rows are a "table"
    section, which extraction leaves out (extract.prose). A cell that holds a sentence
    (a wiki's dialogue table, a layout table) is prose, and its row is not marked.
    """
    if not F.TABLE_ROW.match(line):
        return False
    return not any(
        len(cell.split()) > MAX_TABLE_CELL_WORDS and (_SENTENCE_END.search(cell) or _SENTENCE_BREAK.search(cell))
        for cell in (c.strip() for c in line[1:-1].split("|"))
    )


def _split_site_suffix(title: str) -> tuple[str, str] | None:
    """ "Headline | Site Name" into the headline and the site's name."""
    head, sep, tail = title.rpartition(" | ")
    tail = tail.strip()
    if sep and head.strip() and len(tail.split()) <= MAX_MASTHEAD_WORDS and F.MASTHEAD.match(tail):
        return head.strip(), tail
    return None


def _outlet_in(rest: str, date_text: str | None) -> str | None:
    """A publication named after a byline's author ("By Jane Smith, The Times")."""
    for part in re.split(r"\s*[,|–—]\s*|\s+-\s+", rest.replace(date_text or "\0", " ")):
        part = part.strip(" ()")
        if part and F.OUTLET_WORDS.search(part) and not F.ROLE_WORDS.search(part) and F.MASTHEAD.match(part):
            return part
    return None


def _strip_time(text: str) -> str:
    return _WEEKDAY_TIME.sub(" ", text)


def _is_bare(rest: str) -> bool:
    """What is left of a line after its date is only weekday, time, zone and at most a place."""
    words = re.findall(r"[^\W\d_]+|\d+", _strip_time(rest))
    return len(words) <= 2 and not any(w.isdigit() for w in words)


def _can_be_title(line: str) -> bool:
    """The first text line is the headline unless it is long, or holds two sentences and
    is longer than a headline of that kind ("Virginian could make history. Again.")."""
    words = len(line.split())
    if words <= MAX_SENTENCE_TITLE_WORDS:
        return True
    return words <= MAX_TITLE_WORDS and not _SENTENCE_BREAK.search(line)


def _is_paragraph(line: str) -> bool:
    words = len(line.split())
    return words > MAX_TITLE_WORDS or (words > MAX_SENTENCE_TITLE_WORDS and bool(_SENTENCE_END.search(line)))


def _is_title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)
