"""Shared fixtures: the repo's seeds, the optional ../shared data, temporary databases."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"

# Tests that call the flows in-process (and Dask workers they start) start Prefect's ephemeral
# API themselves: give it the patience the CLI gives it (cli.py), not Prefect's 20 s, which a
# busy 2-core machine exceeds.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
# Prefect stops that ephemeral API at interpreter exit and logs it to a stream pytest has closed
# by then: a "--- Logging error ---" traceback after the summary, about nothing a test did.
logging.raiseExceptions = False


@pytest.fixture
def shared_data() -> Path:
    """The public data sets beside the repo; tests needing them skip without them."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"needs the shared data sets at {SHARED_DATA} (not part of the repo)")
    return SHARED_DATA


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse file of the five seeds with hand-made facts, as a run records them
    (tests/test_across.seed_warehouse): for the commands that read a warehouse."""
    from tests.test_across import seed_warehouse

    path = tmp_path_factory.mktemp("warehouse") / "w.duckdb"
    with duckdb.connect(str(path)) as con:
        seed_warehouse(con)
    return path
