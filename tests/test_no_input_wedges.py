"""No input can fail, hang or wedge a run (issue 16).

Whatever one file raises at any stage, and a file that overruns the per-file time budget,
is quarantined alone (stage, exception, raw bytes) while the rest of its batch loads and
the run succeeds; files that are not regular files are recorded without being opened.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsfacts import pipeline
from newsfacts.ingest import run
from newsfacts.settings import Settings
from tests import goldlib, hooks
from tests.goldlib import rows

SEEDS = sorted(goldlib.ARTICLES)
POISON = "This sentence sets off the broken extractor."


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    box = tmp_path / "inbox"
    box.mkdir()
    for name in SEEDS[:3]:
        shutil.copy(goldlib.seed_path(name), box / name)
    (box / "poison.txt").write_text(f"A headline\n\n{POISON}\n")
    return box


def poisoned(real):
    def extract(articles):
        if any(POISON in a.body for a in articles):
            raise RuntimeError("an extractor bug this text triggers")
        return real(articles)

    return extract


def test_a_file_that_breaks_an_extractor_is_quarantined_alone(
    inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "extract_facts", poisoned(pipeline.extract_facts))
    db = tmp_path / "w.duckdb"
    summary = run(Settings.load(inbox=inbox, db=db, batch_size=10, workers=1))
    assert (summary.articles_loaded, summary.files_quarantined) == (3, 1)
    [(stage, reason, raw)] = rows(db, "SELECT stage, reason, raw FROM quarantine WHERE source_file = 'poison.txt'")
    assert stage == "extract" and reason == "RuntimeError: an extractor bug this text triggers"
    assert raw == (inbox / "poison.txt").read_bytes()
    assert rows(db, "SELECT status FROM runs") == [("succeeded",)]
    # Still in the inbox and unchanged, it is not retried on every run: the next run skips it.
    assert run(Settings.load(inbox=inbox, db=db, workers=1)).files_quarantined == 0


def test_a_batch_is_extracted_together_and_again_file_by_file_when_that_fails(
    inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The model runs faster over many articles at once; a failure is traced to its file alone."""
    calls: list[int] = []
    broken = poisoned(pipeline.extract_facts)
    monkeypatch.setattr(pipeline, "extract_facts", lambda articles: calls.append(len(articles)) or broken(articles))
    summary = run(Settings.load(inbox=inbox, db=tmp_path / "w.duckdb", batch_size=10, workers=1))
    assert (summary.articles_loaded, summary.files_quarantined) == (3, 1)
    assert calls == [4, 1, 1, 1, 1]


def test_a_file_over_the_time_budget_is_quarantined_and_the_run_goes_on(
    inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = pipeline.extract_facts

    def spins_forever_on_poison(articles):
        while any(POISON in a.body for a in articles):
            pass  # a pathological input: a rule that never returns
        return real(articles)

    monkeypatch.setattr(pipeline, "extract_facts", spins_forever_on_poison)
    db = tmp_path / "w.duckdb"
    started = time.monotonic()
    summary = run(Settings.load(inbox=inbox, db=db, workers=1, file_timeout_s=1))
    assert time.monotonic() - started < 120
    assert (summary.articles_loaded, summary.files_quarantined) == (3, 1)
    [(stage, reason)] = rows(db, "SELECT stage, reason FROM quarantine")
    assert stage == "extract" and "time budget of 1 s" in reason


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")
def test_a_fifo_is_recorded_without_being_opened(inbox: Path, tmp_path: Path) -> None:
    """In a subprocess: if the run opened the pipe, it would block forever waiting for a writer."""
    os.mkfifo(inbox / "pipe.txt")
    db = tmp_path / "w.duckdb"
    done = subprocess.run(
        [sys.executable, "-m", "newsfacts.cli", "run", "--inbox", str(inbox), "--db", str(db), "--workers", "1"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    [(stage, reason, raw)] = rows(db, "SELECT stage, reason, raw FROM quarantine")
    assert (stage, raw) == ("read", None) and "named pipe (FIFO)" in reason
    assert rows(db, "SELECT count(*) FROM articles") == [(4,)]  # the poison text is fine without the monkeypatch


def test_a_json_escape_for_a_lone_surrogate_does_not_break_the_batch(inbox: Path, tmp_path: Path) -> None:
    (inbox / "feed.json").write_text(
        '{"title": "Broken \\ud800 escape", "body": "The minister said the plan would start in May. \\udfff"}'
    )
    db = tmp_path / "w.duckdb"
    summary = run(Settings.load(inbox=inbox, db=db, workers=1))
    assert summary.files_quarantined == 0
    assert rows(db, "SELECT title FROM articles WHERE source_file = 'feed.json'") == [("Broken \ufffd escape",)]


@pytest.mark.slow
def test_a_file_that_kills_its_worker_process_is_quarantined_and_the_run_goes_on(inbox: Path, tmp_path: Path) -> None:
    """Every process of the run imports this sitecustomize, so the worker that reads the poison dies."""
    for i in range(6):
        shutil.copy(goldlib.seed_path(SEEDS[i % len(SEEDS)]), inbox / f"copy {i}.txt")
        with open(inbox / f"copy {i}.txt", "a") as out:
            out.write(f"\n\nCorrection {i}.\n")
    db = tmp_path / "w.duckdb"
    env = hooks.crash_on(tmp_path, POISON)
    done = subprocess.run(
        [sys.executable, "-m", "newsfacts.cli", "run", "--inbox", str(inbox), "--db", str(db)]
        + ["--workers", "2", "--batch-size", "3"],
        capture_output=True,
        text=True,
        timeout=900,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    [(stage, reason, raw)] = rows(db, "SELECT stage, reason, raw FROM quarantine")
    assert stage == "extract" and "worker process reading this file died" in reason
    assert raw == (inbox / "poison.txt").read_bytes()
    assert rows(db, "SELECT count(*) FROM articles") == [(9,)]  # 3 seeds + 6 copies: all but the poison
