"""The pipeline's models on numpy's BLAS (thinc NumpyOps without BLIS) read text as on BLIS.

nlp.py builds its models with `use_blis=False` because it is faster here; this checks that the
choice changes no answer: the entities of NER and the grammar parser's tags and heads are the
same as with thinc's default ops, on BBC articles outside the dev-gold ranges.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from thinc.api import NumpyOps

from newsfacts.extract.grammar import PARSER_EXCLUDE
from newsfacts.extract.nlp import MODEL, UNUSED, get_nlp, one_blas_thread

# BBC politics articles outside the dev-gold ranges (250-299, 400-417).
FILES = [f"{n:03d}.txt" for n in range(1, 41)]


@pytest.fixture
def texts(shared_data: Path) -> list[str]:
    folder = shared_data / "bbc" / "politics"
    return [(folder / name).read_bytes().decode("utf-8", errors="replace") for name in FILES]


def _blis(exclude: tuple[str, ...]) -> spacy.Language:
    nlp = spacy.load(MODEL, exclude=list(exclude))
    model = nlp.get_pipe(nlp.pipe_names[-1]).model
    assert isinstance(model.ops, NumpyOps) and model.ops.use_blis  # thinc's default on CPU
    return nlp


def test_pipeline_models_skip_blis() -> None:
    nlp = get_nlp()
    assert one_blas_thread()
    assert not nlp.get_pipe("ner").model.ops.use_blis
    parser = nlp.get_pipe("newsfacts_grammar").parser
    assert not parser.get_pipe("parser").model.ops.use_blis


def test_same_entities_as_blis(texts: list[str]) -> None:
    ours = get_nlp()
    blis = _blis(UNUSED)
    disable = [name for name in ours.pipe_names if name != "ner"]
    for a, b in zip(ours.pipe(texts, disable=disable), blis.pipe(texts), strict=True):
        assert [(e.start_char, e.end_char, e.label_) for e in a.ents] == [
            (e.start_char, e.end_char, e.label_) for e in b.ents
        ]


def test_same_parse_as_blis(texts: list[str]) -> None:
    ours = get_nlp().get_pipe("newsfacts_grammar").parser
    blis = _blis(PARSER_EXCLUDE)
    sentences = [s.text for text in texts[:15] for s in blis(text).sents]
    for a, b in zip(ours.pipe(sentences), blis.pipe(sentences), strict=True):
        assert [(t.tag_, t.dep_, t.head.i) for t in a] == [(t.tag_, t.dep_, t.head.i) for t in b]
