"""The extraction as spaCy pipeline components, each setting its facts on the doc.

Each fact kind is a component registered with `@Language.factory`, declaring what it writes (`assigns`) and what it
reads (`requires`) as `doc._` extension attributes; `nlp.PIPES` puts them in order, and `nlp.analyze_pipes()` checks
that everything a component reads is written by one before it. A component sets its own attributes once and never
touches another's: the facts of an article are `doc._.<kind>` when the pipeline is done.

A component also loads its kind's patterns (`patterns/<kind>.jsonl`) into a SpanRuler, whose matches it leaves in
`doc.spans[<kind>]` (each span's `id_` the pattern's id) before its rules run, so rules can read them.

The factories' annotations are evaluated, not postponed: spaCy's registry validates a factory's arguments against
them, and the confection that spaCy 3.8.7 pins cannot resolve a postponed one.
"""

from collections.abc import Callable, Sequence
from typing import Any

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc

from . import dates, entities, grammar, links, people, quantities, quotes
from .patterns import span_ruler

# The article's publication date, set by `extract_facts` before the components run (relative
# dates are resolved against it); every other attribute is set by the component named here.
INPUTS = ("published",)
EXTENSIONS = {
    "published": "extract_facts",
    "entity_spans": "newsfacts_entity_spans",
    "grammar": "newsfacts_grammar",
    "links": "newsfacts_links",
    "dates": "newsfacts_dates",
    "people": "newsfacts_people",
    "mentions": "newsfacts_people",
    "genders": "newsfacts_people",
    "entities": "newsfacts_entities",
    "quantities": "newsfacts_quantities",
    "quotes": "newsfacts_quotes",
}
for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class FactComponent:
    """A component that runs one kind's rules on the doc and sets what they return.

    `attrs` names the `doc._` attributes the rules' result fills, in order (one, or a tuple's parts). The token and
    phrase patterns of `patterns/<patterns>.jsonl`, if given, are matched first into `doc.spans[<patterns>]`, where the
    rules read them.
    """

    def __init__(
        self, nlp: Language, rules: Callable[[Doc], Any], attrs: Sequence[str], patterns: str | None = None
    ) -> None:
        self.rules = rules
        self.attrs = tuple(attrs)
        self.ruler: SpanRuler | None = span_ruler(nlp, patterns) if patterns else None

    def __call__(self, doc: Doc) -> Doc:
        if self.ruler is not None:
            self.ruler(doc)
        found = self.rules(doc)
        values = found if len(self.attrs) > 1 else (found,)
        for attr, value in zip(self.attrs, values, strict=True):
            setattr(doc._, attr, value)
        return doc


@Language.factory(
    "newsfacts_entity_spans", assigns=["doc._.entity_spans"], requires=["doc.ents", "token.is_sent_start"]
)
def make_entity_spans(nlp: Language, name: str) -> FactComponent:
    """The model's entities corrected by the domain rules, as typed character spans."""
    return FactComponent(nlp, entities.entity_spans, ["entity_spans"], patterns="entities")


@Language.factory("newsfacts_grammar", assigns=["doc._.grammar"], requires=["token.is_sent_start"])
def make_grammar(nlp: Language, name: str) -> grammar.GrammarReader:
    """The sentences that need grammar, parsed by a second, parser-only pipeline."""
    return grammar.GrammarReader(nlp)


@Language.factory("newsfacts_links", assigns=["doc._.links"])
def make_links(nlp: Language, name: str) -> FactComponent:
    return FactComponent(nlp, links.extract, ["links"], patterns="links")


@Language.factory("newsfacts_dates", assigns=["doc._.dates"], requires=["doc.ents", "token.is_sent_start"])
def make_dates(nlp: Language, name: str) -> FactComponent:
    return FactComponent(nlp, dates.extract, ["dates"], patterns="dates")


@Language.factory(
    "newsfacts_people",
    assigns=["doc._.people", "doc._.mentions", "doc._.genders"],
    requires=["doc._.entity_spans", "doc._.grammar", "token.is_sent_start"],
)
def make_people(nlp: Language, name: str) -> FactComponent:
    return FactComponent(nlp, people.extract, ["people", "mentions", "genders"], patterns="people")


@Language.factory("newsfacts_entities", assigns=["doc._.entities"], requires=["doc._.entity_spans", "doc._.mentions"])
def make_entities(nlp: Language, name: str) -> FactComponent:
    return FactComponent(nlp, entities.extract, ["entities"])


@Language.factory(
    "newsfacts_quantities",
    assigns=["doc._.quantities"],
    requires=["doc._.dates", "doc._.links", "doc._.grammar", "token.is_sent_start"],
)
def make_quantities(nlp: Language, name: str) -> FactComponent:
    """Quantities; numbers inside a date or a link are not claimed; what one is of is read in the parse."""
    return FactComponent(nlp, quantities.extract, ["quantities"], patterns="quantities")


@Language.factory(
    "newsfacts_quotes",
    assigns=["doc._.quotes"],
    requires=[
        "doc._.mentions",
        "doc._.genders",
        "doc._.people",
        "doc._.entity_spans",
        "doc._.grammar",
        "token.is_sent_start",
    ],
)
def make_quotes(nlp: Language, name: str) -> FactComponent:
    """Quotes and their speakers, named from the people's mentions."""
    return FactComponent(nlp, quotes.extract, ["quotes"], patterns="quotes")
