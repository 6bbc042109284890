"""The accuracy benchmarks as a quality gate: their numbers must stay above the floors in benchmarks/floors.json."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FLOORS = json.loads((ROOT / "benchmarks" / "floors.json").read_text())["benchmarks"]
OPS = {">=": float.__ge__, "<=": float.__le__, "<": float.__lt__, ">": float.__gt__}

pytestmark = pytest.mark.slow


@cache
def run_benchmark(script: str, args: tuple[str, ...]) -> str:
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *args], capture_output=True, text=True, env=env, timeout=1800, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def summary(output: str, prefix: str) -> dict[str, float]:
    line = next(ln for ln in output.splitlines() if ln.startswith(prefix + " "))
    return {k: float(v) for k, v in re.findall(r"([\w-]+)=([-\d.]+)", line)}


def bench_id(bench: dict) -> str:
    flags = [a for a in bench["args"] if a.startswith("--") and a != "--data"]
    return " ".join([f"{bench['script']}:{bench['line']}", *flags])


@pytest.mark.parametrize("bench", FLOORS, ids=[bench_id(b) for b in FLOORS])
def test_benchmark_keeps_its_floor(bench: dict, shared_data: Path) -> None:
    args = tuple(a.format(data=shared_data) for a in bench["args"])
    got = summary(run_benchmark(bench["script"], args), bench["line"])
    for key, op, bound in bench["checks"]:
        limit = got[bound] if isinstance(bound, str) else float(bound)
        assert OPS[op](got[key], limit), f"{bench['line']}: {key}={got[key]} not {op} {bound} ({limit})"
