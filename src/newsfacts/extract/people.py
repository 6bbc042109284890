"""People and their roles, one per person per article under the full canonical name.

Names come from the entity layer's PERSON spans plus honorific patterns ("Mr Hale"); short forms resolve to the full
name they abbreviate, so "Mr Hale" and "Hale" never stand as people of their own. Roles come from a title before the
name, an apposition after it, or an unattached title ("the Home Secretary") that refers back to the last person named.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from newsfacts.records import Person

from .entities import given_name_first, lower_case_words, place_code
from .grammar import Match
from .lexicon import (
    ADDRESS_TITLES,
    DEMONYMS,
    DESCRIPTION_HEADS,
    FEMALE_NAMES,
    FIRST_NAME_TITLES,
    HONORIFICS,
    INTRODUCTORY_WORDS,
    KIN_NOUNS,
    LEAVING_NOUNS,
    LEAVING_VERBS,
    LONE_OFFICES,
    MAJOR_PLACES,
    MALE_NAMES,
    MONTHS,
    NAME_PARTICLES,
    NOBLE_TITLES,
    NOT_PEOPLE,
    OBJECT_AS_VERBS,
    OFFICE_ABBREVIATIONS,
    OFFICE_RANKS,
    ORG_WORDS,
    PARTY_NAMES,
    PERSON_NOUNS,
    PLACE_WORDS,
    PLURAL_TITLES,
    PORTFOLIO_HEADS,
    POST_NOMINALS,
    PRONOUN_GENDER,
    PRONOUNS,
    QUALIFIED_HEADS,
    ROLE_GENDER,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    ROLE_STOPS,
    SOCIAL_TITLES,
    SPEECH_VERBS,
    SUCCESSION_VERBS,
    SURNAME_HEADS,
    TIME_NOUNS,
    TITLE_GENDER,
    WEEKDAYS,
    function_words,
)
from .ranges import Ranges, T
from .view import DocView, Mention, body_of

TITLES = "|".join([t.capitalize() for t in ADDRESS_TITLES] + [short.capitalize() for short in OFFICE_ABBREVIATIONS])
# The name after a title, not a given name before an initial ("Rep. Robert C. Scott": the model's span).
TITLED_NAME = re.compile(rf"\b({TITLES})\.?\s+((?:[A-Z][\w'\u2019-]+\s+)?[A-Z][\w'\u2019-]+)(?!\s+[A-Z]\.)")
# One word after a social title ("Mr King", "Ms Judge"): the article uses it as a surname.
SOCIAL_TITLED = re.compile(
    rf"\b(?:{'|'.join(sorted(t.capitalize() for t in SOCIAL_TITLES if not t.endswith('.')))})\.?\s+"
    rf"([A-Z][\w'\u2019-]+)\b(?!\s+[A-Z])"
)
# One plural title before a list of surnames: each is a peer of that title ("Lords Bingham, Steyn and Hope"); never the
# house ("House of Lords Reform and ...").
PLURAL_TITLED = re.compile(
    rf"(?<!of )\b({'|'.join(PLURAL_TITLES)})\s+((?:[A-Z][\w'\u2019-]+(?:,\s+|\s+and\s+))+[A-Z][\w'\u2019-]+)"
)
LIST_SEPARATOR = re.compile(r",\s+|\s+and\s+")
FIRST_LAST = re.compile(r"\b([A-Z][a-z]+) ((?:Mc|Mac|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b(?!['\u2019]s? [A-Z]| [A-Z])")
POSSESSIVE_END = re.compile(r"['\u2019]s?$")
WORD = re.compile(r"[a-z]+")
RANKS = frozenset(w.rstrip("-") for w in OFFICE_RANKS)
# Honorifics without their full stop ("Mr", "Dr", "Sen").
BARE_HONORIFICS = {h.rstrip(".") for h in HONORIFICS}
POSSESSIVE_AFTER = re.compile(r"['\u2019]")
# How English courts style their judges before the surname: "Lord Justice X", "Mr Justice X".
JUDICIAL_STYLE = r"\b(?:Lord|Lady|Mr|Mrs|Ms|Dame)\.?\s+Justice\s+"
JUDICIAL_TITLE = re.compile(JUDICIAL_STYLE + "$")
# A given name alone right after a relation ("his father Ralph,", "His mother, Giselle,", "with wife Ffion."): a person,
# the relation their role; not the start of a longer name ("his wife Lady X").
KIN_NAMED = re.compile(
    rf"\b(?P<kin>{'|'.join(sorted(KIN_NOUNS))}),?\s+(?P<name>[A-Z][a-z]+)\b(?![\w'\u2019-]|\s+[A-Z]|\s*\()"
)
# A bare office after these is sought or served, not a title of the name after its comma: "backing Y for president, X,
# said".
OFFICE_SOUGHT = (["for"], ["as"])
# Who held an office before or after someone, and the status that gives the name after them: "his predecessor as chief
# executive, X," held it before.
SUCCESSION_NOUNS = {"predecessor": "former ", "successor": ""}
# "the prime minister's spokesman": the title owns a thing, not a body ("the Sheriff's Department")
OWNER = re.compile(r"['\u2019]s\s+[a-z]")
# A dash between spaces ends one thought and opens another: a role never runs across it.
DASH_BREAK = re.compile(r"\s[-\u2013\u2014]\s")
# "former minister and now a European commissioner", "Mr X's former adviser Y, now a parliamentary hopeful": what a
# person is now is their role.
NOW_BREAK = re.compile(r"(?:^|,?\s+and\s+|,\s+)now\s+(?:an?\s+|the\s+)?")
NAME_WORD = re.compile(r"^[A-Z][\w'\u2019.-]*$")
# The full stop of a title written before a name ("adviser to Mr. Obama") goes on inside a role.
TITLE_STOP = "|".join(rf"(?<=\b{t.capitalize()})" for t in sorted(BARE_HONORIFICS | OFFICE_ABBREVIATIONS.keys()))
APPOSITION = re.compile(
    r"\s*,\s*(?:(?P<now>now |currently |presently )|(?:still|also) )?(?:the |a |an |his |her |its |their )?"
    rf"(?P<role>(?:[^,.;:()\n\"\u201c\u201d]|(?:{TITLE_STOP})\.){{2,140}}?)"
    rf"\s*(?=,|(?!{TITLE_STOP})\.|;|\)|\n| said| says| who| which)"
)
# A US party and state after a name, "X (D-Md.)", "X, R-Ky.,"; or a constituency, "Rep. X of Maryland".
PARTY_STATE = r"[DRI]-[A-Z][\w.]*(?: [A-Z][\w.]*)?"
AFFILIATION = re.compile(
    rf"\s*\((?P<bracketed>{PARTY_STATE})\)|,\s*(?P<bare>{PARTY_STATE})(?=,)|\s+of\s+(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b"
)
DEFINITE_ROLE = re.compile(
    r"\b[Tt]he\s+((?:[A-Z][a-z]+\s+){0,4}(?:[A-Z][a-z]+-)?[A-Z][a-z]+)\b(?!\s+[A-Z]|['\u2019]s|-)"
)
# "the prime minister", "the Tory leader": the words after "the" (up to four), read in code. Read ahead, not consumed:
# "the summit at the foreign secretary's house" holds two.
NEXT_WORDS = r"(?=((?:\s+[A-Za-z][\w-]*){1,4}))"
THE_WORDS = re.compile(r"\b[Tt]he" + NEXT_WORDS)
OWNED_WORDS = re.compile(r"\b(?:[Ii]ts|[Tt]heir)" + NEXT_WORDS)
POSSESSED_WORDS = re.compile(r"\b[A-Z][\w&-]*['\u2019]s" + NEXT_WORDS)
MAX_ROLE_WORDS = 12
# How many times more often than anyone else near it the article names the person a title refers to when nothing else
# decides: its protagonist.
PROTAGONIST = 2
# Between a person and a title, lower-case words only, a verb and its object ("X told the party leader", "X said of the
# Tory leader", "X has no doubt it is the prime minister"): someone else.
ACTS_ON = re.compile(r"\s+[a-z]+(?:\s+[a-z]+){0,7}\s+(?:the|a|an)\s+")
# Words that may follow a role's head inside the role ("chairman of the board", "ambassador to France").
ROLE_PREPOSITIONS = frozenset({"of", "for", "at", "to", "in", "on", "with", "from"})
# First words of a clause after a name's comma, which is then no apposition.
CLAUSE_OPENERS = frozenset(
    "who which whose and but or on in at by with for from of to as after before when while where".split()
)
# A verb among the first words after a name's comma makes it a clause: "X, will also star Y", "Ocean's Eleven was
# directed by ...", never an apposition.
CLAUSE_VERBS = function_words("finite") | function_words("modal")
# A subject pronoun inside an apposition opens a clause of its own; written in lower case, so not "I" nor "IT".
SUBJECT_INSIDE = re.compile(rf"\s(?:{'|'.join(sorted(PRONOUNS))})\b")
# Words that link such a clause to the apposition: "so that they", "now that he".
CLAUSE_LINKS = frozenset({"that", "so", "now"})
CLAUSE_VERB_REACH = 3
# The rest of a title up to the name it stands beside: " of the economy, X", ", X".
TITLE_TAIL = re.compile(
    r"(?:\s+(?:of|for|at|to)\s+(?:[a-z][a-z ]{0,40}?|(?:the\s+)?[A-Z][\w&'\u2019-]*(?:\s+[A-Z][\w&'\u2019-]*){0,4}))?"
    r",\s*(?=[A-Z])"
)
# Words before a bare surname that still leave it the surname ("Sen. Smith", "President Smith").
TITLE_WORDS = (
    BARE_HONORIFICS | OFFICE_ABBREVIATIONS.keys() | ROLE_HEADS | ROLE_MODIFIERS | ROLE_STOPS | INTRODUCTORY_WORDS
)
# Words of a description after a name ("a hotel receptionist", "a Birmingham housing officer").
MAX_DESCRIPTION_WORDS = 3
# What closes a name set off after a role by a comma: "the party's chairman, X, said", "..., X."
APPOSITION_CLOSE = re.compile(r"\s*[,.;]")
# A verb that ends the office of the name before it: "Chief executive X stepped down last week".
LEFT_AFTER = re.compile(r"\s+(?:has |had |have )?(?:" + "|".join(sorted(LEAVING_VERBS)) + r")\b")
# A noun for the end of an office before the role of the name after it: "the resignation of its chairman, X". Not one
# sought: "called for the resignation of President X".
LEFT_BEFORE = re.compile(
    r"(?<!\bfor the )(?<!\bdemanded the )\b(?:"
    + "|".join(sorted(LEAVING_NOUNS))
    + r")\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?$",
    re.I,
)
# A speech verb ending the sentence after an apposition's words: they are its speaker.
ATTRIBUTION_END = re.compile(r"\s+(?:said|says)\s*[.!?]")
# An age between a name and what follows it: "X, 28, a hotel receptionist".
AGE_AFTER = re.compile(r",\s*\d{1,3}(?=\s*,)")
# An office written after a name as letters ("Anna Hale MP", "Tom Baker MSP").
OFFICE_AFTER = re.compile(r"\s+(" + "|".join(sorted(p for p in POST_NOMINALS if p.lower() in ROLE_HEADS)) + r")\b")
# Words that open a role but are not part of it ("New Home Secretary X", "the chairman").
ROLE_OPENERS = frozenset({"the", "a", "an"})
# Words before an office that say when it is held: the role's status, not part of the role.
ROLE_STATUS = frozenset({"new", "former"})
# The words of an office, written in lower case in a canonical role; a party or a people named in a role keeps its
# capital ("Labour MP", "Scottish National Party leader").
OFFICE_WORDS = (ROLE_HEADS | ROLE_MODIFIERS | DESCRIPTION_HEADS) - {
    w.lower() for name in [*PARTY_NAMES, *DEMONYMS] for w in name.split()
}
# The grammar relations (patterns/grammar.jsonl) that name a person and a role head.
ROLE_RELATIONS = (
    "role-relative",
    "role-copula",
    "role-as",
    "role-object-as",
    "role-appointment",
    "role-appointment-of",
    "role-appointment-to-post",
    "role-appointed",
    "role-appointed-as",
)
# Of those, the ones that read a role from what a sentence says of a person, not from a title.
STATED_RELATIONS = frozenset({"role-copula", "role-as", "role-object-as"})
# What hangs from a role's head but is no part of the role: another name, a clause, a list, a time ("elections chief
# last October").
ROLE_CUT_DEPS = frozenset({"appos", "relcl", "acl", "punct", "cc", "conj", "advcl", "poss", "npadvmod"})
# What opens a role that speaks of one known holder ("the home secretary", "its chairman has said"); not "his
# spokesman", someone else's aide.
DEFINITE_OPENERS = frozenset({"the", "its"})
ROLE_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "new", "now", "then"})
# How far after a mention its pronouns count towards the person's gender.
PRONOUN_REACH = 250
LEADING_JUNK = {"the", "of", "and", "for", "a", "an"}
OF_PLACE = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
# Modals and the relative pronouns that are a clause's subject: a role head right after one is a verb ("will host",
# "would chair", "the film, which stars X and Y"); not "that" (also "signs that chief executive X is ...") nor "whose"
# ("whose chairman X").
VERB_LEADS = function_words("modal") | function_words("relative") - function_words("subordinator") - {"whose"}
# Honorifics that are no office ("Mr", "Dr"): a role stands before them, not in them.
HONORIFIC_WORDS = BARE_HONORIFICS - NOBLE_TITLES - OFFICE_ABBREVIATIONS.keys()
# Any title written right before a name: "Mr", "Sir", "Lord".
NAME_TITLES = HONORIFIC_WORDS | NOBLE_TITLES
# What goes on from one name of a list to the next: ", ", " and ", ", and ".
LIST_LINK = re.compile(r",?\s+and\s+|,\s+(?=[A-Z])")
# A title of address before the name it goes with: "Dr ", "Sir ".
NAME_TITLE_OPENING = re.compile(rf"(?:{'|'.join(sorted(t.capitalize() for t in NAME_TITLES))})\.?\s+(?=[A-Z])")
STRIPPED_TITLES = HONORIFIC_WORDS | OFFICE_ABBREVIATIONS.keys() | (ROLE_HEADS | ROLE_MODIFIERS) - NOBLE_TITLES


def extract(doc: Doc) -> tuple[tuple[Person, ...], list[Mention], dict[str, str]]:
    """The article's people, every mention of them (sorted) and their genders where the article shows them: the quote
    rules name speakers from the mentions."""
    view = DocView(doc)
    raw = _hyphens_unified(_candidates(view))
    titled_names = list(TITLED_NAME.finditer(view.body))
    titled = {_before_possessive(m[2]).split()[-1] for m in titled_names}
    kin = {m["name"]: m["kin"] for m in _kin_named(view)}
    canon = _canonical_names(raw, titled, kin.keys() | _office_titled(view.body, raw))
    title_genders: dict[str, set[str | None]] = {}
    for m in titled_names:
        title_genders.setdefault(m[2], set()).add(TITLE_GENDER.get(m[1].lower()))
    honoured = {canon.get(m[2]) for m in titled_names if m[1].lower() in FIRST_NAME_TITLES}
    namesakes: dict[str, list[str]] = {}
    for _, _, n in sorted(raw):
        if n in canon and canon[n] not in namesakes.setdefault(canon[n].split()[-1], []):
            namesakes[canon[n].split()[-1]].append(canon[n])
    mentions = {
        Mention(
            s, e, _addressed(view.body, s, n, _gendered(view.body, s, n, canon, title_genders), honoured, namesakes)
        )
        for s, e, n in raw
        if n in canon
    }
    mentions = sorted(mentions | _surname_mentions(view.body, mentions), key=lambda m: (m.start_char, m.end_char))
    roles: dict[str, str] = {}
    described: dict[str, str] = {}  # an apposition after a name that also has a title before it
    # An office written after the name as letters ("MP") or a party and state ("(D-Md.)") alone, if no later mention
    # says more.
    letters: dict[str, str] = {}
    named_at = Ranges((m.start_char, m.end_char, m.name) for m in mentions)
    shared: dict[int, str] = {}  # where a list of names goes on, and the plural role before it
    # A job or description with no office ("criminalist X", "X, a hotel receptionist"): the role only of a person the
    # article gives no office.
    descriptions: dict[str, str] = {}
    parsed, fronted, left, ahead = _grammar_roles(view, mentions)
    for m in mentions:
        if m.name in roles:
            continue
        named = _Others(named_at, m.name)
        before = (
            _role_before(view.doc, m, named)
            or _shared_role(view.doc, m, shared)
            or (JUDICIAL_TITLE.search(view.body, max(0, m.start_char - 20), m.start_char) and "judge")
        )
        affiliation, end = _affiliation(view.body, m.end_char, bool(before))
        if office := OFFICE_AFTER.match(view.body, end):  # "Anna Hale MP", "Anna Hale MP, the party's ..."
            end = office.end()
        end = age.end() if (age := AGE_AFTER.match(view.body, end)) else end
        after = _role_after(view.body, end, named)
        if before and affiliation:
            before = f"{before} {affiliation}"
        if before and LEFT_AFTER.match(view.body, m.end_char):
            before = f"former {before}"  # "Chief executive X stepped down last week"
        if role := before or after or fronted.get(m.start_char) or _role_before_comma(view.doc, m, named):
            if (held := view.body.rfind(role, 0, m.start_char)) >= 0 and m.start_char - held < len(role) + 8:
                role = "former " + role if LEFT_BEFORE.search(view.body, max(0, held - 40), held) else role
            roles[m.name] = role
            if before and after:
                described[m.name] = after
        elif office or affiliation:
            letters.setdefault(m.name, office[1] if office else affiliation)
        elif description := _description_before(view.doc, m) or _description_after(view.body, end, named):
            descriptions.setdefault(m.name, description)
    for name, role in parsed.items():
        if name not in left | ahead:
            roles.setdefault(name, role)
    mentions = sorted(
        mentions + _definite_roles(view, mentions, roles, descriptions), key=lambda m: (m.start_char, m.end_char)
    )
    held = {
        office
        for office, status in map(canonical_role, (*roles.values(), *descriptions.values()))
        if status != "former"
    }
    for name in ahead:
        if canonical_role(parsed[name])[0] not in held:  # an office whose holder the article names is theirs
            roles.setdefault(name, parsed[name])
    # Failing all else: the office a person left, their relation to someone, a description.
    for name, role in [*((n, parsed[n]) for n in left), *((canon[n], r) for n, r in kin.items() if n in canon)]:
        roles.setdefault(name, role)
    for name, description in descriptions.items():
        roles.setdefault(name, description)
    genders = _genders(view.body, mentions, roles)
    by_name: dict[str, list[Mention]] = {}
    for m in mentions:
        by_name.setdefault(m.name, []).append(m)
    people = []
    for name, own in by_name.items():
        role, status = canonical_role(
            ", ".join(r for r in (roles.get(name), described.get(name)) if r) or letters.get(name)
        )
        people.append(Person(name, role, len(own), own[0].start_char, own[0].end_char, role_status=status))
    return tuple(people), mentions, genders


def canonical_role(role: str | None) -> tuple[str | None, str | None]:
    """One spelling per role, and its status: the office alone, its role words in lower case ("Home Secretary" and "home
    secretary" are one role; names inside it keep their capitals, "Labour MP"), without an article or a stray possessive
    before it; "new" and "former" (or "ex-", "former-") are the status, so a new, a former and a serving home secretary
    share the role ("New Home Secretary" is ("home secretary", "new"); "the party's former treasurer" is ("party's
    treasurer", "former")). A dash breaks off what came before it ("as one activist put it - Tory leader"), and "and
    now" a former office ("former minister and now a European commissioner" is a European commissioner)."""
    if not role:
        return None, None
    role = NOW_BREAK.split(DASH_BREAK.split(role)[-1])[-1]
    if role.count("(") > role.count(")"):
        role += ")"  # "... Phonographic Industries (IFPI" cut at its bracket
    words = role.strip(" ,").split()
    status = None
    while words and not _place_name(words):
        first = words[0].lower()
        prefix, hyphen, rest = words[0].partition("-")
        if hyphen and rest and prefix.lower() in {"ex", "former", "then"}:  # "Ex-minister", "then-US senator"
            words[0], status = rest, "former"
        elif first in ROLE_STATUS:
            words.pop(0)
            status = first
        elif first in {"then", "formerly"}:  # "the then home secretary", "X, formerly chairman of Y"
            words.pop(0)
            status = "former"
        elif first in ROLE_OPENERS or first in {"'s", "\u2019s"}:
            words.pop(0)
        else:
            break
    owner = next((k for k, w in enumerate(words[:-2]) if POSSESSIVE_END.search(w)), None)
    if (
        owner is not None
        and all(w[:1].isupper() for w in words[:owner])  # the owner opens the role: "Mr X's", "the party's"
        and words[owner + 1].lower() in ROLE_STATUS | {"then"}
    ):
        # "the party's former treasurer": a former treasurer of the party; not "chief of BT's new unit"
        status = "new" if words.pop(owner + 1).lower() == "new" else "former"
    role = " ".join(w.lower() if _office_word(words, k) else w for k, w in enumerate(words))
    return (role, status) if role else (None, None)


def _office_word(words: list[str], k: int) -> bool:
    """Whether the k-th word of a role is an office word, written in lower case: not letters ("MP"), nor part of a
    capitalised name that a word of no office ends ("Federal Reserve", "Home Office", "National Security Council"); a
    rank always is ("Former"), and a role head ("Senator") unless a capitalised word of no office follows it in a name
    ("Star Wars actor"); so is its possessive ("Prime Minister's envoy"). A capitalised run with a word of no office in
    it is a name ("Home Office Minister" is a Home Office minister), but a word between "Chief" and an office is the
    office's ("Chief Operating Officer")."""
    word = words[k].rstrip(",").removesuffix("'s").removesuffix("\u2019s")
    if 0 < k < len(words) - 1 and words[k - 1].lower() == "chief" and words[k + 1].lower() in ROLE_HEADS:
        return word.istitle()  # "Chief Operating Officer", "Chief Medical Officer": one office
    if word.lower() not in OFFICE_WORDS or word.isupper():
        return False
    if word.lower() in ROLE_HEADS - ROLE_MODIFIERS and word.istitle() and word == words[k] and k + 1 < len(words):
        after = words[k + 1]
        if after.istitle() and after.isalpha() and after.lower() not in OFFICE_WORDS:
            return False
    if word.lower() in RANKS | ROLE_HEADS or not word.istitle():
        return True
    end = k
    while end + 1 < len(words) and words[end + 1].istitle() and words[end + 1].isalpha() and words[end][-1] != ",":
        end += 1
    return all(w.lower() in OFFICE_WORDS for w in words[k + 1 : end + 1])


def _place_name(words: list[str]) -> bool:
    """Whether a role opens with a place named "New ..." ("New York senator"), not with a new holder of an office ("New
    Home Secretary")."""
    return len(words) > 1 and words[0] == "New" and words[1].istitle() and words[1].lower() not in OFFICE_WORDS


def _grammar_roles(view: DocView, mentions: list[Mention]) -> tuple[dict[str, str], dict[int, str], set[str], set[str]]:
    """Roles the parse gives a named person where the patterns of patterns/grammar.jsonl find them: an apposition either
    way round ("X, chairman of Y"; "its chairman, X"), a relative clause ("X, who is chairman of Y"), a statement ("X is
    chief executive of Y", "X resigned as chairman"), an appointment ("X's appointment as chief executive", "the
    appointment of X as ..."), and a role, definite or not, that speaks in the sentence before the one a new name opens
    ("..., the home secretary has said. X said ..."; "A close ally of Y has told a court ... X has been on trial"), or
    that is appointed there ("The firm has appointed a new finance director. X joins from ..."). Also, by where the
    mention starts, a role fronted before a name in apposition ("The chairman of the Bar Council, X, warned"): that
    mention's own; and the people whose role a leaving verb states ("X resigned as chairman"): a former role, which a
    current one the article gives them elsewhere comes before; and the people whose role is a definite one from the
    sentence before ("the home secretary"), which is not theirs if the article names another holder."""
    grammar = view.doc._.grammar
    if grammar is None:
        return {}, {}, set(), set()
    named = Ranges((m.start_char, m.end_char, m.name) for m in mentions)
    starts = Ranges((m.start_char, m.end_char, m.start_char) for m in mentions)

    def who(match: Match, node: Token) -> str | None:
        start, _ = match.sentence.char_span(node)
        return next((name for _, _, name in named.covering(start)), None)

    found: dict[str, str] = {}
    fronted: dict[int, str] = {}
    left: set[str] = set()
    ahead: set[str] = set()
    pairs = [(m, m.nodes["noun"], m.nodes["apposition"]) for m in grammar.of("apposition")]
    pairs += [(m, m.nodes["apposition"], m.nodes["noun"]) for m in grammar.of("apposition")]
    pairs += [
        (m, m.nodes["name"], m.nodes["role"])
        for pid in ROLE_RELATIONS
        for m in grammar.of(pid)
        if pid not in STATED_RELATIONS or _stated(view, m)
    ]
    for match, name_token, role_token in pairs:
        person = who(match, name_token)
        start, end = match.sentence.char_span(role_token)
        if (
            role_token.i > name_token.i
            and not any(c.dep_ in {"det", "poss", "compound", "amod"} for c in role_token.children)
            and _name_listed(view.body, start, end, named)
        ):
            continue  # "X, Queen, Y and Z"; not "Argentina's President, Y, said"
        if person and _role_head(role_token) and not who(match, role_token):
            if (role := _role_phrase(role_token)) and role_token.i < name_token.i and _definite(role_token):
                at = match.sentence.char_span(name_token)[0]
                fronted.update((start, role) for _, _, start in starts.covering(at))
            if role and person not in found:
                then = any(c.dep_ == "advmod" and c.lower_ in {"then", "formerly"} for c in role_token.children)
                found[person] = f"former {role}" if then else role  # "X - then adviser to Y -"
                verb = match.nodes.get("verb")
                leaving = LEAVING_VERBS | SUCCESSION_VERBS if match.id == "role-object-as" else LEAVING_VERBS
                # a leaving verb's role is a former one, but "X will step down as chairman" still is chairman
                if verb is not None and verb.tag_ != "VB" and verb.lower_ in leaving:
                    found[person] = f"former {role}"  # "X resigned as chairman", "Y replaced X as chairman"
                    left.add(person)
    # one who speaks, or the lead's subject ("An ex-finance chief at Acme has been jailed. X admitted ...")
    subjects = grammar.of("speech-subject") + [m for m in grammar.of("role-subject") if m.sentence.start == 0]
    heads = [(m, m.nodes["subject"], DEFINITE_OPENERS | {"a", "an"}) for m in subjects]
    heads += [(m, m.nodes["role"], {"a", "an"}) for m in grammar.of("role-appointed-object")]
    for match, subject, openers in heads:
        if (
            not (_role_head(subject) or _person_noun(subject.text))
            or who(match, subject)
            or subject.left_edge.lower_ not in openers
            and not any(c.dep_ == "poss" and c.tag_ in {"NNP", "NNPS"} and not who(match, c) for c in subject.children)
            # "Acme's chief executive has been named"; "His spokesman", "X's spokesman" are another's
            or any(who(match, c) for c in subject.children if c.dep_ == "appos")  # "the chancellor, X, insisted"
        ):
            continue
        after = match.sentence.start_char + len(match.sentence.doc.text)
        if after + 1 >= len(view.body):
            continue  # no sentence follows
        first = _name_opening(view, after + 1, named)
        if (
            first is None
            or first[2] in found
            or any(e <= first[0] for _, e, n in named.overlapping(0, first[0]) if n == first[2])
        ):
            continue
        if role := _role_phrase(subject):
            found[first[2]] = role
            if subject.left_edge.lower_ in DEFINITE_OPENERS:
                ahead.add(first[2])
    return found, fronted, left, ahead


def _stated(view: DocView, match: Match) -> bool:
    """Whether a sentence states a person's office ("X is chief executive of Y", "X resigned as its chairman"), not a
    judgement ("X is the outstanding player", "X, the favourite to win"), a denial ("X is not a journalist") or
    someone's words in a quote. After a verb of naming or appointing with an object, "as" says what the object is, not
    the subject ("X appointed Y as his elections chief"; but "X replaced Y as chairman"); one who would replace another
    does not hold the office yet ("ambitions to replace Y as prime minister"), nor one who will or should become it
    ("after X becomes king")."""
    verb, role = match.nodes["verb"], match.nodes["role"]
    if verb.lower_ in OBJECT_AS_VERBS and any(c.dep_ == "dobj" for c in verb.children):
        return False
    if verb.lower_ in SUCCESSION_VERBS and verb.tag_ == "VB" and match.id == "role-as":
        return False  # "X hopes to replace Y as leader": Y holds it, X does not yet
    judged = any(
        t.tag_ in {"JJ", "JJR", "JJS", "RBS"} and t.is_lower and t.lower_ not in ROLE_MODIFIERS | ROLE_HEADS
        for t in role.lefts
    )
    denied = any(c.dep_ == "neg" or c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in verb.children)
    unreal = any(  # "she should become Princess Consort after he becomes king": not yet, if ever
        (c.dep_ == "aux" and c.tag_ == "MD" and verb.lower_ in {"be", "become"})
        or (
            c.dep_ == "mark"
            and c.lower_ in {"when", "after", "once", "until", "before"}
            and verb.tag_ in {"VBZ", "VBP"}
        )
        for c in verb.children
    )
    return not (judged or denied or unreal or _inside_quote(view.body, match.sentence.char_span(verb)[0]))


def _role_head(token: Token) -> bool:
    """Whether a noun heads a role, itself or by a role word compounded to it ("Lord Chief Justice")."""
    return token.lower_ in DESCRIPTION_HEADS or any(
        c.dep_ == "compound" and c.lower_ in ROLE_HEADS for c in token.children
    )


def _definite(head: Token) -> bool:
    """Whether a role names its holder: "the chairman", "its chairman", "Ukraine's president"; not "one candidate"."""
    return head.left_edge.lower_ in DEFINITE_OPENERS or any(c.dep_ == "poss" for c in head.children)


def _a_time(prep: Token) -> bool:
    """Whether a preposition's object is a time ("on Monday", "in May", "last year")."""
    return any(
        t.dep_ == "pobj" and (t.lower_ in WEEKDAYS or t.lower_ in MONTHS or t.lower_ in TIME_NOUNS)
        for t in prep.children
    )


def _role_phrase(head: Token) -> str | None:
    """The words of a role headed by `head` in a parsed sentence: its subtree less any apposition, clause or list
    hanging from it, without the article before it; None when it runs long. A name in it stays ("Ironco chairwoman",
    "former Baker adviser")."""
    cut = {
        t.i
        for c in head.children
        # "following criticism", "on Monday": no part of the role
        if c.dep_ in ROLE_CUT_DEPS or (c.dep_ == "prep" and (c.tag_ in {"VBG", "VBN"} or _a_time(c)))
        for t in c.subtree
    }
    kept = [t for t in head.subtree if t.i not in cut]
    run = [t for t in kept if t.i <= head.i]
    run = run[max((k + 1 for k, t in enumerate(run[:-1]) if run[k + 1].i != t.i + 1), default=0) :]
    for t in kept:
        if t.i > head.i and t.i == run[-1].i + 1:
            run.append(t)
    while run and run[0].lower_ in ROLE_DETERMINERS and not _place_name([t.text for t in run[:2]]):
        run.pop(0)
    while run and run[-1].is_punct:
        run.pop()
    return "".join(t.text + t.whitespace_ for t in run).strip() if run and len(run) <= MAX_ROLE_WORDS else None


@dataclass(frozen=True, slots=True)
class _Others:
    """The names found, less those of one person (`name`): another person met while reading that one's role."""

    named_at: Ranges[str | None]
    name: str | None

    def cover(self, at: int) -> bool:
        return any(n != self.name for _, _, n in self.named_at.covering(at))

    def starting_in(self, lo: int, hi: int) -> list[int]:
        return [a for a, _, n in self.named_at.starting_in(lo, hi) if n != self.name]


def _candidates(view: DocView) -> list[tuple[int, int, str]]:
    """(start, end, cleaned name) for every span that names a person."""
    found = []
    addressed = _addressed_surnames(view.body)
    for span in view.spans:
        if span.label == "PERSON":
            whole = view.body[span.start_char : span.end_char]
            text = _before_possessive(whole)  # "Ebbers'", "Hale's Budget"
            end = span.end_char - (len(whole) - len(text))
            before = view.body[max(0, span.start_char - 12) : span.start_char].split()
            title = before[-1].rstrip(".").lower() if before else ""
            start = span.start_char
            if title in NOBLE_TITLES and len(text.split()) == 1:  # "Lord" + "Falconer": the mention starts at Lord
                text = f"{before[-1]} {text}"
                start = view.body.rfind(before[-1], 0, span.start_char)
            first, _, rest = text.partition(" ")
            if rest and first.lower() in SPEECH_VERBS:  # "Said Lopez:" tagged as one name
                text, start = rest, start + len(first) + 1
            head, _, last = text.rpartition(" ")
            if head and last.lower() in SPEECH_VERBS:  # "Obama Says" in a title-case headline
                text, end = head, start + len(head)
            text, start = _untitled(text, start)
            if style := re.match(JUDICIAL_STYLE, text):  # "Lord Justice Rix" is Rix, a judge
                text, start = text[style.end() :], start + style.end()
            while len(text.split()) > 2 and text.split()[-1] in POST_NOMINALS:  # "Ian Kerr QC"
                text = text.rsplit(" ", 1)[0]
                end = start + len(text)
            if _is_name(text, addressed):
                found.append((start, end, text))
    taken = Ranges((s, e, None) for s, e, _ in found)
    for m in TITLED_NAME.finditer(view.body):
        s = m.start(2)
        name_text = _before_possessive(m[2])
        noble = m[1].lower() in NOBLE_TITLES
        if style := re.match(JUDICIAL_STYLE, m[0]):  # "Lord Justice Rix" is Rix, a judge
            s, name_text, noble = m.start() + style.end(), _before_possessive(m[0][style.end() :]), False
        e = s + len(name_text)
        if taken.overlaps(s, e) or not _is_name(name_text, addressed):
            continue
        found.append((m.start(), e, f"{m[1]} {name_text}") if noble else (s, e, name_text))
    for m in _kin_named(view):
        if not taken.overlaps(m.start("name"), m.end("name")):
            found.append((m.start("name"), m.end("name"), m["name"]))
    peers = _plural_titled(view.body)
    listed = {(s, e) for s, e, _ in peers}
    found = [c for c in found if (c[0], c[1]) not in listed] + peers
    every = found + _first_name_pairs(view, found) + _described_names(view, found)
    return [c for c in every if not _work_title(view, c[0])]


def _work_title(view: DocView, at: int) -> bool:
    """Whether the words at `at` follow a capital "The" inside a sentence: the name of a work or a body ("the show The
    Beverly Hillbillies", "the comedy The American President"), not a person nor a title referring to one ("the American
    president")."""
    the = at - 4
    return (
        the > 0
        and view.body[the:at] == "The "
        and view.body[the - 1] not in "\"'(\u2018\u201c\n"
        and view.sentence_at(the).start_char < the
    )


def _plural_titled(body: str) -> list[tuple[int, int, str]]:
    """Each surname listed after a plural title, as that title's peer: "Lords Bingham, Steyn and Hope" names Lord
    Bingham, Lord Steyn and Lord Hope, whatever the model took each word for."""
    out = []
    for m in PLURAL_TITLED.finditer(body):
        title, at = PLURAL_TITLES[m[1]], m.start(2)
        for part in LIST_SEPARATOR.split(m[2]):
            start = body.index(part, at)
            at = start + len(part)
            out.append((start, at, f"{title} {part}"))
    return out


def _described_names(view: DocView, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A name the model took for an organisation but that an apposition describes as holding an office ("Ann Hale, chief
    executive of the council,"): a person. Only an office makes it one: "member" or "expert" describe organisations too."""
    taken = _Others(Ranges((s, e, "") for s, e, _ in found), None)
    orgs = [(x.start_char, x.end_char, view.body[x.start_char : x.end_char]) for x in view.spans if x.label == "ORG"]
    return [
        (s, e, text)
        for s, e, text in orgs
        if not any(w.lower() in ORG_WORDS | PLACE_WORDS for w in text.split())
        and _is_name(text)
        and _role_after(view.body, e, taken, ROLE_HEADS)
    ]


def _hyphens_unified(raw: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """ "Ann Hale Brown" where the article also writes "Ann Hale-Brown": one person, under the hyphenated form."""
    hyphenated = {n.replace("-", " "): n for _, _, n in raw if "-" in n}
    return [(s, e, hyphenated.get(n, n)) for s, e, n in raw]


def _before_possessive(name: str) -> str:
    """A name ends at its first possessive, which is not part of it: "Lord Hale's Reform" is Lord Hale."""
    words = name.split()
    for k, word in enumerate(words):
        if POSSESSIVE_END.search(word):
            return POSSESSIVE_END.sub("", " ".join(words[: k + 1]))
    return name


def _untitled(text: str, start: int) -> tuple[str, int]:
    """A PERSON span without the office or honorific the model took in ("Archbishop Ann Hale", "Foreign Secretary Tom
    Baker"): the title is the role, the rest the name. Noble titles stay; they belong to the name when no given name
    follows."""
    words = text.split(" ")
    k = 0
    while k < len(words) - 1 and words[k].rstrip(".").lower() in STRIPPED_TITLES:
        k += 1
    return " ".join(words[k:]), start + sum(len(w) + 1 for w in words[:k])


def _first_name_pairs(view: DocView, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A common given name and a capitalised word the model left untagged, or tagged as a date ("Theresa May"): a
    person. Not where the pair is part of a place or an organisation."""
    taken = Ranges(
        [(s, e, None) for s, e, _ in found]
        + [(x.start_char, x.end_char, None) for x in view.spans if x.label not in {"PERSON", "DATE"}]
    )
    return [
        (m.start(), m.end(), m[0])
        for m in FIRST_LAST.finditer(view.body)
        if given_name_first([m[1], m[2]]) and not taken.overlaps(m.start(), m.end()) and _is_name(m[0])
    ]


def _gendered(body: str, at: int, name: str, canon: dict[str, str], title_genders: dict[str, set[str | None]]) -> str:
    """The person a surname at `at` stands for. "Mr. Obama" is not the article's "Michelle Obama": where the article
    gives the surname a title of the other gender than the full name's given name, the surname alone is a person of its
    own, and only a title of the full name's gender ("Mrs. Obama") still means her. `title_genders`: the genders of the
    titles the article gives each name."""
    full = canon[name]
    gender = _given_name_gender(full)
    if " " in name or full == name or gender is None or not title_genders.get(name, set()) - {gender, None}:
        return full
    return full if _title_gender(body, at) == gender else name


def _addressed(
    body: str, at: int, name: str, full: str, honoured: set[str | None], namesakes: dict[str, list[str]]
) -> str:
    """ "Mr Blair" is not "Sir Ian Blair": a knight or dame is "Sir Ian", never "Mr" or "Ms" with the surname. Where the
    article gives a surname to such a person and to another, the surname after "Mr" or "Ms" is the other's (the first
    the article names, as `_canonical_names` picks)."""
    if " " in name or full not in honoured or _title_gender(body, at) is None or _title_before(body, at) == "sir":
        return full
    others = [f for f in namesakes.get(full.split()[-1], []) if f not in honoured]
    return others[0] if others else full


def _given_name_gender(name: str) -> str | None:
    given = name.split()[0].lower()
    return "m" if given in MALE_NAMES else "f" if given in FEMALE_NAMES else None


def _title_gender(body: str, at: int) -> str | None:
    """The gender of the title right before `at` ("Mrs." is "f"), if there is one."""
    return TITLE_GENDER.get(_title_before(body, at) or "")


def _title_before(body: str, at: int) -> str | None:
    before = body[max(0, at - 6) : at].split()
    return before[-1].rstrip(".").lower() if before else None


def _surname_mentions(body: str, mentions: set[Mention]) -> set[Mention]:
    """Bare surnames the model missed or mistyped ("Smith said", tagged ORG), as mentions of the one person in the
    article with that surname. A surname next to another capitalised word is someone else or a thing ("Eric Smith",
    "Smith Tower") unless that word is a title or a sentence opener ("Sen. Smith", "Later Smith")."""
    owners: dict[str, set[str]] = {}
    for m in mentions:
        words = m.name.split()
        if len(words) >= 2 and words[0].lower() not in NOBLE_TITLES:
            owners.setdefault(words[-1], set()).add(m.name)
    taken = Ranges((m.start_char, m.end_char, None) for m in mentions)
    extra = set()
    alone = {m.name for m in mentions}
    # two people share the surname, or one of them goes by it alone ("Mr. Obama")
    single = {last: names for last, names in owners.items() if len(names) == 1 and last not in alone}
    # Where each surname stands alone, in one pass over the body (the longest first where one surname opens another).
    alone = "|".join(sorted(map(re.escape, single), key=len, reverse=True))
    for hit in re.finditer(rf"\b(?:{alone})\b", body) if single else ():
        s, e = hit.span()
        if taken.overlaps(s, e):
            continue
        before = body[max(0, s - 30) : s].split()
        after = body[e : e + 30].split()
        prev = before[-1] if before and body[s - 1] == " " else ""
        if prev[:1].isupper() and prev.rstrip(".").lower() not in TITLE_WORDS:
            continue
        if after and body[e : e + 1] == " " and NAME_WORD.match(after[0]):
            continue
        extra.add(Mention(s, e, next(iter(single[hit[0]]))))
    return extra


def _addressed_surnames(body: str) -> frozenset[str]:
    """Office words the article writes after a social title ("Mr King", "Ms Judge"): there they are surnames, so "Mr
    King" alone is a person as "Mr Haldane" is."""
    return frozenset(m[1] for m in SOCIAL_TITLED.finditer(body) if m[1].lower() in SURNAME_HEADS)


def _office_surname(words: list[str], addressed: frozenset[str]) -> bool:
    """Whether a name's last word, an office word that is also a common surname ("King", "Judge"), is its surname: after
    a listed given name ("Charlie King"); after one first word that is no role, organisation or place word (the list of
    given names is short: "Mervyn King"); or where the article writes it after a social title ("Mr King")."""
    low = {w.lower() for w in words}
    return words[-1].lower() in SURNAME_HEADS and (
        given_name_first(words)
        or words[-1] in addressed
        or (len(words) == 2 and not low & (ORG_WORDS | PLACE_WORDS | ROLE_HEADS - SURNAME_HEADS))
    )


def _is_name(text: str, addressed: frozenset[str] = frozenset()) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 4 or not all(
        NAME_WORD.match(w) or 0 < k < len(words) - 1 and w in NAME_PARTICLES  # "Pierre de Vos"
        for k, w in enumerate(words)
    ):
        return False
    if any(re.search(r"['\u2019]s$", w) for w in words[:-1]):
        return False  # "Brown's Budget": a possessive inside is not a name
    low = text.lower()
    if len(words) > 1 and words[0].lower() in NOBLE_TITLES:
        words = words[1:]  # "Prince Charles": the title is part of the name
    elif _office_surname(words, addressed):
        words = words[:-1]  # "Charlie King", "Mr King": the office word is a surname
    if any(
        p in NOT_PEOPLE or w.lower() in ROLE_HEADS or w.lower().rstrip(".") in OFFICE_ABBREVIATIONS
        for w in words
        for p in w.lower().split("-")
    ):
        return False
    return low not in MAJOR_PLACES and not text.isupper()


def _canonical_names(raw: list[tuple[int, int, str]], titled: set[str], alone: set[str]) -> dict[str, str]:
    """Map every name form to the fullest form of the same person in the article.

    A lone word that never gets a first name or an honorific ("Mr Bolton") is not taken for a person: the model calls
    many capitalised words (parties, nicknames, towns) PERSON, and an article introduces the people it names in full at
    least once. A surname two people share is the one the article introduced first, its protagonist: "Mr Howard" after
    "Michael Howard", though "Australia's PM, John Howard" comes later and nearer. A word written after "Mr" or "Ms" is
    a surname: never the given name of someone else ("Grant Hale" is not "Mr Grant"). A lone word in `alone` names a
    person by itself where no fuller name is its own: "President Bush", "his father Ralph".
    """
    full: list[str] = []
    for _, _, name in raw:
        words = name.split()
        if len(words) >= 2 and words[0].lower() not in NOBLE_TITLES and name not in full:
            if not any(f.split()[0] == words[0] and f.split()[-1] == words[-1] for f in full):
                full.append(name)
    canon = {f: f for f in full}
    for f in full:  # "Mrs Parker Bowles" after "Camilla Parker Bowles": the tail of one fuller name
        tails = {" " + f, " " + f[0].lower() + f[1:]} if f.split()[0].lower() in NAME_PARTICLES else {" " + f}
        longer = [g for g in full if g.endswith(tuple(tails))]  # "Van Gogh" opening a sentence: "Theo van Gogh"
        if len(longer) == 1:
            canon[f] = longer[0]
    # "Prince Charles" ... "Charles said": a lone word that is a titled name's only name is that person.
    titled_by_name = {
        n.split()[-1]: n for _, _, n in raw if len(n.split()) == 2 and n.split()[0].lower() in NOBLE_TITLES
    }
    # Where the article first names each person: the last start written, walking back from the end.
    introduced = {canon[name]: start for start, _, name in sorted(raw, reverse=True) if name in canon}
    for _, _, name in raw:
        if name in canon:
            continue
        words = name.split()
        if len(words) >= 2 and words[0].lower() not in NOBLE_TITLES:
            same = next(f for f in full if f.split()[0] == words[0] and f.split()[-1] == words[-1])
            canon[name] = canon[same]
            continue
        last = words[-1]
        by_last = sorted({canon[f] for f in full if last in _surnames(f)})
        by_first = sorted({canon[f] for f in full if f.split()[0] == last})
        if len(by_last) == 1:
            canon[name] = by_last[0]
        elif len(by_last) > 1 and len(words) == 1:
            canon[name] = min(by_last, key=introduced.__getitem__)
        elif not by_last and len(words) == 1 and last in titled_by_name:
            canon[name] = titled_by_name[last]
        elif (
            not by_last
            and len(by_first) == 1
            and (len(words) == 1 and last not in titled or words[0].lower() in FIRST_NAME_TITLES)
        ):  # "Charles said" after "Charles Kennedy"; never "Mr Grant" after "Grant Hale": a surname
            canon[name] = by_first[0]
        elif not by_last and (len(words) > 1 or last in titled or name in alone):
            canon[name] = name
    return canon


def _kin_named(view: DocView) -> list[re.Match[str]]:
    """Given names alone after a relation ("his father Ralph"), where the model, the given names list or a closing comma
    ("His mother, Giselle, said") shows the word is a name."""
    people = {(s.start_char, s.end_char) for s in view.spans if s.label == "PERSON"}
    return [
        m
        for m in KIN_NAMED.finditer(view.body)
        if m["name"] not in NAME_TITLES
        and (
            (m.start("name"), m.end("name")) in people
            or _given_name_gender(m["name"])
            or view.body[m.end("name") : m.end("name") + 1] == ","
        )
    ]


def _office_titled(body: str, raw: list[tuple[int, int, str]]) -> set[str]:
    """Lone names an office stands right before ("President Bush", "Chancellor Schroeder"): the office is their title of
    address, so they name a person as "Mr Bush" does."""
    return {
        name
        for start, _, name in raw
        if " " not in name
        and (before := body[max(0, start - 30) : start].split())
        and before[-1].istitle()
        and before[-1].lower() in ROLE_HEADS
    }


def _surnames(full: str) -> set[str]:
    """The forms a full name's surname may take alone: its last word, and for a name of three words or more its last two
    joined by a hyphen ("Kilroy-Silk" of "Robert Kilroy Silk", which articles write both ways)."""
    words = full.split()
    return {words[-1], "-".join(words[-2:])} if len(words) >= 3 else {words[-1]}


def _role_before(doc: Doc, m: Mention, named: _Others) -> str | None:
    """A title written before the name: "Home Secretary Anna Hale", "her counterpart X". Lower-case words outside the
    role vocabulary ("shadow international development secretary", "former union leader") belong to it when a role word
    or a capitalised word stands before them; words shaped like verbs ("attacked", "says") and other people's names end
    it."""
    i, titled = _before_title(doc, m)
    return _role_ending_at(doc, i, named, titled) if i else None


def _before_title(doc: Doc, m: Mention) -> tuple[int | None, bool]:
    """The token a mention starts at, or the title right before it ("Dr", "Sir"), and whether there is one: a role
    stands before the title ("London mayor Mr X", "former union leader Sir X")."""
    i = _token_at(doc, m.start_char)
    titled = bool(i) and doc[i - 1].lower_.rstrip(".") in NAME_TITLES
    return (i - 1 if titled else i), titled


def _role_before_comma(doc: Doc, m: Mention, named: _Others) -> str | None:
    """A title written before the name and a comma, when a comma or a full stop closes the name: "Spain's director
    general for Europe, X.", "the party's chairman, X, said"; or between dashes, "his former lover - X - said"; not the
    object of a preposition ("backing Y for president, X, praised") unless that names the office's holders in turn ("his
    predecessor as chief executive, X," held it before)."""
    i = _token_at(doc, m.start_char)
    if i is None or i < 2 or not _set_off(doc, i, m):
        return None
    role = _role_ending_at(doc, i - 1, named, titled=False)
    start = doc.text.rfind(role, 0, doc[i - 1].idx) if role else -1
    before = [w.lower() for w in doc.text[:start].split()[-2:]] if start > 0 else []
    if before[-1:] not in OFFICE_SOUGHT:
        return role
    return SUCCESSION_NOUNS[before[0]] + role if before[1:] == ["as"] and before[0] in SUCCESSION_NOUNS else None


def _set_off(doc: Doc, i: int, m: Mention) -> bool:
    """Whether the name `m` at token i is set off from the words before it, in apposition: by a comma that a comma or
    full stop after it answers, or between dashes ("his wife - X - said")."""
    comma = doc[i - 1].text == "," and bool(APPOSITION_CLOSE.match(doc.text, m.end_char))
    return comma or bool(DASH_BREAK.match(doc.text, doc[i - 1].idx - 1) and DASH_BREAK.match(doc.text, m.end_char))


def _role_ending_at(doc: Doc, i: int, named: _Others, titled: bool) -> str | None:
    """The role whose words end right before token i (see `_role_before`); `titled` when a title ("Dr", "Sir") stands
    between it and the name."""
    j = i
    saw_noun = False
    while j > 0:
        tok = doc[j - 1]
        low = tok.lower_
        saw_noun = saw_noun or _role_noun(tok)
        inside_name = low in {"of", "for"} and j - 2 >= 0 and doc[j - 2].is_title and doc[j].is_title
        portfolio = (  # "spokesman for sport X", not "campaigner for leftist senator X"
            low in {"of", "for"}
            and j - 2 >= 0
            and doc[j - 2].lower_ in ROLE_HEADS
            and (doc[j].is_lower or doc[j].is_title)  # "for sport", "for Europe"
            and not any(t.lower_ in ROLE_HEADS for t in doc[j:i])
        )
        body_named = (
            (  # "leader of the Commons X", "general secretary of the TUC X": the body's name
                (low == "the" and j >= 3 and doc[j - 2].lower_ in {"of", "for"} and doc[j - 3].lower_ in ROLE_HEADS)
                or (low in {"of", "for"} and j >= 2 and doc[j].lower_ == "the" and doc[j - 2].lower_ in ROLE_HEADS)
            )
            and _capitalised(doc[j + (low != "the") : i])
        )
        if (
            (low in ROLE_STOPS and not (inside_name or portfolio or body_named))
            or (tok.is_punct and tok.text not in {"-", "'s", "\u2019s"})
            or (tok.is_title and (low in MONTHS or low in WEEKDAYS))  # "In October Tory leader X": a time, not the role
        ):
            break  # but "Commission for Racial Equality chairman", "spokesman for sport" keep their "for"
        hyphen_prefix = doc[j].text == "-" and not tok.whitespace_  # "co-chairman", "Ex-minister"
        if (
            tok.is_sent_start
            and not (low in ROLE_HEADS or low in ROLE_MODIFIERS or hyphen_prefix)
            and _common_word(doc, tok)
            and not (doc[j].is_title and low not in INTRODUCTORY_WORDS)
        ):
            break  # "Refugee Council Chief Executive X": an ordinary word opening a capitalised name stays
        if saw_noun and named.cover(tok.idx):
            break  # "X met union leader Y": another person ends a role that took in a noun
        if j < i and _role_noun(tok) and doc[j].is_title and doc[j].lower_ not in ROLE_HEADS | ROLE_MODIFIERS:
            break  # "winners include Acme Bank chief X": a plain word before a name is no part of the role
        if not (
            tok.is_title
            or tok.is_upper
            or low in ROLE_MODIFIERS
            or low in ROLE_HEADS
            or tok.text in {"-", "'s", "\u2019s"}
            or hyphen_prefix
            or _role_noun(tok)
            or _plural_inside_role(doc, j - 1)
            or _name_number(doc, j - 1)
            or body_named
        ):
            break
        j -= 1
    words = list(doc[j:i])
    while words and (
        words[0].lower_ in LEADING_JUNK | INTRODUCTORY_WORDS
        or words[0].text == "-"
        or _role_noun(words[0])
        or words[0].like_num
    ):
        words.pop(0)  # "Now Home Secretary X"; a role opens with a role word or a capital
    heads = [k for k, t in enumerate(words) if t.lower_ in ROLE_HEADS]
    after = [t.lower_ for t in words[heads[-1] + 1 :]] if heads else []
    if after[:1] in (["of"], ["for"]) and (0 < len(after) - 1 < 3 or after[1:2] == ["the"] and 0 < len(after) - 2 < 4):
        # "Shadow spokesman for sport X", "Shadow leader of the Commons X"
        return _held_then(doc, words[0].i) + _role_text(doc, words[0].i, i)
    if not words or not (
        words[-1].lower_ in ROLE_HEADS
        or words[-1].lower_ in DESCRIPTION_HEADS  # "transport expert Dr X", "MPC member X": no surname
        and (titled or len(words) > 1 and (words[-2].is_upper or words[-2].is_title))
        or _compound(doc, words[-1]) in ROLE_HEADS
        or words[-1].lower_.rstrip(".") in OFFICE_ABBREVIATIONS
    ):
        return None
    if words[0].i > 0 and doc[words[0].i - 1].lower_ in VERB_LEADS:
        return None  # "Cafod will host Mr X's speech": a verb, not an office
    if " ".join(t.text for t in words) in PARTY_NAMES:
        return None  # "Liberal Democrat X": a party, as "Conservative X", is no role
    return _held_then(doc, words[0].i) + _role_text(doc, words[0].i, i)


def _capitalised(words: Span) -> bool:
    """Whether there are words and each is capitalised: a name."""
    return len(words) > 0 and all(t.is_title or t.is_upper for t in words)


def _held_then(doc: Doc, k: int) -> str:
    """ "former " when "then" stands before the role starting at token k ("the then home secretary X", "then-US
    secretary of state X"), or "former" before the name of the body it was held in ("Former WorldCom chief executive
    X"), else nothing."""
    before = [t.lower_ for t in doc[max(k - 2, 0) : k]]
    j = k
    while j > 1 and doc[j - 1].text[:1].isupper() and doc[j - 1].is_alpha and doc[j - 1].lower_ != "former":
        j -= 1
    held_in = j < k and j > 0 and doc[j - 1].lower_ == "former"
    return "former " if held_in or before[-1:] == ["then"] or before == ["then", "-"] else ""


def _description_before(doc: Doc, m: Mention) -> str | None:
    """A job or description written before the name, headed by a noun for a kind of person that is no office
    ("criminalist X", "javelin thrower X", "former British triple jumper X"): the noun, one lower-case word right before
    it, and the capitalised words and role modifiers before those; or before it and a comma that a comma or full stop
    after the name answers ("her son's killer, X,"). Shorter than an office's: a description is read in ordinary prose,
    where lower-case words before it are rarely part of it."""
    i, _ = _before_title(doc, m)
    comma = i is not None and i > 1 and _set_off(doc, i, m)
    if comma:
        i -= 1  # "her son's killer, X, 17,": the name in apposition to the description
    if not i or not _person_noun(doc[i - 1].text) or comma and i > 1 and [doc[i - 2].lower_] in OFFICE_SOUGHT:
        return None
    j = i - 1
    if j > 1 and doc[j - 1].text == "-" and not doc[j - 1].whitespace_ and not doc[j - 2].whitespace_:
        j -= 2  # "chart-topper"
    elif (
        j > 0
        and _role_noun(doc[j - 1])
        and not (doc[j - 1].is_stop or doc[j - 1].is_sent_start or doc[j - 1].lower_.endswith("ly"))
    ):
        j -= 1  # "costume designer", not "whose daughter" or "openly segregationist"
    while (
        j > 0
        and not doc[j - 1].is_sent_start
        and (
            doc[j - 1].is_title
            or doc[j - 1].is_upper
            or doc[j - 1].lower_ in ROLE_MODIFIERS - LEADING_JUNK  # "former", not "and"
            or doc[j - 1].text in {"'s", "\u2019s"}
        )
    ):
        j -= 1
    while j < i - 1 and (doc[j].lower_ in LEADING_JUNK | INTRODUCTORY_WORDS or doc[j].text in {"'s", "\u2019s"}):
        j += 1
    if j > 0 and doc[j - 1].lower_ in VERB_LEADS:
        return None  # "The charity will host Mr X's speech": a verb
    return _role_text(doc, j, i)


def _description_after(body: str, at: int, named: _Others) -> str | None:
    """A short apposition after the name headed by a noun for a kind of person: "X, 28, a hotel receptionist,"; not a
    clause ("X, the first woman ever to divorce her husband")."""
    role = _role_after(body, at, named, PERSON_NOUNS)
    words = role.split() if role else []
    short = 0 < len(words) <= MAX_DESCRIPTION_WORDS and not any(w.lower() in STOP_WORDS for w in words)
    return role if short and _person_noun(_hyphened_head(words[-1])) else None


def _person_noun(word: str) -> bool:
    """A lower-case noun for a kind of person ("receptionist", "witness"), not shaped like a verb ("accused" is a person
    only after "the")."""
    return word.islower() and word in PERSON_NOUNS and not word.endswith("ed")


def _plural_inside_role(doc: Doc, k: int) -> bool:
    """Whether token k is a plural noun between a role's words ("shadow pensions secretary", "chief operations
    officer"): a lower-case word ending in -s, which alone may be a verb, is read as a noun between a rank, a role word
    or a capital and an office ("The party wants minister X": a verb)."""
    tok = doc[k]
    return (
        tok.is_lower
        and tok.is_alpha
        and tok.lower_.endswith("s")
        and not tok.is_stop
        and tok.lower_ not in SPEECH_VERBS | VERB_LEADS
        and k + 1 < len(doc)
        and doc[k + 1].lower_ in ROLE_HEADS
        and k > 0
        and (doc[k - 1].lower_ in RANKS | ROLE_HEADS or doc[k - 1].is_title and not doc[k - 1].is_sent_start)
    )


def _name_number(doc: Doc, k: int) -> bool:
    """Whether token k is a number inside a capitalised name ("No 10 media chief", "Radio 4 presenter")."""
    return doc[k].like_num and k >= 1 and doc[k - 1].is_title


def _role_text(doc: Doc, start: int, end: int) -> str:
    """The role written in tokens `start` to `end`, office abbreviations written out."""
    return "".join(
        OFFICE_ABBREVIATIONS.get(t.lower_.rstrip("."), t.text) + t.whitespace_ for t in doc[start:end]
    ).strip()


def _shared_role(doc: Doc, m: Mention, shared: dict[int, str]) -> str | None:
    """A plural role before a list of names is each one's role, in the singular: "footballers X and Y", "the Irish
    tycoons X, Y and Z". `shared` carries the role from one name of the list to the next: where the next name may start,
    and the role."""
    role = shared.get(m.start_char)
    i, _ = _before_title(doc, m)  # "Irish billionaires Mr X and Mr Y"
    linked = bool(i and i > 1 and (doc[i - 1].text == "," or doc[i - 1].lower_ in {"are", "were"}))
    if linked:
        i -= 1  # "Two former directors, X and Y, remain"; "The ten directors are X, Y and Z"
    if role is None and i:
        singular = _singular_head(doc[i - 1].lower_, DESCRIPTION_HEADS)
        if singular is None or i > 1 and doc[i - 2].lower_ in VERB_LEADS:
            return None  # "which stars X and Y": a verb
        j = i - 1
        while j > 0 and (
            _qualifies(doc[j - 1]) or _role_noun(doc[j - 1]) and j > 1 and _qualifies(doc[j - 2])
        ):  # "senior shadow cabinet members": a word of no role list between two that are
            j -= 1
        if j == i - 1 and doc[j].text in PLURAL_TITLES:
            return None  # "Lords X and Y": a title each holds, not a role; "law lords X and Y" is one
        if j == i - 1 and singular not in ROLE_HEADS:
            return None  # "members X and Y" says no more than that they belong
        opening = doc[doc[j].sent.start]
        if linked and not (opening.i == j or opening.like_num or opening.lower_ in {"the", "both", "all"}):
            return None  # the subject the list names, not "unlike their Republican counterparts, X, Y and Z"
        role = " ".join([t.text for t in doc[j : i - 1]] + [singular])
    if role is None:
        return None
    if link := LIST_LINK.match(body_of(doc), m.end_char):
        title = NAME_TITLE_OPENING.match(body_of(doc), link.end())
        shared[title.end() if title else link.end()] = role
    elif m.start_char not in shared:
        return None  # one name after a plural is no list: "the firm's directors X" is not read
    return role


def _singular_head(word: str, heads: frozenset[str] = ROLE_HEADS) -> str | None:
    """The role head a plural word is the plural of ("tycoons", "chairmen", "witnesses"), if any."""
    one = word.removesuffix("s")
    return one if one != word and one in heads else None


def _qualifies(tok: Token) -> bool:
    """Whether a word before a plural role is part of it: a role modifier ("senior") or a capital inside the sentence
    ("Irish")."""
    return tok.lower_ not in ROLE_STOPS and (tok.lower_ in ROLE_MODIFIERS or tok.is_title and not tok.is_sent_start)


def _compound(doc: Doc, tok: Token) -> str:
    """A word with the prefix hyphened to it, in lower case: "co-ordinator" (three tokens)."""
    k = tok.i
    if k >= 2 and doc[k - 1].text == "-" and not doc[k - 1].whitespace_ and not doc[k - 2].whitespace_:
        return f"{doc[k - 2].lower_}-{tok.lower_}"
    return tok.lower_


def _role_noun(tok: Token) -> bool:
    """A lower-case word outside the role vocabulary that may still sit inside a role ("development", "union"): not a
    stop word, a speech verb, nor a word shaped like a verb."""
    low = tok.lower_
    return (
        tok.is_lower
        and tok.is_alpha
        and bool(tok.whitespace_)  # "ex-" is a prefix, kept with what follows
        and low not in ROLE_MODIFIERS | ROLE_HEADS | ROLE_STOPS | SPEECH_VERBS | VERB_LEADS | INTRODUCTORY_WORDS
        and not low.endswith(("ed", "ing", "s"))
    )


def _common_word(doc: Doc, tok: Token) -> bool:
    """Whether a sentence's capitalised first word is an ordinary word ("Yesterday", "Critics") rather than part of a
    title ("Lib Dem leader X"): an opener or a word the article also writes in lower case."""
    return tok.lower_ in INTRODUCTORY_WORDS or tok.lower_ in lower_case_words(doc)


def _affiliation(body: str, at: int, titled: bool) -> tuple[str | None, int]:
    """A party and state or a constituency right after a name, and where it ends. A place after a name is a constituency
    only after a title ("Rep. X of Maryland"); "X of Leeds" says where X lives."""
    match = AFFILIATION.match(body, at)
    if not match or match["place"] and not (titled and place_code(match["place"])):
        return None, at
    if match["place"]:
        return f"of {match['place']}", match.end()
    return f"({match['bracketed'] or match['bare']})", match.end()


def _role_after(body: str, at: int, named: _Others, heads: frozenset[str] = DESCRIPTION_HEADS) -> str | None:
    """An apposition after the name that ends at `at`: "Tom Baker, the harbour minister,", "X, a fellow at the Y
    Institute,". Not a clause ("sitting with Lord Y", "giving the leader a majority") nor a list of other people
    ("director-general Y and reporter Z")."""
    match = APPOSITION.match(body, at)
    if not match or ATTRIBUTION_END.match(body, match.end("role")):
        return None  # "... sent to X, the men's solicitor says.": the speaker, not X
    # A dash ends the apposition: "X, chairman of Y - a group fighting the plan" is Y's chairman.
    role, lo = _before_clause(DASH_BREAK.split(match["role"])[0].strip()), match.start("role")
    words = [w.lower().strip("'\u2019s") for w in role.split()]
    if (
        not words
        or len(words) > MAX_ROLE_WORDS
        or words[0] in CLAUSE_OPENERS
        or re.split(r"['\u2019]", words[0])[0] in PRONOUNS  # "Taylor, you're my director of the year"
        or any(w.lower() in CLAUSE_VERBS for w in role.split()[:CLAUSE_VERB_REACH])
        or (words[0].endswith("ing") and not body[at:lo].strip(" ,"))  # not "a nursing home owner"
        or (words[0].endswith("ed") and words[1:2] and words[1] in ROLE_DETERMINERS)  # "X, praised the donor"
        or (" and " in role and any(_listed(body, lo, a) for a in named.starting_in(lo, lo + len(role))))
    ):
        return None
    if not any(_hyphened_head(w.lower()) in heads for w in role.split()):
        return None
    if len(words) == 1 and _name_listed(body, lo, match.end("role"), named.named_at):
        return None  # "X, Queen, Y and Z": a list of names, one a title
    for start, _, _ in named.named_at.starting_in(lo, lo + len(role)):
        before = body[lo:start].split()
        if before and before[-1].split("-")[-1].lower() in DESCRIPTION_HEADS:
            return None  # "X, UN secretary general Y", "Ray, a film of late singer Ray Hale": Y's title
    return f"now {role}" if match["now"] else role  # what canonical_role keeps of a role before it


def _hyphened_head(word: str) -> str:
    """The head of a hyphened word: its last part ("co-chairman" is a chairman), or its first before "-in-" ("son-in-law"
    is a son, "editor-in-chief" an editor)."""
    first, inside, _ = word.partition("-in-")
    return first if inside else word.split("-")[-1]


def _before_clause(role: str) -> str:
    """An apposition up to a clause with a subject pronoun of its own, without the words that open that clause: "X,
    the player he beat in the final," is a player, "X, captain of the club as they push for the title," its captain,
    and "X, said he was not fit to be governor," nothing. What stands before such a clause is a short noun phrase or
    no role at all ("X, roughly yanked the arm of a reporter as she tried")."""
    cut = SUBJECT_INSIDE.search(role)
    if not cut:
        return role
    words = role[: cut.start()].split()
    while words and words[-1].lower() in CLAUSE_OPENERS | CLAUSE_LINKS:
        words.pop()
    return " ".join(words) if len(words) <= MAX_DESCRIPTION_WORDS else ""


def _name_listed(body: str, start: int, end: int, named: Ranges[T]) -> bool:
    """Whether one capitalised word at `start`-`end` after a name's comma is an item of a list of names: another name
    follows it after a comma ("X, Queen, Y and Z")."""
    return body[start : start + 1].isupper() and body.startswith(",", end) and bool(named.starting_in(end + 1, end + 3))


def _listed(body: str, role_start: int, at: int) -> bool:
    """Whether another person named at `at`, inside an apposition, makes it a list of people: named in its first two
    words ("Labour's Y and Z") or right after an office ("player Y and the justice Z")."""
    before = body[role_start:at].split()
    return len(before) < 2 or before[-1].split("-")[-1].lower() in ROLE_HEADS


def _definite_roles(
    view: DocView, mentions: list[Mention], roles: dict[str, str], described: dict[str, str]
) -> list[Mention]:
    """ "the Home Secretary" with no name beside it refers to the one person holding that title in the article, else to
    a person named just before it (journalists introduce a name, then vary it with the title): see `_referent`. Returns
    those titles as mentions of their person, so that a "he" after "The home secretary said ..." finds him. A person the
    article describes (`described`: "his Democratic challenger X") is no holder of another office a title names."""
    titles = {(m.start(1), m[1]) for m in DEFINITE_ROLE.finditer(view.body) if not _work_title(view, m.start(1))}
    for m in THE_WORDS.finditer(view.body):
        if (title := _lower_case_title(view.body, m) or _fronted_title(view.body, m)) and not _work_title(
            view, m.start(1) + 1
        ):
            titles.add((m.start(1) + len(m[1]) - len(m[1].lstrip()), title))
    # "its Paris lawyer, X": an owned title is a name's beside it only, never a free one
    owned = {
        (m.start(1) + len(m[1]) - len(m[1].lstrip()), title)
        for m in OWNED_WORDS.finditer(view.body)
        if (title := _lower_case_title(view.body, m) or _fronted_title(view.body, m))
    }
    titles |= owned
    named_at = Ranges((m.start_char, m.end_char, m) for m in mentions)
    counts = Counter(m.name for m in mentions)
    grammar = view.doc._.grammar
    speakers = frozenset(
        m.sentence.char_span(m.nodes["subject"])[0] for m in (grammar.of("speech-subject") if grammar else ())
    )
    free = []  # titles with no name beside them: (where, title, head noun)
    for at, title in sorted(titles):
        head = title.split()[-1].split("-")[-1].lower()  # "Co-Chairman": a chairman
        if head not in ROLE_HEADS or view.body[at : at + len(title)] != title or _a_body(title, head):
            continue
        if tail := TITLE_TAIL.match(view.body, at + len(title)):
            # "the Republican nominee, X,": the title is X's (if X is a person found), not the last person's
            if named := _name_at(view.body, tail.end(), named_at):
                roles.setdefault(named[2].name, view.body[at : tail.start() + len(tail[0].rstrip(", "))])
            continue
        if (at, title) not in owned:
            free.append((at, title, head))
    # Evidence read before any title is given: a title whose only possible referent is one person ("Gordon Brown spoke.
    # The chancellor said") is that person's, wherever else it stands.
    evidence: dict[str, Counter[str]] = {}
    for at, title, head in free:
        near = _near(view, named_at, {**described, **roles}, at, title, head)
        if len(set(near)) == 1 and _open(view.body, at, title, head):
            evidence.setdefault(title.lower(), Counter())[near[0]] += 1
    found = []
    for at, title, head in free:
        holders = {name for name, role in roles.items() if role.lower() == title.lower()} or {
            name for name, role in roles.items() if _same_office(role, title, head) and _narrower(role, title)
        }
        if not holders and _open(view.body, at, title, head):
            near = _near(view, named_at, {**described, **roles}, at, title, head, speakers)
            if name := (
                _referent(near, evidence, counts, title)
                or (not near and _named_next(view, named_at, roles, at))
                or (_named_office(title, head) and _opening_next(view, named_at, roles, at))
            ):
                roles.setdefault(name, title)
                holders = {name}
        if len(holders) == 1:
            found.append(Mention(at, at + len(title), holders.pop()))
    # "France's finance minister has said ... . Herve Gaymard said": a possessed office refers forward only, to the
    # person opening the next sentence; never back (that may be anyone).
    for m in POSSESSED_WORDS.finditer(view.body):
        at = m.start(1) + len(m[1]) - len(m[1].lstrip())
        if (
            (title := _lower_case_title(view.body, m))
            and _named_office(title, head := title.split()[-1].lower())
            and not TITLE_TAIL.match(view.body, at + len(title))
            and _open(view.body, at, title, head)
            and (name := _opening_next(view, named_at, roles, at))
            and not any(n.name == name for _, _, n in named_at.starting_in(0, view.sentence_at(at).end_char))
        ):
            roles[name] = view.body[m.start() : at + len(title)]
            found.append(Mention(at, at + len(title), name))
    return found


def _named_next(view: DocView, named_at: Ranges[Mention], roles: dict[str, str], at: int) -> str | None:
    """The person a title refers forward to when no one may be meant before it ("the Federal Reserve chairman may raise
    rates. ... Mr Greenspan told Congress"): the first person named in the next three sentences, if the article never
    gives that person a given name (the title introduced them), has named them nowhere before and gives them no role."""
    end = view.sentence_at(at).end_char
    for _ in range(3):
        end = view.sentence_at(end + 1).end_char
    following = named_at.starting_in(at, end)
    name = following[0][2].name if following else None
    if name is None or " " in name or name in roles or any(m.name == name for _, _, m in named_at.starting_in(0, at)):
        return None
    return name


def _named_office(title: str, head: str) -> bool:
    """Whether a title names one serving office by its words alone: one with a single holder ("the chancellor"), or role
    words in lower case ("the prime minister", "the home secretary"); not a former one, nor a description ("the Mexican
    leader", "the Democratic candidate")."""
    words = title.split()
    if any(w.lower() in ROLE_STATUS for w in words):
        return False
    return (
        head in LONE_OFFICES or len(words) > 1 and all(w.islower() and w in ROLE_MODIFIERS | ROLE_HEADS for w in words)
    )


def _opening_next(view: DocView, named_at: Ranges[Mention], roles: dict[str, str], at: int) -> str | None:
    """The person a named office ("the prime minister", "the chancellor"; not "the minister") refers forward to when no
    one before it is shown to be meant: the one named at the opening of the next sentence ("... the prime minister took
    questions. Mr X told the audience ..."), if the article gives them no role."""
    end = view.sentence_at(at).end_char
    if end >= len(view.body):
        return None
    first = _name_opening(view, end + 1, named_at)
    return first[2].name if first and first[2].name not in roles else None


def _a_body(title: str, head: str) -> bool:
    """Whether a title names a body, not a person: "the Scottish Executive", where the head needs another role word
    before it to be a person's ("the chief executive")."""
    words = title.lower().split()
    return head in QUALIFIED_HEADS and (len(words) < 2 or words[-2] not in ROLE_MODIFIERS | ROLE_HEADS)


def _open(body: str, at: int, title: str, head: str) -> bool:
    """Whether a title at `at` may refer back to a person named before it: not inside a quote, nor an office of its own
    ("the Queen", "the Archbishop of Canterbury")."""
    return not (head in NOBLE_TITLES or OF_PLACE.match(body, at + len(title)) or _inside_quote(body, at))


def _name_at(body: str, at: int, named: Ranges[T]) -> tuple[int, int, T] | None:
    """The name starting at `at`, perhaps after a title ("Dr X told", "the nominee, Mr Reid,")."""
    first = next(iter(named.starting_in(at, at + 1)), None)
    if first is None and (title := NAME_TITLE_OPENING.match(body, at)):
        first = next(iter(named.starting_in(title.end(), title.end() + 1)), None)
    return first


def _name_opening(view: DocView, at: int, named: Ranges[T]) -> tuple[int, int, T] | None:
    """The name opening the sentence that holds `at`, perhaps after a title."""
    sentence = view.sentence_at(at)
    return _name_at(view.body, sentence.start_char + len(sentence.text) - len(sentence.text.lstrip()), named)


def _near(
    view: DocView,
    named_at: Ranges[Mention],
    roles: dict[str, str],
    at: int,
    title: str,
    head: str,
    speakers: frozenset[int] = frozenset(),
) -> list[str]:
    """Who a title at `at`, whose head noun is `head`, may refer back to, in the order named: those named earlier in its
    own sentence or in the last earlier sentence naming anyone, without a role or with one of the same office
    (`_same_office`); of those, where its own sentence names no one before it, the one who speaks in the sentence before
    if only one does ("X has failed, Y has said. The Tory leader added": Y; `speakers`, where the subjects of speech
    verbs are). Not the subject of a verb whose object the title is ("X told the party leader", "Mr X said of the Tory
    leader"), nor one who speaks of it ("X said he hoped the home secretary would return")."""
    own_start = view.sentence_at(at).start_char
    earlier = named_at.last_ending_by(own_start)
    start = view.sentence_at(earlier[0]).start_char if earlier else own_start
    before = [m for _, end, m in named_at.starting_in(start, at) if end <= at]
    acting = {
        m.name
        for m in before
        if m.start_char >= own_start
        and (
            ACTS_ON.fullmatch(view.body, m.end_char, at)
            or not POSSESSIVE_AFTER.match(view.body, m.end_char)
            and SPEECH_VERBS & set(WORD.findall(view.body, m.end_char, at))
        )
    }
    near = [
        m.name
        for m in before
        if m.name not in acting
        and (m.name not in roles or _same_office(roles[m.name], title, head))
        and not _other_gender(m.name, head)
    ]
    if any(m.start_char >= own_start for m in before):
        return near
    speaking = [m.name for m in before if m.name in near and any(m.start_char <= k < m.end_char for k in speakers)]
    return speaking if len(set(speaking)) == 1 else near


def _other_gender(name: str, head: str) -> bool:
    """Whether a title's head and a person's given name say different genders: "the former congressman" is not Hillary
    X."""
    said, given = ROLE_GENDER.get(head), _given_name_gender(name)
    return said is not None and given is not None and said != given


def _narrower(role: str, title: str) -> bool:
    """Whether one of a role and a title says no more than the other: "chief executive" and "the Lib Dem chief
    executive", "its chief executive" and "the chief executive"."""
    words = {w.lower().removesuffix("'s").removesuffix("\u2019s") for w in role.split()} - ROLE_DETERMINERS
    other = {w.lower().removesuffix("'s").removesuffix("\u2019s") for w in title.split()} - ROLE_DETERMINERS
    return words <= other or other <= words


def _same_office(role: str, title: str, head: str) -> bool:
    """Whether a person's role may be the office a title names: the same head noun ("leader" for "the Tory leader",
    "bishop" of "bishop of Durham" for "the Bishop") and the same rank ("the prime minister" is not the deputy prime
    minister)."""
    words = role.lower().split()
    ends = [k for k, w in enumerate(words) if w in ROLE_PREPOSITIONS and k > 0]
    own = words[ends[0] - 1] if ends else words[-1]  # "bishop of Durham" is a bishop
    return own.split("-")[-1] == head and _ranks(role) == _ranks(title)


def _ranks(role: str) -> set[str]:
    """The rank words of a role, hyphened ones too: "ex-chancellor" is a former chancellor."""
    return {w.rstrip("-") for w in role.lower().replace("-", "- ").split()} & RANKS


def _referent(near: list[str], evidence: dict[str, Counter[str]], counts: Counter[str], title: str) -> str | None:
    """Of the people a title may refer to (`near`), the one it does: the one the article shows alone before the same
    title elsewhere (`evidence`); else the only one, or the one the article names most (its protagonist: "X attacked the
    cost under Y. The Tory leader said" is X); on a tie, the one whose last mention before the title comes first."""
    if not near:
        return None
    shown = evidence.get(title.lower(), Counter()).most_common(2)
    if shown and (len(shown) == 1 or shown[0][1] > shown[1][1]):
        return shown[0][0]  # the title is someone's: no one else's
    first, *rest = sorted(reversed(list(dict.fromkeys(reversed(near)))), key=lambda n: -counts[n])
    return first if not rest or counts[first] >= PROTAGONIST * counts[rest[0]] else None


def _inside_quote(body: str, at: int) -> bool:
    """Whether `at` is inside quotation marks in its paragraph. A straight quote mark after a space opens a quote (news
    runs quoted sentences on with a fresh opening mark), any other closes one."""
    para = body[body.rfind("\n", 0, at) + 1 : at]
    inside = False
    for k, ch in enumerate(para):
        if ch == "\u201c" or ch == '"' and (k == 0 or para[k - 1] in " (["):
            inside = True
        elif ch in {'"', "\u201d"}:
            inside = False
    return inside


def _lower_case_title(body: str, match: re.Match[str]) -> str | None:
    """The office in "the prime minister said", "the Tory leader": a lower-case role head after capitalised names or
    role modifiers only, not followed by a name ("the Tory leader Michael Howard" is a title before a name) nor by a
    hyphen or a body's possessive ("the minister-led", "the Sheriff's Department"; "the prime minister's spokesman" is
    his). Any noun phrase ending in a head ("the team leader") is not one."""
    words = list(re.finditer(r"[A-Za-z][\w-]*", match[1]))
    for k, word in enumerate(words):
        nxt = words[k + 1][0] if k + 1 < len(words) else ""
        head = word[0].lower()  # "the outgoing European Commissioner": a capitalised head after a lower-case word
        # "prime" of "prime minister" goes on; a head alone is a title only where it names one office
        if head in ROLE_HEADS and (k > 0 or head in LONE_OFFICES) and nxt.lower() not in ROLE_HEADS:
            end = match.start(1) + word.end()
            if body[end : end + 1] in {"-", "'", "\u2019"} and not OWNER.match(body, end) or nxt[:1].isupper():
                return None
            return " ".join(w[0] for w in words[: k + 1])
        if not (word[0][0].isupper() or word[0] in ROLE_MODIFIERS or _portfolio_word(word[0], words[k + 1 :])):
            return None
    return None


def _portfolio_word(word: str, rest: list[re.Match[str]]) -> bool:
    """Whether a lower-case word names the portfolio of a minister or secretary that follows ("the constitutional
    affairs secretary", "the work and pensions minister"); any other head needs its words from the role vocabulary ("the
    team leader" is no office)."""
    return (word not in STOP_WORDS or word == "and") and any(w[0].lower() in PORTFOLIO_HEADS for w in rest[:3])


def _fronted_title(body: str, match: re.Match[str]) -> str | None:
    """A role head right after "the" that a name follows in apposition, perhaps after its body: "The chairman of the Bar
    Council, X,", "the chairman, X," (whatever the head: the name says whose it is)."""
    word = re.match(r"\s+([a-z][\w-]*)", match[1])
    fronted = word is not None and word[1] in ROLE_HEADS and TITLE_TAIL.match(body, match.start(1) + word.end())
    return word[1] if fronted else None


def _genders(body: str, mentions: list[Mention], roles: dict[str, str]) -> dict[str, str]:
    """ "m" or "f" per person where the article shows it. A gendered role ("spokeswoman") or a common given name
    decides; failing those, the pronouns that follow the person's mentions before anyone else is named, by a clear
    majority. Pronouns alone are weak evidence: an article about a woman puts "she" after every name."""
    marks = {m.name: {_given_name_gender(m.name)} - {None} for m in mentions}
    pronouns: dict[str, dict[str, int]] = {}
    for i, m in enumerate(mentions):
        tally = pronouns.setdefault(m.name, {"m": 0, "f": 0})
        stop = min(mentions[i + 1].start_char if i + 1 < len(mentions) else len(body), m.end_char + PRONOUN_REACH)
        for word in WORD.findall(body[m.end_char : stop].lower()):
            if g := PRONOUN_GENDER.get(word):
                tally[g] += 1
    for name, role in roles.items():
        marks[name].update(g for w in role.lower().split() if (g := ROLE_GENDER.get(w)))
    out = {}
    for name, tally in pronouns.items():
        if len(marks[name]) == 1:
            out[name] = next(iter(marks[name]))
        elif not marks[name] and max(tally.values()) >= 2 * min(tally.values()) + 1:
            out[name] = "m" if tally["m"] > tally["f"] else "f"
    return out


def _token_at(doc: Doc, char: int) -> int | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None and span[0].idx == char else None
