"""Quantities: numbers with what they count, normalised to a value and a unit.

A regex finds numerals, money and percentages ("more than 3,000", "around
£40m", "62 per cent") and spelled-out counts ("three people", "a dozen");
years, dates, ordinals, times, list numbers and phone-like numbers are not
quantities. The counted noun after the number gives the unit and `about`;
a number with no noun of its own borrows the sentence's ("numbers of
arrivals ... from more than 3,000 to less than 300").
"""

from __future__ import annotations

import re

from newsfacts.records import Quantity

from .context import Context
from .lexicon import (
    CURRENCY_ADJECTIVES,
    CURRENCY_NOUNS,
    CURRENCY_SUBUNITS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    FRACTIONS,
    MEASURE_UNITS,
    MONTHS,
    MULTIPLIERS,
    NOT_COUNTED,
    NOT_PLURAL,
    NUMBER_WORDS,
    PEOPLE_NOUNS,
    QUALIFIERS,
)

_QUAL = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
_MULT = "|".join(sorted(MULTIPLIERS, key=len, reverse=True))
_WORDS = "|".join(re.escape(w) for w in sorted(NUMBER_WORDS, key=len, reverse=True) if w != "one")
NUMBER = re.compile(
    r"(?P<cur>US\$|[£$€¥])?"
    r"(?P<num>(?<![\w.,/-])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.,/:-])\d+(?:\.\d+)?)"
    rf"(?:\s?(?P<mult>(?:{_MULT})\b))?"
    r"(?:\s?(?P<pct>%|per\s?cent\b|percent\b|percentage points?\b))?",
    re.IGNORECASE,
)
SPELLED = re.compile(
    rf"\b(?P<word>(?:{_WORDS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)\b"
    r"(?:\s(?P<mult>hundred|thousand|million|billion)\b)?",
    re.IGNORECASE,
)
_SMALL = "a|one|two|three|four|five|six|seven|eight|nine|ten|\\d+"
_DENOMINATORS = "|".join(sorted(FRACTIONS, key=len, reverse=True))
# Shares, given as percent: "two thirds of", "a quarter of", "one in five", "1 in 10".
FRACTION = re.compile(rf"\b(?P<num>{_SMALL})[- ](?P<den>{_DENOMINATORS})\b(?=\s+of\b)", re.I)
ONE_IN = re.compile(
    rf"\b(?P<num>{_SMALL})\s+in\s+(?:every\s+)?(?P<den>{_WORDS}|\d+)\b"
    r"(?!\s*(?:%|per\s?cent|percent))",
    re.I,
)
# "Smith, 57, said": an age between commas after a name.
AGE = re.compile(r"[A-Z][\w'\u2019-]+,\s$")
# A qualifier is looked for just before a number once one is found: as an optional group at
# the head of every pattern it was tried at each position of every body (a third of the time).
QUAL_BEFORE = re.compile(rf"\b(?P<qual>{_QUAL})\s+$", re.I)
QUAL_REACH = 20
NEXT_WORDS = re.compile(r"\s*([A-Za-z][\w'-]*)")
# Words that end a counted-noun phrase.
STOP = frozenset(
    """
    of in at on to from for by with without who which that and or but than as per
    is are was were be been have has had will would could should may might can
    the a an this these those their its his her our your it they there each
    """.split()
)
YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
PHONE = re.compile(r"\d[\d ]{6,}\d|\d+-\d+-\d+")
NUMBER_OF = re.compile(r"\b(?:numbers?|total|count)\s+of\s+((?:[a-z-]+\s+){0,2}[a-z-]+)", re.I)
# What ends the phrase of what is counted: clause punctuation, a dash, or a word that opens
# a clause, a verb group or an adverbial ("supporters to demonstrate", "pupils since 1997").
ABOUT_END = re.compile(
    r"[,;:.()\"\u201c\u201d]|\s[-\u2013\u2014]\s|\s(?:who|which|that|and|but|or|is|are|was|were|be|been|have|has|had"
    r"|will|would|could|should|may|might|can|to|as|for|at|since|after|before|because|while|when|if|than"
    r"|out|each|every|per|a|an|the|this|these|those)\s"
)
MAX_NOUN_WORDS = 3
MAX_ABOUT_WORDS = 7


def extract(ctx: Context) -> tuple[Quantity, ...]:
    """Every quantity in the body, in text order."""
    body = ctx.body
    blocked = [(d.start_char, d.end_char) for d in ctx.results.get("dates", ())]
    blocked += [(link.start_char, link.end_char) for link in ctx.results.get("links", ())]
    blocked += [
        (m.start(), m.end())
        for m in PHONE.finditer(body)
        if " " in m.group() and len(re.sub(r"\D", "", m.group())) >= 9 or "-" in m.group()
    ]
    found = []
    for m in [*FRACTION.finditer(body), *ONE_IN.finditer(body)]:
        if any(s < m.end() and m.start() < e for s, e in blocked):
            continue
        share = _count(m["num"]) / _count(m["den"], FRACTIONS)
        if 0 < share <= 1:
            found.append(_build(ctx, m, round(100 * share, 2), "percent"))
            blocked.append((m.start(), m.end()))
    for m in NUMBER.finditer(body):
        if _skip_numeral(body, m, blocked):
            continue
        found.append(_build(ctx, m, _numeral_value(m)))
    for m in SPELLED.finditer(body):
        if any(s < m.end() and m.start() < e for s, e in blocked) or body.startswith("-", m.end()):
            continue
        if _counted_noun(body, m.end()) is None and not m["mult"]:
            continue
        value = _spelled_value(m["word"]) * MULTIPLIERS.get((m["mult"] or "").lower(), 1)
        found.append(_build(ctx, m, value))
    found.sort(key=lambda q: q.start_char)
    return tuple(_borrow_units(ctx, found))


def _skip_numeral(body: str, m: re.Match[str], blocked: list[tuple[int, int]]) -> bool:
    """Years, dates, ordinals, times, list numbers, decades, compounds ("a 10-year plan")
    and numbers in names ("Radio 4", "FTSE 100") are not quantities."""
    start = m.start("num")
    if any(s < m.end("num") and start < e for s, e in blocked):
        return True
    num = m["num"]
    after = body[m.end() : m.end() + 12].lower()
    word_after = re.match(r"\s*([\w.']+)", after)
    nxt = word_after.group(1) if word_after else ""
    if not (m["cur"] or m["pct"] or m["mult"]):
        if YEAR.match(num) and nxt not in PEOPLE_NOUNS:
            return True
        if re.match(r"(st|nd|rd|th|s|['\u2019]s)\b|-[a-z]", after) or nxt in NOT_COUNTED or after.startswith(":"):
            return True
        if nxt.rstrip(".") in MONTHS or _word_before(body, start).lower() in MONTHS:
            return True
        if _in_name(body, start):
            return True
        line_start = body.rfind("\n", 0, start) + 1
        if not body[line_start:start].strip() and re.match(r"[.)]\s", after):
            return True  # a numbered list item
        before = body[max(0, start - 8) : start].lower()
        if re.search(r"\b(?:number|no\.?|page|section|article|clause|room|flight|route)\s$", before):
            return True
        if num.startswith("0") and len(num) > 1 and "." not in num:
            return True
        if AGE.search(body[max(0, start - 40) : start]) and after.startswith(","):
            return True
    return False


def _word_before(body: str, pos: int) -> str:
    m = re.search(r"([A-Za-z][\w&'-]*)\s$", body[max(0, pos - 30) : pos])
    return m.group(1) if m else ""


def _in_name(body: str, pos: int) -> bool:
    """A bare number right after a capitalised word that does not open the sentence is part of
    a name ("BBC Radio 4", "the FTSE 100 index", "Channel 4")."""
    word = _word_before(body, pos)
    if not word or not word[0].isupper() or word.lower() in QUALIFIERS:
        return False
    before = body[: pos - len(word) - 1].rstrip()
    return bool(before) and before[-1] not in '.!?:\n"\u201c'


def _numeral_value(m: re.Match[str]) -> float:
    value = float(m["num"].replace(",", ""))
    if m["mult"]:
        value *= MULTIPLIERS[m["mult"].lower()]
    return value


def _count(word: str, named: dict[str, int] | None = None) -> float:
    """A small number as a numeral, a word ("two", "a") or a fraction's denominator ("thirds")."""
    low = word.lower()
    if low.isdigit():
        return float(low)
    if named and low in named:
        return float(named[low])
    return 1.0 if low == "a" else _spelled_value(low)


def _spelled_value(word: str) -> float:
    parts = re.split(r"[- ]", word.lower())
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return NUMBER_WORDS[word.lower()]


def _build(ctx: Context, m: re.Match[str], value: float, unit: str | None = None) -> Quantity:
    body = ctx.body
    qualifier, start = _qualifier(body, m.start())
    end = m.end()
    sentence = ctx.sentence_at(m.start())
    about = None
    groups = m.groupdict()
    if unit is None and groups.get("cur"):
        unit = CURRENCY_SYMBOLS[m["cur"].lower()]
    elif unit is None and groups.get("pct"):
        unit = "percent"
    noun = _counted_noun(body, end)
    if noun is not None:
        noun_start, noun_end, noun_text = noun
        first = noun_text.split()[0].lower()
        currency = _named_currency(noun_text)
        if unit is None and currency:
            unit, end = currency, noun_end
        elif unit is None and first in CURRENCY_WORDS:
            unit = CURRENCY_WORDS[first]
            if first in CURRENCY_SUBUNITS:
                value /= 100
            end = noun_end
        elif unit is None:
            about = _about(body, noun_start, sentence.end_char)
            unit = (
                "people" if any(w.lower() in PEOPLE_NOUNS for w in noun_text.split()) else noun_text.split()[-1].lower()
            )
    if unit == "percent":
        about = _percent_about(body, end, sentence.end_char)
        if about is None and noun is not None:  # "one in five decisions", "10% tariffs"
            about = _about(body, noun[0], sentence.end_char)
    return Quantity(
        value=value,
        unit=unit or "",
        qualifier=qualifier,
        about=about,
        sentence=sentence.text.strip(),
        start_char=start,
        end_char=end,
    )


def _qualifier(body: str, start: int) -> tuple[str | None, int]:
    """The normalised qualifier written right before a number ("more than"), and where it starts."""
    m = QUAL_BEFORE.search(body, max(0, start - QUAL_REACH), start)
    return (QUALIFIERS[m["qual"].lower()], m.start()) if m else (None, start)


def _named_currency(noun: str) -> str | None:
    """ "Swiss francs" -> CHF, "Hong Kong dollars" -> HKD: a country's word, then a currency."""
    words = noun.lower().split()
    if len(words) >= 2 and words[0] in CURRENCY_ADJECTIVES and words[-1] in CURRENCY_NOUNS:
        return CURRENCY_ADJECTIVES[words[0]]
    return None


def _counted_noun(body: str, pos: int) -> tuple[int, int, str] | None:
    """The up-to-three-word noun phrase right after a number ("British citizens")."""
    words = []
    start = end = None
    while len(words) < MAX_NOUN_WORDS:
        m = NEXT_WORDS.match(body, end if end is not None else pos)
        if not m or m.group(1).lower() in STOP:
            break
        if start is None:
            start = m.start(1)
        words.append(m.group(1))
        end = m.end(1)
        if body[end : end + 1] in {",", ".", ";", ":", ")", "\n"}:
            break
    if not words or start is None or end is None:
        return None
    head = _head(words)
    if head is None:
        return None
    words = words[: head + 1]
    text = " ".join(words)
    return start, start + len(text), text


def _head(words: list[str]) -> int | None:
    """Index of the counted noun: a people noun or unit, else the first plural outside a name.

    Without a tagger, a word ending in -ed or -ly right after the number means
    no noun follows ("5,000 attended").
    """
    lows = [w.lower() for w in words]
    if lows[0].endswith(("ed", "ly", "ing")):
        return None
    for i, w in enumerate(lows):
        if w in PEOPLE_NOUNS or w in CURRENCY_WORDS or w in MEASURE_UNITS:
            return i
    for i, w in enumerate(lows):
        in_name = words[i][0].isupper() and any(words[j][0].isupper() for j in (i - 1, i + 1) if 0 <= j < len(words))
        if _plural(w) and not in_name:
            return i
    return None


def _plural(word: str) -> bool:
    """A plural noun by its ending; adjectives in -ous and words like "overseas" are not."""
    return word.endswith("s") and not word.endswith(("ss", "us", "'s", "\u2019s")) and word not in NOT_PLURAL


def _about(body: str, start: int, limit: int) -> str:
    """What is counted: the noun phrase and its modifiers, up to the clause's end."""
    text = body[start:limit]
    text = ABOUT_END.split(text)[0]
    words = text.split()[:MAX_ABOUT_WORDS]
    while len(words) > 1 and (words[-1].lower() in STOP or _verb_like(words[-1])):
        words.pop()
    return " ".join(words)


def _verb_like(word: str) -> bool:
    """A verb left dangling where the phrase was cut ("people trying", "migrants picked", "nations said")."""
    low = word.lower()
    return low.endswith(("ing", "ed")) or low in {"said", "says", "say", "told", "made", "held", "seen", "found"}


def _percent_about(body: str, end: int, limit: int) -> str | None:
    """For a percentage, the sentence's subject is usually what changed; keep the words after
    the number ("of voters", "in asylum claims") when there are any."""
    m = re.match(r"\s+(?:of|in|on)\s+(?=[^\W\d])", body[end:limit])  # not "5% in 2005"
    return _about(body, end + m.end(), limit) if m else None


def _borrow_units(ctx: Context, found: list[Quantity]) -> list[Quantity]:
    """A bare number takes the unit of the previous one in its sentence, or the noun of
    "numbers of X" there ("Numbers of arrivals ... from more than 3,000 to 300")."""
    out: list[Quantity] = []
    for q in found:
        if not q.unit:
            prev = next((p for p in reversed(out) if p.sentence == q.sentence and p.unit), None)
            counted = NUMBER_OF.search(q.sentence)
            if prev is not None:
                q = _with(q, prev.unit, prev.about)
            elif counted:
                noun = counted.group(1)
                unit = "people" if any(w in PEOPLE_NOUNS for w in noun.lower().split()) else noun
                q = _with(q, unit, noun)
            else:
                q = _with(q, "count", None)
        out.append(q)
    return out


def _with(q: Quantity, unit: str, about: str | None) -> Quantity:
    return Quantity(
        value=q.value,
        unit=unit,
        qualifier=q.qualifier,
        about=about,
        sentence=q.sentence,
        start_char=q.start_char,
        end_char=q.end_char,
    )
