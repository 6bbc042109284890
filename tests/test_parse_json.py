"""JSON and JSONL exports: the documented keys, one article per object."""

from __future__ import annotations

import json
from datetime import date

import pytest

from newsfacts.parse import parse_document
from newsfacts.parse.jsonfeed import read_feed
from newsfacts.sources import BadInput

BODY = "The harbour authority approved the ferry terminal.\nAdvertisement\nWork starts in June."


def test_jsonl_one_article_per_line() -> None:
    lines = [
        {
            "headline": "Ferry terminal approved",
            "text": BODY,
            "publishedAt": "2021-03-02T09:15:00Z",
            "source": {"id": "x", "name": "Harbour Times"},
            "authors": [{"name": "Ann Lee"}, "Sam Patel"],
            "link": "https://example.org/ferry",
        },
        {
            "title": "Second story",
            "content": "Another body line that is long enough.",
            "date": "2021-03",
        },
    ]
    first, second = parse_document("feed.jsonl", "\n".join(json.dumps(o) for o in lines) + "\n")
    assert first.title == "Ferry terminal approved"
    assert first.published_date == date(2021, 3, 2)
    assert first.published_text == "2021-03-02T09:15:00Z"
    assert first.outlet == "Harbour Times"
    assert first.author == "Ann Lee, Sam Patel"
    assert first.url == "https://example.org/ferry"
    assert "Advertisement" not in first.body
    assert [r.kind for r in first.removed] == ["advertisement"]
    assert second.published_date is None  # a month is not a day: no date invented
    assert second.published_text is None


def test_json_array_with_rfc_date_and_plain_keys() -> None:
    data = [
        {
            "title": "Ferry terminal approved",
            "body": BODY,
            "pubDate": "Tue, 02 Mar 2021 09:15:00 GMT",
            "outlet": "Harbour Times",
            "author": "Ann Lee",
            "url": "https://example.org/ferry",
        }
    ]
    [article] = parse_document("feed.json", json.dumps(data))
    assert article.published_date == date(2021, 3, 2)
    assert (article.outlet, article.author) == ("Harbour Times", "Ann Lee")


def test_object_without_title_is_read_like_a_text_page() -> None:
    body = f"Ferry terminal approved\n\nBy Ann Lee\n\n12 March 2021\n\n{BODY}"
    [article] = parse_document("one.json", json.dumps({"body": body}))
    assert article.title == "Ferry terminal approved"
    assert article.author == "Ann Lee"
    assert article.published_date == date(2021, 3, 12)
    assert article.body.startswith("The harbour authority")


@pytest.mark.parametrize(
    ("name", "text", "reason"),
    [
        ("bad.json", "{not json", "not valid JSON"),
        ("bad.jsonl", '{"title": "a", "body": "b"}\n{oops\n', "line 2"),
        ("nobody.json", json.dumps({"title": "No body here"}), "has no body"),
        ("list.json", json.dumps(["just a string"]), "not an object"),
    ],
)
def test_bad_json_is_refused_with_a_reason(name: str, text: str, reason: str) -> None:
    with pytest.raises(BadInput, match=reason):
        parse_document(name, text)


def test_feed_items_have_keys_and_an_identity_that_survives_reformatting() -> None:
    items = [
        {"id": 7, "title": "A", "body": BODY},
        {"guid": "urn:x:9", "title": "B", "body": BODY},
        {"link": "https://example.org/c", "title": "C", "body": BODY},
        {"title": "D", "body": BODY},
    ]
    compact, _ = read_feed(json.dumps(items), jsonl=False)
    pretty, _ = read_feed(json.dumps([dict(reversed(i.items())) for i in items], indent=4), jsonl=False)
    assert [i.key for i in compact] == ["id:7", "guid:urn:x:9", "link:https://example.org/c", "#3"]
    assert [i.digest for i in compact] == [i.digest for i in pretty]
    assert len({i.digest for i in compact}) == 4


def test_a_jsonl_line_that_comes_back_with_its_key_supersedes_the_first() -> None:
    lines = [{"id": "a", "body": "first"}, {"id": "b", "body": "other"}, {"id": "a", "body": "second"}]
    items, bad = read_feed("\n".join(json.dumps(o) for o in lines), jsonl=True)
    assert bad == [] and [(i.key, i.obj["body"], i.where) for i in items] == [
        ("id:b", "other", "line 2"),
        ("id:a", "second", "line 3"),
    ]


def test_bad_jsonl_lines_are_returned_apart_with_their_text() -> None:
    text = '{"body": "fine"}\n{oops\n\n[1]\n{"body": "also \u2028 fine: a line separator inside a string"}\n'
    items, bad = read_feed(text, jsonl=True)
    assert [i.where for i in items] == ["line 1", "line 5"]
    assert [(b.where, b.reason.split(":")[0], b.raw) for b in bad] == [
        ("line 2", "is not valid JSON", "{oops"),
        ("line 4", "is not an object", "[1]"),
    ]
