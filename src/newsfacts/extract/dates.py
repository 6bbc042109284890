"""Date expressions and their resolution against the publication date.

The model's DATE entities find the expressions; regexes add the day-and-month
dates it misses ("11 March", "March 11, 2005"), and ages ("25-year-old"),
and shares ("a quarter of"), which the model tags as dates, are dropped. Resolution keeps the precision the text gives ("July 2002" -> 2002-07)
and needs the publication date only for relative words ("yesterday").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsfacts.records import DateMention

from .context import Context
from .lexicon import MONTHS, WEEKDAYS

_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
FULL_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+\d{{4}}|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b",
    re.IGNORECASE,
)
DAY_MONTH_YEAR = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\.?,?\s+(\d{{4}})", re.I)
MONTH_DAY_YEAR = re.compile(rf"({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", re.I)
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
MONTH_YEAR = re.compile(rf"\b({_MONTH})\.?,?\s+(\d{{4}})\b", re.I)
DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\b", re.I)
MONTH_DAY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", re.I)
MONTH_ONLY = re.compile(rf"\b({_MONTH})\b", re.I)
# Without a year, only a capitalised month is a date ("may 5" is a verb and a number).
_CAP_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
SHORT_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_CAP_MONTH}|{_CAP_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?)\b(?![\d:])"
)
AGE = re.compile(r"\d+-(?:year|month|week|day)s?-old\b|^aged\b", re.I)
# "about a quarter", "two thirds": shares the model calls dates (quantities.py reads them).
SHARE = re.compile(
    r"(?:\w+\s+)?(?:a|one|two|three|four|\d+)[- ](?:half|halves|thirds?|quarters?|fifths?|tenths?)", re.I
)
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)s?\b")
RELATIVE_DAY = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
RELATIVE_YEAR = re.compile(r"\b(this|last|next|previous|coming)\s+year\b", re.I)
RELATIVE_MONTH = re.compile(r"\b(this|last|next|previous|coming)\s+month\b", re.I)
WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
STEP = {"this": 0, "coming": 1, "next": 1, "last": -1, "previous": -1}


def extract(ctx: Context) -> tuple[DateMention, ...]:
    """Every date expression, each resolved where the text and the publication date allow."""
    spans = [
        span for e in ctx.doc.ents if e.label_ == "DATE" and (span := _trimmed(ctx.body, e.start_char, e.end_char))
    ]
    for rx in (FULL_DATE, SHORT_DATE):
        for m in rx.finditer(ctx.body):
            if not any(s < m.end() and m.start() < e for s, e in spans):
                spans.append((m.start(), m.end()))
    mentions = []
    for start, end in sorted(spans):
        text = ctx.body[start:end]
        mentions.append(
            DateMention(text=text, resolved=resolve(text, ctx.article.published_date), start_char=start, end_char=end)
        )
    return tuple(mentions)


def _trimmed(body: str, start: int, end: int) -> tuple[int, int] | None:
    """The model's DATE span without stray quote marks or a dash-joined tail ("January - Name");
    None for ages and bare small numbers, which the model also calls dates."""
    text = body[start:end]
    text = re.split(r"\s[-\u2013\u2014]\s|\n", text)[0]
    lead = len(text) - len(text.lstrip("'\"\u2018\u2019\u201c\u201d "))
    text = text[lead:].rstrip("'\"\u2018\u2019\u201c\u201d ")
    if (
        not text
        or AGE.search(text)
        or SHARE.fullmatch(text)
        or re.fullmatch(r"\d{1,3}", text)
        or not re.search(r"\w\w", text)
    ):
        return None
    return start + lead, start + lead + len(text)


def resolve(text: str, published: date | None) -> str | None:
    """ISO text at the precision `text` gives, or None when it cannot be pinned down."""
    low = text.lower()
    for rx in (DAY_MONTH_YEAR, MONTH_DAY_YEAR):
        if m := rx.search(low):
            g = m.groups()
            day, month, year = (g[0], g[1], g[2]) if rx is DAY_MONTH_YEAR else (g[1], g[0], g[2])
            return _iso(int(year), _month(month), int(day))
    if m := ISO_DATE.search(low):
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    if m := MONTH_YEAR.search(low):
        return f"{int(m[2]):04d}-{_month(m[1]):02d}"
    if m := YEAR.search(low):
        if not m.group().endswith("s") and "century" not in low:
            return m[1]
        return None
    if published is None:
        return None
    for word, step in RELATIVE_DAY.items():
        if re.search(rf"\b{word}\b", low):
            return (published + timedelta(days=step)).isoformat()
    if m := RELATIVE_YEAR.search(low):
        return str(published.year + STEP[m[1]])
    if m := RELATIVE_MONTH.search(low):
        month = published.month - 1 + STEP[m[1]]
        return f"{published.year + month // 12:04d}-{month % 12 + 1:02d}"
    if m := DAY_MONTH.search(low) or MONTH_DAY.search(low):
        day, month = (m[1], m[2]) if m.re is DAY_MONTH else (m[2], m[1])
        year = _nearest_year(published, _month(month), int(day))
        return _iso(year, _month(month), int(day))
    if m := MONTH_ONLY.search(low):
        return f"{_nearest_year(published, _month(m[1]), 15):04d}-{_month(m[1]):02d}"
    if m := WEEKDAY.search(low):
        back = (published.weekday() - WEEKDAYS[m[1]]) % 7
        if "next" in low:
            back -= 7
        return (published - timedelta(days=back)).isoformat()
    return None


def _nearest_year(published: date, month: int, day: int) -> int:
    """A day or month written without a year is the one nearest the publication date: in a
    March article "4 November" is last November, "4 April" this April."""

    def distance(year: int) -> int:
        try:
            return abs((date(year, month, day) - published).days)
        except ValueError:
            return abs((date(year, month, 28) - published).days)

    return min((published.year - 1, published.year, published.year + 1), key=distance)


def _month(word: str) -> int:
    word = word.lower().rstrip(".")
    return MONTHS.get(word) or MONTHS[word[:3]]


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
