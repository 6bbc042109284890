"""The furniture rules on made-up lines: what they remove, and body text they must leave."""

from __future__ import annotations

import pytest

from newsfacts.parse import furniture as F
from newsfacts.parse.text import furniture_kind, read_meta


def tail_kind(line: str) -> str | None:
    return next((kind for kind, pattern in F.TAIL_TRIGGERS if pattern.match(line)), None)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("ADVERTISEMENT", "advertisement"),
        ("Sponsored content", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("Print this page | Email to a colleague | Share", "share-links"),
        ("Share on Facebook", "share-links"),
        ("Comments (14)", "share-links"),
        ("Skip to main content", "navigation"),
        ("Home > World > Europe", "navigation"),
        ("Click here to download our app", "headlines-link"),
        ("READ MORE: Ten things we learned from the budget", "related-link"),
        ("Sign up to our free morning newsletter", "newsletter"),
        ("We use cookies to improve your experience on our site.", "cookie-notice"),
        ("Image caption: Crowds gathered outside the court", "image-credit"),
        ("Media playback is unsupported on your device", "image-credit"),
        ("© 2021 Northern Daily Courier Ltd", "copyright"),
        ("Tags: elections, parliament, budget", "tags"),
        ("(Reporting by Ann Lee; Editing by Tom Cole)", "credits"),
        ("-- ENDS --", "end-marker"),
        ("(abc)", "signature"),
        (">> Floods Close Coastal Road Again", "teaser"),
        (":: Mayor Faces Questions Over Housing Plan", "teaser"),
        # Body text that shares furniture's words stays.
        ("The council said it would share the report with residents next week.", None),
        ("Advertising revenue fell by 12% in the third quarter, the company said.", None),
        ('He told the BBC: "We will print more ballot papers if we need to."', None),
        ("Home owners in the area face higher bills.", None),
        (":: Improving security at the port, where about 300 lorries pass every hour;", None),
        ("More than 2,000 people attended the rally.", None),
        ("Click", None),
        ("Copyright law was not designed for the internet age, critics argue.", None),
        ("The ends justify the means, he argued.", None),
    ],
)
def test_line_rules(line: str, kind: str | None) -> None:
    assert furniture_kind(line) == kind


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Subscribe now to continue reading", "paywall"),
        ("To continue reading, please log in", "paywall"),
        ("Already a subscriber? Log in", "paywall"),
        ("This article is only available to subscribers", "paywall"),
        ("You have reached your limit of free articles this month", "paywall"),
        ("Create an account to keep reading", "paywall"),
        ("More Business Stories", "related-stories"),
        ("Related Local News Headlines", "related-stories"),
        ("You may also like", "related-stories"),
        ("Most read", "related-stories"),
        ("12 comments", "comments"),
        ("Leave a reply", "comments"),
        # Sentences that open with a trigger's words do not end the article.
        ("More stories are expected to emerge as the inquiry continues.", None),
        ("Related charges were dropped last year.", None),
        ("Subscribers to the scheme will pay less.", None),
    ],
)
def test_tail_triggers(line: str, kind: str | None) -> None:
    assert tail_kind(line) == kind


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Published: 3 March 2019 10:45 GMT", {"date": "2019-03-03", "rank": 0}),
        ("Posted on 5/6/2018 by Sam Patel", {"date": "2018-06-05", "author": "Sam Patel"}),
        ("Last updated: Tuesday 4 June 2019", {"date": "2019-06-04", "rank": 2}),
        ("Monday, 14 October 2013", {"date": "2013-10-14", "rank": 1}),
        (
            "Ann Lee, Evening Courier (Leeds), May 2, 2016",
            {"author": "Ann Lee", "outlet": "Evening Courier", "date": "2016-05-02"},
        ),
        ("Ann Lee, Health Correspondent, May 2, 2016", {"author": "Ann Lee", "outlet": None}),
        ("By Maria Gonzalez and Tom O'Neill", {"author": "Maria Gonzalez and Tom O'Neill"}),
        ("By Sam Patel, The Northern Echo", {"author": "Sam Patel", "outlet": "The Northern Echo"}),
        ("By Sam Patel, Political Editor", {"author": "Sam Patel", "outlet": None}),
        ("Source: Valley Gazette", {"outlet": "Valley Gazette"}),
    ],
)
def test_metadata_lines(line: str, want: dict[str, object]) -> None:
    found = read_meta(line)
    assert found is not None
    for key, value in want.items():
        got = getattr(found, key)
        assert (got.isoformat() if key == "date" else got) == value, key  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "line",
    [
        "The hearing was adjourned until 12 April 2012, when the judge will rule.",
        "Sam Patel, a local teacher, said the plan was a good one in June 2018.",
        "By the end of March 2019, the scheme had closed.",
        "Friday, 25 February",
        "Published in 1998, the report was ignored for a decade until it was reread in June 2008.",
    ],
)
def test_body_sentences_are_not_metadata(line: str) -> None:
    found = read_meta(line)
    assert found is None or found.date is None


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Notes to Editors", "notes-to-editors"),
        ("NOTES FOR EDITORS:", "notes-to-editors"),
        ("Editor's notes", "notes-to-editors"),
    ],
)
def test_section_headings(line: str, name: str) -> None:
    assert next(n for n, p in F.SECTION_HEADINGS if p.match(line)) == name


def test_section_heading_is_not_a_sentence() -> None:
    assert not any(p.match("Notes to editors were sent on Friday.") for _, p in F.SECTION_HEADINGS)
