"""Facts with provenance: people, quotes, quantities, entities, dates and links.

`extract_facts` runs spaCy once over the batch (NER and a rule sentencizer
only), then the ordered extractors over each article. Order matters: dates
and links block numbers from becoming quantities, people leave the mentions
that quotes resolve speakers against, and entities reuse people's names.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newsfacts.records import Article, Facts

from . import dates, entities, links, people, quantities, quotes
from .context import Context
from .nlp import get_nlp, read

Extractor = Callable[[Context], tuple]

# (Facts field, extractor), applied in this order to every article.
EXTRACTORS: tuple[tuple[str, Extractor], ...] = (
    ("links", links.extract),
    ("dates", dates.extract),
    ("people", people.extract),
    ("entities", entities.extract),
    ("quantities", quantities.extract),
    ("quotes", quotes.extract),
)


def extract_facts(articles: Sequence[Article]) -> list[Facts]:
    """One `Facts` per article, in order; spans index into each article's body."""
    docs = read(get_nlp(), (a.body for a in articles))
    out = []
    for article, doc in zip(articles, docs, strict=True):
        ctx = Context(article=article, doc=doc, spans=entities.entity_spans(doc))
        for field, extractor in EXTRACTORS:
            ctx.results[field] = extractor(ctx)
        out.append(Facts(**ctx.results))
    return out


__all__ = ["EXTRACTORS", "extract_facts"]
