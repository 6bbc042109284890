"""Named entities: the small model's spans corrected by domain rules and gazetteers.

`entity_spans` is the entity layer on its own (a Doc in, typed spans out), so the CoNLL benchmark can score it on
pre-tokenised sentences; `extract` turns it into one row per entity per article with canonical names and ISO codes.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Sequence
from functools import lru_cache
from itertools import groupby

import pycountry
from spacy.tokens import Doc, Span, Token

from newsfacts.records import Entity

from .lexicon import (
    BROADCAST_WORDS,
    COMPASS_ADJECTIVES,
    COMPASS_WORDS,
    COMPETITION_WORDS,
    COUNTRY_ALIASES,
    DEMONYMS,
    DESCRIPTION_HEADS,
    FEMALE_NAMES,
    HEADLINE_SMALL_WORDS,
    HOLIDAYS,
    HOME_NATIONS,
    HONORIFICS,
    MALE_NAMES,
    METONYM_ORGS,
    MONTHS,
    NAME_PREFIXES,
    NOBLE_TITLES,
    NOT_ENTITIES,
    NOT_PEOPLE,
    ORG_SUFFIXES,
    ORG_WORDS,
    PARTY_NAMES,
    PEOPLES,
    PLACE_WORDS,
    PLACES,
    PLURAL_TITLES,
    POST_NOMINALS,
    REGIONS,
    ROLE_STOPS,
    SEAT_WORDS,
    SOCIAL_TITLES,
    SPORT_MIN,
    SPORT_WORDS,
    TABLE_WORDS,
    TERRITORIES,
    VENUE_PREPOSITIONS,
    alternation,
)
from .patterns import load as load_patterns
from .ranges import Ranges
from .view import DocView, EntitySpan, Mention, body_of

NUMERIC_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Given names of either gender; the words that end a company's or a body's name; compass words and adjectives.
GIVEN_NAMES = MALE_NAMES | FEMALE_NAMES
ORG_NAME_WORDS = ORG_WORDS | ORG_SUFFIXES
COMPASS = COMPASS_WORDS | COMPASS_ADJECTIVES
# Words no entity is named by: ordinary words the model takes for names, and a results table's headings.
NO_NAMES = NOT_ENTITIES | TABLE_WORDS
# First words of a place's name ("Isle of Ashby", "Lake Kell").
PLACE_HEADS = frozenset({"isle", "mount", "lake", "loch", "cape"})
# A name's words: capitalised, with the small words inside names between ("Bank of England").
NAME = r"[A-Z][\w'&-]*(?:\s+(?:[A-Z][\w'&-]*|and|of|for|the|on|in|&))*"
ACRONYM = re.compile(rf"\b({NAME}\s+[A-Z][\w'&-]*)\s+\(\s*([A-Z][A-Za-z&]{{1,7}})\s*\)")
# The other order: "KDP (Kurdistan Democratic Party)".
ACRONYM_FIRST = re.compile(rf"\b([A-Z][A-Z&]{{1,7}})\s+\(\s*({NAME})\s*\)")
# An acronym after lower-case words, which may be its expansion: "qualified majority voting (QMV)".
LOWER_ACRONYM = re.compile(r"\b([a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,5})\s+\(\s*([A-Z]{2,7})\s*\)")
NUMBER = re.compile(r"^(?=.*\d)[\d.,/:-]+$")
# Labels a name may change to agree with its other mentions in the document.
CONSISTENT_LABELS = frozenset({"PERSON", "ORG", "PLACE"})
DATELINE_MAX_CHARS = 60
DATELINE = re.compile(
    r"^[A-Z][A-Za-z.' -]*(?:\s*,\s*[A-Z][A-Za-z.' -]*)*\s+(?:\d{4}-\d{2}-\d{2}|"
    rf"{alternation(m.capitalize() for m in MONTHS)}[a-z]*\.? \d{{1,2}})\b"
)
# The regular demonyms of a country's name by its last letter: (letters dropped, ending) ("Eritrea" -> "Eritrean",
# "Chile" -> "Chilean", "Chilian"; "Iraq" -> "Iraqi", "Iraqian", "Iraqese": forms no one writes match nothing).
DEMONYM_ENDINGS = {"a": [(0, "n")], "e": [(0, "an"), (1, "ian")], "i": [(0, "an")], "o": [], "u": [], "y": []}
CONSONANT_ENDINGS = [(0, "i"), (0, "ian"), (0, "ese")]
# Scorecard marks before a cricketer's name: caught, bowled, stumped.
SCORECARD_MARKS = frozenset({"c", "b", "st", "&"})
# pycountry's attributes for a country's name.
NAME_ATTRS = ("name", "common_name")
# Longest name, in tokens, looked for where the model found none (a country's, or one it found elsewhere).
MAX_NAME_TOKENS = 4

# After a party's name, a capitalised word it runs on into ("Republican Guard"): then it is no party.
RUN_ON = re.compile(r"\s+[A-Z][a-z]")
# Initials of a name: capitalised words give their first letter, acronyms all of it ("UK Independence Party").
INITIAL_WORD = re.compile(r"\b(?:[A-Z]{2,}\b|[A-Z])")

# Members' letters after a seat's name ("Ashbury MP"): the name is the constituency.
SEAT_TITLES = frozenset(w.upper() for w in SEAT_WORDS) & POST_NOMINALS
# Letters after a name on their own or plural ("the MEP", "MPs"): members, no organisation.
POST_NOMINAL = re.compile(r"^(?:" + "|".join(sorted(POST_NOMINALS)) + r")s?$")
# Endings of words for doctrines and attitudes, which the model takes for peoples or places.
DOCTRINE_ENDINGS = ("ism", "phobia")
# A leader's name made a word for their following ("Blairite"): no one's name either.
FOLLOWING = re.compile(r"[A-Z][a-z]{3,}ites?")
# Capitalised words after a broadcaster's word that name its station ("BBC Radio Five Live").
BROADCAST_TAIL = 3
# Dashes that, spaced, part two names in a model span.
DASHES = frozenset({"-", "\u2013", "\u2014"})

# Words beside a person's name in a span that are no part of another kind of name ("Lords Bingham").
PERSON_TITLES = NOBLE_TITLES | {h.rstrip(".") for h in HONORIFICS} | {p.lower() for p in PLURAL_TITLES}

PATTERNS = load_patterns("entities")
# Company patterns (entities.jsonl with a "company" side): a match ending where a name starts ("before") or
# starting where it ends ("after") shows the name is a business's.
COMPANY_CUES = {p["id"]: p["company"] for p in PATTERNS if "company" in p}

# Context patterns (entities.jsonl with a "cue"): a match before or after a name says what it is.
CUES = {p["id"]: p for p in PATTERNS if "cue" in p}
CUE_ORDER = {pid: n for n, pid in enumerate(CUES)}

# An entity while the rules work on it: token start, token end, label, ISO code.
Ent = tuple[int, int, str, str | None]
# An article's entity rows by (label, name): label, name, ISO code, mentions, first start and end.
Rows = dict[tuple[str, str], list]


# A word written all in lower case (each part of "sci-fi" on its own, as the tokenizer splits
# it; not inside a URL or e-mail address), and where a doc keeps the set of them.
LOWER_WORD = re.compile(r"(?<![\w./@])[a-z]+(?![\w/@]|\.\w)")
LOWER_WORDS_KEY = "newsfacts.lower_case_words"
TITLE_WORDS_KEY = "newsfacts.title_case_words"


def entity_spans(doc: Doc) -> list[EntitySpan]:
    """The model's entities corrected by the rules, in text order.

    1. Each span is cut where one name ends and the next begins, trimmed and relabelled on its own (gazetteers,
       suffixes, context words); spans never overlap.
    2. The document is read as a whole: parties and countries the model missed or cut, one label per name (full names
       decide their short forms), ordinary words and acronyms that are ordinary words dropped, datelines as places, and
       in sports reports towns as teams and scorecard names as people.
    """
    lines = _lines(doc)
    cues = _cue_index(doc)
    found: list[Ent] = []
    for e in doc.ents:
        for s, t, label in _pieces(e):
            ent = _correct(doc, cues, s, t, label)
            if ent is not None and not (found and ent[0] < found[-1][1]):  # no overlaps: the first wins
                found.append(ent)
    found = _split_joined(doc, found)
    found = _coordinated(doc, _org_of_place(doc, _add_countries(doc, _add_parties(doc, found))))
    found = _consistent(doc, found)
    found = _companies(doc, found)
    found = _without_common_words(doc, found)
    datelines = [line for line in lines if _is_dateline(line)]
    where = {i for line in datelines for i in range(line.start, line.end)}
    found = _datelines(doc, datelines, where, found)
    # a sports report (enough sport words): its towns are likely teams
    if len({t.lower_ for t in doc if t.lower_ in SPORT_WORDS}) >= SPORT_MIN:
        found = _sports(doc, lines, found, where)
    return [EntitySpan(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), label, iso) for s, e, label, iso in sorted(found)]


def acronyms(text: str) -> dict[str, str]:
    """Acronyms defined in the text ("Harbour Safety Board (HSB)") -> expansion."""
    found = {}
    for m in ACRONYM.finditer(text):
        words, short = m[1].split(), m[2]
        # The expansion from its first capitalised word with the acronym's initial.
        first = next((i for i, w in enumerate(words) if w[0] == short[0] and w[0].isupper()), None)
        if first is not None:
            found[short] = " ".join(words[first:])
    for m in ACRONYM_FIRST.finditer(text):
        words = m[2].split()
        if len(words) > 1 and words[0][0] == m[1][0]:
            found.setdefault(m[1], m[2])
    return found


def extract(doc: Doc) -> tuple[Entity, ...]:
    """One row per entity per article: canonical name, type, ISO code, mentions, first span."""
    view = DocView(doc)
    short = acronyms(view.body)
    rows: Rows = {}
    for span, person in _with_people(view):
        text = view.body[span.start_char : span.end_char]
        label, iso = span.label, span.iso2
        if person is not None:
            name = person
        elif label == "COUNTRY":
            name = country_name(iso) or text
        elif text in short:
            name, label = short[text], "ORG"
        else:
            name = re.sub(r"\s+", " ", text)
        if label == "ORG":
            name = PARTY_NAMES.get(name, name)
        rows.setdefault((label, name), [label, name, iso, 0, span.start_char, span.end_char])[3] += 1
    return tuple(Entity(*row) for row in _merged(rows).values())


def _with_people(view: DocView) -> list[tuple[EntitySpan, str | None]]:
    """The entity spans, people's by the people rules' name mentions: (span, canonical name or None).

    People read titles and lists the model misses ("Lords Bingham, Steyn and Hope", "Lord Walker"), so their name
    mentions decide who is named where: each counts once, also where the model saw no one or gave the name another label
    with at most titles beside it ("Lords Bingham" as an ORG). A mention inside a longer name of another kind
    ("Tony Blair Foundation") stays that name's.
    """
    names = [m for m in view.mentions if _names_person(view.body[m.start_char : m.end_char], m.name)]
    out: list[tuple[EntitySpan, str | None]] = []
    inside: set[int] = set()
    named_at = Ranges((m.start_char, m.end_char, i) for i, m in enumerate(names))
    for span in view.spans:
        over = [i for _, _, i in named_at.overlapping(span.start_char, span.end_char)]
        if span.label == "PERSON" or over and _only_titles(view.body, span, [names[i] for i in over]):
            continue
        out.append((span, None))
        inside.update(over)
    out += [(EntitySpan(m.start_char, m.end_char, "PERSON"), m.name) for i, m in enumerate(names) if i not in inside]
    return sorted(out, key=lambda pair: pair[0].start_char)


def _names_person(text: str, name: str) -> bool:
    """Whether a mention's text names its person, not a title standing for them ("the Home Secretary")."""
    words = re.split(r"[\s-]+", name.lower())
    last = re.sub(r"['\u2019]s?$", "", text.split()[-1]).lower() if text.split() else ""
    return bool(last) and last.split("-")[-1] in words


def _only_titles(body: str, span: EntitySpan, mentions: list[Mention]) -> bool:
    """Whether a span's words outside the people's mentions in it are titles at most ("Lords" of "Lords Bingham")."""
    chars = list(body[span.start_char : span.end_char])
    for m in mentions:
        for i in range(max(m.start_char, span.start_char), min(m.end_char, span.end_char)):
            chars[i - span.start_char] = " "
    return all(w.strip(".,").lower() in PERSON_TITLES for w in "".join(chars).split())


def _merged(rows: Rows) -> Rows:
    """Short forms of an organisation's name count as the organisation, their mentions added to its row.

    First an acronym, when the article also writes the name out and no other organisation there has the same initials
    ("BNP" and "British National Party"); then a name that is the start of exactly one longer name in the article,
    before its "for" or "of" ("Medical Foundation" of "Medical Foundation for the Care of Victims of Torture").
    """
    by_initials: dict[str, list[str]] = defaultdict(list)
    for label, name in rows:
        if label == "ORG" and " " in name:
            by_initials["".join(INITIAL_WORD.findall(name))].append(name)
    _merge(rows, {name: by_initials.get(name, []) for label, name in rows if label == "ORG" and name.isupper()})
    orgs = [name for label, name in rows if label == "ORG"]
    return _merge(rows, {name: [o for o in orgs if o.startswith((name + " for ", name + " of "))] for name in orgs})


def _merge(rows: Rows, longs: dict[str, list[str]]) -> Rows:
    """Each organisation's name with exactly one longer form counts as it: its mentions are added to the longer's."""
    for name, forms in longs.items():
        if len(forms) == 1 and ("ORG", name) in rows:
            rows[("ORG", forms[0])][3] += rows.pop(("ORG", name))[3]
    return rows


def country_code(text: str) -> str | None:
    """ISO alpha-2 code for a country name, short form or demonym, else None."""
    low = text.lower().removeprefix("the ")
    if low in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[low]
    if len(low) > 3 and not text.isupper():
        return _pycountry_code(low) or _demonyms().get(low)
    return None


def place_code(text: str) -> str | None:
    """ISO alpha-2 code of the country a town, region or facility lies in, else None.

    A compass word before the name or a facility word after it does not change the country: "north-west London" and
    "Heathrow Airport" are in GB; nor does a district of a known town.
    """
    low = _ascii(text.lower()).removeprefix("the ")
    words = low.split()
    if iso := PLACES.get(low) or _subdivisions().get(low):
        return iso
    if len(words) < 2:
        return None
    compass = all(w in COMPASS for w in words[0].split("-"))
    return compass and PLACES.get(" ".join(words[1:])) or PLACES.get(words[0])  # "Sheffield Hallam", a constituency


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str | None]:
    """Words for a country's people, singular and plural, lower case -> its code.

    The listed ones (gazetteer, aliases) win; others are formed from pycountry's names by the regular English endings
    ("Eritrea" -> "Eritrean", "Iraq" -> "Iraqi").
    """
    formed: dict[str, str | None] = {}
    for c in pycountry.countries:
        name = getattr(c, "common_name", c.name).lower()
        for drop, ending in DEMONYM_ENDINGS.get(name[-1], CONSONANT_ENDINGS):
            formed.setdefault(name[: len(name) - drop] + ending, c.alpha_2)
    formed.update({w: COUNTRY_ALIASES.get(w) for w in DEMONYMS})
    formed = {w: iso for w, iso in formed.items() if w not in _country_names()}
    plurals = {w + "s": iso for w, iso in formed.items() if not w.endswith(("ese", "sh", "ch", "s"))}
    return plurals | formed


def country_name(iso2: str | None) -> str | None:
    """The common English name for a code, as the canonical entity name."""
    country = pycountry.countries.get(alpha_2=iso2) if iso2 is not None else None
    return None if country is None else getattr(country, "common_name", None) or country.name


@lru_cache(maxsize=4096)
def _pycountry_code(low: str) -> str | None:
    try:
        return pycountry.countries.lookup(low).alpha_2
    except LookupError:
        return None


def _correct(doc: Doc, cues: dict, start: int, end: int, label: str) -> Ent | None:
    """Trim a model span and relabel it by the gazetteers and context words."""
    if label in NUMERIC_LABELS:
        return None
    if end - start > 2 and doc[start].lower_ in NAME_PREFIXES and doc[start + 1].text == "-":
        start += 2  # "non-EU", "ex-BBC": the name after the prefix
    while start < end and (
        doc[start].lower_ in {"the", "a", "an"}
        or doc[start].is_space
        or doc[start].is_quote  # a stray quotation mark: '"Abstentions Party'
        or doc[start].lower_ in HONORIFICS
        and label == "PERSON"
    ):
        start += 1
    while end > start and (
        doc[end - 1].lower_ in {"'s", "\u2019s", "'"}
        or doc[end - 1].is_punct
        or doc[end - 1].is_space
        or doc[end - 1].is_lower
    ):
        end -= 1
    if start >= end:
        return None
    if (
        label not in {"PERSON", "NORP"}
        and end - start > 1
        and end < len(doc)
        and doc[end].is_lower
        and doc[end - 1].lower_ in _demonyms()
        and doc[end - 2].lower_ not in PEOPLES
        and doc[end - 2].is_title  # not "of British", "Anglo-Dutch"
        and doc[end - 2].lower_ not in COMPASS  # "South Korean"
        and doc[start].lower_ not in _demonyms()
    ):
        end -= 1  # "Ashby Rovers" + "American football": a demonym run on describes what follows
    if end - start >= 3 and doc[end - 1].text in POST_NOMINALS and all(t.is_title for t in doc[start : end - 1]):
        return start, end - 1, "PERSON", None  # "Guy Ashford QC", which the model calls an ORG
    seat = end - start >= 2 and label != "PERSON" and doc[end - 1].text in SEAT_TITLES
    if seat:
        end -= 1  # "Ashbury MP": the member's seat, not the member
    if label != "PERSON" and doc[end - 1].is_title and doc[end - 1].lower_ in BROADCAST_WORDS:
        stop = min(end + BROADCAST_TAIL, len(doc))
        while end < stop and (doc[end].is_title or doc[end].like_num) and not doc[end].is_sent_start:
            end += 1  # "BBC Radio" + "Five Live": a station's name after its broadcaster's
    span = doc[start:end]
    text = span.text
    low = text.lower()
    words = low.split()
    if low in NO_NAMES or low in HOLIDAYS and label != "EVENT" or not any(c.isupper() for c in text):
        return None  # "Easter": a time, no place
    if POST_NOMINAL.match(text):
        return None  # "MP", "MEPs": members, no organisation
    acronym = label == "PERSON" and end - start == 1 and cues.get(("acronym", start)) and _in_lower_case(doc[start])
    # "BAA said": an acronym in running text names a body, not a person; not "NASHUA" beside "Nashua"
    if acronym and not (doc[start].is_alpha and doc[start].text.title() in _title_words(doc)):
        return start, end, "ORG", None
    cued = [
        c
        for c in _cued(doc, cues, start, end, label)
        if c[0]["label"] != "PERSON" or _person_after_role(doc[c[1] : c[2]])
    ]
    strong = next((c for c in cued if c[0]["label"] != "PLACE"), None)
    if strong is not None and strong[0]["label"] != "NONE":
        return strong[1], strong[2], strong[0]["label"], None
    if (
        strong is not None
        and words[-1] not in ORG_WORDS
        and not (strong[0].get("keep_places") and _is_place_name(text))
    ):
        return None  # "State for Health" of "Secretary of State for Health": part of a title
    if len(words) == 1 and (words[0].endswith(DOCTRINE_ENDINGS) or FOLLOWING.fullmatch(text)) and not _peoples(low):
        return None  # "anti-Semitism", "Islamophobia", "Blairite": an attitude or a following, no one's name
    if seat and text not in PARTY_NAMES and not _peoples(low) and country_code(text) is None:
        return start, end, "PLACE", place_code(text)
    if low in METONYM_ORGS:
        return start, end, "ORG", None
    if label != "PERSON" and _given_name_first(span):
        return start, end, "PERSON", None  # "Tony Blair" that the model calls a place or an organisation
    if words[-1] in COMPETITION_WORDS and len(words) > 1:
        return start, end, "EVENT", None
    if low in PEOPLES:
        return start, end, "NORP", None
    if len(words) > 1 and all(_peoples(w) for w in words):
        return start, end, "NORP", _demonyms().get(words[-1])  # "Roma Czechs", "Asian Britons"
    if low in _demonyms():
        return start, end, "NORP", _demonyms()[low]
    if (iso := country_code(text)) is not None or low in HOME_NATIONS:
        return start, end, _country_label(low, iso), iso
    if (
        low in REGIONS
        or (label != "PERSON" or len(words) == 1)  # a lone "Rotterdam" is no one's name
        and low in PLACES
        or len(words) > 1
        and (
            label != "PERSON"
            and words[0] in PLACE_HEADS  # "Isle of Ashby", "Mount Kell"
            or PLACES.get(words[0]) is not None
            and all(w in COMPASS_WORDS for w in words[1:])  # "Ashbury East", a constituency, whatever the model says
            and not _given_name_first(span)
        )
        and not set(words) & ORG_NAME_WORDS
    ):
        return start, end, "PLACE", place_code(text)
    if words[-1] in ORG_WORDS or words[-1] in ORG_SUFFIXES and len(words) > 1 or words[0] in NOT_PEOPLE:
        return start, end, "ORG", None
    if any(c[0]["label"] == "PLACE" for c in cued) and not text.isupper() and not _given_name_first(span):
        return start, end, "PLACE", place_code(text)  # "in Ashby", "Victoria station"; not "in John Major's"
    if label in PLACE_LABELS | {"ORG"} and len(words) == 1 and low in GIVEN_NAMES and low not in _subdivisions():
        return start, end, "PERSON", None  # "his wife, Sandra": a given name no gazetteer knows as a place
    if label in PLACE_LABELS or low in _subdivisions():
        return start, end, "PLACE", place_code(text)
    return start, end, label, None


def _peoples(low: str) -> bool:
    """A word for a people, listed or a country's demonym ("Roma", "Czechs"), in lower case."""
    return low in PEOPLES or low in _demonyms()


def _title_words(doc: Doc) -> set[str]:
    """Every word the article writes in title case, read once per doc."""
    if TITLE_WORDS_KEY not in doc.user_data:
        doc.user_data[TITLE_WORDS_KEY] = {t.text for t in doc if t.is_title}
    return doc.user_data[TITLE_WORDS_KEY]


def _in_lower_case(token: Token) -> bool:
    """Whether the token's sentence is running text, with words in lower case (not a headline in capitals)."""
    return any(t.is_lower and t.is_alpha for t in token.sent)


def _person_after_role(span: Span) -> bool:
    """Whether a name after a role word is the role holder's: not a modifier of another role ("billionaire Dallas
    Mavericks owner X"), not a name the model elsewhere in the article reads as something else more often than as a
    person ("the official White House photographer" beside "the White House"), and shaped like a person's name: two or
    three words in title case that no gazetteer or word list gives to a place or a body, none of them a word the article
    also writes in lower case ("chief executive Ann Hale"; not "the best actress Academy Award")."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in DESCRIPTION_HEADS:
        return False
    others = Counter(e.label_ == "PERSON" for e in doc.ents if e.text == span.text and e.start != span.start)
    words = [t.text for t in span]
    low = {w.lower() for w in words}
    return (
        others[False] <= others[True]
        and 2 <= len(words) <= 3
        and _title_cased(words)
        and not low & (ORG_NAME_WORDS | PLACE_WORDS | COMPETITION_WORDS | lower_case_words(span.doc))
        and not _is_place_name(span.text)
        and not _is_place_name(words[0])  # "the world champion Atlanta Braves", "the official China Daily"
        and span.text.lower() not in _demonyms()
    )


def _title_cased(words: list[str]) -> bool:
    """Every word capitalised, none all in capitals."""
    return all(w[:1].isupper() and not w.isupper() for w in words)


def _split_joined(doc: Doc, found: list[Ent]) -> list[Ent]:
    """A span the model ran over "A and B" is two names when the article names both on their own too
    ("Gazprom and Rosneft" after "Gazprom" and "Rosneft"; "Royer and Elgindy" after "Jeffrey Royer" and "Mr Elgindy";
    the `names-joined-and` matches): "Marks and Spencer", named only whole, stays one. Each part takes the label its
    other mentions have, a surname the person's."""
    ands = {m.start + 1 for m in _matches(doc, "names-joined-and")}  # the "and"
    alone: dict[str, str] = {}
    for s, e, label, _ in found:
        if not any(s < i < e for i in ands):
            alone.setdefault(doc[s:e].text, label)
            if label == "PERSON" and e - s > 1:
                alone[doc[e - 1].text] = "PERSON"
    out: list[Ent] = []
    for s, e, label, iso in found:
        cut = next((i for i in ands if s < i < e - 1), None)
        left, right = (doc[s:cut].text, doc[cut + 1 : e].text) if cut is not None else ("", "")
        if cut is not None and left in alone and right in alone:
            out += [(s, cut, alone[left], None), (cut + 1, e, alone[right], None)]
        else:
            out.append((s, e, label, iso))
    return out


def _coordinated(doc: Doc, found: list[Ent]) -> list[Ent]:
    """Names joined by "and" are of one kind (the `names-joined-and` matches).

    A lone word the model calls a person beside one it reads as a place is a place ("the boroughs of Hillingdon and
    Wandsworth"), unless it is the surname of someone named in full or a given name.
    """
    ands = {m.start + 1 for m in _matches(doc, "names-joined-and")}  # the "and"
    if not ands:
        return found
    out = sorted(found)
    ends = {e: n for n, (_, e, _, _) in enumerate(out)}
    starts = {s: n for n, (s, _, _, _) in enumerate(out)}
    surnames = _surnames(doc, out)
    model = {e.start: e.label_ for e in doc.ents}
    for i in sorted(ands):
        left, right = ends.get(i), starts.get(i + 1)
        if left is not None and right is not None:
            for n, other in ((left, right), (right, left)):
                s, e, label, _ = out[n]
                if (
                    label == "PERSON"
                    and out[other][2] in {"PLACE", "COUNTRY"}
                    and model.get(out[other][0]) in PLACE_LABELS  # not "Kerry and Obama": a surname and a county
                    and e - s == 1
                    and doc[s].text not in surnames
                    and doc[s].lower_ not in GIVEN_NAMES
                ):
                    out[n] = (s, e, "PLACE", place_code(doc[s].text))
    return out


def _org_of_place(doc: Doc, found: list[Ent]) -> list[Ent]:
    """An organisation's name ending on an organisation's word and running on with "of" into a place is one name
    ("Royal Bank" + "of" + "Scotland"; the `org-of-place` matches): the place is part of it. Not after a legal form:
    "X Inc of Boulder" is a company and its seat."""
    joins = {m.start + 1 for m in _matches(doc, "org-of-place")}  # the "of"
    out: list[Ent] = []
    for ent in sorted(found):
        if (
            out
            and out[-1][2] == "ORG"
            and out[-1][1] in joins
            and ent[0] == out[-1][1] + 1
            and ent[2] in {"PLACE", "COUNTRY"}
        ):
            out[-1] = (out[-1][0], ent[1], "ORG", None)
        else:
            out.append(ent)
    return out


def _matches(doc: Doc, pattern: str) -> list[Span]:
    """The matches of one pattern of entities.jsonl."""
    return [m for m in doc.spans.get("entities", ()) if m.id_ == pattern]


def _surnames(doc: Doc, found: list[Ent]) -> set[str]:
    """The last words of the people named in full: each names that person, no other entity."""
    return {doc[e - 1].text for s, e, label, _ in found if label == "PERSON" and e - s > 1}


def _cue_index(doc: Doc) -> dict[tuple[str, int], list[Span]]:
    """The context patterns' matches (entities.jsonl, those with a "cue"), by the token where a name they bear on ends
    ("before": the match ends where the name starts) or starts ("after"); and the `org-acronym` matches by their token
    ("acronym")."""
    out: dict[tuple[str, int], list[Span]] = defaultdict(list)
    for c in doc.spans.get("entities", ()):
        if (rule := CUES.get(c.id_)) is not None:
            out[("before", c.end) if rule["cue"] == "before" else ("after", c.start)].append(c)
        elif c.id_ == "org-acronym":
            out[("acronym", c.start)].append(c)
    return out


def _cued(doc: Doc, cues: dict, start: int, end: int, label: str) -> list[tuple[dict, int, int]]:
    """The context patterns around a span, in the file's order: (pattern, start, end).

    A pattern's `label` is what the span is ("NONE": no entity, part of a title), its `labels`, if given, the model
    labels it may overrule; `extend` takes the match into the span ("Amateur Championship" after "U.S."), or that many
    of its words next to the name ("Sunday" of "the Sunday"); with `keep_places` a name the gazetteers know stays a
    place.
    """
    found = sorted(cues.get(("before", start), []) + cues.get(("after", end), []), key=lambda c: CUE_ORDER[c.id_])
    out = []
    for c in found:
        rule = CUES[c.id_]
        if label in rule.get("labels", (label,)):
            n = len(c) if rule.get("extend") is True else rule.get("extend", 0)
            out.append((rule, start - n, end) if rule["cue"] == "before" else (rule, start, end + n))
    return out


def given_name_first(words: Sequence[str]) -> bool:
    """Two words or more, the first a common given name, none a place's or an organisation's word: a person's name
    ("John Major"), not "Victoria Station" or "Charlotte Street"."""
    low = [w.lower() for w in words]
    return len(low) >= 2 and low[0] in GIVEN_NAMES and not set(low) & (ORG_WORDS | PLACE_WORDS)


def _given_name_first(span: Span) -> bool:
    """`given_name_first` for a model span, written in title case, that is no company or country."""
    words = [t.text for t in span]
    return (
        given_name_first(words)
        and _title_cased(words)
        and not {w.lower() for w in words} & ORG_SUFFIXES
        and country_code(span.text) is None
    )


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, str]:
    """States, provinces and counties of every country (ISO 3166-2), lower case -> country code.

    Names that are also everyday words ("Central", "North") are left out. A district named after two towns gives both
    ("Brighton and Hove"). The corpus is UK news, so a name several countries use is read as the British one.
    """
    out: dict[str, str] = {}
    subs = sorted(pycountry.subdivisions, key=lambda sub: sub.country_code != "GB")
    for sub in subs:
        full = re.sub(r"\s*\[.*?\]", "", sub.name).strip().lower()
        names = [re.sub(r",.*", "", full)]
        if " and " in full:
            names += [re.sub(r"\s+city$", "", part) for part in re.split(r",\s*|\s+and\s+", full)]
        for name in names:
            if len(name) > 3 and not set(name.split()) & HEADLINE_SMALL_WORDS and name not in COMPASS_WORDS:
                out.setdefault(name, sub.country_code)
                out.setdefault(_ascii(name), sub.country_code)
    return out


def _pieces(ent: Span) -> list[tuple[int, int, str]]:
    """Token ranges and labels of the names a model span runs together.

    Cut at bare numbers ("Malta 1 Cyprus 0" is two teams and a score), at brackets, at line breaks (a headline runs on
    into the first line), at a comma in an organisation (a list of them); a title ("Foreign Policy Centre Mr Straw") or
    a given name after a party word or demonym ("Tory Liam Fox") starts a person.
    """
    doc = ent.doc
    out, start, label = [], ent.start, ent.label_
    for tok in ent:
        i = tok.i
        dropped = (
            NUMBER.match(tok.text)
            and not (i > ent.start and doc[i - 1].lower_ in BROADCAST_WORDS)  # "Radio 4", "Channel 5"
            or tok.text in DASHES
            and bool(tok.whitespace_)
            and i > ent.start
            and bool(doc[i - 1].whitespace_)  # "Veritas - Latin for truth": two names
            or tok.text in "()[]"
            or "\n" in tok.text
            or tok.text == ","
            and label == "ORG"
        )
        person = tok.is_title and (
            tok.lower_ in SOCIAL_TITLES
            or i > ent.start
            and (doc[i - 1].lower_ in NOT_PEOPLE or doc[i - 1].lower_ in _demonyms())
            and given_name_first([t.text for t in doc[i : ent.end]])
        )
        if (dropped or person) and i > start:  # start is never before the span's
            out.append((start, i, label))
        if dropped:
            start = i + 1
        elif person:
            start, label = i, "PERSON"
    if ent.end > start:
        out.append((start, ent.end, label))
    return out


def _lines(doc: Doc) -> list[Span]:
    """The doc's lines (split at whitespace tokens holding a newline), without those tokens."""
    out, begin = [], 0
    for tok in doc:
        if tok.is_space and "\n" in tok.text or "\n" in tok.whitespace_:
            end = tok.i if tok.is_space else tok.i + 1
            if end > begin:
                out.append(doc[begin:end])
            begin = tok.i + 1
    if begin < len(doc):
        out.append(doc[begin:])
    return out


def _add_countries(doc: Doc, found: list[Ent]) -> list[Ent]:
    """Countries and home nations the model left out, found by the gazetteer (capitalised words only)."""
    out = list(found)
    for s, e, text in _spelled(doc, found, _country_names(), str.lower, at_sentence_start=True):
        if not (doc[s].is_upper and len(text) <= 3):  # "US", "UK": the model decides
            iso = country_code(text)
            out.append((s, e, _country_label(text.lower(), iso), iso))
    return out


def _country_label(low: str, iso: str | None) -> str:
    """A home nation ("Scotland") or a territory with a code ("Hong Kong") is a PLACE, a sovereign state a COUNTRY."""
    return "PLACE" if low in HOME_NATIONS or iso in TERRITORIES else "COUNTRY"


def _spelled(
    doc: Doc, found: list[Ent], names: Collection[str], fold: Callable[[str], str], at_sentence_start: bool
) -> list[tuple[int, int, str]]:
    """Where a run of up to MAX_NAME_TOKENS tokens opening on a capitalised word spells one of `names` (as `fold` writes
    it) and overlaps no entity found, the longest at each token."""
    taken = _taken(found)
    firsts = {name.split()[0] for name in names}
    out = []
    for tok in doc:
        if tok.i in taken or fold(tok.text) not in firsts or not (tok.is_title or tok.is_upper):
            continue
        if tok.is_sent_start and not at_sentence_start:
            continue
        for n in range(min(MAX_NAME_TOKENS, len(doc) - tok.i), 0, -1):
            span = doc[tok.i : tok.i + n]
            if fold(span.text) in names and taken.isdisjoint(range(span.start, span.end)):
                out.append((span.start, span.end, span.text))
                taken.update(range(span.start, span.end))
                break
    return out


def _add_parties(doc: Doc, found: list[Ent]) -> list[Ent]:
    """Political parties by the names news gives them, over whatever the model made of them.

    The model tags "Democrat" of "Liberal Democrat", or "Liberal Democrats" as a people; the party list knows the whole
    name. The `party-name` matches are read as a regex alternation of the names would: from the left, the longest name
    at each place that does not run on into a capitalised word, none overlapping another. A name run on from a
    capitalised word before it ("Scottish Labour") is left to the model, but not from an opener ("But").
    """
    end, parties = 0, []
    for span in sorted(_matches(doc, "party-name"), key=lambda m: (m.start, -len(m))):
        if span.start < end or RUN_ON.match(body_of(doc), span.end_char):
            continue
        end = span.end
        before = doc[span.start - 1] if span.start else None
        if before is None or not before.is_title or span[0].is_sent_start or before.lower_ in ROLE_STOPS:
            parties.append((span.start, span.end, "ORG", None))
    taken = _taken(parties)
    return [ent for ent in found if taken.isdisjoint(range(ent[0], ent[1]))] + parties


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Every name pycountry or the aliases give a country or home nation, lower case (not demonyms)."""
    names = {low for low, iso in COUNTRY_ALIASES.items() if iso} - DEMONYMS
    return frozenset(names | {getattr(c, a).lower() for c in pycountry.countries for a in NAME_ATTRS if hasattr(c, a)})


def _ascii(text: str) -> str:
    """Text without its accents, as English news writes foreign names ("Herat" for "Herāt")."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _datelines(doc: Doc, datelines: list[Span], where: set[int], found: list[Ent]) -> list[Ent]:
    """Names in a dateline (its tokens: `where`) are places ("COLOMBO 1996-08-30"), also where the model missed them."""
    out = [
        (s, e, "PLACE", iso) if s in where and label not in {"COUNTRY", "PLACE"} else (s, e, label, iso)
        for s, e, label, iso in found
    ]
    return out + [(s, e, "PLACE", place_code(doc[s:e].text)) for s, e in _new_runs(doc, datelines, out)]


def _scorecard_names(doc: Doc, found: list[Ent]) -> list[Ent]:
    """Cricket scorecards name fielders and bowlers after "c", "b", "st": "c Healy b Warne"."""
    out = [
        (s, e, "PERSON", None) if s and doc[s - 1].text in SCORECARD_MARKS else (s, e, label, iso)
        for s, e, label, iso in found
    ]
    taken = _taken(out)
    marked = (t for t in doc[1:] if doc[t.i - 1].text in SCORECARD_MARKS and t.is_title and t.is_alpha)
    return out + [(t.i, t.i + 1, "PERSON", None) for t in marked if t.i not in taken]


def _sports(doc: Doc, lines: list[Span], found: list[Ent], datelines: set[int]) -> list[Ent]:
    """In a sports report a town or region is a team (ORG) unless it is a venue or a dateline.

    Countries stay places: national teams are named after them and read as such. Rows of a results table
    ("Lotte 6 Hyundai 2") name teams the model may miss.
    """
    out: list[Ent] = []
    for s, e, label, iso in sorted(_scorecard_names(doc, found)):
        before = doc[s - 1].lower_ if s else ""
        # "at The Oval , London": a town after a place is where that place is
        after_place = before == "," and bool(out) and out[-1][1] == s - 1 and out[-1][2] in {"PLACE", "COUNTRY"}
        venue = before in VENUE_PREPOSITIONS or before in COMPASS_WORDS or before == "(" or after_place
        if label == "PLACE" and country_code(doc[s:e].text) is None and s not in datelines and not venue:
            label, iso = "ORG", None
        out.append((s, e, label, iso))
    rows = [line for line in lines if _is_table_row(line)]
    return out + [(s, e, "ORG", None) for s, e in _new_runs(doc, rows, out) if e < len(doc) and doc[e].like_num]


def _is_dateline(line: Span) -> bool:
    """A short line of place names and a date that heads a report: "BIRMINGHAM , England 1996-08-31"."""
    return len(line.text) <= DATELINE_MAX_CHARS and DATELINE.match(line.text) is not None


def _is_table_row(line: Span) -> bool:
    """A line of names and numbers only, with a number in it: a results or standings row."""
    words = [t for t in line if not t.is_punct]
    return (
        any(NUMBER.match(t.text) for t in words)
        and not words[0].like_num
        and all(NUMBER.match(t.text) or t.is_title or t.is_upper for t in words)
    )


def _new_runs(doc: Doc, lines: list[Span], found: list[Ent]) -> list[tuple[int, int]]:
    """Token ranges of consecutive capitalised words in the lines that overlap no entity found and are no month."""
    taken, runs = _taken(found), []
    for line in lines:
        start = line.start
        for named, toks in groupby(line, key=lambda t: (t.is_title or t.is_upper) and t.is_alpha):
            end = start + len(list(toks))
            if named and taken.isdisjoint(range(start, end)) and doc[start:end].text.lower() not in MONTHS:
                runs.append((start, end))
            start = end
    return runs


def _taken(found: list[Ent]) -> set[int]:
    """The tokens the entities found cover."""
    return {i for s, e, *_ in found for i in range(s, e)}


def _consistent(doc: Doc, found: list[Ent]) -> list[Ent]:
    """One reading per name in a document.

    The fullest forms decide: the surname of someone the model found by full name is that person ("Wang" after
    "Wang Dan"), the stem of a company with its legal form is that company ("Magna" after "Magna International Inc"),
    also where the model missed them. Other names take the label most of their mentions got. Countries and demonyms keep
    their gazetteer labels.
    """
    decided: dict[str, str] = {}
    given: set[str] = set()
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for s, e, label, _ in found:
        words = [t.text for t in doc[s:e]]
        if label == "PERSON" and len(words) >= 2 and words[0][0].isupper() and words[-1][0].isupper():
            # the surname as written: "Kilroy-Silk" of "Robert Kilroy-Silk", three tokens
            decided[" ".join(words)] = decided[doc[s:e].text.split()[-1]] = "PERSON"
            given.add(words[0])  # a surname when the name is written family name first
        elif label == "ORG" and len(words) >= 2 and words[-1].lower() in ORG_SUFFIXES:
            while len(words) > 1 and words[-1].lower() in ORG_NAME_WORDS:
                words.pop()
                if not _is_place_name(" ".join(words)):  # "London" of "London Assembly" stays a place
                    decided.setdefault(" ".join(words), "ORG")
            if not _is_place_name(words[0]):
                decided.setdefault(words[0], "ORG")  # "Magna" of "Magna International Inc", not "US" of "US Steel Corp"
        if label in CONSISTENT_LABELS:
            votes[doc[s:e].text][label] += 1
    for short, long in acronyms(body_of(doc)).items():
        if long.split()[-1].lower() in ORG_NAME_WORDS:
            decided.setdefault(short, "ORG")
    decided |= {name: "PERSON" for name in given - decided.keys() if votes.get(name)}
    out = []
    for s, e, label, iso in found:
        text = doc[s:e].text
        if label in CONSISTENT_LABELS or label != "NORP" and decided.get(text) == "PERSON":
            best = decided.get(text) or _majority(votes[text], label)
            if best != label:
                label, iso = best, None
        out.append((s, e, label, iso))
    return out + _unlabelled_mentions(doc, out, decided)


def _companies(doc: Doc, found: list[Ent]) -> list[Ent]:
    """A name the `company-*` patterns show to be a business ("telecoms firm X", "shares in X", "X's profits", "X, a
    games company,") is an organisation at every mention: the small model calls many one-word companies places and
    some two-word ones people. A name the gazetteers know as a place, one that opens with a given name, or the surname
    of someone named in full keeps its label."""
    cues = doc.spans.get("entities", ())
    ends = {c.end for c in cues if COMPANY_CUES.get(c.id_) == "before"}
    starts = {c.start for c in cues if COMPANY_CUES.get(c.id_) == "after"}
    names = {doc[s:e].text for s, e, label, _ in found if label in {"PLACE", "PERSON"} and (s in ends or e in starts)}
    names = {n for n in names - _surnames(doc, found) if not _known_place(n) and not given_name_first(n.split())}
    return [
        (s, e, "ORG", None) if label in {"PLACE", "PERSON"} and doc[s:e].text in names else (s, e, label, iso)
        for s, e, label, iso in found
    ]


def _known_place(text: str) -> bool:
    """A country, region, county or town the gazetteers know by this very name."""
    low = _ascii(text.lower()).removeprefix("the ")
    return country_code(text) is not None or low in PLACES or low in REGIONS or low in _subdivisions()


def _without_common_words(doc: Doc, found: list[Ent]) -> list[Ent]:
    """Entities less the ordinary words the model took for names because of their capital.

    A lone title-case word the article also writes in lower case ("Visa" beside "visa staff"), and an acronym the
    article spells out in lower case ("qualified majority voting (QMV)"), are no names, unless it names a known place or
    a party or is the surname of someone named in full. Surnames of people named in full joined by a hyphen
    ("the Hale-Berg feud") name a relation between them, no third entity.
    """
    lower = lower_case_words(doc)
    common = lower_case_acronyms(body_of(doc))
    surnames = _surnames(doc, found)
    out = []
    for s, e, label, iso in found:
        text = doc[s:e].text
        parts = text.split("-")
        if label != "PERSON" and len(parts) > 1 and all(p in surnames for p in parts):
            continue
        if text in common or (
            e - s == 1
            and doc[s].is_title
            and doc[s].lower_ in lower
            and label not in {"COUNTRY", "NORP"}
            and text not in surnames
            and not _is_place_name(text)
            and text not in PARTY_NAMES
        ):
            continue
        out.append((s, e, label, iso))
    return out


def lower_case_acronyms(text: str) -> set[str]:
    """Acronyms the text defines by words in lower case: common nouns, not names ("qualified majority voting
    (QMV)", "tuberculosis (TB)")."""
    found = set()
    for m in LOWER_ACRONYM.finditer(text):
        words, short = m[1].split(), m[2].lower()
        if "".join(w[0] for w in words[-len(short) :]) == short or re.fullmatch(".*".join(short) + ".*", words[-1]):
            found.add(m[2])
    return found


def _is_place_name(text: str) -> bool:
    """A country, region or town the gazetteers know."""
    low = text.lower()
    return country_code(text) is not None or place_code(text) is not None or low in REGIONS


def lower_case_words(doc: Doc) -> set[str]:
    """Every word the article writes in lower case; several rules ask (here and in people), so it is read once per doc."""
    if LOWER_WORDS_KEY not in doc.user_data:
        doc.user_data[LOWER_WORDS_KEY] = set(LOWER_WORD.findall(body_of(doc)))
    return doc.user_data[LOWER_WORDS_KEY]


def _unlabelled_mentions(doc: Doc, found: list[Ent], decided: dict[str, str]) -> list[Ent]:
    """Mentions the model skipped of names it labelled elsewhere in the document.

    Only names the document never writes in lower case: "Ruch" is a company all through an article, "May" may be a
    month.
    """
    known = dict(decided)
    for s, e, label, _ in found:
        if label in CONSISTENT_LABELS:
            known.setdefault(doc[s:e].text, label)
    lower = lower_case_words(doc)
    known = {
        name: label
        for name, label in known.items()
        if name.split()[0].lower() not in lower and name.lower() not in NO_NAMES
    }
    return [(s, e, known[text], None) for s, e, text in _spelled(doc, found, known, str, at_sentence_start=False)]


def _majority(votes: Counter[str], label: str) -> str:
    """The label most mentions got; the span's own label on a tie."""
    ranked = votes.most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return label
    return ranked[0][0] if ranked else label
