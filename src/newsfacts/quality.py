"""Run the Great Expectations suite of each table on a batch, before it is loaded.

This is the only module that imports Great Expectations. GE cannot validate
DuckDB through its SQL datasource (1.x), so each Arrow table is validated as a
pandas DataFrame. The suites live in `expectations/<table>.json`; every
expectation carries `meta.severity`:

- "error": the failing rows must not load. They go to `rejected` (the
  quarantine schema) with the expectation, column and value as the reason.
  When an article is rejected, every row of the other tables that points to it
  goes too, so nothing is left orphaned.
- "warning": only counted in `results`, never rejects.

GE is imported lazily (about 3 s) and its context and suites are built once
per process. The latest result of each suite is kept so `build_data_docs`
can render GE's own Data Docs for it.
"""

from __future__ import annotations

import json
import threading
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.compute as pc
import pycountry

from newsfacts import records
from newsfacts.settings import EXPECTATIONS_DIR

if TYPE_CHECKING:
    import pandas as pd

ERROR = "error"
WARNING = "warning"
# Added to the DataFrame of every table with spans so the suites can check
# end_char <= len(body); never part of a loaded or quarantined row.
BODY_LENGTH = "body_length"
# The "spans" suite checks the spans of all fact tables in one frame (one GE
# run instead of six); these columns map its rows back to their table and row.
SPANS = "spans"
SPAN_TABLE = "table_name"
SPAN_ROW = "row_number"
SPAN_TABLES = frozenset({"people", "quotes", "quantities", "entities", "date_mentions", "links"})
DATA_DOCS_SITE = "newsfacts"
# One GE context per process, shared by callers that may run in threads (Prefect's
# default task runner): validation and Data Docs building take turns.
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Validated:
    """A batch split into what may load, what was rejected, and one result per expectation."""

    tables: dict[str, pa.Table]
    rejected: pa.Table
    results: pa.Table


@dataclass(frozen=True)
class _Latest:
    """A suite's latest result, written to GE's store only when Data Docs are built (it costs)."""

    run_id: str
    run_time: datetime
    batch_id: str
    outcome: Any


@dataclass
class _Gx:
    """GE objects built once per process: the context, one batch definition and suite per table."""

    context: Any
    batches: dict[str, Any]
    suites: dict[str, Any]
    columns: dict[str, list[str]]  # suite -> the columns its expectations read
    latest: dict[str, _Latest] = field(default_factory=dict)
    # An empty batch's result rows and GE outcomes, per set of tables: GE's verdict on no rows never changes.
    empty: dict[tuple[str, ...], tuple[list[dict[str, Any]], dict[str, _Latest]]] = field(default_factory=dict)


@cache
def _gx() -> _Gx:
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(),
        analytics_enabled=False,  # no network calls from a pipeline run
        progress_bars=ProgressBarsConfig(globally=False),
    )
    context = gx.get_context(mode="ephemeral", project_config=config)
    source = context.data_sources.add_pandas("newsfacts")
    batches: dict[str, Any] = {}
    suites: dict[str, Any] = {}
    columns: dict[str, list[str]] = {}
    for path in sorted(EXPECTATIONS_DIR.glob("*.json")):
        spec = json.loads(path.read_text())
        name = spec["name"]
        expectations = spec["expectations"]
        suite = gx.ExpectationSuite(name=name, expectations=expectations, meta=spec.get("meta"))
        suites[name] = context.suites.add(suite)
        asset = source.add_dataframe_asset(name)
        batches[name] = asset.add_batch_definition_whole_dataframe("batch")
        columns[name] = sorted(
            {c for exp in expectations for c in _columns(exp["kwargs"]) + _condition_columns(exp["kwargs"])}
        )
    return _Gx(context, batches, suites, columns)


@cache
def _iso2_codes() -> tuple[str, ...]:
    """ISO 3166-1 alpha-2, plus XK: Kosovo has no ISO code yet, and XK (user-assigned) is the one
    the EU, IMF and most news data use."""
    return tuple(sorted({c.alpha_2 for c in pycountry.countries} | {"XK"}))


def validate(tables: dict[str, pa.Table], run_id: str) -> Validated:
    """Validate every table of a batch; return what may load, the rejected rows and the results."""
    with _LOCK:
        return _validate(tables, run_id)


def _validate(tables: dict[str, pa.Table], run_id: str) -> Validated:
    state = _gx()
    missing = sorted(set(tables) - set(state.suites))
    if missing:
        raise KeyError(f"no expectation suite for table(s) {missing} in {EXPECTATIONS_DIR}")
    now = datetime.now(UTC)
    if not any(t.num_rows for t in tables.values()):
        return _empty_batch(state, tables, run_id, now)
    return _checked(state, tables, run_id, now)


def _empty_batch(state: _Gx, tables: dict[str, pa.Table], run_id: str, now: datetime) -> Validated:
    """A batch with no rows (a run with nothing new) still records every suite's result, but GE
    is asked once per process: a long-lived `newsfacts serve` then skips 0.6 s per idle run."""
    key = tuple(sorted(tables))
    if key not in state.empty:
        before = dict(state.latest)
        rows = _checked(state, tables, run_id, now).results.to_pylist()
        state.empty[key] = rows, {n: v for n, v in state.latest.items() if before.get(n) is not v}
    rows, outcomes = state.empty[key]
    for name, latest in outcomes.items():
        state.latest[name] = _Latest(run_id, now, latest.batch_id, latest.outcome)
    return _split(tables, {}, run_id, now, [{**row, "run_id": run_id, "checked_at": now} for row in rows])


def _checked(state: _Gx, tables: dict[str, pa.Table], run_id: str, now: datetime) -> Validated:
    articles = tables.get("articles", records.ARTICLES.empty_table())
    body_length = dict(
        zip(
            articles["article_id"].to_pylist(),
            pc.utf8_length(articles["body"]).to_pylist(),
            strict=True,
        )
    )
    params = {"today": date.today().isoformat(), "iso2_codes": list(_iso2_codes())}
    frames = {name: _frame(state, name, table) for name, table in tables.items()}
    spans = [name for name in tables if name in SPAN_TABLES]
    if spans:
        frames[SPANS] = _spans_frame({n: tables[n] for n in spans}, body_length)
    result_rows: list[dict[str, Any]] = []
    reasons: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for suite, frame in frames.items():
        outcome = _run_suite(state, suite, frame, params, run_id)
        result_rows += [_result_row(r, suite, run_id, now) for r in outcome.results]
        for index, why in _error_reasons(state, suite, outcome, frame, params):
            if suite == SPANS:
                reasons[frame.at[index, SPAN_TABLE]][int(frame.at[index, SPAN_ROW])].append(why)
            else:
                reasons[suite][int(index)].append(why)
    return _split(tables, reasons, run_id, now, result_rows)


def _frame(state: _Gx, suite: str, table: pa.Table) -> pd.DataFrame:
    """The columns the suite reads, as pandas (GE hashes every frame it is given)."""
    return table.select(state.columns[suite]).to_pandas()


def _spans_frame(tables: dict[str, pa.Table], body_length: dict[str, int]) -> pd.DataFrame:
    """The spans of all fact tables stacked, each with its table, row and article's body length."""
    parts = [
        pa.table(
            {
                SPAN_TABLE: pa.array([name] * table.num_rows, pa.string()),
                SPAN_ROW: pa.array(range(table.num_rows), pa.int64()),
                "article_id": table["article_id"],
                "start_char": table["start_char"],
                "end_char": table["end_char"],
            }
        )
        for name, table in tables.items()
    ]
    frame = pa.concat_tables(parts).to_pandas()
    frame[BODY_LENGTH] = frame["article_id"].map(body_length).astype("float64")
    return frame


def _run_suite(state: _Gx, name: str, frame: pd.DataFrame, params: dict[str, Any], run_id: str) -> Any:
    """Validate one frame with counts only; keep the result for Data Docs."""
    batch = state.batches[name].get_batch(batch_parameters={"dataframe": frame})
    outcome = batch.validate(state.suites[name], result_format="BASIC", expectation_parameters=params)
    _raise_if_broken(name, outcome.results)
    state.latest[name] = _Latest(run_id, datetime.now(UTC), batch.id, outcome)
    return outcome


def _raise_if_broken(suite: str, results: list[Any]) -> None:
    """An expectation that could not run is a broken suite or schema, not bad data: stop loudly."""
    for result in results:
        if result.exception_info.get("raised_exception"):
            raise RuntimeError(
                f"suite {suite}: {result.expectation_config.type} could not run: "
                f"{result.exception_info.get('exception_message')}"
            )


def _columns(kwargs: dict[str, Any]) -> list[str]:
    if "column" in kwargs:
        return [kwargs["column"]]
    if "column_A" in kwargs:
        return [kwargs["column_A"], kwargs["column_B"]]
    return list(kwargs.get("column_list", ()))


def _condition_columns(kwargs: dict[str, Any]) -> list[str]:
    """Columns a `row_condition` reads ({"column": {"name": "is_partial"}, ...}, nested in and/or
    groups): the frame must carry them too."""

    def names(node: Any) -> Iterator[str]:
        if isinstance(node, dict):
            if isinstance(node.get("column"), dict) and "name" in node["column"]:
                yield node["column"]["name"]
            for value in node.values():
                yield from names(value)
        elif isinstance(node, list):
            for value in node:
                yield from names(value)

    return list(dict.fromkeys(names(kwargs.get("row_condition"))))


def _severity(result: Any) -> str:
    return (result.expectation_config.meta or {}).get("severity", ERROR)


def _error_reasons(
    state: _Gx, suite: str, outcome: Any, frame: pd.DataFrame, params: dict[str, Any]
) -> Iterator[tuple[Any, str]]:
    """(frame index, why) for every row failing an error-level expectation.

    Only failed error-level expectations are run again with COMPLETE results,
    which list the failing rows: asking for them on every expectation would
    double the cost of a clean batch.
    """
    failed = [r for r in outcome.results if not r.success and _severity(r) == ERROR]
    if not failed:
        return
    batch = state.batches[suite].get_batch(batch_parameters={"dataframe": frame})
    for result in failed:
        config = result.expectation_config
        rerun = batch.validate(config.to_domain_obj(), result_format="COMPLETE", expectation_parameters=params)
        _raise_if_broken(suite, [rerun])
        columns = _columns(config.kwargs)
        for index in rerun.result.get("unexpected_index_list") or ():
            values = ", ".join(_show(frame.at[index, c]) for c in columns)
            yield index, f"{config.type} on {', '.join(columns)}: value {values}"


def _show(value: Any) -> str:
    text = "null" if value is None or value != value else repr(value)  # NaN != NaN
    return text if len(text) <= 80 else text[:77] + "..."


def _result_row(result: Any, suite: str, run_id: str, now: datetime) -> dict[str, Any]:
    config = result.expectation_config
    return {
        "run_id": run_id,
        "suite": suite,
        "expectation": config.type,
        "column_name": ", ".join(_columns(config.kwargs)) or None,
        "severity": _severity(result),
        "success": bool(result.success),
        "element_count": result.result.get("element_count"),
        "unexpected_count": result.result.get("unexpected_count"),
        "checked_at": now,
    }


def _split(
    tables: dict[str, pa.Table],
    reasons: dict[str, dict[int, list[str]]],
    run_id: str,
    now: datetime,
    result_rows: list[dict[str, Any]],
) -> Validated:
    """Remove rejected rows, and every row pointing to a rejected article, from each table."""
    articles = tables.get("articles", records.ARTICLES.empty_table())
    origin = {
        row["article_id"]: (row["source_file"], row["content_sha256"])
        for row in articles.select(["article_id", "source_file", "content_sha256"]).to_pylist()
    }
    dead = {articles["article_id"][i].as_py(): "; ".join(why) for i, why in reasons.get("articles", {}).items()}
    rejected: list[dict[str, Any]] = []
    kept: dict[str, pa.Table] = {}
    for name, table in tables.items():
        own = reasons.get(name, {})
        ids = table["article_id"].to_pylist()
        keep = [True] * table.num_rows
        for i, article_id in enumerate(ids):
            if i in own:
                why = "; ".join(own[i])
            elif article_id in dead:
                why = f"its article {article_id} was rejected ({dead[article_id]})"
            else:
                continue
            keep[i] = False
            source_file, sha = origin.get(article_id, (None, None))
            rejected.append(
                {
                    "run_id": run_id,
                    "source_file": source_file,
                    "stage": f"validate:{name}",
                    "reason": why,
                    "content_sha256": sha,
                    "raw": None,
                    "row_json": json.dumps(table.slice(i, 1).to_pylist()[0], default=str),
                    "quarantined_at": now,
                }
            )
        kept[name] = table if all(keep) else table.filter(pa.array(keep))
    return Validated(
        tables=kept,
        rejected=pa.Table.from_pylist(rejected, schema=records.QUARANTINE),
        results=pa.Table.from_pylist(result_rows, schema=records.DQ_RESULTS),
    )


def build_data_docs(out_dir: Path) -> Path | None:
    """Render GE's Data Docs for the latest result of each suite; None if nothing was validated.

    They are built offline and fetch their CSS from CDNs, so without a network
    they render unstyled; newsfacts' own report is the styled, self-contained view.
    """
    with _LOCK:
        if not _gx.cache_info().currsize or not _gx().latest:
            return None
        return _build_data_docs(out_dir)


def _build_data_docs(out_dir: Path) -> Path | None:
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )

    state = _gx()
    context = state.context
    store = context.validation_results_store
    for key in store.list_keys():
        store.remove_key(key)
    for suite, latest in state.latest.items():
        key = ValidationResultIdentifier(
            expectation_suite_identifier=ExpectationSuiteIdentifier(name=suite),
            # Not the bare run id: GE parses run names as dates, and "…T131804-8783ad" reads as an
            # impossible UTC offset that breaks the Data Docs page.
            run_id=RunIdentifier(run_name=f"newsfacts run {latest.run_id}", run_time=latest.run_time),
            batch_identifier=latest.batch_id,
        )
        latest.outcome.meta["run_id"] = key.run_id
        store.set(key, latest.outcome)
    site = {
        "class_name": "SiteBuilder",
        "store_backend": {
            "class_name": "TupleFilesystemStoreBackend",
            "base_directory": str(out_dir.resolve()),
        },
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
    }
    sites = context.config.data_docs_sites or {}
    if sites.get(DATA_DOCS_SITE) != site:
        if DATA_DOCS_SITE in sites:
            context.delete_data_docs_site(DATA_DOCS_SITE)
        context.add_data_docs_site(DATA_DOCS_SITE, site)
    out_dir.mkdir(parents=True, exist_ok=True)
    context.build_data_docs(site_names=[DATA_DOCS_SITE])
    index = out_dir / "index.html"
    return index if index.exists() else None
