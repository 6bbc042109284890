"""Work is decided before anything heavy is loaded (issue 18).

A run lists the inbox and compares it with the `files` table first; spaCy, the parsers and
Great Expectations are imported only when there is something to extract or validate, and
only in the processes that do it. Each case runs `newsfacts run` in a new process, as a cron
line does, and reads back which heavy packages that process imported.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests import goldlib

HEAVY = ("spacy", "great_expectations", "prefect", "trafilatura", "dateparser", "dask")
# The modules that parse and extract, and the one that validates.
STAGES = ("newsfacts.pipeline", "newsfacts.quality")
# Runs `newsfacts run ARGS` in a new process and writes which of those it imported to OUT.
PROBE = f"""
import json, sys
from newsfacts.cli import main
out, args = sys.argv[1], sys.argv[2:]
code = main(args)
heavy = sorted(m for m in {HEAVY + STAGES!r} if m in sys.modules)
open(out, "w").write(json.dumps({{"code": code, "heavy": heavy}}))
"""


def run_probe(tmp_path: Path, *args: str) -> dict:
    out = tmp_path / "probe.json"
    subprocess.run([sys.executable, "-c", PROBE, str(out), "run", *args], check=True, capture_output=True, timeout=600)
    return json.loads(out.read_text())


def two_articles(inbox: Path) -> None:
    inbox.mkdir()
    for seed in sorted(goldlib.SEEDS_DIR.iterdir())[:2]:
        (inbox / seed.name).write_bytes(seed.read_bytes())


def test_a_run_with_nothing_new_imports_nothing_heavy(tmp_path: Path) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "w.duckdb"
    two_articles(inbox)
    first = run_probe(tmp_path, "--inbox", str(inbox), "--db", str(db), "--workers", "1", "--quiet")
    assert first["code"] == 0
    assert {"spacy", "newsfacts.pipeline", "newsfacts.quality"} <= set(first["heavy"])  # it extracted here
    again = run_probe(tmp_path, "--inbox", str(inbox), "--db", str(db), "--quiet")
    assert again == {"code": 0, "heavy": []}


@pytest.mark.slow
def test_a_run_whose_batches_go_to_workers_never_loads_the_model_itself(tmp_path: Path) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "w.duckdb"
    two_articles(inbox)
    args = ("--inbox", str(inbox), "--db", str(db), "--workers", "2", "--batch-size", "1", "--quiet")
    probe = run_probe(tmp_path, *args)
    assert probe["code"] == 0
    # It validates (the suites computed in Arrow: no Great Expectations import) and leaves
    # parsing and extraction to its workers.
    assert probe["heavy"] == ["newsfacts.quality"]
