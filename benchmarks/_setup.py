"""Imported first by benchmarks that run the flow, so they work from the repo root with no PYTHONPATH.

It puts this checkout's src/ and root (for `flows`) ahead of any installed copy, points
NEWSFACTS_HOME here (sql/, expectations/), and quiets Prefect before it is imported:
no telemetry, a patient start of the local API, warnings only.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ.setdefault("NEWSFACTS_HOME", str(ROOT))

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
