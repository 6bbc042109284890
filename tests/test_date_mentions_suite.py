"""The date_mentions suite accepts every precision the date rules resolve to, and nothing else."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

SUITE = Path(__file__).resolve().parents[1] / "expectations" / "date_mentions.json"


def resolved_pattern() -> str:
    suite = json.loads(SUITE.read_text(encoding="utf-8"))
    return next(e["kwargs"]["regex"] for e in suite["expectations"]
                if e["kwargs"].get("column") == "resolved" and "regex" in e["kwargs"])


@pytest.mark.parametrize(("value", "valid"), [
    ("2007-06-20", True), ("2002-07", True), ("2007-W25", True), ("2007", True), ("199", True),
    ("2007-W54", False), ("20", False), ("2007-13", False), ("2007-06-32", False), ("June 2007", False),
])
def test_resolved_precisions(value: str, valid: bool) -> None:
    assert bool(re.match(resolved_pattern(), value)) is valid
