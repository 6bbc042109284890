"""Saved HTML pages made up for these tests: headline, markup date, no invented date."""

from __future__ import annotations

from datetime import date

import pytest

from newsfacts.parse import parse_document

PARAGRAPHS = "".join(
    f"<p>{text}</p>"
    for text in (
        "The harbour authority approved the new ferry terminal after a two-year planning battle.",
        "Councillors voted eleven to four for the scheme, which will cost about £40m.",
        "Opponents said the terminal would bring more lorries through the town centre.",
        "Work is expected to start in the spring, with the first sailings next summer.",
    )
)


def page(head: str = "", article_extra: str = "") -> str:
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Ferry terminal approved | Harbour Times</title>{head}</head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header>"
        f"<article><h1>Ferry terminal approved</h1>{PARAGRAPHS}{article_extra}</article>"
        "<footer><p>© 2024 Harbour Times Ltd. All rights reserved.</p></footer></body></html>"
    )


def test_headline_body_and_markup_date() -> None:
    head = (
        "<meta property='article:published_time' content='2021-03-02T09:15:00+00:00'>"
        "<meta name='author' content='Ann Lee'>"
        "<meta property='og:site_name' content='Harbour Times'>"
    )
    [article] = parse_document("ferry.html", page(head))
    assert article.title == "Ferry terminal approved"
    assert article.published_date == date(2021, 3, 2)
    assert article.author == "Ann Lee"
    assert article.outlet == "Harbour Times"
    assert "£40m" in article.body
    assert "All rights reserved" not in article.body


def test_undated_page_gets_no_date_from_its_copyright_year() -> None:
    [article] = parse_document("ferry.html", page())
    assert article.published_date is None
    assert article.published_text is None


def test_date_written_on_the_page_is_accepted() -> None:
    [article] = parse_document("ferry.html", page(article_extra="<p class='date'>Published 2 March 2021</p>"))
    assert article.published_date == date(2021, 3, 2)


def test_html_saved_as_txt_is_parsed_as_html() -> None:
    [article] = parse_document("ferry.txt", page())
    assert article.title == "Ferry terminal approved"
    assert "<p>" not in article.body


# A pop-up biography card inside a sentence, in the markup of the "rollover-people" cards of a
# US politics site (articles_html page 156770d6…; names and headlines made up): the trigger link,
# then a card the site's stylesheet hides until hover, holding the full name and the person's
# latest headlines. Nothing in the markup itself says "hidden": only the pop-up's name does.
HOVER_CARD = (
    "<p>Harbour Gov. <span class='rollover-people' data-behavior='rolloverpeople'>"
    "<a class='rollover-people-link' href='/people/ann-lee'>Ann Lee</a>"
    "<span class='rollover-people-block' id='rollover-people-1'><span class='rollover-block'><span>"
    "<img src='/x.jpg' alt=''><a class='name' href='/people/ann-lee'>Ann Marie Lee</a>"
    "<a class='people-articles' href='/news/1'>Harbour governor doubles down on ferry tolls</a> "
    "<a class='people-articles' href='/news/2'>Ferry strike ends after talks</a> "
    "<a class='more' href='/people/ann-lee'>MORE<span></span></a></span></span></span></span>"
    " (R) is defending the terminal, which she called “good for the town.”</p>"
)


def test_hover_card_leaves_the_sentence_and_is_recorded() -> None:
    [article] = parse_document("ferry.html", page(article_extra=HOVER_CARD))
    assert "Harbour Gov. Ann Lee (R) is defending the terminal" in article.body
    assert "Ann Marie Lee" not in article.body
    assert "doubles down" not in article.body
    assert "MORE" not in article.body
    [card] = [r for r in article.removed if r.kind == "pop-up"]
    assert card.text.startswith("Ann Marie Lee")


@pytest.mark.parametrize(
    "markup",
    [
        "<span class='tooltip'>Toll<span class='tooltiptext'>A charge of £2 per crossing, says the operator.</span></span>",
        "<span role='tooltip'>A charge of £2 per crossing, says the operator.</span>",
        "<span aria-hidden='true'>A charge of £2 per crossing, says the operator.</span>",
        "<span hidden>A charge of £2 per crossing, says the operator.</span>",
        "<span style='display: none'>A charge of £2 per crossing, says the operator.</span>",
        "<div class='popover'><div class='popover-body'>A charge of £2 per crossing, says the operator.</div></div>",
    ],
)
def test_hidden_and_pop_up_markup_is_furniture(markup: str) -> None:
    extra = f"<p>Drivers will pay the new toll {markup} from next May, the council confirmed on Monday.</p>"
    [article] = parse_document("ferry.html", page(article_extra=extra))
    assert "Drivers will pay the new toll" in article.body
    assert "from next May, the council confirmed" in article.body
    assert "per crossing" not in article.body
    assert any("per crossing" in r.text for r in article.removed)


TABLE = (
    "<table><tr><td>Nationality</td><td>Workers</td><td>Share</td></tr>"
    "<tr><td>Poles</td><td>12,000</td><td>41%</td></tr>"
    "<tr><td>Lithuanians</td><td>4,500</td><td>15%</td></tr></table>"
    "<p>The council expects about 20,000 seasonal workers to arrive this summer, up from 18,000 last year.</p>"
)


def test_a_table_stays_in_the_body_marked_as_a_table() -> None:
    """The gold bodies of the ScrapingHub pages keep their tables (a NASCAR standings table,
    a share-price box), so the rows stay; the section tells extraction they are no prose."""
    [article] = parse_document("ferry.html", page(article_extra=TABLE))
    [section] = [s for s in article.sections if s.name == "table"]
    table = article.body[section.start_char : section.end_char]
    assert "| Poles | 12,000 | 41% |" in table
    assert "seasonal workers" not in table
    assert "seasonal workers" in article.body
