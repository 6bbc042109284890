"""Page furniture as data: what is not article text, and how to recognise it.

Each rule names a kind (recorded in `Article.removed`) and a pattern that matches
a whole line. `TAIL_TRIGGERS` start a block that runs to the end of the page
(paywall forms, related-story lists); `LINE_RULES` remove single lines anywhere.
Patterns are written against the general shape of such furniture on news sites,
not against any one site.
"""

from __future__ import annotations

import re

_I = re.I

# A line that starts furniture running to the end of the text.
TAIL_TRIGGERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("paywall", re.compile(r"^(create|register for) an? (free )?account\b.*", _I)),
    (
        "paywall",
        re.compile(r"^(subscribe|sign up|log ?in|sign in|register) (now |today )?to (continue|keep) reading\b.*", _I),
    ),
    ("paywall", re.compile(r"^(already (have an account|a subscriber)\??|registration is (a )?free\b).*", _I)),
    ("paywall", re.compile(r"^this (article|content) is (only )?(available|for) (to )?(subscribers|members)\b.*", _I)),
    (
        "related-stories",
        re.compile(
            r"^(related|more|other|recommended|latest)\b[\w .'&-]{0,40}\b(stories|articles|news|headlines|links|coverage)\s*:?$",
            _I,
        ),
    ),
    (
        "related-stories",
        re.compile(r"^(see also|read more|more on this story|you may also like|most (read|popular))\s*:?$", _I),
    ),
)

# Single lines that are furniture wherever they stand.
LINE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("advertisement", re.compile(r"^(advertisement|advertising|sponsored( content)?|ad)\s*$", _I)),
    (
        "share-links",
        re.compile(
            r"^(.*\b(printable version|print this|e-?mail this( to a friend)?|share (this|on)|tweet|facebook)\b.*\|.*|\|.*)$",
            _I,
        ),
    ),
    ("share-links", re.compile(r"^(share|share this( article| story)?|print|email|e-mail|comments?)\s*$", _I)),
    ("headlines-link", re.compile(r"^click here for (the )?(latest|more)\b.*$", _I)),
    ("signature", re.compile(r"^\(\s*[a-z]{2,6}\s*\)$")),
)

# Lines that are furniture inside a paywall block (used to measure what was removed).
PAYWALL_WORDS = re.compile(
    r"\b(account|sign in|log ?in|register|subscribe|subscription|password|email address|captcha|"
    r"privacy policy|terms of (use|service)|cookie policy|newsletter)\b",
    _I,
)

# "Posted on June 21, 2007", "Published: 12 April 2012", "Updated 3 May 2015 10:00".
DATELINE = re.compile(r"^(posted|published|updated|last updated|first published|date)\s*(on|:)?\s+(?P<rest>.+)$", _I)

# "Philip Johnston, Telegraph (London), June 21, 2007" / "By Jane Smith, The Times".
BYLINE = re.compile(
    r"^(by\s+)?(?P<author>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){1,3})\s*,\s*(?P<outlet>[^,]{2,60}?)"
    r"(?:\s*\([^)]*\))?\s*(?:,\s*(?P<date>.+))?$"
)
BY_AUTHOR = re.compile(r"^by\s+(?P<author>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})\s*$", _I)

# Sections kept in the body but marked (their text is still article content).
SECTION_HEADINGS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("notes-to-editors", re.compile(r"^notes? (to|for) editors?\s*:?$", _I)),
    ("about", re.compile(r"^about (the|us)\b.{0,60}$", _I)),
)

# A teaser: a short title-cased line introduced by a list marker, with no sentence punctuation.
TEASER = re.compile(r"^(::|>>|»)\s*(?P<text>[^.!?;]{3,90})$")
