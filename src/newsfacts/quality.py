"""Check each batch against the suites of `expectations/<table>.json` before it is loaded.

The suites are Great Expectations suites, and GE stays their reference, but a run does
not import it (about 5 s) or validate through it (about 1.6 s per batch of 200 files):

- `validate`, the run's path, evaluates the suites over the Arrow tables with
  `newsfacts.expectations` and records one result per expectation.
- `validate_with_ge` gives the same verdicts through GE 1.24.1's pandas engine, the way
  runs validated before; `ge_outcomes` is GE's verdict on one suite with every unexpected
  row. tests/test_expectations_parity.py and benchmarks/validate_speed.py compare them.
- `build_data_docs` renders GE's Data Docs from results a run recorded in `dq_results`,
  as an explicit step (`newsfacts report --data-docs`).

This is the only module that imports Great Expectations, and only inside the functions
that need it. Every expectation carries `meta.severity`:

- "error": the failing rows must not load. They go to `rejected` (the quarantine
  schema) with the expectation, column and value as the reason. When an article is
  rejected, every row of the other tables that points to it goes too, so nothing is
  left orphaned.
- "warning": only counted in `results`, never rejects.
"""

from __future__ import annotations

import json
import threading
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pycountry

from newsfacts import records
from newsfacts.expectations import ERROR, Outcome, Suite, evaluate, load_suites
from newsfacts.settings import EXPECTATIONS_DIR

# Added to the stacked spans of every fact table so the "spans" suite can check
# end_char <= len(body); never part of a loaded or quarantined row.
BODY_LENGTH = "body_length"
# The "spans" suite checks the spans of all fact tables in one table; these columns map
# its rows back to their table and row.
SPANS = "spans"
SPAN_TABLE = "table_name"
SPAN_ROW = "row_number"
SPAN_TABLES = ("people", "quotes", "quantities", "entities", "date_mentions", "links")
# Distinct unexpected values kept per expectation and run (dq_results.unexpected_sample), and
# the characters kept of each: a failing body would otherwise be stored whole.
SAMPLE_SIZE = 5
SHOWN_CHARS = 80
DATA_DOCS_SITE = "newsfacts"
# One GE context per process, shared by callers that may run in threads: GE's validations
# and Data Docs building take turns.
_LOCK = threading.Lock()

OutcomesOf = Callable[[Suite, pa.Table, Mapping[str, Any]], list[Outcome]]


@dataclass(frozen=True)
class Validated:
    """A batch split into what may load, what was rejected, and one result per expectation.

    `results` is empty when the batch had no rows: nothing was validated.
    """

    tables: dict[str, pa.Table]
    rejected: pa.Table
    results: pa.Table


def suites() -> dict[str, Suite]:
    return load_suites(EXPECTATIONS_DIR)


@cache
def _iso2_codes() -> tuple[str, ...]:
    """ISO 3166-1 alpha-2, plus XK: Kosovo has no ISO code yet, and XK (user-assigned) is the one
    the EU, IMF and most news data use."""
    return tuple(sorted({c.alpha_2 for c in pycountry.countries} | {"XK"}))


def parameters(today: date | None = None) -> dict[str, Any]:
    """The values of the suites' $PARAMETERs."""
    return {"today": (today or date.today()).isoformat(), "iso2_codes": list(_iso2_codes())}


def validate(tables: dict[str, pa.Table], run_id: str) -> Validated:
    """Validate every table of a batch; return what may load, the rejected rows and the results."""
    return _validate(tables, run_id, evaluate)


def validate_with_ge(tables: dict[str, pa.Table], run_id: str) -> Validated:
    """`validate` through Great Expectations, as runs did before: counts for every expectation,
    then the rows of each failed error-level one. The reference; slow."""
    with _LOCK:
        return _validate(tables, run_id, _ge_batch_outcomes)


def _validate(tables: dict[str, pa.Table], run_id: str, outcomes_of: OutcomesOf) -> Validated:
    known = suites()
    missing = sorted(set(tables) - set(known))
    if missing:
        raise KeyError(f"no expectation suite for table(s) {missing} in {EXPECTATIONS_DIR}")
    now = datetime.now(UTC)
    if not any(t.num_rows for t in tables.values()):
        return Validated(dict(tables), records.QUARANTINE.empty_table(), records.DQ_RESULTS.empty_table())
    params = parameters()
    result_rows: list[dict[str, Any]] = []
    reasons: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for name, frame in checked_tables(tables).items():
        for outcome in outcomes_of(known[name], frame, params):
            result_rows.append(_result_row(outcome, name, frame, run_id, now))
            if outcome.success or outcome.expectation.severity != ERROR:
                continue
            for row, why in _reasons(outcome, frame):
                if name == SPANS:
                    reasons[frame[SPAN_TABLE][row].as_py()][frame[SPAN_ROW][row].as_py()].append(why)
                else:
                    reasons[name][row].append(why)
    return _split(tables, reasons, run_id, now, result_rows)


def checked_tables(tables: Mapping[str, pa.Table]) -> dict[str, pa.Table]:
    """What the suites check: each table, plus the spans of all fact tables stacked with the
    body length of their article (null when the article is not in the batch)."""
    frames = dict(tables)
    spans = [name for name in SPAN_TABLES if name in tables]
    if spans:
        frames[SPANS] = _spans({n: tables[n] for n in spans}, tables.get("articles", records.ARTICLES.empty_table()))
    return frames


def _spans(tables: dict[str, pa.Table], articles: pa.Table) -> pa.Table:
    stacked = pa.concat_tables(
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
    )
    # The last article of an id wins, as a dict built from the batch would have it.
    ids = articles["article_id"].combine_chunks()[::-1]
    lengths = pc.utf8_length(articles["body"].combine_chunks()[::-1]).cast(pa.float64())
    at = pc.index_in(stacked["article_id"], value_set=ids, skip_nulls=True)
    return stacked.append_column(BODY_LENGTH, lengths.take(at.combine_chunks()))


def _reasons(outcome: Outcome, frame: pa.Table) -> Iterator[tuple[int, str]]:
    exp = outcome.expectation
    rows = outcome.unexpected_rows
    if rows is None or not len(rows):
        return
    columns = list(exp.columns)
    values = frame.select(columns).take(rows).to_pylist()
    for row, value in zip(rows.to_pylist(), values, strict=True):
        shown = ", ".join(_show(value[c]) for c in columns)
        yield row, f"{exp.type} on {', '.join(columns)}: value {shown}"


def _show(value: Any) -> str:
    text = "null" if value is None or value != value else repr(value)  # NaN != NaN
    return _cut(text)


def _cut(text: str) -> str:
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 3] + "..."


def _result_row(outcome: Outcome, suite: str, frame: pa.Table, run_id: str, now: datetime) -> dict[str, Any]:
    exp = outcome.expectation
    return {
        "run_id": run_id,
        "suite": suite,
        "expectation": exp.type,
        "column_name": ", ".join(exp.columns) or None,
        "severity": exp.severity,
        "success": outcome.success,
        "element_count": outcome.element_count,
        "unexpected_count": outcome.unexpected_count,
        "checked_at": now,
        "expectation_key": exp.key,
        "batches": 1,
        "batches_failed": 0 if outcome.success else 1,
        "unexpected_sample": _sample(outcome, frame),
    }


def _sample(outcome: Outcome, frame: pa.Table) -> str | None:
    """Up to SAMPLE_SIZE distinct unexpected values, first seen first, as a JSON array of text
    (null for a null; the values of several columns joined with ', ')."""
    rows = outcome.unexpected_rows
    if rows is None or not len(rows):
        return None
    columns = list(outcome.expectation.columns)
    if len(columns) == 1:
        values = pc.unique(frame[columns[0]].combine_chunks().take(rows))
        if pa.types.is_floating(values.type):
            values = pc.unique(pc.if_else(pc.is_nan(values), pa.scalar(None, values.type), values))
        texts = [_text(v) for v in values[:SAMPLE_SIZE].to_pylist()]
    else:
        texts = []
        for start in range(0, len(rows), 64):  # most failing pairs and keys are distinct: stop early
            for row in frame.select(columns).take(rows[start : start + 64]).to_pylist():
                text = ", ".join(_text(row[c]) or "null" for c in columns)
                if text not in texts:
                    texts.append(text)
            if len(texts) >= SAMPLE_SIZE:
                break
        texts = texts[:SAMPLE_SIZE]
    return json.dumps(texts, ensure_ascii=False)


def _text(value: Any) -> str | None:
    if value is None or value != value:
        return None
    return _cut(value if isinstance(value, str) else str(value))


def _split(
    tables: dict[str, pa.Table],
    reasons: dict[str, dict[int, list[str]]],
    run_id: str,
    now: datetime,
    result_rows: list[dict[str, Any]],
) -> Validated:
    """Remove rejected rows, and every row pointing to a rejected article, from each table."""
    articles = tables.get("articles", records.ARTICLES.empty_table())
    article_ids = articles["article_id"]
    dead = {article_ids[i].as_py(): "; ".join(why) for i, why in reasons.get("articles", {}).items()}
    dead_ids = pa.array(list(dead), pa.string())
    origin: dict[str, tuple[str | None, str | None]] | None = None
    rejected: list[dict[str, Any]] = []
    kept: dict[str, pa.Table] = {}
    for name, table in tables.items():
        own = reasons.get(name, {})
        drop = set(own)
        if dead:
            orphaned = pc.indices_nonzero(pc.fill_null(pc.is_in(table["article_id"], value_set=dead_ids), False))
            drop.update(orphaned.to_pylist())
        if not drop:
            kept[name] = table
            continue
        if origin is None:
            origin = {
                row["article_id"]: (row["source_file"], row["content_sha256"])
                for row in articles.select(["article_id", "source_file", "content_sha256"]).to_pylist()
            }
        ordered = sorted(drop)
        rows = table.take(pa.array(ordered, pa.int64())).to_pylist()
        for i, row in zip(ordered, rows, strict=True):
            article_id = row["article_id"]
            why = "; ".join(own[i]) if i in own else f"its article {article_id} was rejected ({dead[article_id]})"
            source_file, sha = origin.get(article_id, (None, None))
            rejected.append(
                {
                    "run_id": run_id,
                    "source_file": source_file,
                    "stage": f"validate:{name}",
                    "reason": why,
                    "content_sha256": sha,
                    "raw": None,
                    "row_json": json.dumps(row, default=str),
                    "quarantined_at": now,
                }
            )
        keep = pc.invert(pc.is_in(pa.array(range(table.num_rows), pa.int64()), value_set=pa.array(ordered, pa.int64())))
        kept[name] = table.filter(keep)
    return Validated(
        tables=kept,
        rejected=pa.Table.from_pylist(rejected, schema=records.QUARANTINE),
        results=pa.Table.from_pylist(result_rows, schema=records.DQ_RESULTS),
    )


# --- Great Expectations: the reference, and its Data Docs --------------------------------------


@dataclass
class _Gx:
    """GE objects built once per process: an in-memory context, a pandas source, and the batch
    definition and GE suite of each suite it has been asked to validate."""

    context: Any
    source: Any
    batches: dict[str, Any] = field(default_factory=dict)
    suites: dict[tuple[str, tuple[str, ...]], Any] = field(default_factory=dict)


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
        analytics_enabled=False,  # no network calls
        progress_bars=ProgressBarsConfig(globally=False),
    )
    context = gx.get_context(mode="ephemeral", project_config=config)
    return _Gx(context, context.data_sources.add_pandas("newsfacts"))


def _ge_suite(suite: Suite) -> Any:
    """The GE suite of the same expectations (the same JSON), added to the context once."""
    import great_expectations as gx

    state = _gx()
    key = (suite.name, tuple(e.key for e in suite.expectations))
    if key not in state.suites:
        expectations = [{"type": e.type, "kwargs": dict(e.kwargs), "meta": dict(e.meta)} for e in suite.expectations]
        name = suite.name if not any(k[0] == suite.name for k in state.suites) else f"{suite.name}-{len(state.suites)}"
        state.suites[key] = state.context.suites.add(
            gx.ExpectationSuite(name=name, expectations=expectations, meta=dict(suite.meta))
        )
    return state.suites[key]


def _ge_batch(suite: Suite, table: pa.Table) -> Any:
    state = _gx()
    if suite.name not in state.batches:
        asset = state.source.add_dataframe_asset(suite.name)
        state.batches[suite.name] = asset.add_batch_definition_whole_dataframe("batch")
    frame = table.select(suite.reads).to_pandas()
    return state.batches[suite.name].get_batch(batch_parameters={"dataframe": frame})


def ge_outcomes(suite: Suite, table: pa.Table, params: Mapping[str, Any]) -> list[Outcome]:
    """GE's verdict on every expectation of the suite, with every unexpected row (COMPLETE)."""
    with _LOCK:
        batch = _ge_batch(suite, table)
        result = batch.validate(_ge_suite(suite), result_format="COMPLETE", expectation_parameters=params)
        checked = _checked(suite, result.results)
        return [_outcome(exp, r, True) for exp, r in zip(suite.expectations, checked, strict=True)]


def _ge_batch_outcomes(suite: Suite, table: pa.Table, params: Mapping[str, Any]) -> list[Outcome]:
    """Counts for every expectation; the rows only of failed error-level ones (COMPLETE costs)."""
    batch = _ge_batch(suite, table)
    basic = batch.validate(_ge_suite(suite), result_format="BASIC", expectation_parameters=params)
    outcomes = []
    for exp, result in zip(suite.expectations, _checked(suite, basic.results), strict=True):
        if not result.success and exp.severity == ERROR:
            config = result.expectation_config.to_domain_obj()
            result = batch.validate(config, result_format="COMPLETE", expectation_parameters=params)
            _checked(suite, [result])
            outcomes.append(_outcome(exp, result, True))
        else:
            outcomes.append(_outcome(exp, result, False))
    return outcomes


def _checked(suite: Suite, results: Sequence[Any]) -> list[Any]:
    """GE's results in the suite's order (GE returns them in its own). An expectation GE could not
    run is a broken suite or schema, not bad data: stop loudly."""
    for result in results:
        if result.exception_info.get("raised_exception"):
            raise RuntimeError(
                f"suite {suite.name}: {result.expectation_config.type} could not run: "
                f"{result.exception_info.get('exception_message')}"
            )
    if len(results) == 1:
        return list(results)
    order = {e.id: i for i, e in enumerate(_ge_suite(suite).expectations)}
    return sorted(results, key=lambda r: order[r.expectation_config.id])


def _outcome(exp: Any, result: Any, with_rows: bool) -> Outcome:
    rows = pa.array(sorted(result.result.get("unexpected_index_list") or ()), pa.int64()) if with_rows else None
    return Outcome(
        exp,
        bool(result.success),
        int(result.result.get("element_count") or 0),
        int(result.result.get("unexpected_count") or 0),
        rows,
    )


def build_data_docs(out_dir: Path, results: pa.Table) -> Path | None:
    """Render GE's Data Docs for one run's recorded results (`store.latest_dq_results`); None when
    there are none. Rows whose expectation is no longer in its suite are left out.

    A run never calls this (it must not import GE): `newsfacts report --data-docs` does. The pages
    are built offline and fetch their CSS from CDNs, so without a network they render unstyled;
    newsfacts' own report is the styled, self-contained view.
    """
    if not results.num_rows:
        return None
    with _LOCK:
        return _build_data_docs(out_dir, results)


def _build_data_docs(out_dir: Path, results: pa.Table) -> Path | None:
    from great_expectations.core import ExpectationSuiteValidationResult, ExpectationValidationResult
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    state = _gx()
    context = state.context
    store = context.validation_results_store
    for key in store.list_keys():
        store.remove_key(key)
    known = suites()
    for suite in known.values():  # Data Docs list each suite's own page too
        _ge_suite(suite)
    by_suite: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in results.to_pylist():
        by_suite[row["suite"]].append(row)
    for name, rows in sorted(by_suite.items()):
        suite = known.get(name)
        expectations = {e.key: e for e in suite.expectations} if suite else {}
        checked_at = max(r["checked_at"] for r in rows)
        params = parameters(checked_at.date())
        evrs = []
        for row in rows:
            exp = expectations.get(row["expectation_key"])
            if exp is None:
                continue
            kwargs = {k: _param_value(v, params) for k, v in exp.kwargs.items()}
            evrs.append(
                ExpectationValidationResult(
                    success=row["success"],
                    expectation_config=ExpectationConfiguration(type=exp.type, kwargs=kwargs, meta=dict(exp.meta)),
                    result={
                        "element_count": row["element_count"],
                        "unexpected_count": row["unexpected_count"],
                        "unexpected_percent": (
                            100.0 * row["unexpected_count"] / row["element_count"] if row["element_count"] else None
                        ),
                        "partial_unexpected_list": json.loads(row["unexpected_sample"] or "[]"),
                        "details": {"batches": row["batches"], "batches_failed": row["batches_failed"]},
                    },
                )
            )
        if not evrs:
            continue
        passed = sum(1 for r in evrs if r.success)
        run = RunIdentifier(
            # Not the bare run id: GE parses run names as dates, and "…T131804-8783ad" reads as an
            # impossible UTC offset that breaks the Data Docs page.
            run_name=f"newsfacts run {rows[0]['run_id']}",
            run_time=checked_at,
        )
        outcome = ExpectationSuiteValidationResult(
            success=passed == len(evrs),
            results=evrs,
            suite_name=name,
            statistics={
                "evaluated_expectations": len(evrs),
                "successful_expectations": passed,
                "unsuccessful_expectations": len(evrs) - passed,
                "success_percent": 100.0 * passed / len(evrs),
            },
            meta={
                "run_id": run,
                "active_batch_definition": {"datasource_name": "newsfacts", "data_asset_name": name},
                "batches": max(r["batches"] for r in rows),
            },
        )
        key = ValidationResultIdentifier(
            expectation_suite_identifier=ExpectationSuiteIdentifier(name=name),
            run_id=run,
            batch_identifier=f"run-{rows[0]['run_id']}",
        )
        store.set(key, outcome)
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


def _param_value(value: Any, params: Mapping[str, Any]) -> Any:
    if isinstance(value, Mapping) and "$PARAMETER" in value:
        return params.get(value["$PARAMETER"], value)
    return value
