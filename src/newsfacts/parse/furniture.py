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
  editors hold facts) but are labelled as sections; `TABLE_ROW` marks a table's rows.
- `POP_UP_NAME`, `TRIGGER_NAME`, `HIDDEN_STYLE` recognise HTML elements that are not shown
  with the text (parse/html.py takes them out before trafilatura reads the page).

The patterns describe the general shape of such furniture across news sites and
press releases; tests/test_parse_furniture.py checks each on made-up lines.
"""

from __future__ import annotations

import re


def _rule(kind: str, *parts: str) -> tuple[str, re.Pattern[str]]:
    """A case-insensitive whole-line rule, written as concatenated pattern parts."""
    return kind, re.compile("".join(parts), re.I)


# Open a block running to the end of the text: a short heading line, or a prompt sentence.
TAIL_TRIGGERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    _rule("paywall", r"^(create|register for|sign up for|open) an? (free )?account\b.{0,80}$"),
    _rule(
        "paywall",
        r"^(please )?(subscribe|sign up|log ?in|sign in|register|join)( now| today| for free)?",
        r" (to|and) (continue|keep) reading\b.{0,60}$",
    ),
    _rule(
        "paywall",
        r"^to (continue|keep) reading,? (please )?(subscribe|log ?in|sign in|register)\b.{0,60}$",
    ),
    _rule(
        "paywall",
        r"^(already (have an account|a (subscriber|member))\??|registration is (a )?free\b)",
        r".{0,80}$",
    ),
    _rule(
        "paywall",
        r"^this (article|content|story) is (only )?(available|for|reserved for) (to )?",
        r"(paying )?(subscribers|members)\b.{0,60}$",
    ),
    _rule(
        "paywall",
        r"^you('ve| have) (reached|read) (your|all of your|the) .{0,30}",
        r"\b(limit|free articles?)\b.{0,80}$",
    ),
    _rule(
        "related-stories",
        r"^(related|more|other|recommended|latest|top|popular|trending)\b[\w .'&-]{0,40}",
        r"\b(stories|articles|news|headlines|links|coverage|reads|posts|content)\s*:?$",
    ),
    _rule(
        "related-stories",
        r"^(related|see also|read more|more on this (story|topic)|",
        r"you (may|might) also (like|be interested in)|recommended( for you)?|",
        r"most (read|popular|viewed|shared)|what to read next)\s*:?$",
    ),
    _rule(
        "comments",
        r"^(\d+ )?(comments?|reader comments|leave a (comment|reply)|",
        r"join the (conversation|discussion)|have your say)\s*:?$",
    ),
)

# Single lines that are furniture wherever they stand.
LINE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    _rule(
        "advertisement",
        r"^(advertisement|advertising|advert|ad|sponsored( content| links?)?|",
        r"promoted( content| stories)?|story continues below( this)? (advertisement|ad)|",
        r"continue reading (the )?(main story|below))\s*[.:]?$",
    ),
    # A row of links separated by bars, one of them a share or print link.
    _rule(
        "share-links",
        r"^(?=.*\b(print(able version| this)?|e-?mail( this)?( to a friend)?|share|tweet|",
        r"facebook|twitter|linkedin|whatsapp|pinterest|reddit|comments?)\b)",
        r"[^.!?]{0,120}\|[^.!?]{0,120}$",
    ),
    _rule(
        "share-links",
        r"^(share|share this( article| story| page)?|share (on|via) \w+|print|",
        r"print this( article| page)?|email|e-mail|tweet|save|copy link|",
        r"(\d+ )?comments?( \(\d+\))?|",
        r"follow us( on \w+)?|like us on facebook)\s*:?$",
    ),
    _rule(
        "navigation",
        r"^(skip to (main )?content|back to top|jump to navigation|menu|search|home)\s*$",
    ),
    _rule("navigation", r"^(you are here:\s*)?home\s*(>|»|/|›)\s*[^.!?]{0,100}$"),
    _rule("headlines-link", r"^click here (for|to)\b.{0,80}$"),
    _rule(
        "related-link",
        r"^(read more|related|see also|also read|read also|watch|listen|more)\s*[:|»>]\s*",
        r"[^.!?]{3,120}[?!]?$",
    ),
    _rule(
        "newsletter",
        r"^(?=.{0,160}$)(?=.*\b(newsletters?|inbox)\b)",
        r"(sign up|subscribe|get|register|enter your email)\b.*$",
    ),
    _rule(
        "cookie-notice",
        r"^(?=.{0,300}$)(?=.*\bcookies\b)(we|this (site|website)) use[s]? cookies\b.*$",
    ),
    _rule(
        "image-credit",
        r"^((image|photo|picture|photograph|video)( caption| copyright| credit| source)?|",
        r"credit|caption)\s*:\s*.{1,160}$|",
        r"^(getty images|media playback is (unsupported|not supported) on your device)\s*$",
    ),
    _rule(
        "copyright",
        r"^(copyright|©|\(c\))[^.!?]{0,60}?\b(19|20)\d\d\b.{0,100}$|^all rights reserved\.?$",
    ),
    _rule("tags", r"^(tags|topics|filed under|categories|category)\s*:\s*[^.!?]{1,200}$"),
    _rule("credits", r"^\(?\s*(additional )?(reporting|writing|editing) by\b[^\"\u201c]{3,160}\)?\.?$"),
    _rule("end-marker", r"^[-–—*#\s]*ends?[-–—*#\s]*$"),
    # A reporter's initials signing off a wire or council story: "(jdoe)", "(jd/ps)". Lower
    # case only, so "(AP)" or "(PA)" at a dateline is not taken.
    ("signature", re.compile(r"^\(\s*[a-z]{2,6}(/[a-z]{2,6})?\s*\)$")),
)

# A teaser: a short line behind a list marker, with no sentence punctuation (checked
# for title case by the parser). Real bullet points are sentences or end with ";".
TEASER = re.compile(r"^(::|>>|»|►|▶)\s*(?P<text>[^.!?;]{3,90})$")

# "Posted on March 3, 2009", "Published: 12 April 2012", "Last updated 3 May 2015 10:00".
DATELINE = re.compile(
    r"^(posted|published|first published|updated|last updated|last modified|modified|date|dated|"
    r"released|issued)(\s+(on|at))?\s*:?\s+(?P<rest>.+)$",
    re.I,
)
# Of those, the words that say the date is not the first publication.
UPDATE_WORDS = re.compile(r"^(updated|last updated|last modified|modified)\b", re.I)

# A personal name in a byline: two to four capitalised words, initials allowed.
NAME = (
    r"(?:[A-Z][a-z]*\.?|[A-Z][\w'\u2019-]+)"
    r"(?:\s+(?:[A-Z]\.|(?:de|van|von|da|di|le|la|bin|al)\b|[A-Z][\w'\u2019-]+)){1,3}"
)
# Several names: "Jane Smith and John Doe", "Jane Smith, John Doe and Ann Lee" (a comma
# alone ends the names: "Jane Smith, The Times").
NAMES = rf"{NAME}(?:(?:\s*,\s*{NAME}){{0,3}}\s+(?:and|&)\s+{NAME})?"

# "Anna Field, Herald (Glasgow), March 3, 2009" — author, outlet, date.
BYLINE = re.compile(
    rf"^(?i:by\s+)?(?P<author>{NAME})\s*[,|–—-]\s*"
    r"(?P<outlet>[A-Z][\w.&'\u2019-]*(?:\s+[\w.&'\u2019-]+){0,5}?)"
    r"(?:\s*\([^)]{1,40}\))?\s*[,|–—-]\s*(?P<date>.{6,40})$"
)
# "By Jane Smith", "By JANE SMITH, Political Editor", "Written by Jane Smith and John Doe".
BY_AUTHOR = re.compile(
    r"^(?i:(?:written|words|story|text|report) )?(?i:by):?\s+"
    rf"(?P<author>{NAMES})\s*(?P<rest>[,|–—-].{{0,80}})?$"
)
# "Author: Jane Smith", "Source: Reuters".
LABELLED = re.compile(
    r"^(?P<label>author|reporter|writer|source|publisher|outlet)\s*:\s*(?P<value>[^.!?]{2,60})$",
    re.I,
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
    re.I,
)

# Words that make a name after a byline a publication: "By Jane Smith, The Times".
OUTLET_WORDS = re.compile(
    r"^the\b|\b(news|times|post|press|herald|telegraph|guardian|independent|express|mirror|mail|journal|"
    r"tribune|gazette|chronicle|standard|observer|courier|echo|star|sun|record|reuters|agency|wire|"
    r"associated|bloomberg|radio|tv|television|magazine|online|daily|weekly|sunday)\b",
    re.I,
)

# A masthead: the site's name above the headline, a few capitalised words and nothing else.
MASTHEAD = re.compile(r"^(?:the\s+)?[A-Z][\w&'\u2019.-]*(?:\s+(?:of|the|and|&|[A-Z][\w&'\u2019.-]*)){0,4}$")

# Sections kept in the body but marked (their text is still article content).
SECTION_HEADINGS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "notes-to-editors",
        re.compile(r"^(notes? (to|for) editors?|editor'?s'? notes?)\s*(:.*)?$", re.I),
    ),
)

# A table row as trafilatura writes one (and as plain text writes one in Markdown): cells
# between pipes, two or more of them: "| Poles | 12,000 | 41% |", its rule "|---|---|".
TABLE_ROW = re.compile(r"^\|(?:[^|]*\|){2,}$")

# HTML elements not shown with the article's text (parse/html.py): a pop-up (a hover card, a
# tooltip, a popover) is named so in its class or id, whatever the site: "tooltip",
# "q-tooltip-inner", "tooltiptext", "popover-body", "rollover-people-block", "hovercard".
POP_UP_NAME = re.compile(r"(?:^|[\s_-])(?:tool-?tips?|pop-?overs?|pop-?ups?|hover-?cards?|roll-?overs?)", re.I)
# What is hovered or clicked to open a pop-up stays: it is the text ("rollover-people-link").
TRIGGER_NAME = re.compile(r"(?:^|[\s_-])(?:links?|triggers?|toggles?|btn|buttons?|anchors?)(?:$|[\s_-])", re.I)
# Inline styles that hide an element.
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
