"""Every parse field of every seed in the gold (tests/gold/seeds.gold.json) holds."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from newsfacts.parse import parse_document
from newsfacts.records import Article
from newsfacts.sources import decode
from tests.goldlib import ARTICLES, norm, seed_path

SEEDS = sorted(ARTICLES)


def _parse(name: str) -> Article:
    articles = parse_document(name, decode(seed_path(name).read_bytes()))
    assert len(articles) == 1
    return articles[0]


@pytest.fixture(scope="module")
def parsed() -> dict[str, Article]:
    return {name: _parse(name) for name in SEEDS}


def _gold(name: str) -> dict[str, Any]:
    return ARTICLES[name]


@pytest.mark.parametrize("name", SEEDS)
def test_title(parsed: dict[str, Article], name: str) -> None:
    assert norm(parsed[name].title) == norm(_gold(name)["title"])


@pytest.mark.parametrize("name", SEEDS)
def test_published_date(parsed: dict[str, Article], name: str) -> None:
    want = _gold(name)["published_date"]
    got = parsed[name]
    if want is None:
        assert got.published_date is None
        assert got.published_text is None
    else:
        assert got.published_date == date.fromisoformat(want)
        assert got.published_text  # the words the date was read from


@pytest.mark.parametrize("name", SEEDS)
def test_outlet(parsed: dict[str, Article], name: str) -> None:
    want = _gold(name)["outlet_contains"]
    got = parsed[name].outlet
    if want is None:
        assert got is None
    else:
        assert norm(want) in norm(got)


@pytest.mark.parametrize("name", SEEDS)
def test_author(parsed: dict[str, Article], name: str) -> None:
    gold = _gold(name)
    allowed = gold["author_any_of"] if "author_any_of" in gold else [gold["author"]]
    got = parsed[name].author
    assert (got is None and None in allowed) or norm(got) in {norm(a) for a in allowed if a}


@pytest.mark.parametrize("name", SEEDS)
def test_body_start_and_end(parsed: dict[str, Article], name: str) -> None:
    gold, body = _gold(name), norm(parsed[name].body)
    assert body.startswith(norm(gold["body_starts_with"]))
    if "body_ends_with" in gold:
        assert body.endswith(norm(gold["body_ends_with"]))


@pytest.mark.parametrize("name", SEEDS)
def test_furniture_gone(parsed: dict[str, Article], name: str) -> None:
    gold, body = _gold(name), norm(parsed[name].body)
    for text in gold["body_must_not_contain"] + gold.get("body_should_not_contain", []):
        assert norm(text) not in body, text


@pytest.mark.parametrize("name", SEEDS)
def test_removed_furniture_is_recorded(parsed: dict[str, Article], name: str) -> None:
    """What left the body is in `removed`, so a user can audit it."""
    removed = norm(" ".join(r.text for r in parsed[name].removed))
    for text in _gold(name)["body_must_not_contain"]:
        assert norm(text) in removed, text


def test_notes_to_editors_kept_as_a_section(parsed: dict[str, Article]) -> None:
    press = next(a for a in parsed.values() if "notes to editors" in a.body.lower())
    [section] = [s for s in press.sections if s.name == "notes-to-editors"]
    text = press.body[section.start_char : section.end_char]
    assert text.lower().startswith("notes to editors")
    assert section.end_char == len(press.body)
