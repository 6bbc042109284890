"""Full-text search over article titles and bodies: BM25 through DuckDB's fts extension.

The extension ships as the PyPI package duckdb-extension-fts (pinned to DuckDB's
version), so it loads offline from its path; DuckDB checks its signature. The
index covers the current articles only (the view current_articles) and is built
by `across.refresh` after every run that changes them, since searches open the
database read-only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
import duckdb_extension_fts

from newsfacts import store

SNIPPET_CHARS = 160


class NoIndex(RuntimeError):
    """The warehouse has no full-text index yet: no run has loaded an article into it."""


@dataclass(frozen=True, slots=True)
class Hit:
    rank: int
    source_file: str
    title: str | None
    snippet: str
    score: float


def extension_path() -> Path:
    """The fts extension file for the running DuckDB, inside the installed package."""
    path = Path(duckdb_extension_fts.__file__).parent / "extensions" / f"v{duckdb.__version__}" / "fts.duckdb_extension"
    if not path.is_file():
        raise FileNotFoundError(f"no fts extension for DuckDB {duckdb.__version__} at {path}")
    return path


def load_fts(con: duckdb.DuckDBPyConnection) -> None:
    con.load_extension(str(extension_path()))


def build_index(con: duckdb.DuckDBPyConnection) -> None:
    """Index the current articles: their text first (a table: fts indexes no views), then the index."""
    con.execute(store.sql("search/documents"))
    con.execute(store.sql("search/build_index"))


def snippet(body: str, query: str, width: int = SNIPPET_CHARS) -> str:
    """About `width` characters of the body around the whole query, else its first word found, on one line."""
    lowered = body.lower()
    phrase = lowered.find(" ".join(query.lower().split()))
    words = [w for w in re.findall(r"\w+", query.lower()) if len(w) > 2] or re.findall(r"\w+", query.lower())
    hits = [phrase] if phrase >= 0 else [i for w in words if (i := lowered.find(w)) >= 0]
    start = max(0, min(hits) - width // 3) if hits else 0
    text = " ".join(body[start : start + width].split())
    return ("…" if start else "") + text + ("…" if start + width < len(body) else "")


def search(con: duckdb.DuckDBPyConnection, query: str, limit: int) -> list[Hit]:
    """Articles matching the query, best first."""
    if not con.execute(store.sql("search/has_index")).fetchone()[0]:
        raise NoIndex("nothing to search yet: the index is built by a run that loads articles (newsfacts run)")
    load_fts(con)
    rows = con.execute(store.sql("search/search"), {"query": query, "limit": limit}).fetchall()
    return [
        Hit(rank, source_file, title, snippet(body, query), score)
        for rank, (source_file, title, body, score) in enumerate(rows, start=1)
    ]
