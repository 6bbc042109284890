"""Long bodies (issue 16): read in paragraph-aligned pieces, joined back, every span still in the body."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from newsfacts.extract import extract_facts
from newsfacts.extract.chunks import pieces
from newsfacts.extract.entities import acronyms, country_code
from newsfacts.extract.nlp import CHUNK_CHARS, get_nlp, read
from newsfacts.extract.ranges import Ranges
from newsfacts.parse import parse_document
from newsfacts.records import Article

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_pieces_join_back_into_the_text_and_stay_within_the_size() -> None:
    text = "".join(f"Paragraph {k} says something about the budget.\n\n" for k in range(400))
    got = pieces(text, 1000)
    assert "".join(got) == text
    assert len(got) > 1 and all(len(p) <= 1000 for p in got)
    assert all(p.endswith(".\n\n") for p in got[:-1])  # cut after a blank line


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        pytest.param("One line of words here.\n" * 100, ".\n", id="line-end"),
        pytest.param("A sentence of words, and then more. " * 100, ". ", id="sentence-end"),
        pytest.param("words without a stop " * 100, " ", id="space"),
    ],
)
def test_a_piece_without_a_blank_line_ends_at_the_next_most_natural_break(text: str, ends: str) -> None:
    got = pieces(text, 500)
    assert "".join(got) == text
    assert all(p.endswith(ends) and len(p) <= 500 for p in got[:-1])


def test_a_stretch_without_a_space_is_cut_at_the_size() -> None:
    text = "x" * 2500
    assert pieces(text, 1000) == ["x" * 1000, "x" * 1000, "x" * 500]


def test_a_short_body_is_one_piece() -> None:
    assert pieces("Short body.\n\nTwo paragraphs.", CHUNK_CHARS) == ["Short body.\n\nTwo paragraphs."]


def test_a_body_read_in_pieces_is_one_doc_with_the_body_as_its_text_and_entities_in_place() -> None:
    para = "Mr Tom Baker flew from London to Paris on Monday, the Home Office said.\n\n"
    body = para * (2 * CHUNK_CHARS // len(para) + 3)
    (doc,) = read(get_nlp(), [body])
    assert doc.text == body
    places = [e for e in doc.ents if e.text == "Paris"]
    assert len(places) == body.count("Paris")
    assert all(body[e.start_char : e.end_char] == "Paris" for e in places)


def seed_paragraphs() -> list[str]:
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        for article in parse_document(path.name, path.read_text(encoding="utf-8")):
            out += [p for p in article.body.split("\n\n") if p.strip()]
    return out


def span_names(text: str, name: str, kind: str, iso2: str | None, short: dict[str, str]) -> bool:
    """Whether the words of a span are a form of the entity's name: the name itself, its acronym,
    a country's form, or a person's name without titles."""
    text = " ".join(text.split())
    last = re.sub(r"['\u2019]s?$", "", text.split()[-1]) if text.split() else ""
    return (
        text == name
        or short.get(text) == name
        or kind == "COUNTRY" and country_code(text) == iso2
        or kind in {"PERSON", "ORG"} and last.lower() in name.lower()
    )


@pytest.mark.slow
def test_a_text_of_two_and_a_half_megabytes_is_extracted_with_every_span_on_its_text() -> None:
    paras = seed_paragraphs()
    parts, size = [], 0
    while size < 2_500_000:
        parts.append(paras[len(parts) % len(paras)] + "\n\n")
        size += len(parts[-1])
    body = "".join(parts)
    assert len(body) > 2 * get_nlp().max_length  # more than the model takes in one text

    (facts,) = extract_facts([Article(title=None, body=body)])

    assert facts.quotes and facts.dates and facts.quantities and facts.people and facts.entities and facts.links
    for q in facts.quotes:
        assert body[q.start_char : q.end_char] == q.quote_text
    for d in facts.dates:
        assert body[d.start_char : d.end_char] == d.text
    for link in facts.links:
        assert body[link.start_char : link.end_char] == link.url
    for x in facts.quantities:
        sentence = body.rfind(x.sentence, 0, x.start_char + len(x.sentence))
        assert 0 <= sentence <= x.start_char and x.end_char <= sentence + len(x.sentence)
    for p in facts.people:
        words = re.sub(r"['\u2019]s?$", "", body[p.start_char : p.end_char]).split()
        assert words and words[-1].lower() in p.name.lower(), (body[p.start_char : p.end_char], p.name)
    short = acronyms(body)
    for e in facts.entities:
        text = body[e.start_char : e.end_char]
        assert span_names(text, e.name, e.entity_type, e.country_iso2, short), (text, e)


def test_ranges_answer_as_a_scan_of_every_range_would() -> None:
    rng = random.Random(7)
    items = [(a, a + rng.randint(0, 30), k) for k, a in enumerate(rng.randint(0, 500) for _ in range(200))]
    ranges = Ranges(items[:100])
    for item in items[100:]:
        ranges.add(*item)
    ordered = sorted(items, key=lambda it: (it[0], it[1]))
    for _ in range(300):
        s = rng.randint(-20, 540)
        e = s + rng.randint(0, 40)
        assert list(ranges.overlapping(s, e)) == [it for it in ordered if it[0] < e and s < it[1]]
        assert list(ranges.covering(s)) == [it for it in ordered if it[0] <= s < it[1]]
        assert ranges.starting_in(s, e) == [it for it in ordered if s <= it[0] < e]
        odd = [it for it in ordered if it[1] <= s and it[2] % 2]
        assert ranges.last_ending_by(s, lambda k: k % 2) == (odd[-1] if odd else None)
