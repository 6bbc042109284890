"""The summary the README shows is what `make run` prints, first on the seeds and then with nothing new (issue 20)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RUN_ID = re.compile(r"^run \d{8}T\d{6}-[0-9a-f]{6}$", re.M)


def readme_samples() -> list[str]:
    """The code blocks that follow "prints a summary:" and "says so:" in the README."""
    text = (ROOT / "README.md").read_text()
    blocks = re.findall(r"(?:prints a summary|and says so):\n\n```\n(.*?)```", text, re.S)
    assert len(blocks) == 2, "the README shows a first run and a run with nothing new"
    return blocks


def normalised(text: str) -> str:
    return RUN_ID.sub("run <id>", text)


@pytest.mark.slow
def test_the_readme_shows_what_make_run_prints(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    printed = []
    for _ in range(2):  # make run, then make run again
        done = subprocess.run(
            [sys.executable, "-m", "newsfacts.cli", "run"], cwd=tmp_path, capture_output=True, text=True, timeout=600
        )
        assert done.returncode == 0, done.stderr
        printed.append(normalised(done.stdout))
    assert printed == [normalised(block) for block in readme_samples()]
