"""Cross-article tables and views on a hand-made warehouse: the five seeds, parsed for
real, with people and quotes written by hand from the gold (the contract shapes, through
batch.fact_tables), then `across.refresh` as the flow runs it."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest

from newsfacts import across, batch, intake, sources, store
from newsfacts.parse import parse_document
from newsfacts.records import Facts, Item, Known, Person, Quote
from newsfacts.sources import SourceFile, decode
from tests import goldlib

SEED_000 = "000_a35eb987d5d3a60c.txt"
SEED_002 = "002_7917adf0cacaeedc.txt"
EXTRA_PEOPLE = {
    # Different people with one surname, and one person with and without an accent.
    "003_33df024859d18e16.txt": ("Jimmy Reid", "François Hollande"),
    "004_5cf0c2b3c07876d6.txt": (),
}


def _facts(body: str, gold: dict, extra: tuple[str, ...]) -> Facts:
    people = tuple(Person(p["name"], p["role"], 1, 0, 1) for p in gold["people"])
    people += tuple(Person(name, None, 1, 0, 1) for name in extra)
    quotes = []
    for q in gold["quotes"]:
        start = max(body.find(q["contains"]), body.find(q["contains"].replace("'", "\u2019")))
        assert start >= 0, q["contains"]
        text = body[start : start + len(q["contains"])]
        named = q["speaker"] in {p["name"] for p in gold["people"]}
        quotes.append(Quote(text, q["speaker"], q["speaker"] if named else None, start, start + len(text)))
    return Facts(people=people, quotes=tuple(quotes))


def seed_warehouse(con: duckdb.DuckDBPyConnection) -> None:
    """Load the seeds with hand-made facts, as a run records them (articles, files, the
    articles of each content), and run the cross-article refresh."""
    store.ensure_schema(con)
    outcomes = []
    for seed, gold in goldlib.ARTICLES.items():
        path = goldlib.seed_path(seed)
        data = path.read_bytes()
        (art,) = parse_document(seed, decode(data))
        facts = _facts(art.body, gold, EXTRA_PEOPLE.get(seed, ()))
        sha = sources.sha256(data)
        item = Item(0, None, batch.article_id(sha), art, facts)
        outcomes.append(intake.Outcome(SourceFile(path, seed, len(data), 0), sha, items=(item,)))
    resolved = intake.resolve(outcomes, Known(), intake.Seen(), "r1")
    for name, table in [*resolved.tables.items(), ("files", resolved.files), ("content_items", resolved.items)]:
        if table.num_rows:
            con.from_arrow(table).insert_into(name)
    across.refresh(con, "r1")


@pytest.fixture(scope="module")
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    with duckdb.connect() as c:
        seed_warehouse(c)
        yield c


def rows(con: duckdb.DuckDBPyConnection, sql: str, *params: object) -> list[tuple]:
    return con.execute(sql, list(params)).fetchall()


def test_seed_story_clusters(con: duckdb.DuckDBPyConnection) -> None:
    cluster = dict(rows(con, "SELECT source_file, cluster_id FROM story_articles"))
    assert set(cluster) == set(goldlib.ARTICLES)
    for group in goldlib.ACROSS["same_story_clusters"]:
        assert len({cluster[s] for s in group}) == 1
    for a, b in goldlib.ACROSS["different_stories"]:
        assert cluster[a] != cluster[b]
    assert len(set(cluster.values())) == 3


def test_refresh_twice_keeps_cluster_ids(con: duckdb.DuckDBPyConnection) -> None:
    before = rows(con, "SELECT * FROM story_clusters ORDER BY article_id")
    across.refresh(con, "r2")
    assert rows(con, "SELECT * FROM story_clusters ORDER BY article_id") == before


def test_quote_spread_counts_the_quote_once_with_its_spread(con: duckdb.DuckDBPyConnection) -> None:
    want = goldlib.ACROSS["quote_seen_in_all_of"]
    spread = rows(con, "SELECT quote_text, speaker, n_articles, n_outlets, first_published, articles FROM quote_spread")
    got = [r for r in spread if goldlib.norm(want["contains"]) in goldlib.norm(r[0])]
    assert len(got) == 1
    _, speaker, n_articles, n_outlets, first, articles = got[0]
    assert (speaker, n_articles) == (want["speaker"], 3)
    assert n_outlets == 2  # Telegraph and Home Office; 001 names no outlet
    assert first.isoformat() == "2007-06-21"
    assert articles == sorted(want["articles"])


def test_quote_spread_leaves_out_quotes_in_one_article(con: duckdb.DuckDBPyConnection) -> None:
    texts = [goldlib.norm(r[0]) for r in rows(con, "SELECT quote_text FROM quote_spread")]
    assert not any("huge achievement" in t for t in texts)


def test_role_timeline_home_secretaries(con: duckdb.DuckDBPyConnection) -> None:
    got = rows(con, "SELECT year, name FROM role_timeline WHERE lower(role) = 'home secretary' ORDER BY year")
    by_year = {str(y): n for y, n in got if y is not None}
    assert by_year == goldlib.ACROSS["home_secretaries_by_year"]
    assert (None, "Amber Rudd") in got  # 004 is undated and alone in its story


def test_role_timeline_dates_an_undated_article_by_its_story(con: duckdb.DuckDBPyConnection) -> None:
    (articles,) = rows(con, "SELECT articles FROM role_timeline WHERE name = 'John Reid' AND year = 2007")[0]
    assert SEED_002 in articles  # the undated press release


def test_same_person_same_id_across_articles(con: duckdb.DuckDBPyConnection) -> None:
    for name, seeds in goldlib.ACROSS["same_person_across_articles"].items():
        got = rows(con, "SELECT DISTINCT person_id, source_file FROM person_mentions WHERE name = ?", name)
        assert len({pid for pid, _ in got}) == 1, name
        assert sorted(s for _, s in got) == sorted(seeds)


def test_people_sharing_a_surname_stay_apart(con: duckdb.DuckDBPyConnection) -> None:
    got = dict(rows(con, "SELECT DISTINCT name, person_id FROM people WHERE name LIKE '%Reid'"))
    assert got["John Reid"] != got["Jimmy Reid"]
    assert got["John Reid"] == batch.person_id("John Reid") == batch.person_id("  john   REID ")


def test_accented_and_plain_spellings_are_one_person(con: duckdb.DuckDBPyConnection) -> None:
    got = dict(rows(con, "SELECT DISTINCT name, person_id FROM people WHERE name LIKE 'Fran%Hollande'"))
    assert set(got) == {"François Hollande", "Francois Hollande"}
    assert len(set(got.values())) == 1


def test_person_mentions_count_quotes(con: duckdb.DuckDBPyConnection) -> None:
    got = rows(con, "SELECT n_quotes FROM person_mentions WHERE name = ? AND source_file = ?", "John Reid", SEED_000)
    assert got == [(3,)]


def test_story_articles_and_outlet_coverage(con: duckdb.DuckDBPyConnection) -> None:
    story = rows(con, "SELECT n_articles, n_outlets, story_date FROM story_articles WHERE source_file = ?", SEED_002)
    assert [(n, o, d.isoformat()) for n, o, d in story] == [(3, 2, "2007-06-21")]
    coverage = "SELECT n_articles, n_stories, n_shared_stories FROM outlet_coverage WHERE outlet = ?"
    telegraph = rows(con, coverage, "Telegraph")
    assert telegraph == [(1, 1, 1)]


def test_example_queries_run(con: duckdb.DuckDBPyConnection) -> None:
    for path in sorted((store.SQL_DIR / "queries").glob("*.sql")):
        if not path.name.startswith("dq_"):
            assert path.read_text().lstrip().startswith("--"), path.name
            con.execute(path.read_text()).fetchall()
