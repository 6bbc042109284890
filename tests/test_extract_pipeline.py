"""The extraction as spaCy components: declared order, declared reads, facts on the doc."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsfacts.extract import extract_facts, extracted, facts_of
from newsfacts.extract.components import EXTENSIONS, INPUTS
from newsfacts.extract.grammar import Grammar
from newsfacts.extract.nlp import MODEL_PIPES, PIPES, get_nlp, read
from newsfacts.parse import parse_document

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_a35eb987d5d3a60c.txt"
# The pipeline with every component: the product's, the grammar one included.
ALL = PIPES


@pytest.fixture(scope="module")
def article():
    return parse_document(SEED.name, SEED.read_text(encoding="utf-8"))[0]


def test_every_component_reads_only_what_an_earlier_one_writes() -> None:
    analysis = get_nlp(PIPES).analyze_pipes()
    assert not any(analysis["problems"].values()), analysis["problems"]


def test_each_doc_attribute_is_written_by_the_component_that_declares_it() -> None:
    nlp = get_nlp(ALL)
    for attr, writer in EXTENSIONS.items():
        if attr in INPUTS:
            continue
        assert f"doc._.{attr}" in nlp.get_pipe_meta(writer).assigns, (attr, writer)


def test_facts_are_read_off_the_doc_the_pipeline_returns(article) -> None:
    nlp = get_nlp()
    (doc,) = read(nlp, [article.body])
    doc._.published = article.published_date
    doc = next(nlp.pipe([doc], disable=list(MODEL_PIPES)))
    assert facts_of(doc) == extract_facts([article])[0]


@pytest.mark.parametrize("name", ALL)
def test_a_component_given_only_what_it_declares_finds_the_same_facts(name: str, article) -> None:
    """Every doc._ attribute the component does not declare it reads is wiped before it runs: a
    component reading something undeclared would fail or find other facts."""
    nlp = get_nlp(ALL)
    meta = nlp.get_pipe_meta(name)
    component = nlp.get_pipe(name)
    expected = component(prepared(nlp, article, name))
    doc = prepared(nlp, article, name)
    declared = {a.removeprefix("doc._.") for a in meta.requires if a.startswith("doc._.")}
    for attr in EXTENSIONS:
        if attr not in declared and attr not in INPUTS:
            setattr(doc._, attr, None)
    doc = component(doc)
    for attr in meta.assigns:
        key = attr.removeprefix("doc._.")
        assert comparable(getattr(doc._, key)) == comparable(getattr(expected._, key)), attr


def prepared(nlp, article, name: str):
    """The article's doc through the model and every component before `name`."""
    (doc,) = read(nlp, [article.body])
    doc._.published = article.published_date
    for earlier in ALL[: ALL.index(name)]:
        doc = nlp.get_pipe(earlier)(doc)
    return doc


def comparable(value):
    """A value with its parsed sentences as their tokens' text, tags and arcs (docs compare by identity)."""
    if isinstance(value, Grammar):
        sentences = [
            (p.start, p.start_char, [(t.text, t.tag_, t.dep_, t.head.i) for t in p.doc]) for p in value.sentences
        ]
        relations = [(m.id, m.sentence.start, {n: t.i for n, t in m.nodes.items()}) for m in value.relations]
        return sentences, relations
    return value


@pytest.mark.parametrize(
    ("lines", "error"),
    [
        pytest.param(['{"label": "X", "pattern": [{"LOWER": "a"}]}'], 'a pattern needs an "id"', id="no-id"),
        pytest.param(
            ['{"id": "a", "pattern": [{"LOWER": "a"}]}', '{"id": "a", "pattern": [{"LOWER": "b"}]}'],
            "pattern id 'a' used twice",
            id="duplicate-id",
        ),
        pytest.param(['{"id": "a"}'], 'give one of "pattern"', id="no-pattern"),
        pytest.param(['{"id": "a", "pattern": [{"LOWER": {"IN": "@no_such_list"}}]}'], "no word list", id="bad-list"),
        pytest.param(["{not json"], "not JSON", id="not-json"),
    ],
)
def test_a_bad_patterns_file_says_where_and_what(tmp_path, monkeypatch, lines: list[str], error: str) -> None:
    from newsfacts.extract import patterns

    kind = f"broken_{abs(hash(tuple(lines)))}"
    (tmp_path / f"{kind}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(patterns, "PATTERNS", tmp_path)
    with pytest.raises(patterns.PatternError, match=f"^{kind}.jsonl:[0-9]+: .*{re.escape(error)}"):
        patterns.load(kind)


def test_parsed_sentences_map_back_to_the_body_token_by_token(article) -> None:
    (doc,) = extracted(get_nlp(ALL), [article])
    body = article.body
    assert doc._.grammar.sentences
    for parsed in doc._.grammar.sentences:
        for token in parsed.doc:
            start, end = parsed.char_span(token)
            assert body[start:end] == token.text == doc[parsed.start + token.i].text
    for match in doc._.grammar.relations:
        for name, token in match.nodes.items():
            start, end = match.char_span(name)
            assert body[start:end] == token.text


def test_a_paragraph_is_a_sentence_boundary_unless_it_ends_with_a_colon() -> None:
    """A heading or list item without a full stop does not run into the paragraph after it, and a
    colon hands its sentence on ("He said:" and the quote in the next paragraph)."""
    body = 'Related stories\n\nThe minister said the plan would work.\n\nHe said:\n\n"It will work."'
    (doc,) = read(get_nlp(), [body])
    assert [s.text.strip() for s in doc.sents] == [
        "Related stories",
        "The minister said the plan would work.",
        'He said:\n\n"It will work."',
    ]
