"""The indexed dependency matcher finds exactly what spaCy's DependencyMatcher finds.

The grammar component matches its patterns with `IndexedDependencyMatcher` because it is about
three times faster; this holds it to the stock matcher's answers on the seeds' parsed sentences,
for the product's patterns and for conditions the index cannot answer (a number test, NOT_IN, a
regular expression), which go to a spaCy Matcher.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc

from newsfacts.extract.depmatch import IndexedDependencyMatcher
from newsfacts.extract.grammar import PARSER_EXCLUDE
from newsfacts.extract.nlp import MODEL
from newsfacts.extract.patterns import load
from newsfacts.parse import parse_document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Patterns whose conditions are not all word, tag or label lookups, and one sharing a node with them.
OTHER = [
    (
        "number-counts",
        [
            {"RIGHT_ID": "noun", "RIGHT_ATTRS": {"TAG": {"IN": ["NNS", "NN"]}}},
            {"LEFT_ID": "noun", "REL_OP": ">", "RIGHT_ID": "number", "RIGHT_ATTRS": {"LIKE_NUM": True}},
        ],
    ),
    (
        "not-said",
        [
            {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"TAG": "VBD", "LOWER": {"NOT_IN": ["said"]}}},
            {"LEFT_ID": "verb", "REL_OP": ">>", "RIGHT_ID": "object", "RIGHT_ATTRS": {"DEP": "dobj"}},
        ],
    ),
    (
        "capital-subject",
        [
            {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"TAG": {"IN": ["VBD", "VBZ"]}}},
            {
                "LEFT_ID": "verb",
                "REL_OP": ">",
                "RIGHT_ID": "subject",
                "RIGHT_ATTRS": {"DEP": "nsubj", "TEXT": {"REGEX": "^[A-Z]"}},
            },
        ],
    ),
]


@pytest.fixture(scope="module")
def sentences() -> list[Doc]:
    parser = spacy.load(MODEL, exclude=list(PARSER_EXCLUDE))
    sentencizer = spacy.blank("en")
    sentencizer.add_pipe("sentencizer")
    bodies = [a.body for f in sorted(SEEDS.glob("*")) for a in parse_document(f.name, f.read_text(errors="replace"))]
    texts = [s.text for body in bodies for s in sentencizer(body).sents]
    return list(parser.pipe(texts))


def _matches(matcher: DependencyMatcher, docs: list[Doc]) -> list[list[tuple[str, tuple[int, ...]]]]:
    return [sorted((doc.vocab.strings[key], tuple(tokens)) for key, tokens in matcher(doc)) for doc in docs]


def _both(docs: list[Doc], patterns: list[tuple[str, list[dict]]]) -> tuple[list, list]:
    stock, indexed = DependencyMatcher(docs[0].vocab), IndexedDependencyMatcher(docs[0].vocab)
    for matcher in (stock, indexed):
        for name, pattern in patterns:
            matcher.add(name, [pattern])
    return _matches(stock, docs), _matches(indexed, docs)


def test_the_grammar_patterns_match_as_spacy_matches_them(sentences: list[Doc]) -> None:
    grammar = [(p["id"], p["dependency"]) for p in load("grammar") if "dependency" in p]
    stock, indexed = _both(sentences, grammar)
    assert sum(map(len, stock)) > 100  # the seeds hold speech verbs, appositions and amounts
    assert indexed == stock


def test_conditions_the_index_cannot_answer_go_to_a_matcher(sentences: list[Doc]) -> None:
    stock, indexed = _both(sentences, OTHER)
    found = {name for per_doc in stock for name, _ in per_doc}
    assert found == {"number-counts", "not-said", "capital-subject"}
    assert indexed == stock
