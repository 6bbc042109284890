"""Saved HTML pages made up for these tests: headline, markup date, no invented date."""

from __future__ import annotations

from datetime import date

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
