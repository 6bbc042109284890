"""Article-level checks on made-up articles: each check fires when it should and only then."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from newsfacts import store
from newsfacts.checks import article_flags
from newsfacts.records import Article, Facts, Quote, Removed

SENTENCE = "The minister said on Tuesday that the new plan would be put to the cabinet. "
BODY = SENTENCE * 12  # 180 words, English, ends with a full stop


def make(**changes: object) -> Article:
    fields: dict[str, object] = {
        "title": "Plan goes to cabinet",
        "body": BODY,
        "published_date": date(2010, 5, 4),
    }
    return Article(**(fields | changes))  # type: ignore[arg-type]


def checks_of(article: Article, facts: Facts | None = None) -> dict[str, tuple[str, str]]:
    return {f.check: (f.severity, f.message) for f in article_flags(article, facts or Facts())}


def test_a_clean_article_has_no_flags() -> None:
    assert checks_of(make()) == {}


def test_missing_date_is_flagged() -> None:
    assert checks_of(make(published_date=None)) == {
        "no-publication-date": ("warning", "no publication date in the text")
    }


def test_unreadable_date_text_is_quoted_in_the_message() -> None:
    severity, message = checks_of(make(published_date=None, published_text="Tuesday week"))[
        "no-publication-date"
    ]
    assert "'Tuesday week' could not be read" in message


def test_each_kind_of_removed_furniture_gets_one_flag_with_its_size() -> None:
    article = make(
        removed=(
            Removed("paywall", "Create a free account to continue reading\n" + "x" * 1200),
            Removed("advertisement", "Advertisement"),
            Removed("advertisement", "Advertisement"),
            Removed("related-stories", "Related stories\nA headline"),
            Removed("byline", "By Jane Smith"),
            Removed("dateline", "Posted on June 21, 2007"),
            Removed("share-links", "Print | Email"),
        )
    )
    flags = checks_of(article)
    assert set(flags) == {"removed-paywall", "removed-advertisement", "removed-related-stories"}
    severity, message = flags["removed-paywall"]
    assert severity == "warning"
    assert message.startswith("paywall or registration text removed from body (1,242 chars)")
    assert flags["removed-advertisement"][1] == (
        "advertisement line removed from body (2 pieces, 26 chars)"
    )
    assert flags["removed-related-stories"] == (
        "info", "related-stories block removed from body (26 chars)"
    )


def test_short_body_is_flagged_with_its_length() -> None:
    flags = checks_of(make(body=SENTENCE * 3))
    assert flags == {"short-body": ("warning", "very short body (45 words)")}


def test_body_ending_mid_sentence_is_flagged_as_truncated() -> None:
    flags = checks_of(make(body=BODY + "Officials expected the vote to"))
    assert set(flags) == {"truncated-body"}
    assert "the vote to" in flags["truncated-body"][1]
    assert set(checks_of(make(body=BODY + "More follows..."))) == {"truncated-body"}


def test_closing_quotes_end_a_sentence() -> None:
    for ending in ('"We will act."', "\u201cWe will act.\u201d", "It worked (mostly).", "Why?"):
        assert checks_of(make(body=BODY + ending)) == {}, ending


def test_body_in_another_language_is_flagged() -> None:
    german = (
        "Die Bundesregierung hat am Mittwoch beschlossen, die Grenzkontrollen zu verstärken. "
        "Der Innenminister sagte, dass die Zahl der Migranten im vergangenen Jahr deutlich "
        "gestiegen sei und man mit den Nachbarländern enger zusammenarbeiten wolle. "
    ) * 4
    flags = checks_of(make(body=german))
    assert set(flags) == {"not-english"}
    assert flags["not-english"][0] == "warning"
    assert "0% common English words" in flags["not-english"][1]


def test_unattributed_quotes_are_counted() -> None:
    facts = Facts(
        quotes=(
            Quote("We will act", "Jane Smith", "Jane Smith", 0, 10),
            Quote("No comment", None, None, 20, 30),
        )
    )
    assert checks_of(make(), facts) == {
        "unattributed-quotes": ("info", "1 of 2 quotes have no identified speaker")
    }


# --- cross-article checks: sql/across/5*.sql, run as the loader runs them ---

ROOT = Path(__file__).resolve().parents[1]
ACROSS = sorted((ROOT / "sql" / "across").glob("5*.sql"))
STORY = (
    "Ministers from both countries agreed on Tuesday to share data on travellers and to "
    "return people with no right to stay, the Home Office said in a statement. "
)


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    store.ensure_schema(con)
    return con


def add_article(con: duckdb.DuckDBPyConnection, article_id: str, cluster: str,
                published: str | None, body: str, minute: int) -> None:
    """An article in the current warehouse: its row, its file's row and the file content's item."""
    sha = article_id.ljust(64, "0")
    con.execute(
        "INSERT INTO articles VALUES (?, ?, ?, 0, 1, 't', ?, NULL, NULL, NULL, NULL, ?, 1, "
        "'[]', '[]', 'test', 'r0', TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_minutes(?::BIGINT))",
        [article_id, f"{article_id}.txt", sha, published, body, minute],
    )
    con.execute(
        "INSERT INTO files VALUES (?, 1, ?, 1, 1, 'loaded', NULL, 'r0', TIMESTAMPTZ '2024-01-01 00:00:00+00', "
        "NULL, NULL)",
        [f"{article_id}.txt", sha],
    )
    con.execute("INSERT INTO content_items VALUES (?, 0, NULL, ?)", [sha, article_id])
    con.execute("INSERT INTO story_clusters VALUES (?, ?)", [cluster, article_id])


def run_across(con: duckdb.DuckDBPyConnection, run_id: str = "r1") -> dict[str, list[str]]:
    for path in ACROSS:  # one execute per file, as store.run_sql_dir does
        con.execute(path.read_text(), {"run_id": run_id})
    rows = con.execute('SELECT "check", article_id, message FROM dq_flags ORDER BY 1, 2').fetchall()
    found: dict[str, list[str]] = {}
    for check, article_id, message in rows:
        found.setdefault(check, []).append(f"{article_id}: {message}")
    return found


def test_date_disagreeing_with_the_story_is_flagged_once(con: duckdb.DuckDBPyConnection) -> None:
    add_article(con, "a", "s1", "2007-06-21", STORY + "One telling.", 0)
    add_article(con, "b", "s1", "2012-04-12", "Another telling entirely, by other words.", 1)
    add_article(con, "c", "s1", None, "An undated press release about the plan.", 2)
    con.execute("INSERT INTO date_mentions VALUES ('c', 'the end of 2007', '2007', 0, 15)")
    add_article(con, "d", "s2", "2001-01-01", "A different story, alone in its cluster.", 3)
    run_across(con)
    flags = run_across(con, "r2")  # idempotent: a second run replaces, not adds
    (flag,) = flags["date-disagrees"]
    assert flag.startswith("b: publication date 2012-04-12 disagrees with 2 other article(s)")
    assert "dated 2007" in flag and "a.txt: 2007-06-21" in flag
    assert "c.txt: 2007 from its text" in flag


def test_a_tie_between_two_dates_flags_neither(con: duckdb.DuckDBPyConnection) -> None:
    add_article(con, "a", "s1", "2007-06-21", "One telling.", 0)
    add_article(con, "b", "s1", "2012-04-12", "Another telling.", 1)
    assert "date-disagrees" not in run_across(con)


def test_near_copy_of_an_earlier_article_is_flagged(con: duckdb.DuckDBPyConnection) -> None:
    add_article(con, "first", "s1", "2007-06-21", STORY * 3, 0)
    add_article(con, "copy", "s1", "2007-06-21", STORY * 3 + "Officials declined to comment.", 1)
    add_article(con, "retold", "s1", "2007-06-21",
                "Britain and its ally will swap traveller records, officials said on Tuesday, "
                "after talks in Washington.", 2)
    flags = run_across(con)
    run_across(con)
    assert flags["near-duplicate"] == [
        "copy: near-duplicate of first.txt, loaded earlier (88% of word 3-grams shared)"
    ]
    assert len(run_across(con)["near-duplicate"]) == 1
