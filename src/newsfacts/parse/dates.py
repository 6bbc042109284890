"""Publication dates from datelines, bylines and "Posted on" lines."""

from __future__ import annotations

import re
from datetime import date

import dateparser

# A date standing on its own or closing a byline: "June 21, 2007", "12 April 2012", "15/11/2004".
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATE_PATTERNS = (
    re.compile(rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b", re.I),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?:19|20)\d\d\b", re.I),
    re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d\b"),
    re.compile(r"\b(?:19|20)\d\d-\d\d-\d\d\b"),
)

_SETTINGS = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}


def find_date(line: str) -> tuple[date, str] | None:
    """The first full date (day, month, year) in a line, with the text it was read from."""
    for pattern in DATE_PATTERNS:
        m = pattern.search(line)
        if m:
            parsed = to_date(m.group(0))
            if parsed:
                return parsed, m.group(0)
    return None


def to_date(text: str) -> date | None:
    """Parse one date expression, day first for numeric dates unless that is impossible."""
    settings = dict(_SETTINGS)
    nums = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text.strip())
    if nums and int(nums.group(1)) <= 12 < int(nums.group(2)):
        settings["DATE_ORDER"] = "MDY"
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed else None
