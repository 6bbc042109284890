"""The seed gold (tests/gold/seeds.gold.json) and its matching rules (tests/gold/README.md).

Shared by the domain-level tests (parse, extract) and the end-to-end test, so
every level scores the same way; with the few helpers the tests that run the
whole flow on the seeds share.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb

GOLD_DIR = Path(__file__).parent / "gold"
SEEDS_DIR = Path(__file__).resolve().parents[1] / "seeds"
GOLD: dict[str, Any] = json.loads((GOLD_DIR / "seeds.gold.json").read_text())
ARTICLES: dict[str, dict[str, Any]] = GOLD["articles"]
ACROSS: dict[str, Any] = GOLD["across_articles"]

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def norm(text: str | None) -> str:
    """Typographic quotes and dashes to ASCII, white space collapsed, lower case."""
    if text is None:
        return ""
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip().lower()


def role_matches(gold: str | None, got: str | None) -> bool:
    if gold is None:
        return got is None
    g, r = norm(gold), norm(got)
    return bool(r) and (g in r or r in g)


def quote_matches(gold: dict[str, Any], quote_text: str, speaker: str | None) -> bool:
    if norm(gold["contains"]) not in norm(quote_text):
        return False
    s = norm(speaker)
    if s == norm(gold["speaker"]):
        return True
    return any(norm(alt) in s for alt in gold.get("speaker_any_of", []))


def quantity_matches(
    gold: dict[str, Any], value: float, unit: str | None, qualifier: str | None, about: str | None, sentence: str | None
) -> bool:
    if abs(value - gold["value"]) > 0.005 * abs(gold["value"]):
        return False
    if norm(unit) not in {norm(u) for u in gold["unit_any_of"]}:
        return False
    if "qualifier_any_of" in gold and norm(qualifier) not in {norm(q) for q in gold["qualifier_any_of"]}:
        return False
    want = norm(gold["about_contains"])
    return want in norm(about) or want in norm(sentence)


def seed_path(name: str) -> Path:
    return SEEDS_DIR / name


# The articles and the facts and clusters drawn from them: what the seeds fill, run after run alike.
ARTICLE_TABLES = (
    "articles",
    "people",
    "quotes",
    "quantities",
    "entities",
    "date_mentions",
    "links",
    "dq_flags",
    "story_clusters",
)


def seed_inbox(folder: Path) -> Path:
    """A copy of the seeds to run on, so a run's bookkeeping never touches the repo's own."""
    shutil.copytree(SEEDS_DIR, folder)
    return folder


def newsfacts(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The `newsfacts` command in a subprocess, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "newsfacts.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=600
    )


def rows(db: Path, sql: str) -> list[tuple]:
    """A query's rows from a warehouse file, opened read-only."""
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()
