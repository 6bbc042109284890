"""Facts with provenance: people, quotes, quantities, entities, dates and links.

`extract_facts` runs the extraction pipeline (nlp.py) over a batch: the model's NER and a rule sentencizer read each
body (a long one in pieces, joined back), then the fact components (components.py) set each article's facts on its doc
as `doc._` attributes, in the declared order: links and dates before quantities (which do not claim their numbers),
people before entities and quotes (which read the people's mentions). docs/extraction.md describes the components, the
patterns and word lists they read, and how to add a rule.
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
    """Each article's doc, in order, through `nlp`: the model reads the body's prose (`prose`: tables blanked; a long
    body in pieces), then the fact components run on the joined doc with the publication date set."""
    articles = list(articles)
    docs = read(nlp, (prose(a) for a in articles))
    return nlp.pipe(_dated(articles, docs), disable=list(MODEL_PIPES))


def prose(article: Article) -> str:
    """The body as the rules read it: its table sections blanked, every other character in place.

    A table's rows are no sentences (parse/text.py `_is_table_row` says why they stay in the body): read as prose they
    ran into the next sentence, the row "| Poles | 12,000 | 41% |" made Poles an entity and its figures quantities of
    "Poles Lithuanians". Blanking the rows with spaces (their line ends kept) keeps every offset into the body, so spans
    still index into it, and no fact comes from a row. What a table's figures count is in its header, not in a sentence:
    reading them as quantities would need their column, which no rule reads yet.
    """
    tables = [s for s in article.sections if s.name == "table"]
    if not tables:
        return article.body
    text = list(article.body)
    for section in tables:
        for i in range(section.start_char, min(section.end_char, len(text))):
            if text[i] != "\n":
                text[i] = " "
    return "".join(text)


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


__all__ = ["extract_facts", "extracted", "facts_of", "prose"]
