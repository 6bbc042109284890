"""Facts with provenance: people, quotes, quantities, entities, dates and links.

`extract_facts` runs the extraction pipeline (nlp.py) over a batch: the model's NER and a
rule sentencizer read each body (a long one in pieces, joined back), then the fact
components (components.py) set each article's facts on its doc as `doc._` attributes, in
the declared order: links and dates before quantities (which do not claim their numbers),
people before entities and quotes (which read the people's mentions). docs/extraction.md
describes the components, the patterns and word lists they read, and how to add a rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from newsfacts.records import Article, Facts

from .nlp import MODEL_PIPES, get_nlp, read


def extract_facts(articles: Sequence[Article]) -> list[Facts]:
    """One `Facts` per article, in order; spans index into each article's body."""
    return [facts_of(doc) for doc in extracted(get_nlp(), articles)]


def extracted(nlp: Language, articles: Iterable[Article]) -> Iterator[Doc]:
    """Each article's doc, in order, through `nlp`: the model reads the body (a long one in
    pieces), then the fact components run on the joined doc with the publication date set."""
    articles = list(articles)
    docs = read(nlp, (a.body for a in articles))
    return nlp.pipe(_dated(articles, docs), disable=list(MODEL_PIPES))


def facts_of(doc: Doc) -> Facts:
    """The facts the components set on a doc."""
    return Facts(
        people=doc._.people,
        quotes=doc._.quotes,
        quantities=doc._.quantities,
        entities=doc._.entities,
        dates=doc._.dates,
        links=doc._.links,
    )


def _dated(articles: Iterable[Article], docs: Iterable[Doc]) -> Iterator[Doc]:
    """Each doc with its article's publication date, which relative dates are resolved against."""
    for article, doc in zip(articles, docs, strict=True):
        doc._.published = article.published_date
        yield doc


__all__ = ["extract_facts", "extracted", "facts_of"]
