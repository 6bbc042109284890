"""What a component's rules read of a doc: its text, its sentences, and what earlier components set on it.

Facts travel on the doc as extension attributes (`doc._.people`, `doc._.dates`, ...), each set once by the component
that finds it (components.py). A `DocView` is a read-only window on those for one component's rules: it holds the body
once (spaCy builds `doc.text` anew on every call) and answers the questions several rules ask (which sentence holds this
offset, who is named between here and there). It never carries results from one component to the next.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span

from newsfacts.records import DateMention, Link, Person

from .ranges import Ranges

SENTENCES_KEY = "newsfacts.sentences"
BODY_KEY = "newsfacts.body"


def body_of(doc: Doc) -> str:
    """The doc's text, joined once per doc: spaCy joins every token's text anew on each `doc.text`, and the components
    ask for it a dozen times an article (measured: a tenth of the rules' time)."""
    body = doc.user_data.get(BODY_KEY)
    if body is None:
        body = doc.user_data[BODY_KEY] = doc.text
    return body


@dataclass(frozen=True, slots=True)
class Mention:
    """One place in the body that names a person, resolved to the canonical name."""

    start_char: int
    end_char: int
    name: str


@dataclass(frozen=True, slots=True)
class EntitySpan:
    """One typed entity mention in a doc, by character offsets."""

    start_char: int
    end_char: int
    label: str  # PERSON, ORG, PLACE, COUNTRY or another spaCy label
    iso2: str | None = None


class DocView:
    """A doc as one component's rules read it."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.body = body_of(doc)
        self._mentions: Ranges[Mention] | None = None

    @property
    def published(self) -> date | None:
        """The article's publication date (set on the doc by `extract_facts`), for relative dates."""
        return self.doc._.published

    @property
    def spans(self) -> list[EntitySpan]:
        return self.doc._.entity_spans

    @property
    def mentions(self) -> list[Mention]:
        return self.doc._.mentions

    @property
    def genders(self) -> dict[str, str]:
        return self.doc._.genders

    @property
    def people(self) -> tuple[Person, ...]:
        return self.doc._.people

    @property
    def dates(self) -> tuple[DateMention, ...]:
        return self.doc._.dates

    @property
    def links(self) -> tuple[Link, ...]:
        return self.doc._.links

    def sentence_at(self, char: int) -> Span:
        """The sentence holding a character offset (the last one if past the end)."""
        bounds, starts = self._sentences()
        start, end = bounds[max(bisect_right(starts, char) - 1, 0)]
        return self.doc[start:end]

    def _sentences(self) -> tuple[list[tuple[int, int]], list[int]]:
        """The doc's sentences as token bounds and their start offsets, listed once per doc for every component (kept as
        numbers: spans kept on the doc would hold it in a reference cycle)."""
        if SENTENCES_KEY not in self.doc.user_data:
            sentences = list(self.doc.sents)
            bounds = [(s.start, s.end) for s in sentences]
            self.doc.user_data[SENTENCES_KEY] = (bounds, [s.start_char for s in sentences])
        return self.doc.user_data[SENTENCES_KEY]

    def mention_ranges(self) -> Ranges[Mention]:
        """The people's mentions as ranges, for questions about who is named where."""
        if self._mentions is None:
            self._mentions = Ranges((m.start_char, m.end_char, m) for m in self.mentions)
        return self._mentions
