"""Full calendar dates (day, month, year) written the common English ways.

"June 21, 2007", "Thu 21st June 2007", "12 April 2012", "Jun. 21 2007",
"15/11/2004" (day first, as British sources write it; only when the second number
cannot be a month is it read month first, so "11/15/2004" is November 15),
"2004-11-15" and "2004/11/15". Only dates with all three parts count: a
publication date is never completed by guessing a missing day or year.

Plain regular expressions rather than dateparser: they are cheap enough to run
on every header line and every HTML page, and they never guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

# Years a news page can carry; anything else in "d/m/yyyy" shape is a code, not a date.
YEAR = r"(?P<year>(?:19|20)\d\d)"
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

# Each pattern names its parts; `numeric` ones have a month number instead of a name.
PATTERNS: tuple[tuple[re.Pattern[str], bool], ...] = (
    (re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{YEAR}\b", re.I), False),  # June 21, 2007
    (re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{YEAR}\b", re.I), False),  # 21 June 2007
    # Numbers may touch letters ("2007-06-21T10:00"), never other digits.
    (
        re.compile(rf"(?<!\d){YEAR}(?P<sep>[-/.])(?P<month>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)(?!\d)"),
        True,
    ),
    (re.compile(rf"(?<!\d)(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[01]?\d)(?P=sep){YEAR}(?!\d)"), True),
)


def find_dates(text: str) -> Iterator[tuple[date, int, int]]:
    """Every full date in `text`, with its character span, in order of the patterns."""
    for pattern, numeric in PATTERNS:
        for m in pattern.finditer(text):
            found = _from_match(m, numeric)
            if found:
                yield found, m.start(), m.end()


def find_date(text: str) -> tuple[date, str] | None:
    """The first full date in `text` (leftmost), with the words it was read from."""
    best: tuple[date, int, int] | None = None
    for found in find_dates(text):
        if best is None or found[1] < best[1]:
            best = found
    return (best[0], text[best[1] : best[2]]) if best else None


def to_date(text: str) -> date | None:
    """Parse text that is one date expression (a JSON field, a time element)."""
    found = find_date(text)
    return found[0] if found else None


def _from_match(m: re.Match[str], numeric: bool) -> date | None:
    parts = m.groupdict()
    year = int(parts["year"])
    if not numeric:
        return _safe(year, MONTHS[parts["month"].lower()], int(parts["day"]))
    if parts.get("a") is None:
        return _safe(year, int(parts["month"]), int(parts["day"]))
    first, second = int(parts["a"]), int(parts["b"])
    # Day first, unless the second number cannot be a month and the first can.
    return _safe(year, second, first) or _safe(year, first, second)


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
