"""Full dates in the common English spellings, day first when numeric, never guessed."""

from __future__ import annotations

from datetime import date

import pytest

from newsfacts.parse.dates import find_date, find_dates, to_date


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("June 21, 2007", date(2007, 6, 21)),
        ("Jun. 21 2007", date(2007, 6, 21)),
        ("Thursday, 21st June 2007", date(2007, 6, 21)),
        ("the 3rd of March, 2019", date(2019, 3, 3)),
        ("12 April 2012", date(2012, 4, 12)),
        ("Sept 9, 2001", date(2001, 9, 9)),
        ("15/11/2004", date(2004, 11, 15)),  # day first
        ("04/11/2004", date(2004, 11, 4)),  # ambiguous: still day first
        ("11/15/2004", date(2004, 11, 15)),  # 15 cannot be a month
        ("15.11.2004", date(2004, 11, 15)),
        ("2004-11-15", date(2004, 11, 15)),
        ("2020-01-20T10:00:08+08:00", date(2020, 1, 20)),
        ("2004/11/15", date(2004, 11, 15)),
    ],
)
def test_common_formats(text: str, want: date) -> None:
    assert to_date(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "June 2007",  # no day
        "Friday, 25 February",  # no year
        "31 February 2007",  # no such day
        "2007",
        "version 1.2.3",
        "call 0161 15 11 2004",
        "32/13/2004",
        "14/15/2004",
    ],
)
def test_partial_or_impossible_dates_are_not_completed(text: str) -> None:
    assert to_date(text) is None


def test_find_date_returns_the_leftmost_with_its_words() -> None:
    assert find_date("Updated 2 May 2015, first published April 30, 2015") == (
        date(2015, 5, 2),
        "2 May 2015",
    )


def test_find_dates_gives_spans() -> None:
    text = "From 1 May 2020 to 2020-06-30."
    spans = sorted((text[s:e], d) for d, s, e in find_dates(text))
    assert spans == [("1 May 2020", date(2020, 5, 1)), ("2020-06-30", date(2020, 6, 30))]
