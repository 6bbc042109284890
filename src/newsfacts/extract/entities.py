"""Named entities: the small model's spans corrected by domain rules and gazetteers.

`entity_spans` is the entity layer on its own (a Doc in, typed spans out), so
the CoNLL benchmark can score it on pre-tokenised sentences; `extract` turns
it into one row per entity per article with canonical names and ISO codes.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry
from spacy.tokens import Doc, Span

from newsfacts.records import Entity

from .context import Context, EntitySpan
from .lexicon import (
    COUNTRY_ALIASES,
    HOME_NATIONS,
    HONORIFICS,
    METONYM_ORGS,
    NOT_ENTITIES,
    NOT_PEOPLE,
    ORG_WORDS,
    PLACE_COUNTRY,
    PLACE_WORDS,
    REGIONS,
    ROLE_HEADS,
)

NUMERIC_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL",
                            "QUANTITY"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Words before a span that make it a place ("the village of X", "in X").
PLACE_NOUNS_BEFORE = frozenset({"village", "town", "city", "port", "county", "region",
                                "province", "state", "capital", "suburb", "district"})
PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "across", "throughout"})
ACRONYM = re.compile(
    r"\b((?:[A-Z][\w'&-]*)(?:\s+(?:[A-Z][\w'&-]*|and|of|for|the|on|in|&))*\s+[A-Z][\w'&-]*)"
    r"\s+\(([A-Z][A-Za-z&]{1,7})\)"
)
# Share of letters in a sentence above which it is a headline in capitals.
CAPS_SHARE = 0.6


def entity_spans(doc: Doc) -> list[EntitySpan]:
    """The model's entities corrected by the rules, in text order.

    Sentences in capitals are re-tagged in title case first: the small model
    reads capitalisation as a strong cue and misses most names in them.
    """
    out = []
    ents = list(doc.ents)
    recased = [sent for sent in doc.sents if _mostly_caps(sent)]
    for sent in recased:
        ents = [e for e in ents if not (sent.start <= e.start < sent.end)] + _recased_ents(sent)
    for ent in sorted(ents, key=lambda e: e.start):
        span = _correct(doc, ent.start, ent.end, ent.label_)
        if span is not None:
            out.append(span)
    return out


def acronyms(text: str) -> dict[str, str]:
    """Acronyms defined in the text ("Borders and Immigration Agency (BIA)") -> expansion."""
    found = {}
    for m in ACRONYM.finditer(text):
        words = m[1].split()
        short = m[2]
        # Keep the shortest tail of the expansion whose initial matches the acronym's.
        for i in range(len(words)):
            if words[i][0] == short[0] and words[i][0].isupper():
                found[short] = " ".join(words[i:])
                break
    return found


def extract(ctx: Context) -> tuple[Entity, ...]:
    """One row per entity per article: canonical name, type, ISO code, mentions, first span."""
    short = acronyms(ctx.body)
    person_at = {(m.start_char, m.end_char): m.name for m in ctx.mentions}
    rows: dict[tuple[str, str], list] = {}
    for span in ctx.spans:
        text = ctx.body[span.start_char:span.end_char]
        label, iso = span.label, span.iso2
        if label == "PERSON":
            name = person_at.get((span.start_char, span.end_char))
            if name is None:
                continue
        elif label == "COUNTRY":
            name = country_name(iso) or text
        elif text in short:
            name, label = short[text], "ORG"
        else:
            name = re.sub(r"\s+", " ", text)
        key = (label, name)
        if key in rows:
            rows[key][3] += 1
        else:
            rows[key] = [label, name, iso, 1, span.start_char, span.end_char]
    return tuple(Entity(*row) for row in rows.values())


def country_code(text: str) -> str | None:
    """ISO alpha-2 code for a country name, short form or demonym, else None."""
    low = text.lower().removeprefix("the ")
    if low in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[low]
    if len(low) > 3 and not text.isupper():
        return _pycountry_code(low)
    return None


def country_name(iso2: str | None) -> str | None:
    """The common English name for a code, as the canonical entity name."""
    if iso2 is None:
        return None
    country = pycountry.countries.get(alpha_2=iso2)
    if country is None:
        return None
    return getattr(country, "common_name", None) or country.name


@lru_cache(maxsize=4096)
def _pycountry_code(low: str) -> str | None:
    try:
        return pycountry.countries.lookup(low).alpha_2
    except LookupError:
        return None


def _correct(doc: Doc, start: int, end: int, label: str) -> EntitySpan | None:
    """Trim a model span and relabel it by the gazetteers and context words."""
    if label in NUMERIC_LABELS:
        return None
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or
                           doc[start].lower_ in HONORIFICS and label == "PERSON"):
        start += 1
    while end > start and (doc[end - 1].lower_ in {"'s", "\u2019s", "'"} or doc[end - 1].is_punct):
        end -= 1
    if start >= end:
        return None
    span = doc[start:end]
    text = span.text
    low = text.lower()
    words = low.split()
    if low in NOT_ENTITIES or not any(c.isupper() for c in text):
        return None
    after = doc[end] if end < len(doc) else None
    if (after is not None and after.is_title and after.lower_ in ROLE_HEADS
            and words[-1] not in ORG_WORDS and label != "PERSON"):
        return None  # "Home" in "Home Secretary": part of a title
    if low in METONYM_ORGS:
        return EntitySpan(span.start_char, span.end_char, "ORG", None)
    iso = country_code(text)
    if low in HOME_NATIONS:
        return EntitySpan(span.start_char, span.end_char, "PLACE", iso)
    if iso is not None and label != "PERSON" or low in COUNTRY_ALIASES:
        return EntitySpan(span.start_char, span.end_char, "NORP" if label == "NORP" else "COUNTRY",
                          iso)
    if low in PLACE_COUNTRY or low in REGIONS:
        return EntitySpan(span.start_char, span.end_char, "PLACE", PLACE_COUNTRY.get(low))
    if words[-1] in PLACE_WORDS and label != "PERSON" or (
            label == "PERSON" and after is not None and after.is_lower
            and after.lower_ in PLACE_WORDS):
        return EntitySpan(span.start_char, span.end_char, "PLACE", None)
    if words[-1] in ORG_WORDS or words[0] in NOT_PEOPLE:
        return EntitySpan(span.start_char, span.end_char, "ORG", None)
    if label in {"ORG", "PERSON", "PRODUCT"} and _place_context(doc, start) and not text.isupper():
        return EntitySpan(span.start_char, span.end_char, "PLACE", None)
    if label in PLACE_LABELS:
        return EntitySpan(span.start_char, span.end_char, "PLACE", None)
    return EntitySpan(span.start_char, span.end_char, label, None)


def _place_context(doc: Doc, start: int) -> bool:
    """True after "the village of" or "in": the span names a place whatever its label."""
    if start >= 1 and doc[start - 1].lower_ in PLACE_PREPOSITIONS:
        return True
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in PLACE_NOUNS_BEFORE


def _mostly_caps(sent: Span) -> bool:
    letters = [c for c in sent.text if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) > CAPS_SHARE


def _recased_ents(sent: Span) -> list[Span]:
    """Run NER again on the sentence in title case and map its entities back."""
    from .nlp import get_nlp

    nlp = get_nlp()
    words = [t.text.title() if t.is_upper and len(t) > 3 else t.text for t in sent]
    recased = nlp.get_pipe("ner")(Doc(nlp.vocab, words=words,
                                      spaces=[bool(t.whitespace_) for t in sent]))
    return [Span(sent.doc, sent.start + e.start, sent.start + e.end, label=e.label_)
            for e in recased.ents]
