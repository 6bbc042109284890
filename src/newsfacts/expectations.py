"""The expectation suites of expectations/*.json, evaluated over Arrow tables without Great Expectations.

Why not GE itself on the run's path: importing it costs about 5 s, and validating a batch
of 200 files through its pandas engine about 1.6 s, while what a suite asks for (counts
of nulls, set members, duplicates, values out of range) is a few Arrow kernels. The JSON
stays the one definition: GE reads the same files to build Data Docs from the recorded
results, and tests/test_expectations_parity.py holds this module to GE 1.24.1's verdicts
on the same frames.

The semantics are those of GE 1.24.1's pandas engine on the frames newsfacts gave it
(Arrow tables converted with `to_pandas`):

- A float NaN is a null, as pandas has it.
- `row_condition` (GE's condition objects: comparison, nullity, and, or) first narrows the
  rows; `element_count` is the rows left. A missing value fails every comparison but `!=`
  and NOT_IN, as in `DataFrame.query`.
- Column expectations other than not-null skip null values; `mostly` is measured on the
  non-null values (not-null measures it on all rows). A pair of columns skips rows where
  both are null (`ignore_row_if`), a column list rows where all are null; a null left in
  a comparison is unexpected. With nothing left to judge, an expectation passes.
- Regular expressions are Python's `re.search`, as pandas falls back to whenever pyarrow's
  RE2 would differ (`\\s`, Unicode `\\d`/`\\w`, `$` before a newline).
- `min_value`/`max_value` are coerced as GE's pydantic models do: numbers to float, an ISO
  date text to a date. `{"$PARAMETER": name}` takes a value from the parameters given.

What GE would do with types our tables never hold (a regex on numbers, a string compared
with a date) is refused with a SuiteError rather than guessed, as is an expectation type
or keyword this module does not know: a suite that cannot be evaluated stops the run.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

ERROR = "error"
WARNING = "warning"


class SuiteError(ValueError):
    """A suite this module cannot evaluate as GE would: fix the suite, not the data."""


@dataclass(frozen=True)
class Expectation:
    """One expectation of a suite, as written in its JSON."""

    type: str
    kwargs: Mapping[str, Any]
    meta: Mapping[str, Any]
    key: str  # stable within its suite: the type and a short hash of its kwargs

    @property
    def severity(self) -> str:
        return self.meta.get("severity", ERROR)

    @property
    def columns(self) -> tuple[str, ...]:
        """The columns whose values are judged (and shown in reasons and samples)."""
        if "column" in self.kwargs:
            return (self.kwargs["column"],)
        if "column_A" in self.kwargs:
            return (self.kwargs["column_A"], self.kwargs["column_B"])
        return tuple(self.kwargs.get("column_list", ()))

    @property
    def reads(self) -> tuple[str, ...]:
        """Every column the expectation reads: the judged ones and its row condition's."""
        return tuple(dict.fromkeys((*self.columns, *_condition_columns(self.kwargs.get("row_condition")))))


@dataclass(frozen=True)
class Suite:
    name: str
    meta: Mapping[str, Any]
    expectations: tuple[Expectation, ...]

    @property
    def reads(self) -> list[str]:
        return sorted({c for e in self.expectations for c in e.reads})


@dataclass(frozen=True)
class Outcome:
    """An expectation's verdict on one table, with the rows it found unexpected."""

    expectation: Expectation
    success: bool
    element_count: int
    unexpected_count: int
    unexpected_rows: pa.Array | None  # int64 row positions, ascending; None when not asked for


def expectation_key(type_: str, kwargs: Mapping[str, Any]) -> str:
    """The type plus a hash of the kwargs: one suite may hold two expectations of a type on a column."""
    digest = hashlib.sha256(json.dumps(kwargs, sort_keys=True, default=str).encode()).hexdigest()
    return f"{type_}:{digest[:8]}"


def load_suite(path: Path) -> Suite:
    """Read one suite's JSON; an expectation type or keyword we cannot evaluate fails here, by name."""
    spec = json.loads(path.read_text())
    name = spec["name"]
    expectations = []
    for raw in spec["expectations"]:
        type_, kwargs = raw["type"], raw.get("kwargs", {})
        if type_ not in _EVALUATORS:
            raise SuiteError(f"suite {name} ({path}): unknown expectation type {type_!r}")
        unknown = sorted(set(kwargs) - _KWARGS[type_] - _COMMON_KWARGS)
        if unknown:
            raise SuiteError(f"suite {name} ({path}): {type_} has keyword(s) {unknown} this engine does not know")
        expectations.append(Expectation(type_, kwargs, raw.get("meta") or {}, expectation_key(type_, kwargs)))
    keys = [e.key for e in expectations]
    if len(set(keys)) != len(keys):
        raise SuiteError(f"suite {name} ({path}): the same expectation is written twice")
    return Suite(name, spec.get("meta") or {}, tuple(expectations))


@cache
def load_suites(folder: Path) -> dict[str, Suite]:
    """Every suite in the folder, by name; read once per process."""
    suites = [load_suite(path) for path in sorted(folder.glob("*.json"))]
    return {s.name: s for s in suites}


def evaluate(suite: Suite, table: pa.Table, params: Mapping[str, Any]) -> list[Outcome]:
    """Every expectation of the suite on the table, in the suite's order."""
    missing = sorted(set(suite.reads) - set(table.column_names))
    if missing:
        raise SuiteError(f"suite {suite.name} reads column(s) {missing} the table does not have")
    return [_evaluate(e, table, params) for e in suite.expectations]


# --- one expectation -------------------------------------------------------------------------


def _evaluate(exp: Expectation, table: pa.Table, params: Mapping[str, Any]) -> Outcome:
    kwargs = {k: _resolve(v, params, exp) for k, v in exp.kwargs.items()}
    rows = table.num_rows
    domain = _condition(table, kwargs["row_condition"]) if kwargs.get("row_condition") else _all(rows)
    element_count = _count(domain)
    considered, expected = _EVALUATORS[exp.type](table, kwargs, domain)
    unexpected = pc.and_(considered, pc.invert(pc.fill_null(expected, False)))
    unexpected_count = _count(unexpected)
    judged = _count(considered)
    mostly = float(kwargs.get("mostly", 1.0))
    # GE: vacuously true on no rows (or, for all but not-null, no non-null values).
    success = element_count == 0 or judged == 0 or (judged - unexpected_count) / judged >= mostly
    rows_at = pc.indices_nonzero(unexpected).cast(pa.int64())
    return Outcome(exp, bool(success), element_count, unexpected_count, rows_at)


Evaluator = Callable[[pa.Table, dict[str, Any], pa.BooleanArray], tuple[pa.BooleanArray, pa.Array]]


def _not_null(table: pa.Table, kwargs: dict[str, Any], domain: pa.BooleanArray) -> tuple[pa.BooleanArray, pa.Array]:
    return domain, pc.invert(_missing(_column(table, kwargs["column"])))


def _non_null(evaluator: Callable[[pa.Array, dict[str, Any]], pa.Array]) -> Evaluator:
    """A column map expectation judged on the non-null values of its domain only."""

    def run(table: pa.Table, kwargs: dict[str, Any], domain: pa.BooleanArray) -> tuple[pa.BooleanArray, pa.Array]:
        values = _column(table, kwargs["column"])
        considered = pc.and_(domain, pc.invert(_missing(values)))
        return considered, evaluator(values, kwargs)

    return run


def _match_regex(values: pa.Array, kwargs: dict[str, Any]) -> pa.Array:
    if not _is_text(values.type):
        raise SuiteError(f"expect_column_values_to_match_regex needs a text column, not {values.type}")
    pattern = re.compile(kwargs["regex"])
    encoded = values.dictionary_encode()
    hits = [pattern.search(v) is not None for v in encoded.dictionary.to_pylist()]
    return pa.array(hits, pa.bool_()).take(encoded.indices)


def _in_set(values: pa.Array, kwargs: dict[str, Any]) -> pa.Array:
    value_set = kwargs.get("value_set")
    if value_set is None:  # GE: vacuously true
        return _all(len(values))
    if _is_text(values.type):
        members = pa.array([v for v in value_set if isinstance(v, str)], values.type)
    elif pa.types.is_integer(values.type) or pa.types.is_floating(values.type):
        values = values.cast(pa.float64())
        members = pa.array([float(v) for v in value_set if _is_number(v)], pa.float64())
    else:
        members = pa.array(list(value_set)).cast(values.type)
    return pc.is_in(values, value_set=members)


def _unique(table: pa.Table, kwargs: dict[str, Any], domain: pa.BooleanArray) -> tuple[pa.BooleanArray, pa.Array]:
    values = _column(table, kwargs["column"])
    considered = pc.and_(domain, pc.invert(_missing(values)))  # duplicates among non-null values only
    return considered, pc.invert(_duplicated([values], considered))


def _between(values: pa.Array, kwargs: dict[str, Any]) -> pa.Array:
    low, high = _bound(kwargs.get("min_value")), _bound(kwargs.get("max_value"))
    if low is None and high is None:
        raise SuiteError("expect_column_values_to_be_between needs min_value or max_value")
    for bound in (low, high):
        if bound is not None and not _comparable(values.type, bound):
            raise SuiteError(f"expect_column_values_to_be_between cannot compare {values.type} with {bound!r}")
    if low is not None and high is not None and low > high:
        raise SuiteError(f"expect_column_values_to_be_between: min_value {low!r} is above max_value {high!r}")
    return _within(values, low, high, kwargs)


def _lengths_between(values: pa.Array, kwargs: dict[str, Any]) -> pa.Array:
    if not _is_text(values.type):
        raise SuiteError(f"expect_column_value_lengths_to_be_between needs a text column, not {values.type}")
    low, high = kwargs.get("min_value"), kwargs.get("max_value")
    if low is None and high is None:
        raise SuiteError("expect_column_value_lengths_to_be_between needs min_value or max_value")
    return _within(pc.utf8_length(values), low, high, kwargs)


def _pair_greater(table: pa.Table, kwargs: dict[str, Any], domain: pa.BooleanArray) -> tuple[pa.BooleanArray, pa.Array]:
    a, b = _column(table, kwargs["column_A"]), _column(table, kwargs["column_B"])
    ignore = kwargs.get("ignore_row_if", "both_values_are_missing")
    skip = {
        "both_values_are_missing": lambda: pc.and_(_missing(a), _missing(b)),
        "either_value_is_missing": lambda: pc.or_(_missing(a), _missing(b)),
        "neither": lambda: _all(len(a), False),
    }
    if ignore not in skip:
        raise SuiteError(f"unknown ignore_row_if {ignore!r} for a column pair")
    considered = pc.and_(domain, pc.invert(skip[ignore]()))
    compare = pc.greater_equal if kwargs.get("or_equal") else pc.greater
    return considered, compare(a, b)


def _compound_unique(
    table: pa.Table, kwargs: dict[str, Any], domain: pa.BooleanArray
) -> tuple[pa.BooleanArray, pa.Array]:
    columns = [_column(table, c) for c in kwargs["column_list"]]
    missing = [_missing(c) for c in columns]
    ignore = kwargs.get("ignore_row_if", "all_values_are_missing")
    if ignore == "all_values_are_missing":
        skip = _fold(pc.and_, missing)
    elif ignore == "any_value_is_missing":
        skip = _fold(pc.or_, missing)
    elif ignore == "never":
        skip = _all(table.num_rows, False)
    else:
        raise SuiteError(f"unknown ignore_row_if {ignore!r} for a column list")
    considered = pc.and_(domain, pc.invert(skip))
    return considered, pc.invert(_duplicated(columns, considered))


_EVALUATORS: dict[str, Evaluator] = {
    "expect_column_values_to_not_be_null": _not_null,
    "expect_column_values_to_match_regex": _non_null(_match_regex),
    "expect_column_values_to_be_in_set": _non_null(_in_set),
    "expect_column_values_to_be_unique": _unique,
    "expect_column_values_to_be_between": _non_null(_between),
    "expect_column_value_lengths_to_be_between": _non_null(_lengths_between),
    "expect_column_pair_values_a_to_be_greater_than_b": _pair_greater,
    "expect_compound_columns_to_be_unique": _compound_unique,
}
_COMMON_KWARGS = frozenset({"mostly", "row_condition", "condition_parser"})
_BOUNDS = frozenset({"min_value", "max_value", "strict_min", "strict_max"})
_KWARGS: dict[str, frozenset[str]] = {
    "expect_column_values_to_not_be_null": frozenset({"column"}),
    "expect_column_values_to_match_regex": frozenset({"column", "regex"}),
    "expect_column_values_to_be_in_set": frozenset({"column", "value_set"}),
    "expect_column_values_to_be_unique": frozenset({"column"}),
    "expect_column_values_to_be_between": frozenset({"column"}) | _BOUNDS,
    "expect_column_value_lengths_to_be_between": frozenset({"column"}) | _BOUNDS,
    "expect_column_pair_values_a_to_be_greater_than_b": frozenset(
        {"column_A", "column_B", "or_equal", "ignore_row_if"}
    ),
    "expect_compound_columns_to_be_unique": frozenset({"column_list", "ignore_row_if"}),
}


# --- row conditions -------------------------------------------------------------------------


def _condition(table: pa.Table, node: Any) -> pa.BooleanArray:
    """GE's row condition objects as `DataFrame.query` evaluates them: a missing value fails
    every comparison except `!=` and NOT_IN."""
    if not isinstance(node, Mapping):
        raise SuiteError(f"row_condition {node!r}: only GE's condition objects are supported, not query strings")
    kind = node.get("type")
    if kind in ("and", "or"):
        parts = [_condition(table, c) for c in node["conditions"]]
        return _fold(pc.and_ if kind == "and" else pc.or_, parts)
    name = node["column"]["name"]
    if name not in table.column_names:
        raise SuiteError(f"row_condition reads column {name!r} the table does not have")
    values = _column(table, name)
    if kind == "nullity":
        missing = _missing(values)
        return missing if node["is_null"] else pc.invert(missing)
    if kind != "comparison":
        raise SuiteError(f"row_condition type {kind!r} is not supported")
    operator, parameter = node["operator"], node["parameter"]
    if operator in ("IN", "NOT_IN"):
        values, members = _comparable_column(values, list(parameter))
        found = pc.fill_null(pc.is_in(values, value_set=pa.array(members, values.type)), False)
        return found if operator == "IN" else pc.invert(found)
    compare = _COMPARISONS.get(operator)
    if compare is None:
        raise SuiteError(f"row_condition operator {operator!r} is not supported")
    values, (scalar,) = _comparable_column(values, [parameter])
    result = compare(values, pa.scalar(scalar, values.type))
    return pc.fill_null(result, operator == "!=")


_COMPARISONS = {
    "==": pc.equal,
    "!=": pc.not_equal,
    "<": pc.less,
    "<=": pc.less_equal,
    ">": pc.greater,
    ">=": pc.greater_equal,
}


def _comparable_column(values: pa.Array, parameters: list[Any]) -> tuple[pa.Array, list[Any]]:
    """The column and parameters in one Arrow type; numbers compare as floats."""
    if pa.types.is_boolean(values.type) and all(isinstance(p, bool) for p in parameters):
        return values, parameters
    if (pa.types.is_integer(values.type) or pa.types.is_floating(values.type)) and all(
        _is_number(p) for p in parameters
    ):
        return values.cast(pa.float64()), [float(p) for p in parameters]
    if _is_text(values.type) and all(isinstance(p, str) for p in parameters):
        return values, parameters
    raise SuiteError(f"row_condition compares a {values.type} column with {parameters!r}")


def _condition_columns(node: Any) -> Iterator[str]:
    if isinstance(node, Mapping):
        if isinstance(node.get("column"), Mapping) and "name" in node["column"]:
            yield node["column"]["name"]
        for value in node.values():
            yield from _condition_columns(value)
    elif isinstance(node, list):
        for value in node:
            yield from _condition_columns(value)


# --- values ---------------------------------------------------------------------------------


def _resolve(value: Any, params: Mapping[str, Any], exp: Expectation) -> Any:
    """A kwarg's value, with {"$PARAMETER": name} taken from the parameters."""
    if isinstance(value, Mapping) and "$PARAMETER" in value:
        name = value["$PARAMETER"]
        if name not in params:
            raise SuiteError(f"{exp.type}: no value for $PARAMETER {name!r}")
        return params[name]
    return value


def _bound(value: Any) -> float | date | datetime | None:
    """A min_value/max_value as GE's pydantic model coerces it: float, else date, else datetime."""
    if value is None or isinstance(value, datetime | date):
        return value
    if _is_number(value):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            pass
        match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value)
        try:
            return date(*map(int, match.groups())) if match else datetime.fromisoformat(value)
        except ValueError:
            pass
    raise SuiteError(f"bound {value!r} is neither a number nor a date")


def _comparable(kind: pa.DataType, bound: Any) -> bool:
    if isinstance(bound, float):
        return pa.types.is_integer(kind) or pa.types.is_floating(kind)
    return pa.types.is_date(kind) and not isinstance(bound, datetime)


def _within(values: pa.Array, low: Any, high: Any, kwargs: dict[str, Any]) -> pa.Array:
    checks = []
    if low is not None:
        checks.append((pc.greater if kwargs.get("strict_min") else pc.greater_equal)(values, pa.scalar(low)))
    if high is not None:
        checks.append((pc.less if kwargs.get("strict_max") else pc.less_equal)(values, pa.scalar(high)))
    return _fold(pc.and_, checks)


def _duplicated(columns: list[pa.Array], considered: pa.BooleanArray) -> pa.BooleanArray:
    """Rows whose values (all columns together) occur more than once among the considered rows,
    nulls equal to nulls, as pandas' `duplicated(keep=False)`."""
    key = None
    for column in columns:
        codes = _codes(column)
        key = codes if key is None else _codes(pc.add(pc.multiply(key, len(column) + 1), codes))
    kept = key.filter(considered)
    counts = pc.value_counts(kept)
    repeated = counts.field("values").filter(pc.greater(counts.field("counts"), 1))
    return pc.and_(considered, pc.is_in(key, value_set=repeated))


def _codes(values: pa.Array) -> pa.Array:
    """Dense int64 codes of the values, one for null (and NaN)."""
    if pa.types.is_floating(values.type):
        values = pc.if_else(pc.is_nan(values), pa.scalar(None, values.type), values)
    return values.dictionary_encode(null_encoding="encode").indices.cast(pa.int64())


def _column(table: pa.Table, name: str) -> pa.Array:
    return table.column(name).combine_chunks()


def _missing(values: pa.Array) -> pa.BooleanArray:
    return pc.is_null(values, nan_is_null=True)


def _all(rows: int, value: bool = True) -> pa.BooleanArray:
    return pa.repeat(pa.scalar(value), rows)


def _count(mask: pa.BooleanArray) -> int:
    return int(pc.sum(mask).as_py() or 0)


def _fold(op: Callable[[Any, Any], Any], arrays: list[Any]) -> Any:
    result = arrays[0]
    for array in arrays[1:]:
        result = op(result, array)
    return result


def _is_text(kind: pa.DataType) -> bool:
    return pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_string_view(kind)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
