"""The word lists and tables the rules read, loaded once from `data/`: rules as data.

Each file in `data/` holds one concept (speech verbs, titles, demonyms, places, ...) and opens with comment lines saying
what it holds and how it was made. A `.txt` file is one entry per line; a `.tsv` file has a header row naming its
columns. Everything is general English news vocabulary, never text from a particular article. The names below are what
the rule modules import; where one file serves several rules (titles, currencies, roles), each rule's view of it is
derived here, once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("data")


@cache
def _entries(name: str) -> tuple[str, ...]:
    """The non-comment, non-blank lines of a data file."""
    text = (DATA / name).read_text(encoding="utf-8")
    return tuple(line for line in text.split("\n") if line.strip() and not line.startswith("#"))


def words(name: str) -> frozenset[str]:
    """A word list (`data/<name>.txt`)."""
    return frozenset(_entries(f"{name}.txt"))


def rows(name: str) -> list[dict[str, str]]:
    """A table (`data/<name>.tsv`), one dict per row keyed by the header's column names."""
    header, *lines = _entries(f"{name}.tsv")
    columns = header.split("\t")
    return [dict(zip(columns, line.split("\t"), strict=True)) for line in lines]


def kinds(row: dict[str, str]) -> set[str]:
    return set(row["kinds"].split())


def alternation(forms: Iterable[str]) -> str:
    """A regex group matching any of `forms`, longest first (so "sept" is tried before "sep")."""
    return "(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + ")"


# --- quotation marks (characters, kept here) ----------------------------------

OPEN_QUOTES = frozenset('"\u201c')
CLOSE_QUOTES = frozenset('"\u201d')
QUOTE_MARKS = OPEN_QUOTES | CLOSE_QUOTES

# Abbreviations whose period does not end a sentence (regex fragments, fixed width), and initials.
ABBREVIATIONS = (*_entries("abbreviations.txt"), "[A-Z]")

# --- speech -------------------------------------------------------------------

SPEECH_VERBS = words("speech_verbs")
SPEECH_AUX = tuple(_entries("speech_auxiliaries.txt"))
SPEECH_ADVERBS = words("speech_adverbs")
SPOKES_NOUNS = words("spokes_nouns")
INTRODUCTORY_WORDS = words("introductory_words")
SUBJECT_LEAD = words("subject_lead")
GROUP_NOUNS = words("group_nouns")

_PRONOUNS = rows("pronouns")
PRONOUNS = frozenset(r["word"] for r in _PRONOUNS if "subject" in kinds(r))
PERSON_PRONOUNS = frozenset(r["word"] for r in _PRONOUNS if "person" in kinds(r))
POSSESSIVE_PRONOUNS = frozenset(r["word"] for r in _PRONOUNS if "possessive" in kinds(r))
PRONOUN_GENDER = {r["word"]: r["gender"] for r in _PRONOUNS if r["gender"]}
_FUNCTION_WORDS = rows("function_words")


def function_words(kind: str) -> frozenset[str]:
    """The function words of one kind (`data/function_words.tsv`): "preposition", "subordinator", ..."""
    return frozenset(r["word"] for r in _FUNCTION_WORDS if kind in kinds(r))


# --- people -------------------------------------------------------------------

_TITLES = rows("titles")
TITLE_GENDER = {r["title"]: r["gender"] for r in _TITLES if r["gender"]}
NOBLE_TITLES = frozenset(r["title"] for r in _TITLES if "noble" in kinds(r))
FIRST_NAME_TITLES = frozenset(r["title"] for r in _TITLES if "first-name" in kinds(r))
# Titles written before a surname as a form of address: "Mr X", "Lord X".
ADDRESS_TITLES = tuple(r["title"] for r in _TITLES if "address" in kinds(r))
# Peers listed after one plural title: "Lords Bingham, Steyn and Hope" (capitalised as written).
PLURAL_TITLES = {r["plural"].capitalize(): r["title"].capitalize() for r in _TITLES if r["plural"]}
# Offices abbreviated before a name ("Sen. X", "Lt. Gen. Y", "Cllr Z"), written out in the role.
OFFICE_ABBREVIATIONS = {r["abbreviation"]: r["office"] for r in rows("office_abbreviations")}
_DOTTED = {r["title"] for r in _TITLES if "abbreviation" in kinds(r)}
_HONORIFIC = {r["title"] for r in _TITLES if kinds(r) & {"social", "academic", "clerical"}}
_ADDRESS_OFFICES = {r["abbreviation"] for r in rows("office_abbreviations") if "address" in kinds(r)}
# Honorifics as the tokenizer may show them, with and without the period, and the offices used as such.
HONORIFICS = frozenset(_HONORIFIC | {f"{t}." for t in _DOTTED | _ADDRESS_OFFICES})
# Honorifics that are no office, rank or degree ("Mr", "Dr"), with and without the period.
SOCIAL_TITLES = frozenset(
    t
    for r in _TITLES
    if "social" in kinds(r)
    for t in ([r["title"], f"{r['title']}."] if r["title"] in _DOTTED else [r["title"]])
)

POST_NOMINALS = words("post_nominals")
_ROLES = rows("roles")
ROLE_HEADS = frozenset(r["word"] for r in _ROLES if "head" in kinds(r))
# Heads of a description after a name ("X, a fellow at the Y Institute"), role heads included.
DESCRIPTION_HEADS = ROLE_HEADS | frozenset(r["word"] for r in _ROLES if "description" in kinds(r))
SURNAME_HEADS = frozenset(r["word"] for r in _ROLES if "surname" in kinds(r))
OFFICE_WORDS = frozenset(r["word"] for r in _ROLES if "office" in kinds(r))
LONE_OFFICES = frozenset(r["word"] for r in _ROLES if "lone" in kinds(r))
QUALIFIED_HEADS = frozenset(r["word"] for r in _ROLES if "qualified" in kinds(r))
OFFICE_RANKS = words("office_ranks")
ROLE_GENDER = {r["word"]: r["gender"] for r in _ROLES if r["gender"]}
KIN_NOUNS = frozenset(r["word"] for r in _ROLES if "kin" in kinds(r))
PORTFOLIO_HEADS = words("portfolio_heads")
ROLE_MODIFIERS = words("role_modifiers")
ROLE_STOPS = words("role_stops")
LEAVING_VERBS = words("leaving_verbs")
LEAVING_NOUNS = words("leaving_nouns")
SUCCESSION_VERBS = words("succession_verbs")
# Verbs whose object an "as" phrase describes: "appointed X as chairman", "described X as a liar".
OBJECT_AS_VERBS = words("appointment_verbs") | words("naming_verbs")
_GIVEN = rows("given_names")
MALE_NAMES = frozenset(r["name"] for r in _GIVEN if r["gender"] == "m")
FEMALE_NAMES = frozenset(r["name"] for r in _GIVEN if r["gender"] == "f")
NOT_PEOPLE = words("not_people")

# --- quantities ---------------------------------------------------------------

NUMBER_WORDS = {r["word"]: int(r["value"]) for r in rows("number_words")}
CARDINALS = frozenset(r["word"] for r in rows("number_words") if r["kind"] == "cardinal")
FRACTIONS = {r["word"]: int(r["denominator"]) for r in rows("fractions")}
MULTIPLIERS = {r["word"]: float(r["factor"]) for r in rows("multipliers")}
_CURRENCIES = rows("currencies")
CURRENCY_SYMBOLS = {r["form"]: r["code"] for r in _CURRENCIES if "symbol" in kinds(r)}
CURRENCY_WORDS = {r["form"]: r["code"] for r in _CURRENCIES if "word" in kinds(r)}
CURRENCY_ADJECTIVES = {r["form"]: r["code"] for r in _CURRENCIES if "adjective" in kinds(r)}
CURRENCY_NOUNS = frozenset(r["form"] for r in _CURRENCIES if "noun" in kinds(r))
CURRENCY_SUBUNITS = frozenset(r["form"] for r in _CURRENCIES if "subunit" in kinds(r))
QUALIFIERS = {r["phrase"]: r["qualifier"] for r in rows("qualifiers")}
PEOPLE_NOUNS = words("people_nouns")
# Nouns for a kind of person, from WordNet ("receptionist", "thrower"): a job or description.
PERSON_NOUNS = words("person_nouns")
# What happens only to people: a bare number before one counts people ("3,000 died").
PEOPLE_VERBS = words("people_verbs")
# People and bodies who voice a view without a name ("critics", "campaigners").
VOICE_NOUNS = words("voice_nouns")
NAME_PARTICLES = words("name_particles")
NOT_MEN_PLURAL = words("not_men_plural")
TIME_NOUNS = words("time_nouns")
# Function words that end a counted noun's phrase.
PHRASE_STOPS = words("phrase_stops")
TIME_UNITS = {r["word"]: (r["unit"], float(r["factor"])) for r in rows("time_units")}
MEASURE_UNITS = words("measure_units")
PEOPLE_GROUPS = words("people_groups")
NOT_PLURAL = words("not_plural")
NOT_COUNTED = words("not_counted")
EXTREMES = words("extremes")

# --- dates --------------------------------------------------------------------

MONTHS = {r["word"]: int(r["month"]) for r in rows("months")}
WEEKDAYS = {r["word"]: int(r["weekday"]) for r in rows("weekdays")}

# --- entities -----------------------------------------------------------------

_DEMONYMS = {r["word"]: r["iso2"] or None for r in rows("demonyms")}
DEMONYMS = frozenset(_DEMONYMS)
# Country names, short forms and demonyms pycountry does not resolve, to ISO alpha-2.
COUNTRY_ALIASES = {r["name"]: r["iso2"] or None for r in rows("countries")} | _DEMONYMS
_PLACES = rows("places")
# Towns, regions and facilities in one country, to its code; the major ones are places whatever the model says.
PLACES = {r["place"]: r["iso2"] for r in _PLACES}
MAJOR_PLACES = frozenset(r["place"] for r in _PLACES if r["kind"] == "major")
REGIONS = words("regions")
ORG_WORDS = words("org_words")
PLACE_WORDS = words("place_words")
NOT_ENTITIES = words("not_entities")
HOME_NATIONS = words("home_nations")
HOLIDAYS = words("holidays")
TERRITORIES = frozenset(r["iso2"] for r in rows("territories"))
METONYM_ORGS = words("metonym_orgs")
ORG_SUFFIXES = words("org_suffixes")
SPORT_WORDS = words("sport_words")
# How many sport words make a document a sports report.
SPORT_MIN = 3
COMPETITION_WORDS = words("competition_words")
TABLE_WORDS = words("table_words")
HEADLINE_SMALL_WORDS = words("headline_small_words")
COMPASS_ADJECTIVES = words("compass_adjectives")
VENUE_PREPOSITIONS = words("venue_prepositions")
COMPASS_WORDS = words("compass_words")
PARTY_NAMES = {r["written"]: r["party"] for r in rows("parties")}
PEOPLES = words("peoples")
SEAT_WORDS = words("seat_words")
BROADCAST_WORDS = words("broadcast_words")
NAME_PREFIXES = words("name_prefixes")
