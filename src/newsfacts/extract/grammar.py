"""Grammar where a fact depends on it, parsed only there.

The extraction pipeline runs the model's NER without its tagger and parser (2.3 times faster). Some facts are decided by
grammar: who is the subject of a speech verb, the agent of a passive, the person an apposition describes, the noun a
number counts. This component finds the sentences that may hold such a fact - those with a quotation mark, a speech verb
or a number (the cue patterns in `patterns/grammar.jsonl`), and a lead sentence opening with a role - and runs a second
pipeline, the same pinned model's tagger and parser, over those sentences alone. Each parsed sentence is a doc of its
own, tokenised exactly as the article's doc, so token k of it is token `start + k` of the article and
`start_char + token.idx` its offset in the body. The dependency patterns of `patterns/grammar.jsonl` are matched there
once for every kind that reads them; `dependency_matches` runs any other DependencyMatcher over the same sentences, and
a match answers in body offsets.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

import spacy
from spacy.language import Language
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import minibatch

from .nlp import MODEL
from .patterns import dependency_matcher, span_ruler

# What the parse needs of the pinned model is its tok2vec, tagger and parser: NER is done already,
# senter ships disabled, and patterns read the tagger's fine tags (TAG: "VBD", "NNP") and the words
# as written, so the attribute ruler (coarse POS: about half the parse's time, measured on whole
# BBC articles) and the lemmatizer (a fifth) are left out.
PARSER_EXCLUDE = ("ner", "senter", "attribute_ruler", "lemmatizer")
# Sentences the parser reads at once. The cued sentences of a batch of 32 articles are about 350;
# parsed all at once (the model's own batch size is 1,000) they took 15.5-17 ms an article, in
# batches of 128 or 256 13.5-14.5 (64: 15), the same parses (BBC train, alternated runs): the
# parser's precomputed features for a batch's tokens then stay within the processor's caches.
PARSE_BATCH = 128


@dataclass(frozen=True, slots=True)
class Parsed:
    """One sentence of the article, parsed as a doc of its own."""

    doc: Doc
    start: int  # index of its first token in the article's doc
    start_char: int  # offset of its first character in the body

    def char_span(self, token: Token) -> tuple[int, int]:
        """Where a token of this sentence stands in the body."""
        return self.start_char + token.idx, self.start_char + token.idx + len(token)


@dataclass(frozen=True, slots=True)
class Match:
    """A dependency pattern matched in a parsed sentence: the pattern's id and each of its nodes (by the pattern's
    RIGHT_ID) as a token of the parsed sentence."""

    id: str
    sentence: Parsed
    nodes: Mapping[str, Token]

    def char_span(self, node: str) -> tuple[int, int]:
        return self.sentence.char_span(self.nodes[node])


@dataclass(frozen=True, slots=True)
class Grammar:
    """What `doc._.grammar` holds: the parsed sentences, and the grammatical relations the dependency patterns of
    `patterns/grammar.jsonl` find in them (several fact kinds read the same relation: who a speech verb's subject is,
    what a number counts)."""

    sentences: tuple[Parsed, ...]
    relations: tuple[Match, ...]
    # The relations by pattern, listed once: rules ask `of` for every quote and mention, and
    # filtering all relations on each call made a long transcript's extraction quadratic.
    _by_pattern: dict[str, tuple[Match, ...]] = field(init=False, repr=False, compare=False)
    _by_node_start: dict[tuple[str, str], dict[int, list[tuple[int, Match]]]] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        by_pattern: dict[str, list[Match]] = {}
        for m in self.relations:
            by_pattern.setdefault(m.id, []).append(m)
        object.__setattr__(self, "_by_pattern", {k: tuple(v) for k, v in by_pattern.items()})
        object.__setattr__(self, "_by_node_start", {})

    def of(self, pattern: str) -> list[Match]:
        """The relations one pattern found, in text order."""
        return list(self._by_pattern.get(pattern, ()))

    def at(self, pattern: str, node: str, starts: Collection[int]) -> list[Match]:
        """The relations of one pattern whose `node` begins at one of the body offsets `starts`, in text order: what a
        rule asks of each quote, answered without going through every relation."""
        index = self._by_node_start.get((pattern, node))
        if index is None:
            index = self._by_node_start[pattern, node] = {}
            for k, m in enumerate(self._by_pattern.get(pattern, ())):
                index.setdefault(m.char_span(node)[0], []).append((k, m))
        return [m for _, m in sorted(pair for start in set(starts) for pair in index.get(start, ()))]


class GrammarReader:
    """The `newsfacts_grammar` component: parses the sentences that hold a grammar cue and finds the grammatical
    relations in them. Over a stream of docs (`pipe`) it parses the cued sentences of a whole batch of articles at once:
    the parser's cost per call is paid per batch, not per article (measured: 0.042 s/article parsing each article's
    sentences alone, 0.026 in batches)."""

    def __init__(self, nlp: Language) -> None:
        self.cues = span_ruler(nlp, "grammar")
        self.relations = dependency_matcher(nlp.vocab, "grammar")
        self.parser = spacy.load(MODEL, vocab=nlp.vocab, exclude=list(PARSER_EXCLUDE))

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        for batch in minibatch(docs, batch_size):
            cued = [self._cued(doc) for doc in batch]
            alone = (
                Doc(self.parser.vocab, words=[t.text for t in s], spaces=[bool(t.whitespace_) for t in s])
                for sentences in cued
                for s in sentences
            )
            parsed = self.parser.pipe(alone, batch_size=PARSE_BATCH)
            for doc, sentences in zip(batch, cued, strict=True):
                found = tuple(Parsed(next(parsed), s.start, s.start_char) for s in sentences)
                relations = dependency_matches(found, *self.relations) if self.relations else []
                doc._.grammar = Grammar(found, tuple(relations))
                yield doc

    def _cued(self, doc: Doc) -> list[Span]:
        """The doc's sentences holding a cue; a `LEAD` cue counts in the first sentence only (the lead, which names a
        role its next sentence often gives a name: "A witness has told jurors. X said ...")."""
        if self.cues is None:
            return []
        self.cues(doc)
        lead = next(doc.sents).end if len(doc) else 0
        cued = {span.start for span in doc.spans["grammar"] if span.label_ != "LEAD" or span.start < lead}
        return [s for s in doc.sents if any(i in cued for i in range(s.start, s.end))]


def dependency_matches(
    sentences: Iterable[Parsed], matcher: DependencyMatcher, nodes: Mapping[str, list[str]]
) -> list[Match]:
    """Every match of `matcher`'s patterns in parsed sentences, in text order. `nodes` gives each pattern id's node
    names in pattern order (as `patterns.dependency_matcher` returns them)."""
    out = []
    for sentence in sentences:
        for key, tokens in matcher(sentence.doc):
            pattern = sentence.doc.vocab.strings[key]
            named = {n: sentence.doc[t] for n, t in zip(nodes[pattern], tokens, strict=True)}
            out.append(Match(pattern, sentence, named))
    return sorted(out, key=lambda m: (m.sentence.start, sorted(t.i for t in m.nodes.values()), m.id))
