"""Plain-text pages made up for these tests (not the seeds), and small real BBC samples."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from newsfacts.parse import parse_document
from newsfacts.records import Article
from newsfacts.sources import decode

DATA = Path(__file__).parent / "data" / "parse"

LEAD = "The county council has approved a flood defence scheme for the valley, officials said."
SECOND = "Work on the embankments will start in the spring and is expected to last two years."


def parse(text: str) -> Article:
    [article] = parse_document("page.txt", text)
    return article


def kinds(article: Article) -> set[str]:
    return {r.kind for r in article.removed}


def test_masthead_share_links_and_headline() -> None:
    article = parse(
        f"Northfield Council\nPrint | Email this page |\nFlood defences approved for valley\n{LEAD}\n{SECOND}\n"
    )
    assert article.title == "Flood defences approved for valley"
    assert article.outlet == "Northfield Council"
    assert article.body.startswith("The county council")
    assert {"site-name", "share-links"} <= kinds(article)


def test_posted_line_and_byline_are_metadata_not_body() -> None:
    text = (
        "Posted on March 3, 2019\n\nFlood defences approved for valley\n\n"
        f"Ann Lee, Evening Courier (Leeds), March 3, 2019\n\n{LEAD}\n\n{SECOND}\n"
    )
    article = parse(text)
    assert article.title == "Flood defences approved for valley"
    assert article.published_date == date(2019, 3, 3)
    assert article.author == "Ann Lee"
    assert article.outlet == "Evening Courier"
    assert "Posted on" not in article.body and "Ann Lee" not in article.body
    assert {"dateline", "byline"} <= kinds(article)


def test_numeric_dateline_is_day_first() -> None:
    article = parse(f"04/11/2004\n\nFlood defences approved\n\n{LEAD}\n")
    assert article.published_date == date(2004, 11, 4)
    assert article.published_text == "04/11/2004"


def test_no_date_stays_empty_even_with_dates_in_the_body() -> None:
    article = parse(f"Flood defences approved\n\n{LEAD} It was first proposed on 12 April 2012.\n\n{SECOND}\n")
    assert article.published_date is None
    assert article.published_text is None
    assert article.author is None and article.outlet is None


def test_advertisement_is_never_the_title() -> None:
    article = parse(f"Advertisement\n\nFlood defences approved\n\n{LEAD}\n\nADVERTISEMENT\n\n{SECOND}\n")
    assert article.title == "Flood defences approved"
    assert "advertisement" not in article.body.lower()
    assert [r.text for r in article.removed if r.kind == "advertisement"] == [
        "Advertisement",
        "ADVERTISEMENT",
    ]


def test_paywall_form_is_cut_and_recorded() -> None:
    form = "Subscribe now to continue reading\nEmail address\nPassword\nAlready a subscriber? Log in"
    article = parse(f"Flood defences approved\n\n{LEAD}\n\n{SECOND}\n\n{form}\n")
    assert article.body.endswith("last two years.")
    [paywall] = [r for r in article.removed if r.kind == "paywall"]
    assert "Password" in paywall.text


def test_related_block_with_dated_teasers_is_cut() -> None:
    related = (
        "More Local News Stories\n01 May 2015\nBridge Reopens After Repairs\n"
        "The bridge reopened to traffic on Friday, the council said."
    )
    article = parse(f"Flood defences approved\n\n{LEAD}\n\n{SECOND}\n\n{related}\n")
    assert "Bridge Reopens" not in article.body
    assert article.published_date is None  # a teaser's date is not the article's
    assert "related-stories" in kinds(article)


def test_teasers_go_but_bullet_sentences_stay() -> None:
    text = (
        f"Flood defences approved\n\n{LEAD}\n\n:: River Levels Rise Again In The North\n\n"
        "The plan includes:\n\n:: Raising the embankments by a metre;\n\n"
        ":: Two new pumping stations.\n"
    )
    article = parse(text)
    assert "River Levels Rise" not in article.body
    assert ":: Raising the embankments by a metre;" in article.body
    assert "teaser" in kinds(article)


def test_notes_to_editors_stay_as_a_section() -> None:
    text = (
        f"Council backs flood scheme\n{LEAD}\n{SECOND}\nENDS\nNotes to editors\n"
        "1. The scheme will cost 14 million pounds.\n2. About 3,000 homes are at risk.\n"
    )
    article = parse(text)
    [section] = article.sections
    assert section.name == "notes-to-editors"
    assert article.body[section.start_char : section.end_char].startswith("Notes to editors")
    assert article.body[section.start_char : section.end_char].endswith("3,000 homes are at risk.")
    assert "ENDS" not in article.body


TABLE = (
    "| Nationality | Workers | Share |\n|---|---|---|\n| Poles | 12,000 | 41% |\n"
    "| Lithuanians | 4,500 | 15% |\n"
)


def test_table_rows_stay_in_the_body_as_a_table_section() -> None:
    article = parse(f"Farm jobs filled\n{LEAD}\n{TABLE}{SECOND}\n")
    [section] = article.sections
    assert section.name == "table"
    table = article.body[section.start_char : section.end_char]
    assert table.startswith("| Nationality |")
    assert table.endswith("| 15% |")
    assert article.body.endswith(SECOND)


def test_a_row_holding_sentences_is_prose_not_a_table() -> None:
    row = "| Note | The figures were collected by the county council over the summer and published on Tuesday. |"
    article = parse(f"Farm jobs filled\n{LEAD}\n{row}\n{SECOND}\n")
    assert article.sections == ()
    assert row in article.body


def test_trailing_dateline_and_signature() -> None:
    article = parse(f"Flood defences approved\n\n{LEAD}\n\n{SECOND}\n\n(jdw)\n\nPublished: 12 May 2016\n")
    assert article.published_date == date(2016, 5, 12)
    assert article.body.endswith("last two years.")


def test_headline_with_site_suffix() -> None:
    article = parse(f"Flood defences approved | Valley Gazette\n\nBy Sam Patel\n\n{LEAD}\n")
    assert article.title == "Flood defences approved"
    assert article.outlet == "Valley Gazette"
    assert article.author == "Sam Patel"


def test_text_without_a_headline_has_no_title() -> None:
    article = parse(f"{LEAD} {SECOND}\n\n{SECOND}\n")
    assert article.title is None
    assert article.body.startswith("The county council")


def test_a_headline_may_end_with_a_full_stop() -> None:
    headline = "Mayor says flood scheme will go ahead despite objections from residents."
    article = parse(f"{headline}\n\n{LEAD}\n\n{SECOND}\n")
    assert article.title == headline
    assert article.body.startswith("The county council")


def test_published_beats_updated() -> None:
    article = parse(f"Flood defences approved\nLast updated: 5 June 2019\nPublished: 4 June 2019\n{LEAD}\n")
    assert article.published_date == date(2019, 6, 4)


def test_bbc_fixture_header_lines_stay_in_body() -> None:
    """A match preview's venue and kick-off lines sit under the headline; they are body."""
    article = parse(decode((DATA / "bbc_sport_325_fixture_header.txt").read_bytes()))
    assert article.title == "Worcester v Sale (Fri)"
    assert article.body.startswith("Sixways")
    assert article.published_date is None
    assert article.removed == ()


def test_bbc_date_in_lead_is_not_the_publication_date() -> None:
    article = parse(decode((DATA / "bbc_entertainment_244_date_in_lead.txt").read_bytes()))
    assert article.title == "Ten-year tragedy of missing Manic"
    assert article.published_date is None
    assert "1 February 1995" in article.body


def test_latin1_bbc_file_keeps_the_pound_sign() -> None:
    article = parse(decode((DATA / "bbc_sport_199_latin1.txt").read_bytes()))
    assert "£15.8m" in article.body


def test_a_related_label_inside_the_article_only_removes_itself() -> None:
    long_paragraph = " ".join([SECOND] * 3)
    article = parse(f"Flood defences approved\n\n{LEAD}\n\nRelated coverage\n\n{long_paragraph}\n")
    assert article.body.endswith("last two years.")
    assert long_paragraph in article.body
    assert [r.text for r in article.removed] == ["Related coverage"]
