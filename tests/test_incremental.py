"""Incremental, versioned and crash-safe runs (issue 6), through the real flow in-process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

import newsfacts
from newsfacts import pipeline
from newsfacts.console import summary_lines
from newsfacts.ingest import RunSummary
from newsfacts.ingest import run as ingest
from newsfacts.settings import Settings
from tests import goldlib
from tests.goldlib import rows

SEED = sorted(goldlib.ARTICLES)[0]
ARTICLE = "Ministers said the border plan would start in May.\n\nThe plan covers three ports and two airports."


def run(inbox: Path, db: Path, **kw: object) -> RunSummary:
    return ingest(Settings.load(inbox=inbox, db=db, **kw))


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    box = tmp_path / "inbox"
    box.mkdir()
    shutil.copy(goldlib.seed_path(SEED), box / SEED)
    return box


def test_an_edited_file_becomes_version_2(inbox: Path, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    run(inbox, db)
    path = inbox / SEED
    path.write_text(path.read_text() + "\n\nA paragraph added later by the editors.\n")
    s = run(inbox, db)
    assert s.files_new == 1
    assert rows(db, "SELECT version, status FROM files ORDER BY version") == [(1, "loaded"), (2, "loaded")]
    assert rows(db, "SELECT version FROM articles ORDER BY version") == [(1,), (2,)]
    assert rows(db, "SELECT count(*) FROM current_articles") == [(1,)]


def test_same_bytes_under_two_names_is_one_article(inbox: Path, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    shutil.copy(inbox / SEED, inbox / "copy of it.txt")
    s = run(inbox, db)
    assert (s.files_new, s.files_duplicate) == (1, 1)
    assert rows(db, "SELECT count(*) FROM articles") == [(1,)]
    dup = rows(db, "SELECT source_file, duplicate_of FROM files WHERE status = 'duplicate'")
    assert dup == [("copy of it.txt", SEED)] or dup == [(SEED, "copy of it.txt")]


def test_unchanged_files_are_not_read_again(inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "w.duckdb"
    run(inbox, db)
    reads: list[str] = []
    real = pipeline.read_bytes
    monkeypatch.setattr(pipeline, "read_bytes", lambda src, limit: reads.append(src.rel) or real(src, limit))
    s = run(inbox, db)
    assert reads == []
    assert (s.files_new, s.files_unchanged, s.articles_loaded) == (0, 1, 0)


def test_a_run_neither_imports_great_expectations_nor_builds_data_docs(inbox: Path, tmp_path: Path) -> None:
    """Issue 18: GE's import alone costs about 5 s; Data Docs are built on request
    (`newsfacts report --data-docs`) from the results the run recorded."""
    db = tmp_path / "w.duckdb"
    code = (
        "import sys\n"
        "from newsfacts.cli import main\n"
        f"code = main(['run', '--inbox', {str(inbox)!r}, '--db', {str(db)!r}])\n"
        "print('exit', code, 'ge', any(m.startswith('great_expectations') for m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert out.stdout.strip().splitlines()[-1] == "exit 0 ge False", out.stdout + out.stderr
    assert rows(db, "SELECT count(*) FROM articles") == [(1,)]
    assert not list(tmp_path.rglob("data_docs"))
    idle = run(inbox, db)  # nothing new: nothing validated, and nothing claimed as passed
    assert (idle.articles_loaded, idle.expectations_passed, idle.expectations_failed) == (0, 0, 0)


def test_a_touched_but_unchanged_file_is_read_once_then_skipped(inbox: Path, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    run(inbox, db)
    os.utime(inbox / SEED, ns=(1_000_000_000, 1_000_000_000))
    s = run(inbox, db)
    assert (s.files_new, s.files_unchanged) == (0, 1)
    assert rows(db, "SELECT count(*), max(mtime_ns) FROM files") == [(1, 1_000_000_000)]


def test_a_deleted_file_is_recorded_not_erased(inbox: Path, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    run(inbox, db)
    (inbox / SEED).unlink()
    s = run(inbox, db)
    assert s.files_deleted == 1
    assert rows(db, "SELECT count(*) FROM files WHERE deleted_at IS NOT NULL") == [(1,)]
    assert rows(db, "SELECT count(*) FROM articles") == [(1,)]
    assert rows(db, "SELECT count(*) FROM current_articles") == [(0,)]


def test_reprocess_replaces_facts_of_older_pipeline_versions(inbox: Path, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    run(inbox, db)
    before = rows(db, "SELECT count(*) FROM entities")[0][0]
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE articles SET pipeline_version = 'old'")
    s = run(inbox, db)
    assert s.older_pipeline == 1 and "built by an older pipeline: 1 article " in "\n".join(summary_lines(s, "w", False))
    s = run(inbox, db, reprocess=True)
    assert s.articles_reprocessed == 1 and s.older_pipeline == 0
    assert rows(db, "SELECT count(*) FROM entities") == [(before,)]
    assert rows(db, "SELECT count(*) FROM articles WHERE pipeline_version = 'old'") == [(0,)]


def test_the_summary_counts_what_reprocess_rebuilds_earlier_versions_too(inbox: Path, tmp_path: Path) -> None:
    """An edited file's first version is history, but its facts are rows SQL reads: a reprocess
    rebuilds it too, and the summary's count says so beforehand."""
    db = tmp_path / "w.duckdb"
    run(inbox, db)
    with (inbox / SEED).open("a") as f:
        f.write("\nA paragraph added later.\n")
    run(inbox, db)
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE articles SET pipeline_version = 'old'")
    assert run(inbox, db).older_pipeline == 2
    assert run(inbox, db, reprocess=True).articles_reprocessed == 2


def test_reprocess_parses_again_a_file_the_inbox_still_holds(tmp_path: Path) -> None:
    """A parser's fix reaches loaded articles (their stored body was an older parser's), and an
    article whose file is gone or changed is rebuilt from what was stored."""
    box = tmp_path / "inbox"
    box.mkdir()
    (box / "kept.txt").write_text(ARTICLE)
    (box / "gone.txt").write_text(ARTICLE.replace("May", "June"))
    db = tmp_path / "w.duckdb"
    run(box, db)
    parsed = dict(rows(db, "SELECT source_file, body FROM articles"))
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE articles SET pipeline_version = 'old', body = body || ' Read more: an advert.'")
    (box / "gone.txt").unlink()
    s = run(box, db, reprocess=True)
    assert s.articles_reprocessed == 2
    bodies = dict(rows(db, "SELECT source_file, body FROM articles"))
    assert bodies == {"kept.txt": parsed["kept.txt"], "gone.txt": parsed["gone.txt"] + " Read more: an advert."}


def test_the_pipeline_version_changes_with_any_rule_code_or_suite_that_builds_rows(tmp_path: Path) -> None:
    package, suites = tmp_path / "newsfacts", tmp_path / "expectations"
    for part in newsfacts.BUILDS_ROWS:
        source = newsfacts.PACKAGE / part
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, package / part)
    shutil.copytree(newsfacts.EXPECTATIONS_DIR, suites)
    assert newsfacts.code_fingerprint(package, suites) == newsfacts.code_fingerprint()
    assert newsfacts.PIPELINE_VERSION.endswith(newsfacts.code_fingerprint())
    fingerprints = set()
    for changed in (next((package / "extract" / "patterns").glob("*.jsonl")), next(suites.glob("*.json"))):
        changed.write_text(changed.read_text() + "\n")
        fingerprints.add(newsfacts.code_fingerprint(package, suites))
    assert len(fingerprints) == 2 and newsfacts.code_fingerprint() not in fingerprints


def test_bad_inputs_are_quarantined_and_the_rest_loads(tmp_path: Path) -> None:
    box = tmp_path / "inbox"
    box.mkdir()
    (box / "empty.txt").write_bytes(b"")
    (box / "noise.txt").write_bytes(bytes(range(256)) * 40)
    (box / "huge.txt").write_text("Word " * 50_000)
    (box / "passwd.txt").symlink_to("/etc/passwd")
    (box / "good one's \u00e9t\u00e9.txt").write_text(f"Border plan\n\n{ARTICLE}\n")
    (box / "cp1252.txt").write_bytes(
        f"Budget row\n\n\u201cIt costs \u00a385m,\u201d she said. {ARTICLE}".encode("cp1252")
    )
    (box / "bom.txt").write_bytes(b"\xef\xbb\xbf" + f"Port plan\n\nIt costs \u00a35m \u2014 {ARTICLE}".encode())
    db = tmp_path / "w.duckdb"
    s = run(box, db, max_file_bytes=100_000)
    assert s.files_quarantined == 4
    got = dict(rows(db, "SELECT source_file, stage || ': ' || reason FROM quarantine"))
    assert set(got) == {"empty.txt", "noise.txt", "huge.txt", "passwd.txt"}
    assert "empty" in got["empty.txt"]
    assert "binary" in got["noise.txt"]
    assert "limit" in got["huge.txt"]
    assert "outside the inbox" in got["passwd.txt"]
    raw = dict(rows(db, "SELECT source_file, raw FROM quarantine"))
    assert raw["noise.txt"] == bytes(range(256)) * 40 and raw["huge.txt"] is None
    assert rows(db, "SELECT content_sha256 IS NOT NULL FROM quarantine WHERE source_file = 'huge.txt'") == [(True,)]
    bodies = dict(rows(db, "SELECT source_file, body FROM articles"))
    assert len(bodies) == 3
    assert "\u00a385m" in bodies["cp1252.txt"] and "\u201cIt costs" in bodies["cp1252.txt"]
    assert "\u00a35m \u2014" in bodies["bom.txt"] and not bodies["bom.txt"].startswith("\ufeff")
    assert "good one's \u00e9t\u00e9.txt" in bodies
    assert rows(db, "SELECT status FROM runs") == [("succeeded",)]
