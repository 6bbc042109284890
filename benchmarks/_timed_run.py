"""`newsfacts <args>` as the console script runs it, writing the run's stage times to a JSON file.

    python benchmarks/_timed_run.py STAGES.json run --inbox X --db Y ...

Used by throughput.py as the timed process. The only addition to the command is a hook that,
when `newsfacts.ingest` is imported (wherever the CLI imports it), wraps `ingest.run` to note
when the run entered and returned (epoch seconds) and its `RunSummary.seconds`; nothing is
imported earlier than the CLI itself would import it.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import json
import sys
import time


class _WrapRun(importlib.abc.MetaPathFinder):
    def __init__(self, out: str) -> None:
        self.out = out

    def find_spec(self, name, path, target=None):  # noqa: ANN001, ANN201
        if name != "newsfacts.ingest":
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        exec_module = spec.loader.exec_module

        def exec_and_wrap(module) -> None:  # noqa: ANN001
            exec_module(module)
            run = module.run

            def timed_run(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
                entered = time.time()
                summary = run(*args, **kwargs)
                record = {"entered": entered, "returned": time.time(), "seconds": summary.seconds}
                record["files_seen"] = summary.files_seen
                with open(self.out, "w", encoding="utf-8") as f:
                    json.dump(record, f)
                return summary

            module.run = timed_run

        spec.loader.exec_module = exec_and_wrap
        return spec


if __name__ == "__main__":  # spawned workers import this file as __mp_main__: nothing to do there
    import _setup  # noqa: F401  (this checkout's src/ on sys.path, NEWSFACTS_HOME)

    sys.meta_path.insert(0, _WrapRun(sys.argv[1]))
    from newsfacts.cli import main

    sys.exit(main(sys.argv[2:]))
