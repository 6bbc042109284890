"""What every extractor sees: the article, its spaCy doc, and earlier extractors' results."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from spacy.tokens import Doc, Span

from newsfacts.records import Article

from .ranges import Ranges


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
    quoted: Ranges[None] = field(default_factory=Ranges)

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

    def mention_ranges(self) -> Ranges[Mention]:
        """The mentions as ranges, for questions about who is named where (built once people set them)."""
        if getattr(self, "_mention_key", None) is not self.mentions:
            self._mention_key = self.mentions
            self._mention_ranges = Ranges((m.start_char, m.end_char, m) for m in self.mentions)
            self._speakable: dict[str | None, list[int]] = {}
            # How many mentions come before the first that ends past an offset: a running maximum of ends.
            self._end_max = list(accumulate((m.end_char for m in self.mentions), max))
        return self._mention_ranges

    def last_person_before(self, char: int, gender: str | None = None) -> str | None:
        """The canonical name of the last person named before `char` outside quotation marks
        whose gender, where known, is `gender` (for "he said", "she said"): of the mentions
        before the first one that ends past `char`, the last that qualifies."""
        self.mention_ranges()
        if gender not in self._speakable:
            self._speakable[gender] = [
                i
                for i, m in enumerate(self.mentions)
                if not self.quoted.covers(m.start_char)
                and (gender is None or self.genders.get(m.name, gender) == gender)
            ]
        picks = self._speakable[gender]
        j = bisect_left(picks, bisect_right(self._end_max, char))
        return self.mentions[picks[j - 1]].name if j else None
