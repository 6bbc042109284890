"""What every extractor sees: the article, its spaCy doc, and earlier extractors' results."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from newsfacts.records import Article


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


@dataclass
class Context:
    """One article on its way through the ordered extractors.

    Extractors run in the order of `EXTRACTORS`; later ones read what earlier
    ones left here (quotes need the people's mentions to name speakers).
    """

    article: Article
    doc: Doc
    spans: list[EntitySpan]
    mentions: list[Mention] = field(default_factory=list)
    results: dict[str, tuple] = field(default_factory=dict)
    # "m" or "f" per canonical name where the article shows it (set by people), for "he"/"she".
    genders: dict[str, str] = field(default_factory=dict)
    # (start, end) of every stretch inside quotation marks (set by quotes before it names
    # speakers): a name inside a quote is not who "he said" refers to.
    quoted: list[tuple[int, int]] = field(default_factory=list)

    @property
    def body(self) -> str:
        return self.article.body

    def sentence_at(self, char: int) -> Span:
        """The sentence holding a character offset (the last one if past the end)."""
        starts = self._sentence_starts()
        i = max(bisect_right(starts, char) - 1, 0)
        return self._sentences()[i]

    def _sentences(self) -> list[Span]:
        if not hasattr(self, "_sents"):
            self._sents = list(self.doc.sents)
        return self._sents

    def _sentence_starts(self) -> list[int]:
        if not hasattr(self, "_starts"):
            self._starts = [s.start_char for s in self._sentences()]
        return self._starts

    def last_person_before(self, char: int, gender: str | None = None) -> str | None:
        """The canonical name of the last person named before `char` outside quotation marks
        whose gender, where known, is `gender` (for "he said", "she said")."""
        best = None
        for m in self.mentions:
            if m.end_char > char:
                break
            if any(a <= m.start_char < b for a, b in self.quoted):
                continue
            if gender is None or self.genders.get(m.name, gender) == gender:
                best = m.name
        return best
