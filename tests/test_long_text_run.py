"""A 2.5 MB transcript goes through `newsfacts run` whole: loaded with its facts, every span on its text (issue 16)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests import goldlib

pytestmark = pytest.mark.slow

SPAN_TABLES = {"quotes": "quote_text", "date_mentions": "text", "links": "url"}


def test_a_long_transcript_loads_with_its_facts_in_place(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    paragraphs = [
        p for name in sorted(goldlib.ARTICLES) for p in goldlib.seed_path(name).read_text().split("\n\n") if len(p) > 80
    ]
    text, i = ["Transcript of the committee hearing"], 0
    while sum(len(p) + 2 for p in text) < 2_500_000:
        text.append(paragraphs[i % len(paragraphs)])
        i += 1
    (inbox / "transcript.txt").write_text("\n\n".join(text) + "\n")
    db = tmp_path / "w.duckdb"
    done = subprocess.run(
        [sys.executable, "-m", "newsfacts.cli", "run", "--inbox", str(inbox), "--db", str(db), "--quiet"],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert done.returncode == 0, done.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*), min(length(body)) > 2_400_000 FROM articles").fetchone() == (1, True)
        assert con.execute("SELECT count(*) FROM quarantine").fetchone() == (0,)
        for table, column in SPAN_TABLES.items():
            rows, misplaced = con.execute(
                f"SELECT count(*), count(*) FILTER (WHERE substr(a.body, t.start_char + 1, t.end_char - t.start_char)"
                f" <> t.{column}) FROM {table} t JOIN articles a USING (article_id)"
            ).fetchone()
            assert misplaced == 0, table
            assert rows > 0 or table == "links", table
