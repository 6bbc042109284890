"""Page furniture as data: what is not article text, and how to recognise it.

Every rule names a kind (recorded in `Article.removed`, so a user can audit what
left the body) and a pattern matched against one whole, stripped line:

- `TAIL_TRIGGERS` open a block that runs to the end of the page (paywall and
  registration forms, related-story lists with their teasers, comment threads).
- `LINE_RULES` remove single lines wherever they stand (adverts, share and print
  links, navigation, newsletter and cookie prompts, image credits, signatures).
- `DATELINE`, `BYLINE`, `BY_AUTHOR`, `LABELLED` read metadata lines in the header
  or the last lines of a page; such lines are removed from the body too.
- `SECTION_HEADINGS` mark parts that stay in the body (a press release's notes to
  editors hold facts) but are labelled as sections.

The patterns describe the general shape of such furniture across news sites and
press releases; tests/test_parse_furniture.py checks each on made-up lines.
"""

from __future__ import annotations

import re

_I = re.I

# Open a block running to the end of the text. A short heading line, or a prompt sentence.
TAIL_TRIGGERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "paywall",
        re.compile(r"^(create|register for|sign up for|open) an? (free )?account\b.{0,80}$", _I),
    ),
    (
        "paywall",
        re.compile(
            r"^(please )?(subscribe|sign up|log ?in|sign in|register|join)( now| today| for free)?"
            r" (to|and) (continue|keep) reading\b.{0,60}$",
            _I,
        ),
    ),
    (
        "paywall",
        re.compile(
            r"^to (continue|keep) reading,? (please )?(subscribe|log ?in|sign in|register)\b.{0,60}$",
            _I,
        ),
    ),
    (
        "paywall",
        re.compile(
            r"^(already (have an account|a (subscriber|member))\??|registration is (a )?free\b).{0,80}$",
            _I,
        ),
    ),
    (
        "paywall",
        re.compile(
            r"^this (article|content|story) is (only )?(available|for|reserved for) (to )?(paying )?(subscribers|members)\b.{0,60}$",
            _I,
        ),
    ),
    (
        "paywall",
        re.compile(
            r"^you('ve| have) (reached|read) (your|all of your|the) .{0,30}\b(limit|free articles?)\b.{0,80}$",
            _I,
        ),
    ),
    (
        "related-stories",
        re.compile(
            r"^(related|more|other|recommended|latest|top|popular|trending)\b[\w .'&-]{0,40}"
            r"\b(stories|articles|news|headlines|links|coverage|reads|posts|content)\s*:?$",
            _I,
        ),
    ),
    (
        "related-stories",
        re.compile(
            r"^(related|see also|read more|more on this (story|topic)|you (may|might) also (like|be interested in)|"
            r"recommended( for you)?|most (read|popular|viewed|shared)|what to read next)\s*:?$",
            _I,
        ),
    ),
    (
        "comments",
        re.compile(
            r"^(\d+ )?(comments?|reader comments|leave a (comment|reply)|join the (conversation|discussion)|have your say)\s*:?$",
            _I,
        ),
    ),
)

# Single lines that are furniture wherever they stand.
LINE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "advertisement",
        re.compile(
            r"^(advertisement|advertising|advert|ad|sponsored( content| links?)?|promoted( content| stories)?|"
            r"story continues below( this)? (advertisement|ad)|continue reading (the )?(main story|below))\s*[.:]?$",
            _I,
        ),
    ),
    (
        "share-links",
        re.compile(
            r"^(?=.*\b(print(able version| this)?|e-?mail( this)?( to a friend)?|share|tweet|facebook|twitter|"
            r"linkedin|whatsapp|pinterest|reddit|comments?)\b)[^.!?]{0,120}\|[^.!?]{0,120}$",
            _I,
        ),
    ),
    (
        "share-links",
        re.compile(
            r"^(share|share this( article| story| page)?|share (on|via) \w+|print|print this( article| page)?|email|"
            r"e-mail|tweet|save|copy link|(\d+ )?comments?( \(\d+\))?|follow us( on \w+)?|like us on facebook)\s*:?$",
            _I,
        ),
    ),
    (
        "navigation",
        re.compile(
            r"^(skip to (main )?content|back to top|jump to navigation|menu|search|home)\s*$", _I
        ),
    ),
    ("navigation", re.compile(r"^(you are here:\s*)?home\s*(>|»|/|›)\s*[^.!?]{0,100}$", _I)),
    ("headlines-link", re.compile(r"^click here (for|to)\b.{0,80}$", _I)),
    (
        "related-link",
        re.compile(
            r"^(read more|related|see also|also read|read also|watch|listen|more)\s*[:|»>]\s*[^.!?]{3,120}[?!]?$",
            _I,
        ),
    ),
    (
        "newsletter",
        re.compile(
            r"^(?=.{0,160}$)(?=.*\b(newsletters?|inbox)\b)(sign up|subscribe|get|register|enter your email)\b.*$",
            _I,
        ),
    ),
    (
        "cookie-notice",
        re.compile(
            r"^(?=.{0,300}$)(?=.*\bcookies\b)(we|this (site|website)) use[s]? cookies\b.*$", _I
        ),
    ),
    (
        "image-credit",
        re.compile(
            r"^((image|photo|picture|photograph|video)( caption| copyright| credit| source)?|credit|caption)\s*:\s*.{1,160}$"
            r"|^(getty images|media playback is (unsupported|not supported) on your device)\s*$",
            _I,
        ),
    ),
    (
        "copyright",
        re.compile(
            r"^(copyright|©|\(c\))[^.!?]{0,60}?\b(19|20)\d\d\b.{0,100}$|^all rights reserved\.?$", _I
        ),
    ),
    (
        "tags",
        re.compile(r"^(tags|topics|filed under|categories|category)\s*:\s*[^.!?]{1,200}$", _I),
    ),
    (
        "credits",
        re.compile(
            r"^\(?\s*(additional )?(reporting|writing|editing) by\b[^\"\u201c]{3,160}\)?\.?$", _I
        ),
    ),
    ("end-marker", re.compile(r"^[-–—*#\s]*ends?[-–—*#\s]*$", _I)),
    # A reporter's initials signing off a wire or council story: "(gmcg)", "(jd/ps)".
    ("signature", re.compile(r"^\(\s*[a-z]{2,6}(/[a-z]{2,6})?\s*\)$")),
)

# A teaser: a short line behind a list marker, with no sentence punctuation (checked
# for title case by the parser). Real bullet points are sentences or end with ";".
TEASER = re.compile(r"^(::|>>|»|►|▶)\s*(?P<text>[^.!?;]{3,90})$")

# "Posted on June 21, 2007", "Published: 12 April 2012", "Last updated 3 May 2015 10:00".
DATELINE = re.compile(
    r"^(posted|published|first published|updated|last updated|last modified|modified|date|dated|released|issued)"
    r"(\s+(on|at))?\s*:?\s+(?P<rest>.+)$",
    _I,
)
# Of those, the words that say the date is not the first publication.
UPDATE_WORDS = re.compile(r"^(updated|last updated|last modified|modified)\b", _I)

# A personal name in a byline: two to four capitalised words, initials allowed.
NAME = r"(?:[A-Z][a-z]*\.?|[A-Z][\w'\u2019-]+)(?:\s+(?:[A-Z]\.|(?:de|van|von|da|di|le|la|bin|al)\b|[A-Z][\w'\u2019-]+)){1,3}"
# Several names: "Jane Smith and John Doe", "Jane Smith, John Doe and Ann Lee" (a comma
# alone ends the names: "Jane Smith, The Times").
NAMES = rf"{NAME}(?:(?:\s*,\s*{NAME}){{0,3}}\s+(?:and|&)\s+{NAME})?"

# "Philip Johnston, Telegraph (London), June 21, 2007" — author, outlet, date.
BYLINE = re.compile(
    rf"^(?i:by\s+)?(?P<author>{NAME})\s*[,|–—-]\s*(?P<outlet>[A-Z][\w.&'\u2019-]*(?:\s+[\w.&'\u2019-]+){{0,5}}?)"
    r"(?:\s*\([^)]{1,40}\))?\s*[,|–—-]\s*(?P<date>.{6,40})$"
)
# "By Jane Smith", "By JANE SMITH, Political Editor", "Written by Jane Smith and John Doe".
BY_AUTHOR = re.compile(
    rf"^(?i:(?:written|words|story|text|report) )?(?i:by):?\s+(?P<author>{NAMES})\s*(?P<rest>[,|–—-].{{0,80}})?$"
)
# "Author: Jane Smith", "Source: Reuters".
LABELLED = re.compile(
    r"^(?P<label>author|reporter|writer|source|publisher|outlet)\s*:\s*(?P<value>[^.!?]{2,60})$", _I
)
LABEL_FIELD = {
    "author": "author",
    "reporter": "author",
    "writer": "author",
    "source": "outlet",
    "publisher": "outlet",
    "outlet": "outlet",
}

# Words that make the part after a byline's name a job, not a publication.
ROLE_WORDS = re.compile(
    r"\b(editor|correspondent|reporter|writer|columnist|staff|contributor|analyst|producer|journalist)s?\b",
    _I,
)

# Words that make a name after a byline a publication: "By Jane Smith, The Times".
OUTLET_WORDS = re.compile(
    r"^the\b|\b(news|times|post|press|herald|telegraph|guardian|independent|express|mirror|mail|journal|"
    r"tribune|gazette|chronicle|standard|observer|courier|echo|star|sun|record|reuters|agency|wire|"
    r"associated|bloomberg|radio|tv|television|magazine|online|daily|weekly|sunday)\b",
    _I,
)

# A masthead: the site's name above the headline, a few capitalised words and nothing else.
MASTHEAD = re.compile(
    r"^(?:the\s+)?[A-Z][\w&'\u2019.-]*(?:\s+(?:of|the|and|&|[A-Z][\w&'\u2019.-]*)){0,4}$"
)

# Sections kept in the body but marked (their text is still article content).
SECTION_HEADINGS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "notes-to-editors",
        re.compile(r"^(notes? (to|for) editors?|editor'?s'? notes?)\s*(:.*)?$", _I),
    ),
)
