"""Date expressions and their resolution against the publication date.

The model's DATE entities find the expressions; regexes add the day-and-month dates and the relative phrases it misses
("11 March", "March 11, 2005", "two years ago"), and ages ("25-year-old", "aged 16 to 18"), shares ("a quarter of"),
clock times ("1230 GMT") and names ("the Today programme", "the Sunday Times"), which the model tags as dates, are
dropped. Resolution keeps the precision the text gives, in ISO 8601 / TimeML form ("July 2002" -> 2002-07, "last week"
-> 2007-W24, "the 1990s" -> 199), and needs the publication date only for relative words ("yesterday"). A day, month or
weekday written without a year is placed before or after the publication date by the tense of the words around it:
"in January" in an October article is this January if it "was", next if it "will be".
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc

from newsfacts.records import DateMention

from .lexicon import CARDINALS, MONTHS, NUMBER_WORDS, PEOPLE_NOUNS, WEEKDAYS, alternation
from .quantities import number_value
from .ranges import Ranges
from .view import DocView

_MONTH = alternation(MONTHS)
_WEEKDAY = alternation(WEEKDAYS)
DAY_MONTH_YEAR = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\.?,?\s+(\d{{4}})", re.I)
MONTH_DAY_YEAR = re.compile(rf"({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", re.I)
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
FULL_DATE = re.compile(rf"\b(?:{DAY_MONTH_YEAR.pattern}|{MONTH_DAY_YEAR.pattern}|\d{{4}}-\d{{2}}-\d{{2}})\b", re.I)
MONTH_YEAR = re.compile(rf"\b({_MONTH})\.?,?\s+(?:of\s+)?(\d{{4}})\b", re.I)
DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\b", re.I)
MONTH_DAY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", re.I)
MONTH_ONLY = re.compile(rf"\b({_MONTH})\b", re.I)
_SINGLE = {w: v for w, v in NUMBER_WORDS.items() if w in CARDINALS}
_UNITS = alternation(w for w, v in _SINGLE.items() if v < 10)
_TENS = alternation(w for w, v in _SINGLE.items() if 20 <= v < 100 and v % 10 == 0)
_TEENS = alternation(w for w, v in _SINGLE.items() if 10 <= v < 20)
_COUNT = rf"(?<![\w-])(?:\d+|an?|{_TENS}(?:-{_UNITS})?|{_UNITS}|{_TEENS})"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
# Decades named without their century, all in the twentieth ("the seventies" -> 197).
DECADE_WORDS = {f"{w[:-1]}ies": f"19{v // 10}" for w, v in _SINGLE.items() if 20 <= v < 100 and v % 10 == 0}
_DECADE_WORD = "(?:" + "|".join(DECADE_WORDS) + ")"
_SHORT_DECADE = rf"the\s+(?:early\s+|mid-?|late\s+)?(?:[2-9]0['\u2019]?s|{_DECADE_WORD})"
# Relative phrases, weekdays and decades the model sometimes leaves untagged. A decade without its
# century needs "the" ("the 30's", "the seventies"): "in his thirties" is an age.
RELATIVE_PHRASE = re.compile(
    rf"\b(?:yesterday|tomorrow|{_COUNT}\s+(?:days?|weeks?|months?|years?)\s+ago"
    rf"|(?:this|last|next)\s+(?:week(?:end)?|month|year|{_SEASON}|{_WEEKDAY}|{_MONTH})"
    rf"|(?:the\s+)?(?:early\s+|mid-?|late\s+)?(?:1[5-9]|20)\d0s"
    rf"|{_SHORT_DECADE})\b",
    re.I,
)
# "1230 GMT", "at 2005 BST": a clock time, though it looks like a year.
CLOCK_AFTER = re.compile(r"^\s*(?:GMT|BST|CET|UTC|EST|EDT|PST|hrs|hours)\b")
# "BBC Radio 4's Today programme", "Russia Today", "the Sunday Times", "the Mail on Sunday": names.
NAMED_TODAY = re.compile(r"[A-Za-z0-9]'?s?\s+$|[Tt]he\s+$")
NEWSPAPER_AFTER = re.compile(
    r"^\s+(?:Times|Telegraph|Mirror|Express|Post|Herald|Mail|People|Sport|Tribune|programme)\b"
)
# "BBC Radio Scotland's Sunday Live", "GMTV's Sunday Programme": a weekday owned by a name is a title.
POSSESSIVE_BEFORE = re.compile(r"[A-Za-z]['\u2019]s\s+$")
# Only before "Sunday": "in England and Wales on Thursday" is a date.
NEWSPAPER_BEFORE = re.compile(r"\b(?:Mail|Independent|Observer|Scotland|Wales|News|Sunday)\s+on\s+$")
# "Mrs May said": a month name that is a surname.
SPEECH_AFTER = re.compile(r"^\s+(?:said|says|told|wrote|added|argued|insisted|claimed|warned)\b")
# A span with none of these is a bare number or a stray word the model called a date ("60 to 65", "PTSD").
DATE_WORD = re.compile(
    rf"\b(?:{_MONTH}|{_WEEKDAY}|{_SEASON}|days?|weekends?|weeks?|fortnight|months?|years?|decades?|centur(?:y|ies)"
    rf"|today|tonight|tomorrow|yesterday|christmas|easter|new year|now|(?:1[5-9]|20)\d\d(?:s|-\d\d)?"
    rf"|{_SHORT_DECADE}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+of)\b",
    re.I,
)
# The words a date may end with; the model runs some spans on into a name or a noun ("last November
# John Smith", "the last year immigration service").
DATE_END = re.compile(
    rf"\b(?:{_MONTH}|{_WEEKDAY}|{_SEASON}|{_DECADE_WORD}|days?|weekends?|weeks?|fortnights?|months?|years?|decades?"
    r"|centur(?:y|ies)|quarters?|half|term|session|period|time|eve|morning|afternoon|evening|night|today|tonight"
    r"|tomorrow|yesterday|now|ago|later|earlier|before|after|on|onwards|christmas|easter|\w*\d\w*|\w+['\u2019]s?)\.?$",
    re.I,
)
# "In January 25 people were jailed": a number after a month that counts people is no day
# ("the September 11 attacks" is one).
COUNTED_AFTER = re.compile(r"\s+([a-z-]+)\b")
MONTH_THEN_DAY = re.compile(rf"\b{_MONTH}\.?\s+(\d{{1,2}})$", re.I)
# "year on year", "day by day": a repetition, not a date.
REPEATED_AFTER = re.compile(r"^\s+(?:on|by|after)\s+(day|week|month|year)\b", re.I)
REPEATED_BEFORE = re.compile(r"\b(day|week|month|year)\s+(?:on|by|after)\s+$", re.I)
YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
DECADE = re.compile(r"\b(1[0-9]\d|20\d)0s\b")
# "the 30's", "the seventies": a decade of the twentieth century.
SHORT_DECADE = re.compile(rf"\bthe\s+(?:early\s+|mid-?|late\s+)?(?:([2-9])0['\u2019]?s|({_DECADE_WORD}))\b", re.I)
RELATIVE_DAY = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
# "the next year" tells a story's own time, not the reader's: only a bare "next year" is relative.
RELATIVE = re.compile(
    rf"(?<!the )(?<!very )\b(this|last|next|coming|past)\s+(year|month|week|{_SEASON})(?:end)?\b", re.I
)
# "the end of the year", "later in the month": the year or month the article is written in.
PART_OF = re.compile(
    r"\b(?:(?:end|start|beginning|middle|rest|half)\s+of\s+the|(?:later|earlier)\s+in\s+the)\s+(year|month)\b", re.I
)
AGO = re.compile(rf"\b({_COUNT})\s+(day|week|month|year)s?\s+ago\b", re.I)
WEEKDAY = re.compile(rf"\b({_WEEKDAY})\b", re.I)
STEP = {"this": 0, "coming": 1, "next": 1, "last": -1, "past": -1}
# Words that put the nearest date without a year after the publication date, or before it.
FUTURE_CUE = re.compile(
    r"\b(?:will|'ll|shall|would|wo|should|must|might|going to|were to|was to|due|expected|scheduled|planned|plans?|set to|is to|are to|upcoming"
    r"|ahead of|next)\b|\u2019ll\b",
    re.I,
)
PAST_CUE = re.compile(
    r"\b(?:was|were|had|did|said|told|made|took|came|went|gave|found|got|saw|began|left|met|won|lost|held|led|sent"
    r"|brought|became|ran|spoke|wrote|rose|fell|paid|sought|ago|since|last|earlier"
    r"|(?<!\bbe )(?<![a-z]ly )(?<!\bnot )(?<!\bis )(?<!\bare )(?<!\ba )(?<!\ban )(?<!\bthe )(?!(?:need|indeed|speed|proceed|exceed|succeed|hundred|united|expected|scheduled|planned|proposed)\b)[a-z]{2,}ed)\b",
    re.I,
)
CUE_BEFORE, CUE_AFTER = 60, 40
RANGE = re.compile(r"(?:(?:between|from)\s+)?(.+?)\s+(?:and|to|until|till|[-\u2013])\s+(.+)", re.I | re.S)
# The first day of a range of days ("3-5 March", "between 1 and 15 June", "March 3-5"): not a
# part of an ISO date ("2004-05-14") nor of a year span.
_FIRST_DAY = r"(?<![\d/\u2013-])\b(\d{1,2})(?:st|nd|rd|th)?\s*(?:[-\u2013]|to|and|until|till)\s*"
DAY_RANGE = re.compile(_FIRST_DAY + r"(?=\d{1,2}(?:st|nd|rd|th)?\b(?![-/\u2013]\d))", re.I)
DAY_RANGE_BEFORE = re.compile(_FIRST_DAY + "$", re.I)
WEEKDAY_RANGE = re.compile(rf"\b({_WEEKDAY})\s+(?:to|until|till|and|-|\u2013)\s+({_WEEKDAY})\b", re.I)
# A range end that is a date by itself: it names a year or a month.
DATED = re.compile(rf"\b(?:(?:1[5-9]|20)\d\d|{_MONTH})\b", re.I)
QUOTE_MARK = re.compile('["\u201c\u201d]')
# The patterns (patterns/dates.jsonl) of stretches of time and of repetitions: no dates.
SPELLS = frozenset({"duration-count", "duration-count-described", "duration-vague", "frequency"})
# What makes a span holding a duration a date still: "ago", a year or a month.
SAYS_WHEN = re.compile(rf"\bago\b|{DATED.pattern}", re.I)
# Two years as the ends of one period ("1983 until 1992", "between 1999 and 2003").
YEARS = re.compile(r"(?:(?:between|from)\s+)?((?:1[5-9]|20)\d\d)\s+(?:and|to|until|till)\s+((?:1[5-9]|20)\d\d)")
# "the following year": the year after the last one the text named.
ANCHORED_YEAR = re.compile(r"\bthe\s+(following|previous|preceding)\s+year\b", re.I)
ANCHOR_STEP = {"following": 1, "previous": -1, "preceding": -1}
# A year and the next, as a span or a financial year ("2003-4", "1999/00", "2003-2004").
YEAR_SPAN = re.compile(r"\b((?:1[5-9]|20)\d\d)[-/\u2013](\d\d?|(?:1[5-9]|20)\d\d)\b")


# The patterns of a weekday and of a day and month without a year ("11 March", "March 11"): only a
# capitalised month is a date ("may 5" is a verb and a number).
SHORT_DATES = frozenset({"weekday-name", "day-month", "month-day"})
# Quote marks and range words before a date that are not part of it.
LEAD = re.compile("^(?:['\"\u2018\u2019\u201c\u201d ]|(?:between|from)\\s+)+", re.I)


def extract(doc: Doc) -> tuple[DateMention, ...]:
    """Every date expression, each resolved where the text and the publication date allow."""
    view = DocView(doc)
    body = view.body
    spans: list[tuple[int, int]] = []
    year_of: dict[tuple[int, int], str] = {}  # a range's first end takes the year its last end names
    for e in view.doc.ents:
        if e.label_ == "DATE" and (span := _trimmed(body, e.start_char, e.end_char)):
            parts = _range_ends(body, *span)
            if len(parts) == 2 and not YEAR.search(body, *parts[0]) and (y := YEAR.search(body, *parts[1])):
                year_of[parts[0]] = y[0]  # "from January to March 2004": January 2004
            spans += parts
    found = [m.span() for rx in (FULL_DATE, RELATIVE_PHRASE) for m in rx.finditer(body)]
    found += [(s.start_char, s.end_char) for s in doc.spans.get("dates", ()) if s.id_ in SHORT_DATES]
    # a year after a preposition the model left untagged ("between 1999 and 2003")
    found += [(s[1].idx, s[1].idx + len(s[1])) for s in doc.spans.get("dates", ()) if s.id_ == "year-after-preposition"]
    taken = Ranges((s, e, None) for s, e in spans)
    for span in found:
        if not taken.overlaps(*span) and (span := _trimmed(body, *span)):
            spans.append(span)
            taken.add(*span, None)
    spans = _without_spells(doc, body, spans)
    published = view.published
    mentions = []
    year = None  # the last year the text named: what "the following year" follows
    for start, end in sorted(spans):
        text = body[start:end]
        tense = _tense(view, start, end) if published else 0  # used for a date without a year only
        resolved = resolve(f"{text} {year_of[start, end]}" if (start, end) in year_of else text, published, tense)
        if resolved is None and year and (m := ANCHORED_YEAR.search(text)):
            resolved = str(year + ANCHOR_STEP[m[1].lower()])
        if resolved and YEAR.match(resolved):
            year = int(resolved[:4])
        mentions.append(DateMention(text=text, resolved=resolved, start_char=start, end_char=end))
    return tuple(mentions)


def _without_spells(doc: Doc, body: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans that name a time, not a stretch of it: durations ("for 29 years", "the past five years", "a few days"),
    frequencies ("every week") and a unit of time alone ("the day") are no dates (durations are quantities), unless the
    span also says when ("two years ago", "the five years to 2004")."""
    matched = doc.spans.get("dates", ())
    spells = Ranges((s.start_char, s.end_char, None) for s in matched if s.id_ in SPELLS)
    alone = {(s.start_char, s.end_char) for s in matched if s.id_ == "time-noun-alone"}
    return [
        (start, end)
        for start, end in spans
        if (start, end) not in alone and not (spells.overlaps(start, end) and not SAYS_WHEN.search(body, start, end))
    ]


def _trimmed(body: str, start: int, end: int) -> tuple[int, int] | None:
    """The model's DATE span without stray quote marks or a dash-joined tail ("January - Name"), widened over a
    "this"/"last"/"next" the model left outside ("this year's" tagged "year"); None for ages, shares, clock times, names
    and bare numbers, which the model also calls dates."""
    if m := re.search(r"\b(?:this|last|next)\s+$", body[max(0, start - 6) : start], re.I):
        start -= len(m.group())
    text = re.split(r"\s[-\u2013\u2014]\s|\n", body[start:end])[0]
    lead = len(text) - len(LEAD.sub("", text))
    text = text[lead:].rstrip()
    start += lead
    end = start + len(text)
    before, after = body[max(0, start - 20) : start], body[end : end + 20]
    if (
        not DATE_WORD.search(text)
        or CLOCK_AFTER.match(after)
        or (text == "Today" and NAMED_TODAY.search(before))
        or (WEEKDAY.fullmatch(text) and (NEWSPAPER_AFTER.match(after) or POSSESSIVE_BEFORE.search(before)))
        or (text.lower() == "sunday" and NEWSPAPER_BEFORE.search(before))
        or (MONTH_ONLY.fullmatch(text) and SPEECH_AFTER.match(after))
        or ((rep := REPEATED_AFTER.match(after)) and text.lower().endswith(rep[1].lower()))
        or ((rep := REPEATED_BEFORE.search(before)) and text.lower() == rep[1].lower())
    ):
        return None
    while " " in text and not DATE_END.search(text.rsplit(None, 1)[1]):
        text = text.rsplit(None, 1)[0].rstrip(" ,")
    if DAY_MONTH.match(text) and (m := DAY_RANGE_BEFORE.search(body, max(0, start - 12), start)):
        start, text = m.start(), body[m.start() : start] + text  # "12 to 14 May": the model tags "14 May"
    nxt = COUNTED_AFTER.match(body, start + len(text))
    if (m := MONTH_THEN_DAY.search(text)) and nxt and nxt[1] in PEOPLE_NOUNS:
        text = text[: m.start(1)].rstrip()
    return start, start + len(text)


def _range_ends(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """A range the model tags as one date ("between 2001 and 2003", "from 1 March to 5 April") as its two ends, each a
    date of its own; any other span as it is."""
    m = RANGE.fullmatch(body, start, end)
    if not m or not (DATED.search(m[1]) and DATED.search(m[2])) or (YEAR.fullmatch(m[1]) and YEAR.fullmatch(m[2])):
        return [(start, end)]  # "from 1983 to 1992": one period, resolved as an interval
    return [m.span(1), m.span(2)]


def _tense(view: DocView, start: int, end: int) -> int:
    """+1 when the words nearest the date speak of the future ("will", "due"), -1 when of the past ("said", "was",
    "-ed"), 0 when none is close. A cue before the date wins ("was held in March"), one after it counts only when none
    comes before ("In March, the council voted"); neither reaches across a quotation mark or far into a long sentence.
    """
    sent = view.sentence_at(start)
    text, offset = sent.text, sent.start_char
    best: tuple[bool, int, int] | None = None
    for rx, sign in ((FUTURE_CUE, 1), (PAST_CUE, -1)):
        for m in rx.finditer(text):
            a, b = m.start() + offset, m.end() + offset
            before = b <= start and start - b <= CUE_BEFORE
            if not before and not (a >= end and a - end <= CUE_AFTER):
                continue
            lo, hi = (b, start) if before else (end, a)  # the words between the cue and the date
            key = (not before, hi - lo, sign)
            if not QUOTE_MARK.search(view.body, lo, hi) and (best is None or key < best):
                best = key
    return best[2] if best else 0


def resolve(text: str, published: date | None, tense: int = 0) -> str | None:
    """ISO text at the precision `text` gives, or None when it cannot be pinned down. `tense` (+1 future, -1 past, 0
    unknown) places a day, month or weekday given without a year."""
    low = text.lower()
    if m := ISO_DATE.search(low):  # before the year span "2004-05" in it is read as 2004/2005
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    if m := DAY_RANGE.search(low):  # the range from its first day to the date of its last
        last = resolve(low[: m.start()] + low[m.end() :], published, tense)
        if last is None or len(last) != 10 or int(m[1]) >= int(last[8:]):
            return last
        return f"{last[:8]}{int(m[1]):02d}/{last}"
    if (m := WEEKDAY_RANGE.search(low)) and (first := resolve(low[: m.end(1)], published, tense)):
        end = date.fromisoformat(first) + timedelta(days=(WEEKDAYS[m[2]] - WEEKDAYS[m[1]]) % 7)
        return f"{first}/{end.isoformat()}"
    if m := DAY_MONTH_YEAR.search(low) or MONTH_DAY_YEAR.search(low):
        day, month = (m[1], m[2]) if m.re is DAY_MONTH_YEAR else (m[2], m[1])
        return _iso(int(m[3]), _month(month), int(day))
    if m := MONTH_YEAR.search(low):
        return f"{int(m[2]):04d}-{_month(m[1]):02d}"
    if (m := YEAR_SPAN.search(low)) and (span := _year_span(m[1], m[2])):
        return span
    if m := YEARS.fullmatch(low):
        return f"{m[1]}/{m[2]}" if m[1] < m[2] else None
    if m := DECADE.search(low):
        return m[1]
    if m := SHORT_DECADE.search(low):
        return f"19{m[1]}" if m[1] else DECADE_WORDS[m[2]]
    if m := YEAR.search(low):
        return m[1]
    return None if published is None else _relative(low, published, tense)


def _relative(low: str, published: date, tense: int) -> str | None:
    """The resolution of an expression that needs the publication date."""
    for word, step in RELATIVE_DAY.items():
        if re.search(rf"\b{word}\b", low):
            return _shifted(published, step, "day")
    if m := AGO.search(low):
        return _shifted(published, -int(number_value(m[1])), m[2])
    year = None  # the year a relative word names ("next year"), else placed by the tense
    if m := RELATIVE.search(low):  # a season is of its year
        if m[2] in {"month", "week"}:
            return _shifted(published, STEP[m[1]], m[2])
        year = published.year + STEP[m[1]]
    elif m := PART_OF.search(low):
        return _shifted(published, 0, m[1])
    if m := DAY_MONTH.search(low) or MONTH_DAY.search(low):  # "5 March next year"
        day, month = (int(m[1]), _month(m[2])) if m.re is DAY_MONTH else (int(m[2]), _month(m[1]))
        return _iso(year or _year_for(published, month, day, tense), month, day)
    if m := MONTH_ONLY.search(low):  # "March of next year", "June last year"
        month = _month(m[1])
        return f"{year or _year_for(published, month, None, tense):04d}-{month:02d}"
    if year:
        return str(year)
    if m := WEEKDAY.search(low):
        ahead = (WEEKDAYS[m[1]] - published.weekday()) % 7
        if re.search(r"\bnext\b", low):
            ahead = ahead or 7
        elif re.search(r"\blast\b", low):
            ahead = (ahead or 7) - 7
        elif tense <= 0:
            ahead = ahead - 7 if ahead else 0
        return _shifted(published, ahead, "day")
    return None


def _year_span(first: str, last: str) -> str | None:
    """ "2003-4" -> 2003/2004, "1999-00" -> 1999/2000: the last year completed from the first; None when it is not after
    the first (a dash between a year and a number may be anything)."""
    end = int(last) if len(last) == 4 else int(first) - int(first) % 10 ** len(last) + int(last)
    if len(last) < 4 and end <= int(first):
        end += 10 ** len(last)
    return f"{first}/{end}" if end > int(first) else None


def _year_for(published: date, month: int, day: int | None, tense: int) -> int:
    """The year of a day or month written without one: the latest one not after the publication date when the sentence
    speaks of the past, the first one not before it when of the future, otherwise the nearest (in a March article
    "4 November" is last November, "4 April" this April)."""
    if tense:
        here = (published.month, published.day if day else 0)
        there = (month, min(day, 28) if day else 0)
        if tense < 0:
            return published.year if there <= here else published.year - 1
        return published.year if there >= here else published.year + 1
    years = (published.year - 1, published.year, published.year + 1)
    return min(years, key=lambda year: abs((date(year, month, min(day or 15, 28)) - published).days))


def _shifted(published: date, step: int, unit: str) -> str:
    """The day, week, month or year `step` units from the publication date, at the precision of the unit: "two years
    ago" is the year two before publication, "next week" the ISO 8601 week after it (2007-W25)."""
    if unit == "day":
        return (published + timedelta(days=step)).isoformat()
    if unit == "week":
        year, week, _ = (published + timedelta(weeks=step)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "month":
        month = published.month - 1 + step
        return f"{published.year + month // 12:04d}-{month % 12 + 1:02d}"
    return str(published.year + step)


def _month(word: str) -> int:
    word = word.lower().rstrip(".")
    return MONTHS.get(word) or MONTHS[word[:3]]


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
