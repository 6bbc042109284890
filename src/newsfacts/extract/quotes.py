"""Direct quotes and who said them.

Quotes are found by pairing quotation marks paragraph by paragraph; a paragraph that opens a quote without closing it
continues into the next paragraph that opens with a mark (the news convention). The speaker comes from the attribution
after the quote ("...," Mr Hale said / said X), before it (X said: "..."), from the parse (the subject of the verb the
quote hangs from), or from the quote just before when quotes follow each other. Pronouns resolve to the last person
named; spokespeople and documents become descriptions.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from spacy.tokens import Doc, Token

from newsfacts.records import Quote

from .grammar import Grammar, Match
from .lexicon import (
    ABBREVIATIONS,
    CLOSE_QUOTES,
    DESCRIPTION_HEADS,
    GROUP_NOUNS,
    INTRODUCTORY_WORDS,
    NAME_PARTICLES,
    OPEN_QUOTES,
    ORG_WORDS,
    PEOPLE_NOUNS,
    PERSON_PRONOUNS,
    POSSESSIVE_PRONOUNS,
    PRONOUN_GENDER,
    PRONOUNS,
    QUOTE_MARKS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    SPEECH_ADVERBS,
    SPEECH_AUX,
    SPEECH_VERBS,
    SPOKES_NOUNS,
    SUBJECT_LEAD,
    VOICE_NOUNS,
    function_words,
)
from .ranges import Ranges
from .view import DocView, Mention, body_of

_VERB = "(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + ")"
_AUX = r"(?:(?:" + "|".join(re.escape(a) for a in sorted(SPEECH_AUX, key=len, reverse=True)) + r")\s+)*"
# A character of an attribution clause: anything but sentence ends, quotes and line
# breaks, except the period of an abbreviation ("Mr.", "Rep.", "G.K.").
_ABBR = "|".join(rf"(?<=\b{a})\." for a in ABBREVIATIONS)
_CH = rf"(?:[^.!?;\"\u201c\u201d\n]|{_ABBR})"
# Attribution right after a closing mark: `," Mr Hale will say.` or `," said Mr Hale.`
# A name with a long apposition may stand between: `," Jane Doe, the director of ..., said`.
AFTER = re.compile(
    rf"^\s*,?\s*(?P<who>{_CH}{{0,80}}?|[A-Z]{_CH}{{0,40}}?,{_CH}{{0,160}}?)\s*\b{_AUX}(?P<verb>{_VERB})\b"
    rf"(?P<rest>{_CH}{{0,120}})",
)
# Attribution by a dash after the quote: `..."― Pamela Padilla`.
AFTER_DASH = re.compile(r"^\s*(?:[\u2015\u2014\u2013]|--?)\s*(?P<who>[A-Z][^,;\n(]{1,60})")
# Attribution by "according to" before the quote: `According to X, "..."`.
ACCORDING_BEFORE = re.compile(r"\b[Aa]ccording to (?P<who>[^.!?;,\"\u201c\u201d\n]{2,80}),\s*$")
# Attribution just before an opening mark: `X said:`, `X said,`, `X said of it today:`.
SPEECH_VERB = re.compile(rf"\b{_VERB}\b")
BEFORE_VERB = re.compile(rf"\b{_AUX}(?P<verb>{_VERB})\b(?P<rest>{_CH}{{0,60}}?)[:,]?\s*$")
RELATIVE = re.compile(r",\s*(?:who|which|whose|where|when)\b[^\"\u201c\u201d]*?,", re.I)
APPOSITIVE = re.compile(r",\s*(?:the|a|an|his|her|its|their)\s[^,\"\u201c\u201d]*?,", re.I)
SPOKES = re.compile(
    rf"^(?:a|an|the)?\s*(?P<noun>{'|'.join(sorted(SPOKES_NOUNS))})\s+"
    r"(?:for|from|at|of|to|with|in)\s+(?:the\s+)?(?P<org>.+)$",
    re.I,
)
# A sentence opened by a spokesperson of a named body, whatever the verb: "A Labour Party spokesman
# criticised". Not "The Tory spokesman", which goes back to someone named.
OPENING_SPOKESPERSON = re.compile(r"\s*(?:A|An)\s+((?:[A-Z][\w'\u2019-]*\s+){1,5}spokes(?:man|woman|person))\b")
POSSESSIVE = re.compile(r"['\u2019]s?\b")
OWNER = re.compile(r"(?:['\u2019]s|s['\u2019])$")  # a word that owns what follows: "Bank's", "Banks'"
# A description set before the subject's name: "Another critic, X, likened it to ...".
FRONTED_APPOSITION = re.compile(r"(?:The|A|An|Another|One|Its|His|Her|Their)\s+[a-z][\w' -]{1,50},\s*")
# How many sentences (opening with "he"/"she", or quoted) a pronoun may look back through to its person.
CHAIN_SENTENCES = 8
PRONOUN_OPENING = re.compile(r"\s*(?:(?:But|And),?\s+)?(?:he|she|He|She)\b")
# Someone reported as speaking: "AP quoted prosecutor X as saying", "Reuters reports a source as saying".
AS_SAYING = re.compile(
    r"[^.!?;\"\u201c\u201d\n]{0,80}?\b(?:quot|report|cit)(?:ed|es|s|ing)\s+"
    r"(?P<who>[^,;:.\"\u201c\u201d\n]{2,80}?)\s+as\s+saying\b"
)
# What may open a sentence before its subject organisation.
ORG_OPENING = re.compile(r"\s*(?:(?:But|And|However|Meanwhile|Yet),?\s+)?(?:(?:[Tt]he|An?)\s+)?")
ROLE_WORDS = ROLE_HEADS | ROLE_MODIFIERS
INTRODUCING_MARKS = ",-\u2013\u2014"  # a comma or dash before a capitalised quote introduces it
# A quotation mark; two apostrophes in a row are one double mark (the old New York Times house style).
MARK = re.compile(r"''|[\"\u201c\u201d]")
PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")  # a line holding more than spaces
# The abbreviation checks look back from the stop itself, so they run only where there is one.
SENTENCE_END = re.compile(
    "[.!?]" + "".join(rf"(?<!\b{a}[.!?])" for a in ABBREVIATIONS) + r"[\"'\u201d\u2019)]?\s+(?=[A-Z\"\u201c])"
)
# A quote this short inside a sentence is a scare quote or a fragment.
SHORT_WORDS = 4
MAX_SPEAKER_WORDS = 10
# How many line breaks a quote with no speaker of its own may stand after the quote before it and
# still be that speaker's: the same paragraph, or the next one (a blank line is two breaks).
NEAR_LINES = 2


PREPOSITIONS = function_words("preposition")
SUBORDINATORS = function_words("subordinator")  # words that open a clause: such text is never a speaker
CONJUNCTIONS = function_words("conjunction")
RELATIVES = function_words("relative")
FINITE_VERBS = function_words("finite")  # words before a speech verb holding one are a clause
DETERMINERS = function_words("determiner")
MODIFIER_PREPOSITIONS = function_words("modifier")  # "an aide to X": X qualifies someone else

Speaker = tuple[str | None, str | None]  # (speaker, speaker_name)


@dataclass
class _Raw:
    """A quote found by the marks: content offsets and what the paragraph says around it."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark, None when it runs to the paragraph end
    para_start: int
    para_end: int
    after: int  # offset just past the closing mark (one or two characters), or the paragraph end


class _QuoteView(DocView):
    """The doc as the quote rules read it: with where its quotes are, found first, since a name inside quotation marks
    is not who "he said" refers to."""

    def __init__(self, doc: Doc, chains: list[list[_Raw]]) -> None:
        super().__init__(doc)
        self.quoted: Ranges[None] = Ranges((p.open_mark, p.after, None) for chain in chains for p in chain)
        self.span_starts = [span.start_char for span in self.spans]  # the entity spans are in text order
        self.grammar: Grammar = doc._.grammar or Grammar((), ())  # none without the grammar component

    def named_in(self, start: int, end: int) -> list[Mention]:
        """The mentions starting from `start` to `end` outside quotation marks, in order."""
        return [m for _, _, m in self.mention_ranges().starting_in(start, end) if not self.quoted.covers(m.start_char)]

    def last_named(self, char: int, keep: Callable[[Mention], bool] = lambda _m: True) -> Mention | None:
        """The last mention ending by `char` outside quotation marks that `keep` accepts."""
        found = self.mention_ranges().last_ending_by(char, lambda m: not self.quoted.covers(m.start_char) and keep(m))
        return found[2] if found else None

    def last_person_before(self, char: int, gender: str | None = None) -> str | None:
        """The last person named before `char` whose gender, where known, is `gender` ("he said")."""
        found = self.last_named(char, lambda m: gender is None or self.genders.get(m.name, gender) == gender)
        return found.name if found else None


def extract(doc: Doc) -> tuple[Quote, ...]:
    """Every direct quote with its speaker; short in-sentence quotes are partial."""
    quotes: list[Quote] = []
    prev: _Raw | None = None
    prev_speaker: Speaker = (None, None)
    chains = _chains(body_of(doc))
    view = _QuoteView(doc, chains)
    for chain in chains:
        first, last = chain[0], chain[-1]
        partial = _is_partial(view.body, first, last)
        trailing = _trailing(view, last)
        speaker = trailing if trailing and trailing[0] else _leading(view, first)
        if partial and (claimed := _governing_speaker(view, first, last, CLAIM_RELATIONS, _not_pronoun))[0]:
            speaker = claimed  # `X said a claim by Y that he was "rattled" was false`: Y's word
        if speaker[0] is not None and speaker[1] is None and (governing := _governing_speaker(view, first, last))[1]:
            # the words read as the speaker name no one ("is a certainty, said X", "Asked about
            # claims ..., X replied"); the parse's subject of the verb the quote hangs from does
            speaker = governing
        if speaker[0] is None and not partial and prev is not None and _follows(view.body, prev, first):
            speaker = prev_speaker
        if speaker[0] is None:  # `X has used the phrase "..."`: the sentence's subject
            speaker = _sentence_subject(view, first.open_mark)
        if speaker[0] is None and quotes and _same_speaker_goes_on(view.body, quotes[-1].end_char, first.open_mark):
            speaker = quotes[-1].speaker, quotes[-1].speaker_name  # `X called it "A" and "B"`
        if speaker[0] is None:  # `He said ..., adding that "..."`
            speaker = _pronoun_subject(view, first.open_mark)
        if speaker[0] is None:  # `"...", he argued`, `branded a "shambles" by the opposition`
            speaker = _governing_speaker(view, first, last)
        if speaker[0] is None and partial:  # `The committee found the system was "nowhere near ready"`
            speaker = _governing_speaker(view, first, last, ("quote-clause-subject",), _may_speak)
        if speaker[0] is None:  # `X said the plan was late.\n\n"It is a scandal."`
            name = _reporter_before(view, first.open_mark)
            speaker = (name, name)
        if speaker[0] is None and quotes and view.body.count("\n", quotes[-1].end_char, first.open_mark) <= NEAR_LINES:
            speaker = quotes[-1].speaker, quotes[-1].speaker_name  # the talk goes on: who spoke just before
        if speaker[0] is None and not partial and quotes and _talk_resumes(view, quotes[-1], first.open_mark):
            speaker = quotes[-1].speaker, quotes[-1].speaker_name  # an interview: no one else spoke since
        if speaker[1] is not None and _names(view.body[first.start : last.end], speaker[1]):
            # it is said to or of them: the last person named before it who is not them
            other = view.last_named(first.open_mark, lambda m, named=speaker[1]: m.name != named)
            speaker = (other.name, other.name) if other else (None, None)
        quotes.append(
            Quote(
                quote_text=view.body[first.start : last.end],
                speaker=speaker[0],
                speaker_name=speaker[1],
                start_char=first.start,
                end_char=last.end,
                is_partial=partial,
            )
        )
        if not partial or speaker[1] is not None:  # a named person's partial quote moves the talk to them
            prev, prev_speaker = last, speaker
    return tuple(quotes)


# The rest of a hyphened word the parse split ("co" of "co-chairman"); may be empty.
HYPHENED_TAIL = re.compile(r"(?:-[^\W_]+)*")


# The grammar relations that name who a quote belongs to (patterns/grammar.jsonl): the subject of
# the speech or naming verb the quote hangs from, or the agent of its passive.
SPEAKER_RELATIONS = (
    "quote-speech-verb",
    "quote-naming-verb",
    "quote-passive-agent",
    "quote-passive-by",
    "quote-according-to",
)
# Whose claim, charge or warning a fragment is quoted in: "a claim by X that Y is an "attack dog"",
# "X's warning that ...", "Labour claims he used her as a "shield"".
CLAIM_RELATIONS = ("quote-claim-by", "quote-claim-owner")


def _governing_speaker(
    view: _QuoteView,
    first: _Raw,
    last: _Raw,
    relations: tuple[str, ...] = SPEAKER_RELATIONS,
    speaks: Callable[[Token, Speaker], bool] = lambda _token, _speaker: True,
) -> Speaker:
    """Who the parse says the quote belongs to: of the verbs above one of its marks in the dependency tree and outside
    it, the nearest, and its subject or passive agent, when that stands outside the quote too ("...," he argued; "..."
    explained X; ..., says a spokesman)."""
    end = last.close_mark if last.close_mark is not None else last.end
    marks = {first.open_mark, end}
    best: tuple[int, Speaker] | None = None
    for pid in relations:
        for m in view.grammar.at(pid, "mark", marks):
            mark, verb, who = m.nodes["mark"], m.nodes["verb"], m.nodes["speaker"]
            if any(first.open_mark <= m.char_span(node)[0] <= end for node in ("verb", "speaker")):
                continue
            depth = [a.i for a in mark.ancestors].index(verb.i)
            if best is not None and best[0] <= depth:
                continue
            speaker = _phrase_speaker(view, m, "speaker", first.open_mark)
            if speaker[0] is not None and speaks(who, speaker):
                best = depth, speaker
    return best[1] if best else (None, None)


def _phrase_speaker(view: _QuoteView, m: Match, node: str, limit: int | None = None) -> Speaker:
    """The speaker named by the parse's phrase of a matched node, from its left edge to its right edge and the rest of a
    word the parse split at a hyphen ("co-chairman"); a phrase that runs into the quote at `limit` is cut there."""
    start = m.sentence.char_span(m.nodes[node].left_edge)[0]
    stop = HYPHENED_TAIL.match(view.body, m.sentence.char_span(m.nodes[node].right_edge)[1]).end()
    if limit is not None and start < limit < stop:
        stop = limit
    return _resolve(view, start, stop, True)


def _not_pronoun(owner: Token, _speaker: Speaker) -> bool:
    """A claim's owner other than a pronoun ("her remark that"), whom the pronoun rules decide."""
    return owner.tag_ not in {"PRP", "PRP$"}


# Subjects a fragment quoted in their clause may belong to: people, bodies, and those who voice views.
SPEAKING_NOUNS = PEOPLE_NOUNS | GROUP_NOUNS | SPOKES_NOUNS | DESCRIPTION_HEADS | ORG_WORDS | VOICE_NOUNS


def _may_speak(subject: Token, speaker: Speaker) -> bool:
    """Whether the subject of a clause that is not about speech may still be whose words a fragment quoted in it are: a
    person, a name ("Labour", "the Treasury"), people or a body ("critics", "the committee") - not a thing
    ("the system was "nowhere near ready"")."""
    return speaker[1] is not None or subject.tag_ in {"NNP", "NNPS"} or subject.lower_ in SPEAKING_NOUNS


def _names(text: str, name: str) -> bool:
    """Whether a quote addresses or speaks of a person by their given name alone: then it is said to or about them, not
    by them ("I have the highest regard for Mary" is not Mary Jones's). A surname in a quote proves nothing: people
    speak of "the Jones family", "the Jones plan"."""
    words = name.split()
    return len(words) > 1 and bool(re.search(rf"\b{re.escape(words[0])}\b(?!\s+{re.escape(words[-1])})", text))


def _same_speaker_goes_on(body: str, prev_end: int, open_mark: int) -> bool:
    """Whether a quote with no speaker of its own is still the previous quote's speaker talking: in the same sentence,
    with no speech verb between ("while the Tories say")."""
    return prev_end >= _sentence_start(body, open_mark) and not SPEECH_VERB.search(body[prev_end:open_mark])


def _pieces(body: str, start: int, end: int) -> list[_Raw]:
    """Pair the marks of one paragraph; an unclosed quote runs to the paragraph end."""
    pieces: list[_Raw] = []
    opened: tuple[int, int] | None = None
    for mark in MARK.finditer(body, start, end):
        i, width = mark.start(), len(mark[0])
        ch = body[i] if width == 1 else '"'
        after = i + width
        if opened is None:
            if ch in OPEN_QUOTES and (i == start or not body[i - 1].isalnum()):
                opened = (i, width)
        elif ch in CLOSE_QUOTES and (after == end or not body[after].isalnum()):
            if i - opened[0] > opened[1]:
                pieces.append(_Raw(opened[0] + opened[1], i, opened[0], i, start, end, after))
            opened = None
        elif ch == "\u201c":
            opened = (i, width)
    if opened is not None and end - opened[0] > 2:
        stop = opened[0] + opened[1] + len(body[opened[0] + opened[1] : end].rstrip())
        pieces.append(_Raw(opened[0] + opened[1], stop, opened[0], None, start, end, end))
    return pieces


def _chains(body: str) -> list[list[_Raw]]:
    """Quotes as chains of pieces: an unclosed piece continues into the next paragraph when that paragraph opens with a
    quotation mark."""
    chains: list[list[_Raw]] = []
    open_chain: list[_Raw] | None = None
    for paragraph in PARAGRAPH.finditer(body):
        start, end = paragraph.span()
        pieces = _pieces(body, start, end)
        if open_chain is not None and pieces and body[start : pieces[0].open_mark].strip() == "":
            open_chain.append(pieces.pop(0))
            if not pieces and open_chain[-1].close_mark is None:
                continue  # the quote runs on into the next paragraph
        open_chain = None
        chains += [[piece] for piece in pieces]
        if pieces and pieces[-1].close_mark is None:
            open_chain = chains[-1]
    return chains


def _is_partial(body: str, first: _Raw, last: _Raw) -> bool:
    """A quote inside a sentence that is not introduced by a speech verb is partial."""
    head = body[first.para_start : first.open_mark].rstrip()
    words = len(body[first.start : last.end].split())
    if not head or head[-1] in ".!?:" or head[-1] in QUOTE_MARKS:
        return words < 2
    if words > SHORT_WORDS and (head[-1] in INTRODUCING_MARKS or BEFORE_VERB.search(head)):
        return not body[first.start : first.start + 1].isupper() and head[-1] != ","  # `X said,` / `X -- "It is"`
    return True


def _trailing(view: _QuoteView, last: _Raw) -> Speaker | None:
    """The speaker named right after the quote (none after one left open: nothing follows it in its paragraph)."""
    body, offset = view.body, last.after
    tail = body[offset : last.para_end]
    if m := AFTER_DASH.match(tail):
        return _resolve(view, offset + m.start("who"), offset + m.end("who"), True)
    if (m := AS_SAYING.match(tail)) and _plausible_tail(body, last):  # `," AP quoted X as saying.`
        said = _resolve(view, offset + m.start("who"), offset + m.end("who"), True)
        if said[0] is not None:
            return said
    if (m := AFTER.match(tail)) and _plausible_tail(body, last):
        if m["who"].strip():
            return _resolve(view, offset + m.start("who"), offset + m.end("who"), False)
        named = re.split(r",|\bin\b|\bon\b|\bat\b", m["rest"])[0]  # `," said X in a statement`
        return _resolve(view, offset + m.start("rest"), offset + m.start("rest") + len(named), True)
    return None


def _leading(view: _QuoteView, first: _Raw) -> Speaker:
    """The speaker named before the quote in its sentence."""
    body = view.body
    head_start = _clause_start(body, first.para_start, first.open_mark)
    head = body[head_start : first.open_mark]
    if not head.strip() or head.rstrip().endswith("?"):
        return (None, None)  # a quote answering a question: the people the question names do not speak
    if m := ACCORDING_BEFORE.search(head):
        return _resolve(view, head_start + m.start("who"), head_start + m.end("who"), True)
    if m := BEFORE_VERB.search(head):
        if m["verb"].endswith("ing"):
            return _participle_speaker(view, head_start + m.start())
        # "X, pastor of a church and a Y supporter, said:" is X: the parse knows the subject's head
        found = _subject_speaker(view, head_start + m.start("verb"), first.open_mark)
        return found or _resolve(view, head_start, head_start + m.start(), False)
    if verb := SPEECH_VERB.search(head):
        return _resolve(view, head_start, head_start + verb.start(), False)
    return (None, None)


def _subject_speaker(view: _QuoteView, verb: int, limit: int) -> Speaker | None:
    """The person the parse makes the subject of the speech verb at offset `verb`: the one whose mention holds the
    subject's head word, if any; else the agent of a passive ("His claims were denied by X, who ..." is X)."""
    for m in view.grammar.at("speech-subject", "verb", {verb})[:1]:
        named = next(iter(view.mention_ranges().covering(m.char_span("subject")[0])), None)
        if named:
            return named[2].name, named[2].name
        # "X was suspended after the committee said": the subject's phrase in a clause of its
        # own, not the person the clause before it names
        who = m.nodes["subject"]
        start = m.sentence.char_span(who.left_edge)[0]
        before = view.body[_sentence_start(view.body, start) : start].lower().split()
        if who.tag_ in {"NN", "NNS"} and SUBORDINATORS & set(before[-MAX_SPEAKER_WORDS:]):
            speaker = _phrase_speaker(view, m, "subject")
            if speaker[0] is not None:
                return speaker
    agents = view.grammar.at("passive-agent", "verb", {verb})
    return _phrase_speaker(view, agents[0], "agent", limit) if agents else None


def _participle_speaker(view: _QuoteView, verb: int) -> Speaker:
    """Who speaks in "X attacked Y, saying" (the clause's subject, X) or "footage of X saying" (the name right before
    the participle)."""
    last = view.last_named(verb)
    if last and not view.body[last.end_char : verb].strip():
        return last.name, last.name
    return _sentence_subject(view, verb)


def _sentence_subject(view: _QuoteView, at: int) -> Speaker:
    """The person who opens the sentence holding `at`, after any introductory phrase ("In an August speech, Smith
    attacked ..."): who a quote with no speech verb is from."""
    body = view.body
    start = _clause_start(body, body.rfind("\n", 0, at) + 1, at, cut_at_quotes=False)
    start = _skip_introduction(view, start, at)
    for m in view.named_in(start, at):
        lead = body[start : m.start_char]
        if not FRONTED_APPOSITION.fullmatch(lead) and not all(
            w.rstrip(".").lower() in SUBJECT_LEAD or w[:1].isupper() or w.lower().split("-")[-1] in ROLE_WORDS
            for w in lead.split()
        ):  # "Immigration minister X", "Party co-chairman X", "Another critic, X,", "Former union leader Sir X"
            return (None, None)
        after = body[m.end_char : m.end_char + 30].split()
        if body[m.end_char : m.end_char + 1] in ("'", "\u2019") or (  # "X's aide", "the X campaign"
            after and after[0].strip(",.").lower() in SPOKES_NOUNS | GROUP_NOUNS
        ):
            return (None, None)
        return m.name, m.name
    return (None, None)


def _pronoun_subject(view: _QuoteView, at: int) -> Speaker:
    """The person "he" or "she" opening the sentence holding `at` stands for ("He said backing the party was not a
    wasted vote, adding that "what you see is what you get""), read as the pronoun of "he said" is."""
    start = _sentence_start(view.body, at)
    opening = PRONOUN_OPENING.match(view.body, start)
    return _resolve(view, start, opening.end(), True) if opening else (None, None)


def _sentence_start(body: str, at: int) -> int:
    """Start of the sentence holding `at` (the +1 lets the sentence split see the capital at `at`)."""
    return _clause_start(body, body.rfind("\n", 0, at) + 1, at + 1, cut_at_quotes=False)


def _sentence_before(body: str, at: int) -> tuple[int, int]:
    """(start, end) of the sentence before the one holding `at`, maybe in the paragraph above; end is 0 when `at` is in
    the first sentence."""
    end = len(body[: _sentence_start(body, at)].rstrip())
    return _clause_start(body, body.rfind("\n", 0, max(end - 1, 0)) + 1, end, cut_at_quotes=False), end


def _previous_subject(view: _QuoteView, at: int, gender: str | None) -> str | None:
    """Who "he" or "she" at `at` most likely is when no one is named earlier in its own sentence: the person who opened
    the sentence before ("Dr Fox accused Mr Blair of lying. He told the BBC: ..." is Fox), if the gender fits. None when
    that sentence opens with no person. Sentences opening with "he" and sentences of quotation ("'...,' he said.") pass
    the look back on; a quoted sentence attributed to a name (`"...," Y said.`) is Y's."""
    if view.named_in(_sentence_start(view.body, at), at):  # someone is named earlier in its sentence
        return None
    for _ in range(CHAIN_SENTENCES):  # "Kennedy spoke. But he said X had lied. "...," he said." is Kennedy
        start, end = _sentence_before(view.body, at)
        if end == 0:
            return None
        name = _sentence_subject(view, end - 1)[1]
        sentence = view.body[start:end]
        if name is None and view.quoted.covers(start + len(sentence) - len(sentence.lstrip())):  # opens with a quote
            name = next((m.name for m in view.named_in(start, end)), None)
        elif name is None and not PRONOUN_OPENING.match(view.body, start):
            return None
        if name is not None:
            return name if gender is None or view.genders.get(name, gender) == gender else None
        at = start
    return None


def _reporter_before(view: _QuoteView, at: int) -> str | None:
    """A quote that opens its sentence with no attribution continues the reported speech just before it: the person who
    opens the previous sentence, when that sentence has a speech verb."""
    body = view.body
    if body[_sentence_start(body, at) : at].strip():
        return None  # the quote's own sentence attributes it ("with a spokesperson saying:")
    start, end = _sentence_before(body, at)
    if SPEECH_VERB.search(body[start:end]):
        return _reported_speaker(view, start, end) or _previous_subject(view, at, None)
    # "On this, X appears evangelical.\n\n"I was ..."": a paragraph of quotation after one
    # ending on a sentence whose subject is a person is that person's
    new_paragraph = body[start:end].endswith(".") and body.rfind("\n", 0, at) > end
    return _sentence_subject(view, end - 1)[1] if new_paragraph else None


def _talk_resumes(view: _QuoteView, prev: Quote, open_mark: int) -> bool:
    """Whether a quote with no speaker of its own goes back to the named speaker of the quote before, however far back
    (an interview or profile: "So he is scathing of the party. "It is ..."" after X's quotes): no one else is named in
    between."""
    named = view.named_in(prev.end_char, open_mark)
    return prev.speaker_name is not None and not prev.is_partial and all(m.name == prev.speaker_name for m in named)


def _reported_speaker(view: _QuoteView, start: int, end: int) -> str | None:
    """The person the parse makes the subject of the main speech verb of the sentence from `start` to `end` ("The crisis
    overshadowed the year, Mr X said.")."""
    for m in view.grammar.of("speech-subject"):
        if start <= m.char_span("verb")[0] < end and m.nodes["verb"].dep_ == "ROOT":
            speaker = _phrase_speaker(view, m, "subject")
            if speaker[1] is not None:
                return speaker[1]
    return None


def _previous_spokesperson(view: _QuoteView, at: int) -> str | None:
    """The spokesperson who opens the sentence before `at` ("A Labour spokeswoman said ...", "A Labour Party spokesman
    criticised X's record, saying ..."), described as a speaker is ("Labour spokeswoman")."""
    body = view.body
    start, end = _sentence_before(body, at)
    verb = SPEECH_VERB.search(body[start:end])
    opening = OPENING_SPOKESPERSON.match(body, start, end)
    if verb is None and opening is None:
        return None
    head = opening[1] if opening else body[start : start + verb.start()].strip(" ,")
    described = _describe(view, head, start) if head else None
    return described if described and described.split()[-1].lower() in SPOKES_NOUNS else None


def _plausible_tail(body: str, last: _Raw) -> bool:
    """An attribution follows the quote only when the quote ends its clause (a quote inside the quote may close just
    before: `,'" said X`)."""
    closing = body[last.close_mark - 1] if last.close_mark else ""
    if closing in "'\u2019" and last.close_mark and last.close_mark >= 2:
        closing = body[last.close_mark - 2]
    after = body[last.after : last.para_end].lstrip()
    # A lower-case word after the mark goes on with the sentence: `"..." explained X.`
    return closing in ",?!-\u2014\u2013" or after[:1] == "," or after[:1].islower()


def _clause_start(body: str, para_start: int, end: int, cut_at_quotes: bool = True) -> int:
    """Start of the sentence that ends at `end`, within its paragraph; with `cut_at_quotes`, of the words after the last
    quotation mark in it."""
    starts = _sentence_starts(body)
    i = bisect_left(starts, end) - 1  # the last sentence that starts before `end`
    start = max(starts[i], para_start) if i >= 0 else para_start
    if not cut_at_quotes:
        return start
    last_mark = max((body.rfind(q, start, end) for q in QUOTE_MARKS), default=-1)
    last_double = body.rfind("''", start, end)
    return max(start, last_mark + 1, last_double + 2 if last_double >= 0 else start)


@lru_cache(maxsize=4)
def _sentence_starts(body: str) -> list[int]:
    """Where each sentence after the first begins, found once per body: the speaker rules ask for sentence starts
    thousands of times per article."""
    return [m.end() for m in SENTENCE_END.finditer(body)]


def _follows(body: str, prev: _Raw, first: _Raw) -> bool:
    """True when a quote continues the previous one: later in the same paragraph, or opening the next paragraph with
    nothing between."""
    if first.para_start == prev.para_start:
        return True
    if prev.close_mark is not None and SPEECH_VERB.search(body, prev.close_mark, prev.para_end):
        return False  # `"A." Mr Y said B.` ends the talk of A's speaker
    return not body[prev.para_end : first.para_start].strip() and body[first.para_start : first.open_mark].strip() == ""


def _resolve(view: _QuoteView, start: int, end: int, after: bool) -> Speaker:
    """Turn the speaker words between `start` and `end` into (speaker, speaker_name)."""
    if not after:
        start = _skip_introduction(view, _as_clause(view.body, start, end), end)
    text = view.body[start:end]
    clean = APPOSITIVE.sub(",", RELATIVE.sub(",", text + ",")).strip(" ,")
    # a name inside a relative clause or apposition is not the speaker ("X, who met Y, said")
    clauses = [c.span() for rx in (RELATIVE, APPOSITIVE) for c in rx.finditer(text + ",")]
    inside = [m for m in view.named_in(start, end) if not any(a < m.start_char - start < b for a, b in clauses)]
    heads = [m for m in inside if not _modifier(view.body, start, m, end)]
    if heads:
        chosen: Mention = heads[0] if after else heads[-1]
        return chosen.name, chosen.name
    if inside:
        chosen = inside[0] if after else inside[-1]
        owned = view.body[chosen.end_char : end]
        if POSSESSIVE.match(owned) and len(owned.split()) > 1:  # "Smith's campaign said"
            return f"{chosen.name}'s {' '.join(owned.split()[1:]).strip(' ,')}", None
    if org := _subject_org(view, start, end):
        return org, None
    shown = [bare for w in clean.split() if (bare := w.strip(",.;:"))]
    while shown and shown[-1].lower() in SPEECH_ADVERBS:
        shown.pop()
    words = [w.lower() for w in shown]
    if not words:
        return (None, None)
    # "he" right before the speech verb is its subject, whatever opens the clause ("Asked if he
    # would stand he told the BBC").
    if words[-1] in PERSON_PRONOUNS:
        gender = PRONOUN_GENDER.get(words[-1])
        start = _past_fronted_clause(view, start)
        name = _previous_subject(view, start, gender)
        # "A Labour spokeswoman denied it. "...," she said." is that spokeswoman
        if name is None and (spokesperson := _previous_spokesperson(view, start)):
            return spokesperson, None
        name = name or view.last_person_before(start, gender)
        return name, name
    if role_person := _person_by_role(view, words, start):
        return role_person, role_person
    apposed = view.last_named(start) if words[0] in POSSESSIVE_PRONOUNS else None
    if apposed and view.body[apposed.end_char : start].strip() == ",":
        return apposed.name, apposed.name  # "Mr Y, his transport spokesman, said": the description is Y's
    described = _describe(view, " ".join(shown), start)
    if described in SPOKES_NOUNS:  # "But the Home Office defended it. A spokesman said:"
        org = _opening_org(view, _sentence_before(view.body, start)[0])
        described = f"{org} {described}" if org else described
    return described, None


# Words before an organisation among the speaker words that make it an object or one of several.
ORG_OBJECT_WORDS = frozenset({"of", "for", "at", "from", "with", "by", "to", "in", "and", "or", "&"})


def _subject_org(view: _QuoteView, start: int, end: int) -> str | None:
    """An organisation named last among the speaker words, right before the speech verb, speaks ("No deal is close but
    Acme said"): the words before it are another clause, not its name."""
    spans = view.spans[bisect_left(view.span_starts, start) : bisect_right(view.span_starts, end)]
    last = next((span for span in reversed(spans) if span.end_char <= end), None)
    if last is None or last.label != "ORG" or last.start_char == start:
        return None
    before = {w.lower() for w in view.body[start : last.start_char].replace(",", " ").split()}
    if before & (SPOKES_NOUNS | ORG_OBJECT_WORDS):
        return None  # "a spokesman for X", "Tories and X": X is not the subject on its own
    tail = view.body[last.end_char : end].rstrip(" ,").split()
    return None if any(w.lower() not in SPEECH_ADVERBS for w in tail) else view.body[last.start_char : last.end_char]


def _past_fronted_clause(view: _QuoteView, at: int) -> int:
    """Where to look back from for the person a "he" or "she" at `at` is: when a clause naming someone comes before it
    in its sentence ("Mr X has failed, he claimed"; "Asked whether Ms X could return, he replied"), that person is what
    is spoken of, not the speaker (a pronoun does not stand for a name in a clause it governs), so the look-back starts
    before the sentence."""
    start = _sentence_start(view.body, at)
    fronted = view.body[start:at].rstrip(" " + "".join(QUOTE_MARKS))  # `Mr X's plan was "a mess," he added`
    return start if view.named_in(start, at) and fronted.endswith(",") else at


def _opening_org(view: _QuoteView, at: int) -> str | None:
    """The organisation that opens the sentence starting at `at` ("But the Home Office defended ...", "Downing Street
    said"): whom a bare spokesman there speaks for."""
    start = ORG_OPENING.match(view.body, at).end()  # every part of it is optional: it always matches
    orgs = [span for span in view.spans if span.start_char == start and span.label == "ORG"]
    return view.body[orgs[0].start_char : orgs[0].end_char] if orgs else None


def _skip_introduction(view: _QuoteView, start: int, end: int) -> int:
    """Past the opening phrases before a speaker, each ending in a comma: "In a statement Friday, Acme said", "Later
    that day,", or a participle phrase ("Responding to critics,"), but not a name ending in -ing ("King",
    "Stephen Manning")."""
    while (comma := view.body.find(",", start, end)) != -1:
        words = view.body[start:comma].split()
        participle = len(words) > 1 and words[0].lower().endswith("ing") and words[1][:1].islower()
        if not words or not (words[0].lower() in INTRODUCTORY_WORDS or participle):
            break
        start = comma + 1
    return start


def _as_clause(body: str, start: int, end: int) -> int:
    """Where the speaker of "..., as X (, a lawyer,) recently put it" starts: after the "as" that opens the clause
    holding the speech verb."""
    text = body[start:end]
    found = list(re.finditer(r"(?:^|,\s*)[Aa]s\s+(?=[A-Z])", text))
    if not found:
        return start
    rest = APPOSITIVE.sub(",", RELATIVE.sub(",", text[found[-1].end() :] + ",")).strip(" ,")
    rest = re.sub(r",\s*\w+ly$", "", rest)
    return start + found[-1].end() if "," not in rest else start


def _modifier(body: str, start: int, m: Mention, end: int) -> bool:
    """True when a name only qualifies the speaker: "a narrator in the Smith ad", "the Smith campaign", "Smith's lawyer"
    (the speaker is the narrator, campaign or lawyer)."""
    after = body[m.end_char : end].split()
    if POSSESSIVE.match(body[m.end_char : end]) and len(after) > 1:
        return True
    if after and after[0].strip(",").lower() in GROUP_NOUNS | SPOKES_NOUNS:
        return True
    lead = body[start : m.start_char].split(",")[-1].lower().split()
    return bool(lead) and lead[0] in DETERMINERS and any(w in MODIFIER_PREPOSITIONS for w in lead)


def _person_by_role(view: _QuoteView, words: list[str], start: int) -> str | None:
    """ "the Home Secretary" or "the Republican nominee" as a speaker is the person whose role holds all those words
    ("Republican presidential nominee"); of several, the one named last before the quote. Only definite descriptions
    refer back: "a senior aide" is someone new."""
    if not words or words[0] not in {"the", "its", "their"} or words[-1].split("-")[-1] not in ROLE_HEADS:
        return None
    wanted = set(words[1:])
    holders = {p.name for p in view.people if p.role and wanted <= set(p.role.lower().split())}
    named = view.mention_ranges().last_ending_by(start, lambda m: m.name in holders) if holders else None
    if named:
        return named[2].name
    return next(iter(holders)) if len(holders) == 1 else None  # "its chairman has said. Chairman X ..."


# Nouns for a person or people, whose phrase a name after a preposition only qualifies.
PERSON_NOUNS = PEOPLE_NOUNS | SPOKES_NOUNS | VOICE_NOUNS | ROLE_WORDS


def _named_in_description(words: list[str]) -> str | None:
    """The name a description ends on, which is who speaks: the name after its owner's possessive ("Harbour Bank's Peter
    Hansen") or after a lower-case description ("shipping regulator Portwatch", "a book by Daily Courier journalist
    Maria Lopez"), not a name a preposition or an article governs ("MP for Hull", "the Home Office"), a name with a
    particle ("Pierre de Vos") nor the body of someone who speaks ("a columnist for the news site Pando")."""
    if (k := _capitalised_run(words, len(words))) == 0:
        return None
    if OWNER.search(words[k - 1]) and words[k - 1][:1].isupper():
        owner = _capitalised_run(words, k)
        if owner == 0 or words[owner - 1].lower() in DETERMINERS:  # "Harbour Bank's Peter Hansen"
            return " ".join(words[k:])
        k = owner  # "campaign group America's Future": the name holds its possessive
    before = words[k - 1]
    lead = [w.lower() for w in words[: k - 1]]
    if (
        not before.isalpha()
        or not before.islower()
        or before in PREPOSITIONS | DETERMINERS | CONJUNCTIONS | PRONOUNS | NAME_PARTICLES
        or any(w in PERSON_NOUNS and nxt in PREPOSITIONS for w, nxt in pairwise([*lead, before]))
    ):
        return None
    return " ".join(words[k:])


def _capitalised_run(words: list[str], end: int) -> int:
    """Where the run of capitalised words ending before `end` starts (no possessive inside it)."""
    k = end
    while k > 0 and words[k - 1][:1].isupper() and (k == end or not OWNER.search(words[k - 1])):
        k -= 1
    return k


def _describe(view: _QuoteView, clean: str, start: int) -> str | None:
    """A description for a speaker who is not a named person."""
    words = clean.split()
    if not words or len(words) > MAX_SPEAKER_WORDS or words[0].lower() in SUBORDINATORS | PRONOUNS:
        return None
    if (
        words[0].lower() in PREPOSITIONS
        or words[-1].lower() in CONJUNCTIONS
        or words[0].islower()
        and words[0].endswith("ed")  # a participle
        or any(w.lower() in RELATIVES | FINITE_VERBS for w in words)
        or any(w.lower() in PRONOUNS for w in words[1:])
        or any(c in QUOTE_MARKS for c in clean)
    ):
        return None  # a clause ("against the cards, but", "elected in 1997", "who", "X was speaking amid", "rose after it")
    if (m := SPOKES.match(clean)) and m["org"][:1].isupper():  # "a spokesman for the Home Office"
        return f"{m['org'].strip()} {m['noun']}"
    if named := _named_in_description(words):
        return named
    if words[0].lower() in POSSESSIVE_PRONOUNS - {"its"}:  # "its" owner is a body, not the last person named
        if owner := view.last_person_before(start):
            return f"{owner}'s {' '.join(words[1:])}"
    if words[0].lower() in {"a", "an", "the"}:
        words = words[1:]
    return " ".join(words) or None
