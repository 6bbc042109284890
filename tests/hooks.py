"""Code every Python process of a run executes first (a sitecustomize on PYTHONPATH).

Process tests use it to make a worker misbehave the way a real machine can (crash, go slow)
without a hook in the product: the run, its workers and a flow-run process all import it.
"""

from __future__ import annotations

import os
from pathlib import Path

# `extract_facts` wrapped: `{before}` runs first with `articles` in scope.
_WRAP = """
import os
import signal
import time

import newsfacts.pipeline as pipeline

_real = pipeline.extract_facts


def extract_facts(articles):
    {before}
    return _real(articles)


pipeline.extract_facts = extract_facts
"""


def env_running_first(tmp_path: Path, before: str, base: dict[str, str] | None = None) -> dict[str, str]:
    """`base` (default: this environment) with a sitecustomize that runs `before` ahead of each extracted batch."""
    hooks = tmp_path / "hooks"
    hooks.mkdir(exist_ok=True)
    (hooks / "sitecustomize.py").write_text(_WRAP.replace("{before}", before))
    base = dict(os.environ if base is None else base)
    return {**base, "PYTHONPATH": os.pathsep.join([str(hooks), base.get("PYTHONPATH", "")])}


def slow_extraction(tmp_path: Path, seconds: float, base: dict[str, str] | None = None) -> dict[str, str]:
    """A slow machine: the run is still going when a test looks at it or stops it."""
    return env_running_first(tmp_path, f"time.sleep({seconds})", base)


def crash_on(tmp_path: Path, poison: str) -> dict[str, str]:
    """The worker extracting a body that holds `poison` dies, as on a crash in a C library or the OOM killer."""
    return env_running_first(
        tmp_path, f"if any({poison!r} in a.body for a in articles): os.kill(os.getpid(), signal.SIGKILL)"
    )
