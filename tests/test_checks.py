"""Article-level checks on made-up articles: each check fires when it should and only then."""

from __future__ import annotations

from datetime import date

from newsfacts.checks import article_flags
from newsfacts.records import Article, Facts, Quote, Removed

SENTENCE = "The minister said on Tuesday that the new plan would be put to the cabinet. "
BODY = SENTENCE * 12  # 180 words, English, ends with a full stop


def make(**changes: object) -> Article:
    fields: dict[str, object] = {
        "title": "Plan goes to cabinet",
        "body": BODY,
        "published_date": date(2010, 5, 4),
    }
    return Article(**(fields | changes))  # type: ignore[arg-type]


def checks_of(article: Article, facts: Facts | None = None) -> dict[str, tuple[str, str]]:
    return {f.check: (f.severity, f.message) for f in article_flags(article, facts or Facts())}


def test_a_clean_article_has_no_flags() -> None:
    assert checks_of(make()) == {}


def test_missing_date_is_flagged() -> None:
    assert checks_of(make(published_date=None)) == {
        "no-publication-date": ("warning", "no publication date in the text")
    }


def test_unreadable_date_text_is_quoted_in_the_message() -> None:
    severity, message = checks_of(make(published_date=None, published_text="Tuesday week"))[
        "no-publication-date"
    ]
    assert "'Tuesday week' could not be read" in message


def test_each_kind_of_removed_furniture_gets_one_flag_with_its_size() -> None:
    article = make(
        removed=(
            Removed("paywall", "Create a free account to continue reading\n" + "x" * 1200),
            Removed("advertisement", "Advertisement"),
            Removed("advertisement", "Advertisement"),
            Removed("related-stories", "Related stories\nA headline"),
            Removed("byline", "By Jane Smith"),
            Removed("dateline", "Posted on June 21, 2007"),
            Removed("share-links", "Print | Email"),
        )
    )
    flags = checks_of(article)
    assert set(flags) == {"removed-paywall", "removed-advertisement", "removed-related-stories"}
    severity, message = flags["removed-paywall"]
    assert severity == "warning"
    assert message.startswith("paywall or registration text removed from body (1,242 chars)")
    assert flags["removed-advertisement"][1] == (
        "advertisement line removed from body (2 pieces, 26 chars)"
    )
    assert flags["removed-related-stories"] == (
        "info", "related-stories block removed from body (26 chars)"
    )


def test_short_body_is_flagged_with_its_length() -> None:
    flags = checks_of(make(body=SENTENCE * 3))
    assert flags == {"short-body": ("warning", "very short body (45 words)")}


def test_body_ending_mid_sentence_is_flagged_as_truncated() -> None:
    flags = checks_of(make(body=BODY + "Officials expected the vote to"))
    assert set(flags) == {"truncated-body"}
    assert "the vote to" in flags["truncated-body"][1]
    assert set(checks_of(make(body=BODY + "More follows..."))) == {"truncated-body"}


def test_closing_quotes_end_a_sentence() -> None:
    for ending in ('"We will act."', "\u201cWe will act.\u201d", "It worked (mostly).", "Why?"):
        assert checks_of(make(body=BODY + ending)) == {}, ending


def test_body_in_another_language_is_flagged() -> None:
    german = (
        "Die Bundesregierung hat am Mittwoch beschlossen, die Grenzkontrollen zu verstärken. "
        "Der Innenminister sagte, dass die Zahl der Migranten im vergangenen Jahr deutlich "
        "gestiegen sei und man mit den Nachbarländern enger zusammenarbeiten wolle. "
    ) * 4
    flags = checks_of(make(body=german))
    assert set(flags) == {"not-english"}
    assert flags["not-english"][0] == "warning"
    assert "0% common English words" in flags["not-english"][1]


def test_unattributed_quotes_are_counted() -> None:
    facts = Facts(
        quotes=(
            Quote("We will act", "Jane Smith", "Jane Smith", 0, 10),
            Quote("No comment", None, None, 20, 30),
        )
    )
    assert checks_of(make(), facts) == {
        "unattributed-quotes": ("info", "1 of 2 quotes have no identified speaker")
    }
