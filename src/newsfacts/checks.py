"""Article-level data-quality checks: what a reader of one article should know before trusting it.

Each check is a pure function of the parsed article and its facts and returns
`Flag`s with a check name, a severity and a message a user can act on. They
complement the per-column expectations in `expectations/`, which count and
quarantine rows, by saying *which* article needs a look and why. Checks that
need other articles (date disagreement, near-duplicates) are SQL run after each
load: `sql/across/5*.sql`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsfacts.records import Article, Facts, Flag

# Removed page furniture worth telling the user about: (severity, description).
# Paywalls matter most: the article text behind them is missing. Bylines,
# datelines, site names, share links and signatures are metadata or navigation
# whose removal loses nothing, so they are not flagged.
FURNITURE_FLAGS: dict[str, tuple[str, str]] = {
    "paywall": (
        "warning",
        "paywall or registration text removed from body; the article may be cut short",
    ),
    "related-stories": ("info", "related-stories block removed from body"),
    "advertisement": ("info", "advertisement line removed from body"),
    "teaser": ("info", "related-story teaser line removed from body"),
}

# Under this many words a body is probably a summary, a caption or a failed extraction.
MIN_WORDS = 100
# A body ending without sentence-final punctuation (or closing quote/bracket) stops mid-sentence.
SENTENCE_END = re.compile(r"""[.!?]["'\u201d\u2019)\]]*\s*$|[.!?:]\s*$""")
ELLIPSIS_END = re.compile(r"(\.\.\.|\u2026)\s*$")

# The most frequent English function words. Measured share of words: the 2,225
# BBC news articles median 40%, lowest 16% (a sports results table); the seeds
# 37-42%; German and French news paragraphs 0-2%. 10% leaves room on both sides.
ENGLISH_STOP_WORDS = frozenset(
    """a about after all also an and are as at be been but by can could did do for from had has
    have he her his i if in into is it its more most my no not of on one or our out over said she
    so than that the their them there they this to up was we were what when which who will with
    would you""".split()
)
MIN_ENGLISH_RATIO = 0.10
MIN_WORDS_FOR_LANGUAGE = 30
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def no_date(article: Article, facts: Facts) -> tuple[Flag, ...]:
    """No publication date: the article cannot be placed on a timeline or matched by date."""
    if article.published_date is not None:
        return ()
    if article.published_text:
        message = f"no publication date: the date text {article.published_text!r} could not be read"
    else:
        message = "no publication date in the text"
    return (Flag("no-publication-date", "warning", message),)


def furniture_removed(article: Article, facts: Facts) -> tuple[Flag, ...]:
    """One flag per kind of removed furniture worth auditing, saying how much was removed."""
    sizes: dict[str, tuple[int, int]] = {}
    for removed in article.removed:
        if removed.kind in FURNITURE_FLAGS:
            pieces, chars = sizes.get(removed.kind, (0, 0))
            sizes[removed.kind] = (pieces + 1, chars + len(removed.text))
    flags = []
    for kind, (pieces, chars) in sizes.items():
        severity, description = FURNITURE_FLAGS[kind]
        what, _, consequence = description.partition("; ")
        amount = f"{chars:,} chars" if pieces == 1 else f"{pieces} pieces, {chars:,} chars"
        message = f"{what} ({amount})" + (f"; {consequence}" if consequence else "")
        flags.append(Flag(f"removed-{kind}", severity, message))
    return tuple(flags)


def short_or_truncated(article: Article, facts: Facts) -> tuple[Flag, ...]:
    """A very short body, or one that stops mid-sentence, is probably incomplete."""
    flags = []
    words = len(article.body.split())
    if words < MIN_WORDS:
        flags.append(Flag("short-body", "warning", f"very short body ({words} words)"))
    tail = article.body.rstrip()
    if tail and (ELLIPSIS_END.search(tail) or not SENTENCE_END.search(tail)):
        flags.append(
            Flag(
                "truncated-body",
                "warning",
                f"body may be truncated: it ends mid-sentence (\u2026{tail[-60:]!r})",
            )
        )
    return tuple(flags)


def not_english(article: Article, facts: Facts) -> tuple[Flag, ...]:
    """The extractors are English-only; a body in another language yields wrong or no facts."""
    words = [w.lower() for w in WORD.findall(article.body)]
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return ()
    ratio = sum(w in ENGLISH_STOP_WORDS for w in words) / len(words)
    if ratio >= MIN_ENGLISH_RATIO:
        return ()
    return (
        Flag(
            "not-english",
            "warning",
            f"body does not look like English ({ratio:.0%} common English words, "
            f"expected over {MIN_ENGLISH_RATIO:.0%}); facts from it are unreliable",
        ),
    )


def unattributed_quotes(article: Article, facts: Facts) -> tuple[Flag, ...]:
    """Quotes without a speaker cannot answer 'who said what'."""
    missing = sum(q.speaker is None for q in facts.quotes)
    if not missing:
        return ()
    return (
        Flag(
            "unattributed-quotes",
            "info",
            f"{missing} of {len(facts.quotes)} quotes have no identified speaker",
        ),
    )


CHECKS: tuple[Callable[[Article, Facts], tuple[Flag, ...]], ...] = (
    no_date,
    furniture_removed,
    short_or_truncated,
    not_english,
    unattributed_quotes,
)


def article_flags(article: Article, facts: Facts) -> tuple[Flag, ...]:
    """Every article-level flag, in check order."""
    return tuple(flag for check in CHECKS for flag in check(article, facts))
