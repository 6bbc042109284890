"""Shared fixtures: the repo's seeds, the optional ../shared data, temporary databases."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture
def shared_data() -> Path:
    """The public data sets beside the repo; tests needing them skip without them."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"needs the shared data sets at {SHARED_DATA} (not part of the repo)")
    return SHARED_DATA
