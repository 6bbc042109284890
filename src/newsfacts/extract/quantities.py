"""Quantities: numbers with what they count, normalised to a value and a unit.

A regex finds numerals, money and percentages ("more than 3,000", "around £40m", "62 per cent") and spelled-out counts
("three people", "a dozen"); years, dates, ordinals, times, list numbers and phone-like numbers are not quantities. The
counted noun after the number gives the unit, the parse (the `amount-*` patterns of grammar.jsonl) what it is of,
`about`; a number with no noun of its own borrows the sentence's ("numbers of arrivals ... from more than 3,000 to less
than 300").
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from newsfacts.records import Quantity

from .grammar import Grammar, Parsed
from .lexicon import (
    CURRENCY_ADJECTIVES,
    CURRENCY_NOUNS,
    CURRENCY_SUBUNITS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DEMONYMS,
    EXTREMES,
    FRACTIONS,
    MEASURE_UNITS,
    MONTHS,
    MULTIPLIERS,
    NOT_COUNTED,
    NOT_MEN_PLURAL,
    NOT_PLURAL,
    NUMBER_WORDS,
    PEOPLE_GROUPS,
    PEOPLE_NOUNS,
    PEOPLE_VERBS,
    PHRASE_STOPS,
    QUALIFIERS,
    TIME_NOUNS,
    TIME_UNITS,
    WEEKDAYS,
    alternation,
)
from .patterns import ids
from .ranges import Ranges
from .view import DocView

_MULT = alternation(MULTIPLIERS)
_WORDS = "|".join(re.escape(w) for w in sorted(NUMBER_WORDS, key=len, reverse=True) if w != "one")
# A number glued by a dash to a letter ("M-5", "under-18s") or an HTML entity ("&#233;") is part
# of a word; one after a digit and a dash is the top of a range or a score ("10-20%", "3-1").
NUMBER = re.compile(
    r"(?P<cur>US\$|[£$€¥])?"
    r"(?P<num>(?<![\w.,/#])(?<!\D-)\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.,/:#])(?<!\D-)\d+(?:\.\d+)?)"
    r"(?:(?P<strong>-strong\b)|(?P<odd>-odd\b))?"  # "a 2,000-strong crowd", "80-odd resorts"
    rf"(?:\s?(?P<mult>{_MULT}\b))?"
    r"(?:\s?(?P<pct>%|per\s?cent\b|percent\b|pc\b|percentage points?\b))?",
    re.IGNORECASE,
)
_MULT_WORDS = "hundred|thousand|million|billion"
MULT_WORD = re.compile(rf"\d\s?{_MULT}\b|\b(?:{_MULT_WORDS})\b", re.I)
# "one" alone is a pronoun ("no one", "one of them"); before a multiplier it is a number.
SPELLED = re.compile(
    rf"\b(?P<word>(?:{_WORDS}|one(?=\s(?:{_MULT_WORDS})\b))(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)\b"
    r"(?P<strong>-strong\b)?"
    rf"(?:\s(?P<mult>{_MULT_WORDS})\b)?",
    re.IGNORECASE,
)
_SMALL = "a|one|two|three|four|five|six|seven|eight|nine|ten|\\d+"
# Shares, given as percent: "two thirds of", "a quarter of", "half of", "half the", "one in five", "2 out of 10";
# but a fraction of a large number is a count: "half a million", "a quarter of a million".
FRACTION = re.compile(
    rf"(?:\b(?P<num>{_SMALL})[- ]|\b(?=half\b))(?P<den>{alternation(FRACTIONS)})\b"
    rf"(?:\s+(?:of\s+)?an?\s+(?P<mult>{_MULT_WORDS})\b|(?=\s+(?:of|the|its|their|our|all|those|these)\b))",
    re.I,
)
ONE_IN = re.compile(
    rf"\b(?P<num>{_SMALL})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<den>{_WORDS}|\d+)\b"
    r"(?!\s*(?:%|per\s?cent|percent))",
    re.I,
)
# Vague counts in the plural ("thousands of", "tens of thousands of"): at least the unit they name.
PLURAL_COUNT = re.compile(
    r"\b(?:(?P<times>tens|hundreds)\s+of\s+)?(?P<base>dozens|hundreds|thousands|millions|billions)\s+of\b", re.I
)
# "12 of the suspects": what a bare number counts, named after "of" and a determiner.
# The whole may be counted too: "10 of the 80-odd resorts", "two of its 12 stores".
PARTITIVE = re.compile(
    r"\s+of\s+(?:the|these|those|their|its|his|her|our|all)\s+(?:\d[\d,]*(?:-odd)?\s+(?!(?:who|whose|which|that)\b))?",
    re.I,
)
# What only people do, right after a bare number: "3,000 died", "two have been arrested".
PEOPLE_VERB = re.compile(rf"\s+(?:have\s+|had\s+|were\s+)?(?:been\s+)?{alternation(PEOPLE_VERBS)}\b", re.I)
# A number joined by a dash to a unit of time counts it ("a six-year term"), unless an age ("six-year-old").
HYPHEN_TIME = re.compile(rf"-{alternation(TIME_UNITS)}\b(?!-)", re.I)
# "times" before a comparative multiplies ("9 times more", "three times as many"); else it counts repeats.
TIMES_AS_MUCH = re.compile(r"\s+times\s+(?:more|less|fewer|as|the|that|what|over|[a-z]+er)\b", re.I)
# Ages and clock times are not quantities ("at 10.30"); the `age-*` patterns mark "aged 34", "who is 70".
CLOCK = re.compile(r"\d{1,2}\.[0-5]\d")
# Right after a bare number, what makes it no quantity: an ordinal or a decade ("4th", "1990s"), a clock or a
# ratio ("10:30", "9/11", "24/7").
NOT_AFTER = re.compile(r"(?:st|nd|rd|th|s|['\u2019]s)\b|[:/]")
CLOCK_BEFORE = frozenset({"at", "from", "until", "till", "before", "after"})
# Between two numbers, what makes them a range whose bound shares the other's unit ("10 to 20 people").
RANGE_GAP = re.compile(r"\s*(?:to|and|or|[-\u2013])\s*")
BETWEEN = re.compile(r"\bbetween\s+$", re.I)
AND_GAP = re.compile(r"\s+and\s+")
DASH_GAP = re.compile(r"[-\u2013]")
SCORE_BEFORE = re.compile(r"\d[-\u2013]$")
SCORE_AFTER = re.compile(r"[-\u2013]\d")
TIE_BREAK = re.compile(r"\d[-\u2013]\d\s\(\d+\)$")
# A number per something is a rate, not a share like the one before it ("an average of 22 per surveyor").
PER_RATE = re.compile(r"\s+per\s+(?!cent\b)[a-z]", re.I)
OF_THEM = re.compile(r"\s+of\s+them\b", re.I)
OF_ANY = re.compile(r"\s+of\b", re.I)
NUMBER_PERCENT = re.compile(r"%|per\s?cent|percent|\bpc\b|points?\b", re.I)
# Between a sum and its restatement in another currency: "£5m ($9m)", "$9m (£5m; 7m euros)", "£5m, or $9m".
RESTATED_GAP = re.compile(r"\s*[(;]\s*|,?\s+or\s+")
# A unit of time without a number ("for a decade", the `duration-a` pattern): one of it.
A_UNIT = re.compile(r"an?\s+[a-z]+", re.I)
CURRENCY_CODES = frozenset(CURRENCY_SYMBOLS.values()) | frozenset(CURRENCY_WORDS.values())
QUOTE_CHARS = re.compile(r"[\"\u201c\u201d\u2018]")
# A qualifier is looked for just before a number once one is found: as an optional group at
# the head of every pattern it was tried at each position of every body (a third of the time).
QUAL_BEFORE = re.compile(rf"\b(?P<qual>{alternation(QUALIFIERS)})\s+$", re.I)
QUAL_REACH = 20
# Qualifiers that are also prepositions of time: before a duration they say when, not how many.
TIME_PREPOSITIONS = frozenset({"over"})
TIME_LEAD = re.compile(rf"(?:{'|'.join(TIME_PREPOSITIONS)})\s+", re.I)
# Quotation marks may wrap a word of the phrase ('1,500 "bogus" students').
NEXT_WORDS = re.compile(r"[\s\"\u201c\u201d\u2018]*-?([A-Za-z][\w'-]*)")
STOP = PHRASE_STOPS  # words that end a counted-noun phrase
YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
PRONOUNS = frozenset("it them us him he she we you i this something".split())
PHONE = re.compile(r"\d[\d ]{6,}\d|\d+-\d+-\d+")
WORD = re.compile(r"[A-Za-z][\w'-]*")
NUMBER_OF = re.compile(r"\b(?:numbers?|total|count)\s+of\s+((?:[a-z-]+\s+){0,2}[a-z-]+)", re.I)
# The grammar patterns that tie an amount to what it is of, in the order they are tried.
AMOUNT_PATTERNS = tuple(p for p in ids("grammar") if p.startswith("amount-"))
# How a part of an amount hangs on another part, or on the other amount it restates or ranges with.
AMOUNT_LINKS = frozenset({"appos", "conj", "quantmod", "nummod", "compound", "nmod", "punct", "prep", "pobj"})
# Words that are part of an amount as written: "%", "m", "bn", "per cent", currency words.
AMOUNT_WORDS = frozenset(
    {"%", "per", "cent", "percent", *MULTIPLIERS, *CURRENCY_WORDS, *CURRENCY_SYMBOLS, *MEASURE_UNITS}
)
DURATION_UNITS = frozenset(unit for unit, _ in TIME_UNITS.values())
# Units that measure rather than count: a sum, a share, a duration, a distance or a weight.
MEASURED = CURRENCY_CODES | DURATION_UNITS | MEASURE_UNITS | {"percent"}
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Clauses inside a noun's phrase, left out of what an amount is of ("those earning over £100,000").
CLAUSES = frozenset({"acl", "relcl", "advcl", "ccomp"})
# What before a noun is part of its phrase: "illegal immigrants", "the bank's bad loans", "Mini-workers".
MODIFIERS = frozenset({"amod", "compound", "nmod", "poss", "npadvmod", "case", "punct"})
# How a verb's clause hangs on the clause whose subject it shares.
CLAUSE_LINKS = frozenset({"xcomp", "conj", "advcl", "pcomp", "prep"})
# What follows a verb in the phrase a duration is of: its object, complement or preposition.
VERB_COMPLEMENTS = frozenset({"dobj", "attr", "prep", "prt", "acomp", "oprd", "dative"})
POSSESSIVE = re.compile(r"(?:['\u2019]s|s['\u2019])$")
POSSESSIVE_GAP = re.compile(r" (['\u2019]s?)(?!\w)")
MAX_NOUN_WORDS = 3
MAX_ABOUT_WORDS = 7


def extract(doc: Doc) -> tuple[Quantity, ...]:
    """Every quantity in the body, in text order; none inside a date or a link."""
    view = DocView(doc)
    body = view.body
    blocked = Ranges((f.start_char, f.end_char, None) for f in (*view.dates, *view.links))
    for m in PHONE.finditer(body):  # a press office's "020 7035 4848", "1-800-555-0199"
        if " " in m.group() and len(re.sub(r"\D", "", m.group())) >= 9 or "-" in m.group():
            blocked.add(m.start(), m.end(), None)
    metres = Ranges[None]()  # "won the 3,000m", "30ft (10m)": the `metres-*` patterns
    for span in doc.spans.get("quantities", ()):  # ages, house numbers, labels ("No 10", "page 4")
        if span.label_ == "NOT_QUANTITY":
            blocked.add(span.start_char, span.end_char, None)
        elif span.label_ == "METRES":
            metres.add(span.start_char, span.end_char, None)
    found = []
    for m in PLURAL_COUNT.finditer(body):
        word = NEXT_WORDS.match(body, m.end())
        if blocked.overlaps(*m.span()) or (word and word.group(1).lower() in NOT_COUNTED):
            continue  # "hundreds of years", "millions of times"
        # "thousands" -> 1000, "dozens" -> 12, "tens of thousands" -> 10 * 1000: the singular's value
        value = number_value(m["base"][:-1], MULTIPLIERS) * (number_value(m["times"][:-1]) if m["times"] else 1)
        found.append(_build(view, m, value, qualifier="more than"))
        blocked.add(m.start(), m.end(), None)
    for m in [*FRACTION.finditer(body), *ONE_IN.finditer(body)]:
        if blocked.overlaps(*m.span()):
            continue
        share = number_value(m["num"] or "a") / number_value(m["den"], FRACTIONS)
        if m.groupdict().get("mult"):
            found.append(_build(view, m, share * MULTIPLIERS[m["mult"].lower()]))
            blocked.add(m.start(), m.end(), None)
        elif 0 < share <= 1:
            found.append(_build(view, m, round(100 * share, 2), "percent"))
            blocked.add(m.start(), m.end(), None)
    for m in NUMBER.finditer(body):
        if _skip_numeral(body, m, blocked):
            continue
        value = float(m["num"].replace(",", ""))
        if _in_metres(body, m, metres):
            found.append(_build(view, m, value, "metres"))
            continue
        found.append(_build(view, m, value * MULTIPLIERS.get((m["mult"] or "").lower(), 1)))
    about = ParsedAbout(doc)
    for m in SPELLED.finditer(body):
        if blocked.overlaps(*m.span()) or (body.startswith("-", m.end()) and not HYPHEN_TIME.match(body, m.end())):
            continue
        if m["word"][0].isupper() and _inside_sentence(body, m.start()):
            continue  # capitalised inside a sentence, a name: "BBC Two", "The Three Rooms of ...", "on Five"
        if (
            _noun_after(body, m.end()) is None
            and not m["mult"]
            and not m["strong"]
            and not PEOPLE_VERB.match(body, m.end())
            and about.counted(m.start(), m.end()) is None  # "the two most senior ministers"
        ):
            continue
        value = number_value(m["word"]) * MULTIPLIERS.get((m["mult"] or "").lower(), 1)
        found.append(_build(view, m, value))
    for span in doc.spans.get("quantities", ()):
        if span.id_ == "duration-a" and not blocked.overlaps(span.start_char, span.end_char):
            unit, factor = TIME_UNITS[span[-1].lower_]
            found.append(_build(view, A_UNIT.match(body, span[1].idx), factor, unit))
    found.sort(key=lambda q: q.start_char)
    # what a number is of is read before a bare number borrows it ("305,775 people ..., down from 311,764")
    bare = {q.start_char for q in found if not q.unit}
    found = [q if q.start_char in bare else _about_parsed(q, about) for q in found]
    parsed = [_about_parsed(q, about) if q.start_char in bare else q for q in _borrow_units(view, found, about)]
    return tuple(_same_group(view, _restated(view.body, parsed), about))


def _in_metres(body: str, m: re.Match[str], metres: Ranges[None]) -> bool:
    """Whether a number written with "m" is a distance a `metres-*` pattern marks ("won the 3,000m", "30ft (10m)"), with
    no currency sign or word ("£3,000m", "3,000m euros" are sums)."""
    if m["mult"] != "m" or m["cur"] or m["pct"] or not metres.overlaps(m.start("num"), m.end("num")):
        return False
    word = NEXT_WORDS.match(body, m.end())
    return not (word and word.group(1).lower() in CURRENCY_WORDS)


def _restated(body: str, found: list[Quantity]) -> list[Quantity]:
    """A sum restated in another currency is as exact as the first ("about £1.5bn ($2.8bn)", "some $10m (£5m; 8m
    euros)", "about £800m, or $1.5bn"): it takes the first's qualifier."""
    out = found[:1]
    for q in found[1:]:
        prev = out[-1]
        if (
            q.qualifier is None
            and prev.qualifier is not None
            and _restates(body, prev, q)
            and not DASH_GAP.match(body, q.end_char)  # "between £4m and £5m ($7m-9m)": a range again
        ):
            q = replace(q, qualifier=prev.qualifier)
        out.append(q)
    return out


def _restates(body: str, first: Quantity, then: Quantity) -> bool:
    """Whether `then` restates the sum `first` in another currency, right after it."""
    units = {first.unit, then.unit}
    gap = RESTATED_GAP.fullmatch(body, first.end_char, then.start_char)
    return len(units) == 2 and units <= CURRENCY_CODES and gap is not None


def _same_group(view: DocView, found: list[Quantity], parsed: ParsedAbout) -> list[Quantity]:
    """A share that names nothing it is of, and is not itself the subject that acts ("39% opposed" are people polled),
    is a value of the same measure as the share before it in its sentence ("the rate is 12%, in some areas it is 15%",
    "29% and 18% lower"); a fraction naming no group ("one in six knew") or a share "of them" is of the group of the
    share before it, in its sentence or the one before ("4% of those questioned ...; 2% of them")."""
    out: list[Quantity] = []
    for q in found:
        group = not _written_percent(view.body, q) or OF_THEM.match(view.body, q.end_char)  # a fraction, or "of them"
        if q.unit == "percent" and q.about is None and (group or not parsed.acts(q.start_char, q.end_char)):
            start = view.sentence_at(q.start_char).start_char
            if group:
                start = view.sentence_at(start - 1).start_char if start > 0 else start
            prev = next((p for p in reversed(out) if p.unit == "percent" and p.start_char >= start), None)
            if not group and (not (prev and _written_percent(view.body, prev)) or OF_ANY.match(view.body, q.end_char)):
                prev = None  # not after "two thirds" (a value is written as the other), nor "17% of 18 to 24 year olds"
            if prev is not None and prev.about:
                q = replace(q, about=prev.about)
        out.append(q)
    return out


def _written_percent(body: str, q: Quantity) -> bool:
    return bool(NUMBER_PERCENT.search(body[q.start_char : q.end_char]))


def _about_parsed(q: Quantity, about: ParsedAbout) -> Quantity:
    """The quantity with what the parse says it is of (a count's own noun as written where the parse ties it to
    nothing); a count's unit is the noun the parse says it counts ("30,000 sports utility vehicles")."""
    noun = about.counted(q.start_char, q.end_char) if q.unit not in MEASURED and q.unit != "people" else None
    if noun is not None:
        q = replace(q, unit="people" if _counts_people(noun.text) else noun.lower_)
    duration, money = q.unit in DURATION_UNITS or q.unit == "times", q.unit in CURRENCY_CODES
    phrase = about(q.start_char, q.end_char, duration=duration, money=money)
    return replace(q, about=phrase or (q.about if q.about and not _names_unit(q) else None))


def _names_unit(q: Quantity) -> bool:
    """An about that is the unit of measure again ("16 points lower", "5 miles", "five times"): what is measured or
    repeated is elsewhere."""
    words = (q.about or "").lower().split()
    measure = q.unit in MEASURE_UNITS or q.unit == "times"
    return measure and words[:1] == [q.unit] and words[1:2] != ["of"]  # but "tonnes of oil"


def _links_or_times(about: str) -> bool:
    """Whether a phrase ends in a word that links or times ("of", "over", "next decade", "February", "Friday")."""
    last = about.split()[-1].lower()
    return about.split()[-1].islower() and last in STOP or last in TIME_UNITS or last in MONTHS or last in WEEKDAYS


class ParsedAbout:
    """What an amount is of, read in the parsed sentence (`doc._.grammar`): the `amount-*` dependency patterns of
    `patterns/grammar.jsonl`, tried in the file's order, tie the amount's head to a noun ("a 40% drop in profits", "a
    stake of 29%", "spend £5m on schools", "bought the club for £800m") or to the verb it measures ("shares rose 4%"),
    whose subject (or the noun its clause describes: "debts built up over 20 years") it is of. The noun is given with
    its modifiers and its "of"/"in" phrase."""

    def __init__(self, doc: Doc) -> None:
        grammar: Grammar = doc._.grammar
        self.sentences = grammar.sentences
        self.found: dict[tuple[int, int], dict[str, Token]] = {}
        self.counts: dict[tuple[int, int], Token] = {}
        self.raised: dict[tuple[int, int], Token] = {}
        for m in grammar.relations:
            if m.id in AMOUNT_PATTERNS:
                node = m.nodes.get("about") or m.nodes["verb"]
                if m.id == "amount-object-in" and any(c.dep_ == "det" for c in node.children):
                    continue  # "£5m in a bid to", "£2m in the year": no bare noun the sum is in
                found = self.found.setdefault((m.sentence.start, m.nodes["amount"].i), {})
                if m.id not in found or abs(node.i - m.nodes["amount"].i) < abs(found[m.id].i - m.nodes["amount"].i):
                    found[m.id] = node  # of two, the nearer: "$27bn in back taxes for the years"
            elif m.id == "counted-noun":
                self.counts[(m.sentence.start, m.nodes["number"].i)] = m.nodes["noun"]
            elif m.id == "raised-object":  # of two objects, the first (matches come in text order)
                self.raised.setdefault((m.sentence.start, m.nodes["amount"].i), m.nodes["object"])

    def counted(self, start: int, end: int) -> Token | None:
        """The noun a bare number counts in the parse ("and 40 Post Offices"), if any."""
        sentence, inside = self._amount(start, end)
        number = next((t for t in inside if t.like_num), None)
        noun = self.counts.get((sentence.start, number.i)) if sentence and number is not None else None
        if noun is None or noun.lower_ in TIME_UNITS or not any(c.isalpha() for c in noun.text):
            return None  # "48,000 last year": no count of years; "| 10,234 |": a table's rule counts nothing
        if noun.lower_ in MULTIPLIERS and noun.i == number.i + 1:
            return None  # "up from 38m": the number's own multiplier, parsed as a noun, counts nothing
        doc = noun.doc
        while noun.i + 2 < len(doc) and _joins(doc[noun.i + 1]) and doc[noun.i + 2].tag_.startswith("NN"):
            noun = doc[noun.i + 2]  # the word's last part: "Eight super-casinos" counts casinos, not "super"
        return noun

    def acts(self, start: int, end: int) -> bool:
        """Whether an amount is the subject of a verb in the parse ("39% opposed"), or is not parsed."""
        sentence, inside = self._amount(start, end)
        return sentence is None or any(t.dep_ in SUBJECTS for t in inside)

    def _amount(self, start: int, end: int) -> tuple[Parsed | None, list[Token]]:
        sentence = next((s for s in reversed(self.sentences) if s.start_char <= start), None)
        inside = [t for t in sentence.doc if start <= sentence.start_char + t.idx < end] if sentence else []
        return sentence, inside

    def __call__(self, start: int, end: int, duration: bool = False, money: bool = False) -> str | None:
        sentence, inside = self._amount(start, end)
        if sentence is None:
            return None
        head = next((t for t in inside if t.head not in inside or t.head == t), None)
        # the amount's own patterns first ("17% of Republicans" after "62% of Democrats", "two-thirds of voters")
        # not "millions of dollars" (the unit), nor "£1.3bn ($2.5bn)" (the sum restated)
        own = [t for t in inside if t == head or t.lower_ in FRACTIONS]  # "two-thirds of voters"
        while head is not None and head.head != head and head.dep_ in AMOUNT_LINKS and _amount_word(head.head):
            head = head.head  # "£75m ($141m)": the sum it restates; "3% to 3.5%": the other end
        if head is None:
            return None
        if duration and head.head.lower_ == "times" and head.dep_ == "nummod":
            inside, head = [*inside, head.head], head.head  # "rose five times": what was repeated
        if duration and (phrase := _time_of(head)):
            return phrase
        if money and (phrase := _sum_of(head, inside)):
            return phrase
        if head.dep_ in {"appos", "compound", "nmod"} and head.head.dep_ == "poss" and head.head.i < head.i:
            return _noun_phrase(head.head.head, inside)  # "X's $2bn (£1bn) buyout of Y": the buyout, not X
        if (target := self.raised.get((sentence.start, head.i))) is not None:
            return _noun_phrase(target, inside)  # "sent shares down 4%": what went down, not the verb's subject
        found = {}
        for t in [*own, head]:
            for pattern, node in self.found.get((sentence.start, t.i), {}).items():
                if not _amount_word(node):
                    found.setdefault(pattern, node)
        # "£2bn on housing" is what the sum is for (`amount-sum-on` holds for a sum only); "8% on Tuesday" says when,
        # "rose 3% in Tokyo" where
        nodes = [
            found[p]
            for p in AMOUNT_PATTERNS
            if p in found and (money or p != "amount-sum-on") and found[p] not in inside
        ]
        # with no pattern, the noun or verb above; not a time a share is of with no "of" ("half the time")
        nodes = nodes or [g for g in [_governor(head)] if g is None or not _timeword(g)]
        for node in nodes:
            if node is not None and (target := _at_extreme(node)) is not None:
                node = target
            if node is not None and node.tag_.startswith("VB"):
                phrase = _verb_phrase(node, inside) if duration or money else None
                # a verb alone says what it does to the amount: of it when the amount is its object ("invest £10m") or
                # behind its preposition ("earning over £100,000"), not in another noun's phrase ("blamed a £5m payout")
                acts_on = head.head == node and head.dep_ in {"dobj", "npadvmod"}
                if phrase and (" " in phrase or acts_on or head.dep_ == "pobj" and head.head.head == node):
                    return phrase
                node = _subject(node)
            # a noun that times says nothing ("5% last year"), but one timed does ("profits for the year")
            # nor a bare time noun ("the same period"), but "a consultation period" or "40% of his time" is
            if (
                node is None
                or node.lower_ in TIME_NOUNS
                and not any(c.dep_ in {"compound", "poss"} for c in node.children)
            ):
                continue
            phrase = _noun_phrase(node, inside)
            if phrase and not (
                _links_or_times(phrase) and (_links_or_times(node.text) or phrase.split()[-1].lower() in STOP)
            ):
                return phrase
        return None


def _governor(token: Token) -> Token | None:
    """When no pattern ties the amount, the nearest noun or verb above it ("a deficit up 30.5%", "closing at $53"); an
    amount read as the adverb of a noun after a preposition is the verb's ("grew at a breakneck 9.5%")."""
    noun = token.head
    if token.dep_ == "npadvmod" and noun.dep_ == "pobj" and noun.head.head.tag_.startswith("VB"):
        return noun.head.head
    for _ in range(4):
        if token.head == token:
            return None
        token = token.head
        if (token.tag_.startswith("NN") and not _amount_word(token)) or token.tag_.startswith("VB"):
            return token
    return None


def _subject(verb: Token) -> Token | None:
    """Whose change or measure a verb states: its subject, the subject of the clause it continues
    ("aims to raise prices", "rose and then fell"), or the noun its clause describes ("debts built up")."""
    for _ in range(4):
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subject is not None:
            relative = subject.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl"
            return verb.head if relative else subject
        if verb.dep_ in {"acl", "relcl"} and verb.head.tag_.startswith("NN"):
            return verb.head
        if verb.dep_ not in CLAUSE_LINKS or verb.head == verb:
            return None
        verb = verb.head
    return None


def _verb_phrase(verb: Token, amount: list[Token]) -> str | None:
    """What a sum or a duration is of when a verb governs it: the verb with its subject's phrase and its complements,
    the amount left out ("Ann Hale spent in prison"); None when the amount is the subject, or only "be" or "have" is."""
    subject = _subject(verb)
    below = {t.i for t in subject.subtree} if subject is not None else set()
    if verb.i not in below and any(t.i in below for t in amount):
        return None  # the amount is the subject: what the verb says of it, not what it is of
    lead = _noun_phrase(subject, amount) if subject is not None and subject.i < verb.i else None
    keep = [t for child in verb.lefts if child.dep_ == "neg" for t in child.subtree]
    keep.append(verb)
    for child in verb.rights:
        if child.dep_ not in VERB_COMPLEMENTS or any(t in amount or _numeric(t) for t in child.subtree):
            continue  # the amount, or another one ("gave £12m, with £5m of them ...")
        objects = [t for t in child.children if t.dep_ == "pobj"] if child.dep_ == "prep" else None
        if objects is not None and (
            any(d.lower_ in {"a", "an"} for t in objects for d in t.children)  # "in a bid to": no thing known
            or not any(t.tag_.startswith("NN") and not _timeword(t) for t in objects)  # "in 2004": no thing
        ):
            continue
        clauses = {t for c in child.subtree if c.dep_ in CLAUSES for t in c.subtree}
        keep.extend(t for t in child.subtree if t not in clauses)
    words = [
        t.text
        for t in sorted(set(keep), key=lambda t: t.i)
        if not t.is_punct and not t.is_space and t.dep_ != "det" and not _part_of_amount(t)
    ]
    words = ([lead] if lead else []) + words
    while len(words) > 1 and words[-1].lower() in STOP:
        words.pop()
    if not words or len(words) == 1 and words[0].lower() in STOP:
        return None
    return POSSESSIVE_GAP.sub(r"\1", " ".join(" ".join(words).split()[:MAX_ABOUT_WORDS]))


def _at_extreme(noun: Token) -> Token | None:
    """What reached the extreme an amount measures or stands at ("pushed prices to four-month highs", "the dollar's fall
    to a five-week low"): the object moved there, else the verb's subject, else the noun the phrase hangs on. Only what
    goes to an extreme or stands at it reached it: "some way off the peak" did not."""
    if noun.lower_ not in EXTREMES or noun.dep_ == "pobj" and noun.head.lower_ not in {"to", "at"}:
        return None
    above = noun.head.head if noun.dep_ == "pobj" else noun.head
    if above.tag_.startswith("NN"):
        return above
    if not above.tag_.startswith("VB"):
        return None
    moved = next((c for c in above.children if c.dep_ == "dobj" and c.i < noun.i and c is not noun), None)
    return moved if moved is not None else _subject(above)


def _sum_of(amount: Token, inside: list[Token]) -> str | None:
    """What a sum is of when its own "of" phrase says it behind a restated amount ("$20bn (£11bn) of extra aid"), or an
    "in" phrase after its rate ("$30bn a year in aid"), which the words right after the number do not reach."""
    rate = [
        c
        for t in amount.head.rights
        if t.i > amount.i and t.dep_ == "npadvmod" and _timeword(t)
        for c in t.rights
        if c.lower_ == "in"
    ]
    for child in [*amount.rights, *rate]:
        if child.dep_ == "prep" and child.lower_ in {"of", "worth", "in"} and (child.lower_ != "in" or child in rate):
            objects = [t for t in child.children if t.dep_ == "pobj" and t.tag_.startswith("NN")]
            if objects and not _timeword(objects[0]) and not _amount_word(objects[0]):
                return _noun_phrase(objects[0], inside)
    return None


def _time_of(unit: Token) -> str | None:
    """A duration's own phrase, when it says what the time was spent on or in ("his 22 years in the council",
    "four months of talks"); None when it says nothing more or only when ("years in 2004")."""
    if unit.lower_ not in TIME_UNITS:
        return None
    for child in unit.rights:
        if child.dep_ == "prep" and child.lower_ in {"in", "of", "at", "as", "on"}:
            objects = [t for t in child.children if t.dep_ == "pobj"]
            if objects and objects[0].tag_.startswith("NN") and not _timeword(objects[0]):
                return _noun_phrase(unit, [t for t in unit.subtree if _numeric(t)])
    return None


def _part_of_amount(token: Token) -> bool:
    """A number, a word of an amount next to one ("£", "bn", "%", "euros"), or what qualifies one ("more than")."""
    near = [token.nbor(k) for k in (-1, 1) if 0 <= token.i + k < len(token.doc)]
    return (
        _numeric(token)
        or (token.lower_ in AMOUNT_WORDS and any(_numeric(t) for t in near))
        or (token.dep_ in {"quantmod", "advmod"} and _numeric(token.head))
    )


def _numeric(token: Token) -> bool:
    return token.like_num or token.tag_ in {"CD", "$"} or token.text[:1].isdigit()


def _timeword(token: Token) -> bool:
    return token.lower_ in TIME_UNITS or token.lower_ in TIME_NOUNS or token.lower_ in MONTHS


def _amount_word(token: Token) -> bool:
    return _numeric(token) or token.lower_ in AMOUNT_WORDS


def _noun_phrase(noun: Token, amount: list[Token]) -> str | None:
    """The noun with its modifiers before it and its first "of"/"in"/"for"/"on"/"from" phrase after (not the one holding
    the amount), without the amount, articles or anything after a comma or bracket; None for a pronoun."""
    prefix: list[Token] = []
    while noun.i + 2 < len(noun.doc) and _joins(noun.doc[noun.i + 1]) and noun.doc[noun.i + 2].tag_.startswith("NN"):
        prefix += noun.doc[noun.i : noun.i + 2]
        noun = noun.doc[noun.i + 2]  # a hyphenated noun is its last part, with the rest: "super-casinos"
    while noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.tag_.startswith("NN"):
        noun = noun.head  # the noun a counted one names a kind of: "20Mbps connections", "14 inch screens"
    named = next((c for c in noun.rights if c.dep_ in {"acl", "amod"} and c.tag_ in {"VBN", "VBG"}), None)
    if noun.lower_ == "those" and named is not None:
        return f"those {named.text}"  # "those questioned", "those driving": people named by what they do
    if noun.tag_ in {"PRP", "WDT", "WP", "DT", "CD"} or noun.lower_ in PRONOUNS or not noun.text[:1].isalpha():
        return None  # a pronoun, a number, or a symbol (a table's "|") names nothing counted
    keep = [t for child in noun.lefts if child.dep_ in MODIFIERS for t in child.subtree]
    keep.extend([*prefix, noun])
    for child in noun.rights:
        # its "of", "in", ... phrase: "earnings from tourism"
        if child.dep_ == "prep" and child.lower_ in {"of", "in", "for", "on", "from", "with"}:
            clauses = {t for c in child.subtree if c.dep_ in CLAUSES for t in c.subtree}
            if not any(t in amount or _numeric(t) for t in child.subtree if t not in clauses):  # not "for 50 years"
                keep.extend(t for t in child.subtree if t not in clauses)
                break
        elif child.dep_ == "appos" and child.i == noun.i + 1 and child.tag_ == "NNP":
            keep.extend(child.subtree)  # "the steel maker Ironco": the name written right after, no comma
        elif child.dep_ not in {"compound", "amod"}:
            break
    qualifying = {
        t for a in amount for c in a.children if c.dep_ in {"advmod", "quantmod"} and c not in amount for t in c.subtree
    }
    words: list[Token] = []
    for t in sorted(set(keep), key=lambda t: t.i):
        if t in amount or t.dep_ == "det" or t.is_space or (_amount_word(t) and t is not noun):
            continue
        if t in qualifying or t.dep_ == "cc" and _numeric(t.head):
            continue  # what qualifies the amount: "Only 2%", "at least two hours"; "14 and 15 inch screens"
        if t.is_punct and t.i > noun.i and not _joins(t):
            break  # a comma or bracket ends the phrase; a hyphen inside a word does not ("in pre-tax profits")
        if not t.is_punct and any(c.isalnum() for c in t.text) or _joins(t) or t.tag_ == "POS":
            words.append(t)
    counted = [t for t in words if not _joins(t)]  # a hyphen inside a word is no word of its own
    if len(counted) > MAX_ABOUT_WORDS:
        words = [t for t in words if t.i < counted[MAX_ABOUT_WORDS].i]
    while len(words) > 1 and words[-1].lower_ in STOP:
        words.pop()
    kept = {t.i for t in words}  # a hyphen joins two words kept, not a dropped number ("nine-year low")
    words = [t for t in words if not t.is_punct or {t.i - 1, t.i + 1} <= kept or t.tag_ == "POS" and t.i - 1 in kept]
    # written as in the text: no space where none was ("Hindi-language", "firm's")
    glued = (not a.whitespace_ and b.i == a.i + 1 for a, b in zip(words, words[1:], strict=False))
    return "".join(a.text + ("" if g else " ") for a, g in zip(words, [*glued, True], strict=False)).strip() or None


def _joins(token: Token) -> bool:
    """A hyphen written inside a word ("Gibraltar-based")."""
    doc = token.doc
    inside = 0 < token.i < len(doc) - 1 and not token.whitespace_ and not doc[token.i - 1].whitespace_
    return token.text == "-" and inside and all(doc[token.i + k].is_alpha for k in (-1, 1))


def _skip_numeral(body: str, m: re.Match[str], blocked: Ranges[None]) -> bool:
    """Years, dates, ordinals, times, list numbers, decades, compounds ("a 10-point plan") and numbers in names
    ("Radio 4", "FTSE 100") are not quantities."""
    start, num = m.start("num"), m["num"]
    if blocked.overlaps(start, m.end("num")):
        return True
    if m["cur"] or m["pct"] or m["mult"] or m["strong"]:
        return False
    after = body[m.end() : m.end() + 12].lower()
    word_after = re.match(r"\s*([\w.']+)", after)
    nxt = word_after.group(1) if word_after else ""
    before = _word_before(body, start).lower()
    line_start = body.rfind("\n", 0, start) + 1
    not_counted = nxt in NOT_COUNTED or nxt.rstrip(".") in NOT_COUNTED  # "at 9am", "every 11 minutes."
    # "raised taxes 66 times": a count of what was done, not "3 times more"
    repeated = nxt.rstrip(".,") == "times" and not TIMES_AS_MUCH.match(body, m.end())
    return bool(
        (YEAR.match(num) and nxt not in PEOPLE_NOUNS)
        or (not_counted and not repeated)
        or NOT_AFTER.match(after)
        or (re.match(r"-[a-z]", after) and not HYPHEN_TIME.match(body, m.end()))
        or nxt.rstrip(".") in MONTHS  # "11 March", "March 11", but "in March 300 migrants"
        or (before in MONTHS and nxt not in PEOPLE_NOUNS)
        or (_in_name(body, start) and not _owned(body, m))
        or (not body[line_start:start].strip() and re.match(r"[.)]\s", after))  # a list item: "2. The strategy ..."
        # a list item run into a paragraph: "two facts: 1) If ... 2) The"
        or (after.startswith(")") and body.rfind("(", line_start, start) <= body.rfind(")", line_start, start))
        or (before in {"a", "an"} and _compound(nxt))  # "a 10 point charter", "a 24 hour strike": part of a modifier
        or (num.startswith("0") and len(num) > 1 and "." not in num)
        or body[m.end() : m.end() + 1].isupper()  # glued to a capital, part of a name: "1Xtra", "3G"
        or (CLOCK.fullmatch(num) and before in CLOCK_BEFORE and _counted_noun(body, m.end()) is None)
    )


def _compound(word: str) -> bool:
    """A singular noun that, after "a" and a number, makes a compound modifier ("a 10 point plan")."""
    return (
        word.isalpha()
        and word not in MEASURE_UNITS
        and word not in CURRENCY_WORDS
        and word not in STOP
        and not _plural(word)
        and not _counts_people(word)
    )


def _word_before(body: str, pos: int) -> str:
    m = re.search(r"([A-Za-z][\w&'-]*)\s$", body[max(0, pos - 30) : pos])
    return m.group(1) if m else ""


def _in_name(body: str, pos: int) -> bool:
    """A bare number right after a capitalised word that does not open the sentence is part of a name ("BBC Radio 4",
    "the FTSE 100 index", "Channel 4")."""
    word = _word_before(body, pos)
    if not word or not word[0].isupper() or word.lower() in MONTHS:
        return False
    before = body[: pos - len(word) - 1].rstrip()
    return bool(before) and before[-1] not in '.!?:\n"\u201c'


def _owned(body: str, m: re.Match[str]) -> bool:
    """A number after a name's possessive that counts what the name has, not a model or a label: a thousands figure
    ("the Union's 70,000"), people ("the Lords' 750 hereditary peers") or a span of time ("Angola's 30-year civil war");
    "Boeing's 777 line" and "Porsche's 911 sports cars" stay names."""
    if not POSSESSIVE.search(_word_before(body, m.start("num"))):
        return False
    if "," in m["num"] or HYPHEN_TIME.match(body, m.end()):
        return True
    noun = _counted_noun(body, m.end())
    return noun is not None and any(_counts_people(w) for w in noun[2].split())


SENTENCE_LEADS = frozenset(".!?:;\n\"'()[]~-\u2013\u2014\u201c\u201d\u2018\u2019")


def _inside_sentence(body: str, pos: int) -> bool:
    """Whether a word at `pos` has words of its sentence before it: no sentence end, colon, semicolon, quotation mark,
    bracket, dash or line break right before it ("said. \u201d Three", "N.H. - Four days", a byline, then "Three")."""
    before = body[:pos].rstrip()
    return bool(before) and before[-1] not in SENTENCE_LEADS and "\n" not in body[len(before) : pos]


def number_value(word: str, named: dict[str, float] | None = None) -> float:
    """A number as a numeral or in words ("two", "twenty-two", "a"), or a fraction's denominator ("thirds"); dates read
    it too ("two years ago")."""
    low = word.lower()
    if low.isdigit():
        return float(low)
    if named and low in named:
        return float(named[low])
    parts = re.split(r"[- ]", low)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return 1.0 if low in {"a", "an"} else NUMBER_WORDS[low]


def _build(
    view: DocView, m: re.Match[str], value: float, unit: str | None = None, qualifier: str | None = None
) -> Quantity:
    """The quantity a match stands for; `qualifier` is what the wording implies when none is written ("thousands of" is
    more than a thousand)."""
    end, about, groups = m.end(), None, m.groupdict()
    if unit is None and groups.get("cur"):
        unit = CURRENCY_SYMBOLS[m["cur"].lower()]
    elif unit is None and groups.get("pct"):
        unit = "percent"
    if groups.get("strong"):  # "a 2,000-strong crowd": people, and the group they make up
        unit = "people"
    elif unit is None and (noun := _noun_after(view.body, end)) is not None:
        _, noun_end, noun_text = noun
        words = noun_text.lower().split()
        first, last = words[0], words[-1]
        if len(words) > 1 and first in CURRENCY_ADJECTIVES and last in CURRENCY_NOUNS:  # "Swiss francs" -> CHF
            unit, end = CURRENCY_ADJECTIVES[first], noun_end
        elif first in CURRENCY_WORDS:
            unit, end = CURRENCY_WORDS[first], noun_end
            if first in CURRENCY_SUBUNITS:
                value /= 100
        elif time := TIME_UNITS.get(last):
            (unit, factor), end = time, noun_end
            value *= factor
        else:
            about = QUOTE_CHARS.sub("", noun_text)  # unless the parse names it with its phrase
            unit = "people" if any(_counts_people(w) for w in noun_text.split()) else last
    written, start = _qualifier(view.body, m.start(), duration=unit in DURATION_UNITS)
    return Quantity(
        value=value,
        unit=unit or "",
        qualifier=written or qualifier or ("about" if groups.get("odd") else None),
        about=about,
        sentence=view.sentence_at(m.start()).text.strip(),
        start_char=start,
        end_char=end,
    )


def _qualifier(body: str, start: int, duration: bool = False) -> tuple[str | None, int]:
    """The normalised qualifier written right before a number ("more than"), and where it starts. Before a duration, a
    preposition of time is none ("over 20 years", "over a decade": during)."""
    m = QUAL_BEFORE.search(body, max(0, start - QUAL_REACH), start)
    if not m or (duration and m["qual"].lower() in TIME_PREPOSITIONS):
        return None, start
    return QUALIFIERS[m["qual"].lower()], m.start()


def _noun_after(body: str, pos: int) -> tuple[int, int, str] | None:
    """What a number counts: the noun right after it, or the one after "of the" ("12 of the suspects")."""
    noun = _counted_noun(body, pos)
    if noun is None and (part := PARTITIVE.match(body, pos)):
        noun = _counted_noun(body, part.end())
    return noun


def _counted_noun(body: str, pos: int) -> tuple[int, int, str] | None:
    """The up-to-three-word noun phrase right after a number ("British citizens")."""
    found: list[re.Match[str]] = []
    while len(found) < MAX_NOUN_WORDS and (m := NEXT_WORDS.match(body, found[-1].end(1) if found else pos)):
        if m.group(1).lower() in STOP:
            break
        found.append(m)
    words = [m.group(1) for m in found]
    head = _head(words) if words else None
    if head is None or words[head].lower() in NOT_COUNTED:
        return None
    return found[0].start(1), found[head].end(1), " ".join(words[: head + 1])


def _head(words: list[str]) -> int | None:
    """Index of the counted noun: a people noun or unit, else the first plural outside a name. Without a tagger, a word
    in -ed or -ing right after the number is a verb ("5,000 attended") unless a people noun or a plural follows it at
    once ("250,000 failed asylum seekers"); a hyphenated one is an adjective ("76 specially-designated offices")."""
    lows = [w.lower() for w in words]
    verb_like = lows[0].endswith(("ed", "ing")) and "-" not in lows[0]
    for i, w in enumerate(lows):
        if _counts_people(w) or w in CURRENCY_WORDS or w in CURRENCY_NOUNS or w in MEASURE_UNITS or w in TIME_UNITS:
            return None if verb_like and i == 0 else i
    for i, w in enumerate(lows):
        in_name = words[i][0].isupper() and any(words[j][0].isupper() for j in (i - 1, i + 1) if 0 <= j < len(words))
        if _plural(w) and not in_name:
            return None if verb_like and i != 1 else i
    return None


def _counts_people(word: str) -> bool:
    """A noun for people: "migrants", nationals in the plural ("Albanians", "Britons"), or a plural in -men
    ("policemen", "servicewomen")."""
    low = word.lower()
    return (
        low in PEOPLE_NOUNS
        or (low.endswith("s") and not low.endswith("ss") and (low in DEMONYMS or low[:-1] in DEMONYMS))
        or (low.endswith("men") and low not in NOT_MEN_PLURAL)
    )


def _plural(word: str) -> bool:
    """A plural noun by its ending; adjectives in -ous and words like "overseas" are not."""
    return word.endswith("s") and not word.endswith(("ss", "us", "'s", "\u2019s")) and word not in NOT_PLURAL


def _borrow_units(view: DocView, found: list[Quantity], parsed: ParsedAbout) -> list[Quantity]:
    """A bare number takes its unit from the number that closes its range ("10 to 20 people", "5-7%"), else from the
    noun the parse says it counts ("12 libraries and 40 Post Offices"), else from the previous one in its sentence, or
    from "numbers of X" there. Two bare numbers joined by a dash are a score or a code ("won 3-1"), not quantities."""
    body = view.body
    for i in range(len(found) - 2, -1, -1):
        q, nxt = found[i], found[i + 1]
        if not q.unit and nxt.unit and RANGE_GAP.fullmatch(body, q.end_char, nxt.start_char):
            found[i] = q = replace(q, unit=nxt.unit, about=nxt.about)
            lead = TIME_LEAD.match(body, q.start_char, q.end_char)
            if nxt.unit in DURATION_UNITS and lead:  # "over 20 or 30 years": during, not more than
                found[i] = q = replace(q, qualifier=None, start_char=lead.end())
        if BETWEEN.search(body, max(0, q.start_char - 9), q.start_char) and AND_GAP.fullmatch(
            body, q.end_char, nxt.start_char
        ):  # "between 10 and 12 resorts": at least 10, up to 12
            found[i] = replace(q, qualifier=q.qualifier or "at least")
            found[i + 1] = replace(nxt, qualifier=nxt.qualifier or "up to")
    dashed = {
        k
        for i in range(len(found) - 1)
        if not found[i].unit
        and not found[i + 1].unit
        and DASH_GAP.fullmatch(body, found[i].end_char, found[i + 1].start_char)
        for k in (i, i + 1)
    }
    dashed |= {i for i, q in enumerate(found) if not q.unit and _scored(body, q, found)}
    out: list[Quantity] = []
    for i, q in enumerate(found):
        if i in dashed:
            continue
        noun = parsed.counted(q.start_char, q.end_char) if not q.unit else None
        if noun is not None:
            q = replace(q, unit="people" if _counts_people(noun.text) else noun.lower_, about=_noun_phrase(noun, []))
            if _names_unit(q):
                q = replace(q, about=None)
        elif (
            not q.unit and (phrase := parsed(q.start_char, q.end_char)) and phrase.split()[-1].lower() in PEOPLE_GROUPS
        ):
            q = replace(q, unit="people", about=phrase)  # of a body of people: "a workforce of 43 million", not jobs
        elif not q.unit:
            prev = _stated(body, out, next((p for p in reversed(out) if p.sentence == q.sentence and p.unit), None))
            counted = NUMBER_OF.search(q.sentence)
            # a plain number after a sum is not money ("£3bn in lost reserves, 250,000 repossessed"): news writes the
            # currency again, or only a multiplier ("£50m ... six or seven million")
            if (
                prev is not None
                and not (prev.unit == "percent" and (q.value > 100 or PER_RATE.match(body, q.end_char)))
                and not (prev.unit in CURRENCY_CODES and not MULT_WORD.search(body, q.start_char, q.end_char))
            ):
                q = replace(q, unit=prev.unit, about=prev.about)
            elif counted:
                noun = counted.group(1)
                unit = "people" if any(w in PEOPLE_NOUNS for w in noun.lower().split()) else noun
                q = replace(q, unit=unit, about=noun)
            elif people := _people_before(body, view.sentence_at(q.start_char).start_char, q.start_char):
                q = replace(q, unit="people", about=people)
            else:
                q = replace(q, unit="count", about=None)
        out.append(q)
    return out


def _stated(body: str, out: list[Quantity], prev: Quantity | None) -> Quantity | None:
    """The sum as first stated when `prev` restates it in another currency: a bare sum after "77m euros (£53m; $100m)"
    is in euros ("up from 38m"), as one after "$28.5m (£15.2m)" is in dollars."""
    if prev is None or prev.unit not in CURRENCY_CODES:
        return prev
    i = out.index(prev)
    while i > 0 and out[i - 1].sentence == prev.sentence and _restates(body, out[i - 1], out[i]):
        i -= 1
    return out[i]


def _scored(body: str, q: Quantity, found: list[Quantity]) -> bool:
    """A bare number dashed to a number that is no quantity ("6-4, 7-6": a set's score whose other half was read as
    something else), or alone in brackets after a score (a tie-break "7-6 (5)")."""
    ends = {f.end_char for f in found} | {f.start_char for f in found}
    before, after = body[max(0, q.start_char - 2) : q.start_char], body[q.end_char : q.end_char + 2]
    if SCORE_BEFORE.search(before) and q.start_char - 1 not in ends:
        return True
    if SCORE_AFTER.match(after) and q.end_char + 1 not in ends:
        return True
    return bool(TIE_BREAK.search(body, max(0, q.start_char - 8), q.end_char + 1))


def _people_before(body: str, start: int, end: int) -> str | None:
    """The last noun for people earlier in the sentence, with a capitalised modifier: what a bare number after it counts
    ("Net migration was 685,000", "police numbers had fallen by 1,132")."""
    words = WORD.findall(body, start, end)
    i = next((i for i in range(len(words) - 1, -1, -1) if _counts_people(words[i])), None)
    if i is None:
        return None
    lead = i > 0 and words[i - 1][0].isupper() and words[i - 1].lower() not in STOP
    return " ".join(words[i - 1 : i + 1] if lead else words[i : i + 1])
