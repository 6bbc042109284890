"""One current warehouse (issue 20): every view, the stories and search read the latest version
of each file still in the inbox, through real runs; edits, deletions, moves, feed appends, bad
lines of a feed, and quarantine as a state."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest

from newsfacts import cli, pipeline, search
from newsfacts.ingest import RunSummary
from newsfacts.ingest import run as ingest
from newsfacts.settings import Settings
from tests import goldlib

# Three reports of one visit (quoting the same sentences) and a story of its own.
REID = ("000_a35eb987d5d3a60c.txt", "001_fb2afd439c317a0e.txt", "002_7917adf0cacaeedc.txt")
BLUNKETT = "003_33df024859d18e16.txt"
SHARED_QUOTE = "%protect Britain%borders by operating in a bubble%"


def run(inbox: Path, db: Path, **kw: object) -> RunSummary:
    return ingest(Settings.load(inbox=inbox, db=db, workers=1, **kw))


def rows(db: Path, sql: str, *params: object) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, list(params)).fetchall()


def hits(db: Path, query: str) -> list[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return [h.source_file for h in search.search(con, query, 50)]


@dataclass
class Views:
    """What the views and search show after one run."""

    summary: RunSummary
    spread: list[tuple]
    mentions: list[tuple]
    stories: list[tuple]
    outlets: dict[str | None, int]
    found: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class History:
    """One inbox through four runs: load, edit a file, delete one, move one into a folder."""

    inbox: Path
    db: Path
    steps: dict[str, Views] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)

    def look(self, step: str, summary: RunSummary) -> None:
        self.steps[step] = Views(
            summary=summary,
            spread=rows(self.db, "SELECT n_articles, articles FROM quote_spread WHERE quote_text ILIKE ?", SHARED_QUOTE),
            mentions=rows(self.db, "SELECT source_file, person_id FROM person_mentions ORDER BY ALL"),
            stories=rows(self.db, "SELECT source_file, article_id FROM story_articles ORDER BY ALL"),
            outlets=dict(rows(self.db, "SELECT outlet, n_articles FROM outlet_coverage")),
            found={q: hits(self.db, q) for q in ("bubble", "Blunkett")},
        )


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Iterator[History]:
    tmp = tmp_path_factory.mktemp("current")
    inbox = tmp / "inbox"
    inbox.mkdir()
    for name in (*REID, BLUNKETT):
        shutil.copy(goldlib.seed_path(name), inbox / name)
    h = History(inbox, tmp / "w.duckdb")
    h.look("loaded", run(inbox, h.db))
    h.ids = dict(rows(h.db, "SELECT source_file, article_id FROM articles"))

    edited = inbox / REID[0]
    edited.write_text(edited.read_text() + "\n\nThis article was updated with a paragraph from the editors.\n")
    h.look("edited", run(inbox, h.db))

    (inbox / BLUNKETT).unlink()
    h.look("deleted", run(inbox, h.db))

    (inbox / "2007").mkdir()
    (inbox / REID[2]).rename(inbox / "2007" / REID[2])
    h.look("moved", run(inbox, h.db))
    yield h


def test_an_edited_file_counts_once_in_every_view(history: History) -> None:
    loaded, edited = history.steps["loaded"], history.steps["edited"]
    assert edited.summary.files_new == 1
    # The shared quote is still carried by three articles, not four.
    assert loaded.spread == [(3, sorted(REID))]
    assert edited.spread == loaded.spread
    # The edited file's people are listed once, as before the edit.
    assert edited.mentions == loaded.mentions
    assert len(set(edited.mentions)) == len(edited.mentions)
    assert edited.found["bubble"].count(REID[0]) == 1
    assert sorted(edited.found["bubble"]) == sorted(REID)
    # History stays: both versions are in articles, one is current.
    assert rows(history.db, "SELECT count(*) FROM articles WHERE source_file = ?", REID[0]) == [(2,)]
    assert rows(history.db, "SELECT version FROM current_articles WHERE source_file = ?", REID[0]) == [(2,)]


def test_a_deleted_file_leaves_search_people_stories_and_outlets(history: History) -> None:
    edited, deleted = history.steps["edited"], history.steps["deleted"]
    assert deleted.summary.files_deleted == 1
    assert BLUNKETT in edited.found["Blunkett"]
    assert BLUNKETT not in deleted.found["Blunkett"]
    assert any(f == BLUNKETT for f, _ in edited.mentions)
    assert not any(f == BLUNKETT for f, _ in deleted.mentions)
    assert not any(f == BLUNKETT for f, _ in deleted.stories)
    assert sum(deleted.outlets.values()) == sum(edited.outlets.values()) - 1 == 3
    assert rows(history.db, "SELECT count(*) FROM articles WHERE source_file = ?", BLUNKETT) == [(1,)]


def test_a_moved_file_is_a_rename_and_keeps_its_article(history: History) -> None:
    deleted, moved = history.steps["deleted"], history.steps["moved"]
    new = f"2007/{REID[2]}"
    s = moved.summary
    assert (s.files_renamed, s.files_duplicate, s.files_deleted, s.articles_loaded) == (1, 0, 0, 0)
    assert rows(history.db, "SELECT status, duplicate_of, renamed_from FROM files WHERE source_file = ?", new) == [
        ("renamed", None, REID[2])
    ]
    assert rows(history.db, "SELECT deleted_at IS NOT NULL FROM files WHERE source_file = ?", REID[2]) == [(True,)]
    # The same article, under its new path, in every view.
    assert rows(history.db, "SELECT article_id FROM current_articles WHERE source_file = ?", new) == [
        (history.ids[REID[2]],)
    ]
    assert (new, history.ids[REID[2]]) in moved.stories
    assert len(moved.stories) == len(deleted.stories) == 3
    assert moved.spread == [(3, sorted([REID[0], REID[1], new]))]
    assert new in moved.found["bubble"] and REID[2] not in moved.found["bubble"]
    # History keeps where the article was first loaded.
    assert rows(history.db, "SELECT source_file FROM articles WHERE article_id = ?", history.ids[REID[2]]) == [
        (REID[2],)
    ]


def test_a_reverted_edit_shows_the_reverted_text(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    page = inbox / "plan.txt"
    first = "Port plan agreed\n\nThe council agreed the port plan on Monday after a long debate.\n"
    page.write_text(first)
    db = tmp_path / "w.duckdb"
    run(inbox, db)
    page.write_text(first.replace("Monday", "Tuesday"))
    run(inbox, db)
    page.write_text(first)
    run(inbox, db)
    assert rows(db, "SELECT version, status FROM files ORDER BY version") == [
        (1, "loaded"),
        (2, "loaded"),
        (3, "duplicate"),
    ]
    [(body,)] = rows(db, "SELECT body FROM current_articles")
    assert "Monday" in body


def _feed_item(n: int, body: str, title: str) -> dict:
    return {"id": f"story-{n}", "title": title, "body": body, "published": "2007-06-21"}


def _seed_items() -> list[dict]:
    items = []
    for n, name in enumerate(sorted(goldlib.ARTICLES)):
        title, _, body = goldlib.seed_path(name).read_text(encoding="utf-8").partition("\n")
        items.append(_feed_item(n, body.strip(), title.strip()))
    return items


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many articles each extraction call was given (workers=1: extraction runs in this process)."""
    calls: list[int] = []
    real = pipeline.extract_facts
    monkeypatch.setattr(pipeline, "extract_facts", lambda articles: calls.append(len(articles)) or real(articles))
    return calls


def test_an_appended_feed_item_is_the_only_one_extracted(tmp_path: Path, counted: list[int]) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    items = _seed_items()
    feed = inbox / "feed.json"
    feed.write_text(json.dumps(items[:4], indent=2))
    db = tmp_path / "w.duckdb"
    run(inbox, db)
    assert counted == [4]
    before = rows(db, "SELECT article_id, person_id FROM person_mentions ORDER BY ALL")
    old_ids = {a for (a,) in rows(db, "SELECT article_id FROM current_articles")}

    feed.write_text(json.dumps(items, indent=1))  # one item more, and re-indented
    s = run(inbox, db)
    assert counted == [4, 1]
    assert (s.files_new, s.articles_loaded) == (1, 1)
    assert rows(db, "SELECT count(*) FROM articles") == [(5,)]
    current = {a for (a,) in rows(db, "SELECT article_id FROM current_articles")}
    assert len(current) == 5 and old_ids < current
    after = rows(db, "SELECT article_id, person_id FROM person_mentions ORDER BY ALL")
    assert [r for r in after if r[0] in old_ids] == before
    assert len(set(after)) == len(after)
    assert rows(db, "SELECT DISTINCT item_key FROM current_articles ORDER BY 1") == [
        (f"id:story-{n}",) for n in range(5)
    ]


def test_an_edited_feed_item_replaces_its_old_text(tmp_path: Path, counted: list[int]) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    items = _seed_items()[:3]
    feed = inbox / "feed.jsonl"
    feed.write_text("".join(json.dumps(i) + "\n" for i in items))
    db = tmp_path / "w.duckdb"
    run(inbox, db)
    items[2]["body"] += "\n\nThe minister later added that the talks would resume in July."
    feed.write_text("".join(json.dumps(i) + "\n" for i in items))
    run(inbox, db)
    assert counted == [3, 1]
    assert rows(db, "SELECT count(*) FROM articles") == [(4,)]
    keyed = dict(rows(db, "SELECT item_key, body FROM current_articles"))
    assert len(keyed) == 3 and "the talks would resume in July" in keyed["id:story-2"]


def test_an_update_appended_to_a_feed_supersedes_the_earlier_line(tmp_path: Path, counted: list[int]) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    items = _seed_items()[:2]
    update = {**items[0], "body": items[0]["body"] + "\n\nThe minister later added that the talks would resume in July."}
    (inbox / "log.jsonl").write_text("".join(json.dumps(i) + "\n" for i in [*items, update]))
    db = tmp_path / "w.duckdb"
    run(inbox, db)
    assert counted == [2]
    keyed = dict(rows(db, "SELECT item_key, body FROM current_articles"))
    assert set(keyed) == {"id:story-0", "id:story-1"} and "the talks would resume in July" in keyed["id:story-0"]


def test_bad_lines_of_a_jsonl_are_quarantined_one_by_one(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    good = [json.dumps(i) for i in _seed_items()[:2]]
    lines = [good[0], "{oops, not json", good[1], "[1, 2]", json.dumps({"title": "No body here"})]
    (inbox / "feed.jsonl").write_text("\n".join(lines) + "\n")
    db = tmp_path / "w.duckdb"
    s = run(inbox, db)
    assert (s.files_new, s.files_quarantined, s.items_quarantined, s.articles_loaded) == (1, 0, 3, 2)
    assert rows(db, "SELECT status FROM files") == [("loaded",)]
    got = rows(db, "SELECT stage, reason, raw FROM quarantine ORDER BY reason")
    assert [(stage, reason.split(":")[0], raw) for stage, reason, raw in got] == [
        ("parse", "line 2 is not valid JSON", b"{oops, not json"),
        ("parse", "line 4 is not an object", b"[1, 2]"),
        ("parse", "line 5 has no body (keys tried", lines[4].encode()),
    ]
    assert rows(db, "SELECT source_file, whole_file, records FROM quarantined_files") == [("feed.jsonl", False, 3)]
    [(reason,)] = rows(db, "SELECT reason FROM quarantined_files")
    assert reason.startswith("line ") and reason.endswith(" (and 2 other reasons: quarantine holds each record)")
    assert s.still_quarantined == 1


def test_a_feed_with_no_good_line_is_quarantined_whole(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "feed.jsonl").write_text("{oops\n[1]\n")
    db = tmp_path / "w.duckdb"
    s = run(inbox, db)
    assert (s.files_quarantined, s.items_quarantined) == (1, 0)
    [(reason, raw)] = rows(db, "SELECT reason, raw FROM quarantine")
    assert reason.startswith("no item is an article: line 1 is not valid JSON") and "1 more" in reason
    assert raw == b"{oops\n[1]\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-16-be"])
def test_a_unicode_export_with_a_bom_loads(tmp_path: Path, encoding: str) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    text = "Port plan agreed\n\nThe council agreed the \u00a35m port plan on Monday \u2014 at last.\n"
    bom = b"\xfe\xff" if encoding == "utf-16-be" else b""
    (inbox / "export.txt").write_bytes(bom + text.encode(encoding))
    db = tmp_path / "w.duckdb"
    s = run(inbox, db)
    assert (s.files_new, s.files_quarantined) == (1, 0)
    [(title, body)] = rows(db, "SELECT title, body FROM current_articles")
    assert title == "Port plan agreed" and "\u00a35m port plan on Monday \u2014 at last." in body


def test_quarantine_is_a_state_that_status_and_strict_see_until_fixed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "good.txt").write_text("Port plan agreed\n\nThe council agreed the port plan on Monday.\n")
    (inbox / "empty.txt").write_bytes(b"")
    db = str(tmp_path / "w.duckdb")
    args = ["run", "--inbox", str(inbox), "--db", db, "--quiet"]
    assert cli.main(args) == 0
    assert "in quarantine now: 1 file" in capsys.readouterr().out

    # Nothing new: this run quarantines nothing, but the file is still held.
    assert cli.main([*args, "--strict"]) == 1
    out, err = capsys.readouterr()
    assert "0 quarantined" in out and "in quarantine now: 1 file" in out
    assert "--strict: 1 file(s) are in quarantine" in err
    assert cli.main(["status", "--db", db, "--format", "table"]) == 0
    status = capsys.readouterr().out
    assert "in quarantine now: 1 file" in status and "empty.txt" in status and "file is empty" in status

    (inbox / "empty.txt").write_text("Ferry times\n\nThe ferry leaves every two hours from May.\n")
    assert cli.main([*args, "--strict"]) == 0
    assert "in quarantine now: no file" in capsys.readouterr().out
    assert cli.main(["status", "--db", db, "--format", "table"]) == 0
    assert "in quarantine now: no file" in capsys.readouterr().out


def test_an_item_in_two_feeds_is_one_article_held_by_either(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    items = _seed_items()[:3]
    (inbox / "monday.json").write_text(json.dumps(items[:2]))
    (inbox / "tuesday.json").write_text(json.dumps(items[1:]))  # overlapping export windows
    db = tmp_path / "w.duckdb"
    s = run(inbox, db)
    assert s.articles_loaded == 3
    assert rows(db, "SELECT count(*), count(DISTINCT article_id) FROM articles") == [(3, 3)]
    shared = rows(db, "SELECT source_file FROM current_articles WHERE item_key = 'id:story-1'")
    assert shared == [("monday.json",)]
    (inbox / "monday.json").unlink()
    run(inbox, db)
    assert rows(db, "SELECT item_key, source_file FROM current_articles ORDER BY 1") == [
        ("id:story-1", "tuesday.json"),
        ("id:story-2", "tuesday.json"),
    ]
