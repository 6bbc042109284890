"""newsfacts.expectations against Great Expectations 1.24.1 itself, on the same tables.

Every suite of expectations/ and crafted suites for the edges (nulls, NaN, empty tables,
duplicates, `mostly` thresholds, Unicode regexes, row conditions, parameters): success,
element_count, unexpected_count and the unexpected rows must be GE's, and a whole batch
must split into the same loaded, quarantined and counted rows by either path.
"""

from __future__ import annotations

import json
import math
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from newsfacts import quality, records
from newsfacts.expectations import Suite, SuiteError, evaluate, load_suite
from tests.test_quality import BODY, article, batch, entity, quote

PARAMS = quality.parameters()
TODAY = date.today()
NAN = math.nan


def verdicts(outcomes: list[Any]) -> list[tuple[Any, ...]]:
    return [
        (o.expectation.key, o.success, o.element_count, o.unexpected_count, o.unexpected_rows.to_pylist())
        for o in outcomes
    ]


def assert_same(suite: Suite, table: pa.Table, params: dict[str, Any] = PARAMS) -> list[tuple[Any, ...]]:
    ours = verdicts(evaluate(suite, table, params))
    assert ours == verdicts(quality.ge_outcomes(suite, table, params))
    return ours


def suite_of(tmp_path: Path, name: str, *expectations: dict[str, Any]) -> Suite:
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps({"name": name, "expectations": list(expectations)}))
    return load_suite(path)


def quantity(article_id: str, quantity_id: str, value: float, unit: str | None = "GBP") -> dict[str, Any]:
    return {
        "article_id": article_id,
        "quantity_id": quantity_id,
        "value": value,
        "unit": unit,
        "qualifier": None,
        "about": None,
        "sentence": None,
        "start_char": 1,
        "end_char": 4,
    }


def person(article_id: str, person_id: str | None, name: str | None) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "person_id": person_id,
        "name": name,
        "role": None,
        "mentions": 1,
        "start_char": 0,
        "end_char": 4,
    }


def messy_batch() -> dict[str, pa.Table]:
    """Every table, with what goes wrong in real input: nulls, NaN, infinities, duplicates,
    Unicode whitespace and digits, trailing newlines, dates at the bounds, orphans."""
    articles = [
        article("a1"),
        article("a1", source_file="again.txt"),  # duplicate id
        article("a2", title=None, body="Short.", content_sha256="AB" * 32),
        article("a3", published_date=TODAY),
        article("a4", published_date=TODAY + timedelta(days=1)),
        article("a5", published_date=date(1990, 1, 1), content_sha256="ab" * 32 + "\n"),
        article("a6", published_date=date(1989, 12, 31), body="Ünïcödé bödy 😀 " * 20),
        article(None, source_file=None),  # type: ignore[arg-type]
    ]
    people = [
        person("a1", "p1", "Jane Smith"),
        person("a1", "p1", "Jane Smith"),  # the same person twice in one article
        person("a1", "p2", "Haldane"),
        person("a3", "p3", "Jean\u00a0Dupont"),  # a no-break space is whitespace to Python
        person("a3", "p4", "Anna\u2003"),
        person("a3", None, None),
        person("a5", "p5", "Li\tWei"),
    ]
    quotes = [
        quote("a1", "q1"),
        quote("a1", "q1", speaker=None),  # duplicate id
        quote("a1", "q2", quote_text="\u2003\u00a0"),  # only whitespace
        quote("a3", "q3", speaker=None, is_partial=True),
        quote("a3", "q4", speaker=None),
        quote("a3", "q5", start_char=-1),
        quote("a3", "q6", start_char=9, end_char=9),
        quote("a6", "q7", end_char=len("Ünïcödé bödy 😀 " * 20) + 1),
        quote("gone", "q8"),  # orphan
    ]
    quantities = [
        quantity("a1", "n1", 85e6),
        quantity("a1", "n2", NAN),
        quantity("a1", "n3", math.inf),
        quantity("a1", "n4", -math.inf, unit="asylum claims"),
        quantity("a3", "n5", -1e18, unit=None),
        quantity("a3", "n5", 1e18 + 1, unit="countries"),
    ]
    entities = [
        entity("a1", "France", "FR"),
        entity("a1", "France", "FR"),
        entity("a1", "Atlantis", "XX"),
        entity("a1", "Kosovo", "XK"),
        entity("a3", "Peru", "pe"),
        entity("a3", "Nowhere", None),
        {**entity("a3", "Thing", None), "entity_type": "MONEY"},
        {**entity("a3", "Thing", None), "name": None},
    ]
    date_mentions = [
        {"article_id": "a1", "text": t, "resolved": r, "start_char": 0, "end_char": 4}
        for t, r in [
            ("June 2007", "2007-06"),
            ("2007", "2007\n"),
            ("the 1990s", "199"),
            ("week 53", "2007-W53"),
            ("month 13", "2007-13"),
            ("fullwidth", "\uff12\uff10\uff10\uff17"),
            ("arabic", "\u0662\u0660\u0660\u0667"),
            ("none", None),
            (None, "2007-06-20"),
        ]
    ]
    links = [
        {"article_id": "a1", "url": u, "start_char": 0, "end_char": 5}
        for u in ["https://example.org/a", "http://example.org/\u00e9", "www.example.org", "ftp://x\n", "http://a b"]
    ]
    flags = [
        {"article_id": "a1", "check": "c", "severity": s, "message": "m", "run_id": "r1"}
        for s in ["error", "warning", "info", "fatal", None]
    ]
    return batch(
        articles=articles,
        people=people,
        quotes=quotes,
        quantities=quantities,
        entities=entities,
        date_mentions=date_mentions,
        links=links,
        dq_flags=flags,
    )


@pytest.mark.parametrize("name", sorted(quality.suites()))
def test_every_suite_gives_ges_verdicts_on_a_messy_batch(name: str) -> None:
    table = quality.checked_tables(messy_batch())[name]
    got = assert_same(quality.suites()[name], table)
    assert any(not success for _, success, *_ in got), "the batch must break something in every suite"


@pytest.mark.parametrize("name", sorted(quality.suites()))
def test_every_suite_gives_ges_verdicts_on_a_clean_and_an_empty_table(name: str) -> None:
    clean = batch(articles=[article("a1")], quotes=[quote("a1", "q1")], entities=[entity("a1", "France", "FR")])
    for tables in (clean, batch()):
        assert_same(quality.suites()[name], quality.checked_tables(tables)[name])


def test_a_whole_batch_splits_the_same_by_either_path() -> None:
    tables = messy_batch()
    ours, theirs = quality.validate(tables, "r1"), quality.validate_with_ge(tables, "r1")
    assert ours.tables.keys() == theirs.tables.keys()
    for name in ours.tables:
        assert ours.tables[name].equals(theirs.tables[name]), name
    moment = ["quarantined_at"]
    assert ours.rejected.drop_columns(moment).equals(theirs.rejected.drop_columns(moment))
    assert ours.rejected.num_rows > 10
    # GE's path lists the unexpected values only of the failed error-level expectations.
    counted = ["checked_at", "unexpected_sample"]
    assert ours.results.drop_columns(counted).equals(theirs.results.drop_columns(counted))


@pytest.mark.parametrize("unattributed", range(6))
def test_mostly_at_and_around_its_threshold(unattributed: int) -> None:
    """quotes: speaker not null for mostly 0.8 of full quotes; partial quotes do not count."""
    quotes = [quote("a1", f"q{i}", speaker=None if i < unattributed else "X") for i in range(5)]
    quotes += [quote("a1", "p", speaker=None, is_partial=True)]
    table = quality.checked_tables(batch(articles=[article("a1")], quotes=quotes))["quotes"]
    got = {key: success for key, success, *_ in assert_same(quality.suites()["quotes"], table)}
    assert got[next(k for k in got if "not_be_null" in k and k != quality.suites()["quotes"].expectations[0].key)] is (
        unattributed <= 1
    )


@pytest.mark.parametrize("single_names", [0, 1, 2, 10])
def test_mostly_on_regex_with_nulls(single_names: int) -> None:
    people = [person("a1", f"p{i}", "Jane Smith") for i in range(18)]
    people += [person("a1", f"s{i}", "Haldane") for i in range(single_names)] + [person("a1", "n", None)]
    assert_same(quality.suites()["people"], quality.checked_tables(batch(people=people))["people"])


def test_row_conditions_as_dataframe_query_has_them(tmp_path: Path) -> None:
    def not_null(condition: dict[str, Any]) -> dict[str, Any]:
        return {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "t", "row_condition": condition}}

    def compare(column: str, operator: str, parameter: Any) -> dict[str, Any]:
        return {"type": "comparison", "column": {"name": column}, "operator": operator, "parameter": parameter}

    conditions = [
        compare("s", "==", "a"),
        compare("s", "!=", "a"),
        compare("x", "<", 1.5),
        compare("x", ">=", 1),
        compare("x", "!=", 2.0),
        compare("n", "<=", 2),
        compare("n", ">", 1.5),
        compare("b", "==", True),
        compare("s", "IN", ["a", "b"]),
        compare("s", "NOT_IN", ["a"]),
        compare("x", "IN", [1.0, 2.0]),
        {"type": "nullity", "column": {"name": "x"}, "is_null": True},
        {"type": "nullity", "column": {"name": "s"}, "is_null": False},
        {"type": "and", "conditions": [compare("s", "!=", "b"), compare("x", "<", 3)]},
        {
            "type": "or",
            "conditions": [compare("s", "==", "b"), {"type": "nullity", "column": {"name": "x"}, "is_null": True}],
        },
        {"type": "or", "conditions": [compare("n", "==", 9), compare("n", "==", 10)]},  # matches nothing
    ]
    suite = suite_of(tmp_path, "conditions", *[not_null(c) for c in conditions])
    table = pa.table(
        {
            "t": ["x", None, "x", None, None, "x", None],
            "s": ["a", "b", None, "a", "c", None, "b"],
            "x": [1.0, 2.0, NAN, None, 1.0, 3.0, 2.0],
            "n": pa.array([1, 2, 3, 4, 1, 2, 3], pa.int32()),
            "b": [True, False, True, True, False, False, True],
        }
    )
    got = assert_same(suite, table)
    assert len({count for _, _, count, _, _ in got}) >= 3  # the conditions narrow the rows differently


def test_unicode_regexes_and_lengths(tmp_path: Path) -> None:
    def regex(pattern: str) -> dict[str, Any]:
        return {"type": "expect_column_values_to_match_regex", "kwargs": {"column": "s", "regex": pattern}}

    def lengths(low: int | None, high: int | None, **strict: bool) -> dict[str, Any]:
        kwargs = {"column": "s", "min_value": low, "max_value": high, **strict}
        return {"type": "expect_column_value_lengths_to_be_between", "kwargs": kwargs}

    suite = suite_of(
        tmp_path,
        "unicode",
        regex(r"^\w+$"),
        regex(r"\d"),
        regex(r"^\S+$"),
        regex(r"\s"),
        regex(r"\bcaf\b"),
        regex(r"^abc$"),
        regex(r"(?i)STRASSE|straße"),
        regex(r"^.{3}$"),
        regex(r"[À-ÿ]"),
        regex(r"\Z"),
        lengths(3, 3),
        lengths(1, 4, strict_min=True, strict_max=True),
        lengths(None, 2),
        lengths(4, None),
    )
    values = [
        "café",
        "naïve",
        "東京",
        "a b",
        "x_y",
        "\u0661\u0662\u0663",
        "abc\n",
        "abc",
        "e\u0301ab",
        "Jean\u00a0Dupont",
        "😀😀😀",
        "\x0b",
        "Straße",
        "",
        None,
        "caf é",
    ]
    got = assert_same(suite, pa.table({"s": values}))
    assert len({count for _, _, _, count, _ in got}) > 4


def test_uniqueness_with_nulls_and_nan(tmp_path: Path) -> None:
    unique = "expect_column_values_to_be_unique"
    compound = "expect_compound_columns_to_be_unique"
    suite = suite_of(
        tmp_path,
        "unique",
        {"type": unique, "kwargs": {"column": "s"}},
        {"type": unique, "kwargs": {"column": "x"}},
        {"type": unique, "kwargs": {"column": "s", "mostly": 0.5}},
        {"type": compound, "kwargs": {"column_list": ["s", "x"]}},
        {"type": compound, "kwargs": {"column_list": ["s", "x"], "ignore_row_if": "any_value_is_missing"}},
        {"type": compound, "kwargs": {"column_list": ["s", "x"], "ignore_row_if": "never"}},
        {"type": compound, "kwargs": {"column_list": ["s", "n", "x"], "mostly": 0.7}},
    )
    table = pa.table(
        {
            "s": ["a", "a", None, None, "b", "c", None, "d"],
            "x": [1.0, 1.0, NAN, None, NAN, 2.0, 3.0, 3.0],
            "n": pa.array([1, 1, 2, 2, 3, 3, 4, 4], pa.int64()),
        }
    )
    assert_same(suite, table)
    assert_same(suite, table.slice(0, 0))


def test_pairs_sets_and_bounds(tmp_path: Path) -> None:
    pair = "expect_column_pair_values_a_to_be_greater_than_b"
    between = "expect_column_values_to_be_between"
    in_set = "expect_column_values_to_be_in_set"
    suite = suite_of(
        tmp_path,
        "pairs",
        {"type": pair, "kwargs": {"column_A": "x", "column_B": "n"}},
        {"type": pair, "kwargs": {"column_A": "x", "column_B": "n", "or_equal": True}},
        {"type": pair, "kwargs": {"column_A": "x", "column_B": "n", "ignore_row_if": "either_value_is_missing"}},
        {"type": pair, "kwargs": {"column_A": "x", "column_B": "n", "ignore_row_if": "neither"}},
        {"type": between, "kwargs": {"column": "x", "min_value": 0, "max_value": 2}},
        {
            "type": between,
            "kwargs": {"column": "x", "min_value": 0, "max_value": 2, "strict_min": True, "strict_max": True},
        },
        {"type": between, "kwargs": {"column": "n", "max_value": 2, "mostly": 0.5}},
        {"type": between, "kwargs": {"column": "d", "min_value": "2000-01-01", "max_value": {"$PARAMETER": "today"}}},
        {"type": between, "kwargs": {"column": "d", "min_value": "2000-01-01", "strict_min": True}},
        {"type": in_set, "kwargs": {"column": "n", "value_set": [1, 2.0]}},
        {"type": in_set, "kwargs": {"column": "x", "value_set": [1, 2]}},
        {"type": in_set, "kwargs": {"column": "s", "value_set": {"$PARAMETER": "iso2_codes"}}},
        {"type": in_set, "kwargs": {"column": "s", "value_set": []}},
    )
    table = pa.table(
        {
            "x": [1.0, 2.0, NAN, None, 3.0, math.inf, 0.0, 2.0],
            "n": pa.array([0, 2, 1, None, None, 1, 0, 3], pa.int32()),
            "d": [
                date(2000, 1, 1),
                TODAY,
                TODAY + timedelta(days=1),
                None,
                date(1999, 1, 1),
                date(2010, 5, 5),
                date(2000, 1, 2),
                None,
            ],
            "s": ["FR", "XK", "fr", None, "XX", "GB", "", "DE"],
        }
    )
    assert_same(suite, table)


def test_an_unknown_expectation_type_fails_loudly_by_name(tmp_path: Path) -> None:
    with pytest.raises(SuiteError, match="unknown expectation type 'expect_column_max_to_be_between'"):
        suite_of(
            tmp_path, "odd", {"type": "expect_column_max_to_be_between", "kwargs": {"column": "x", "max_value": 1}}
        )
    with pytest.raises(SuiteError, match=r"keyword\(s\) \['regexx'\]"):
        suite_of(
            tmp_path, "typo", {"type": "expect_column_values_to_match_regex", "kwargs": {"column": "x", "regexx": "a"}}
        )


def test_what_ge_could_not_compare_is_refused_not_guessed(tmp_path: Path) -> None:
    suite = suite_of(
        tmp_path, "types", {"type": "expect_column_values_to_be_between", "kwargs": {"column": "s", "min_value": 1}}
    )
    with pytest.raises(SuiteError, match="cannot compare string"):
        evaluate(suite, pa.table({"s": ["a"]}), PARAMS)
    missing = suite_of(tmp_path, "gone", {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "nope"}})
    with pytest.raises(SuiteError, match=r"\['nope'\]"):
        evaluate(missing, pa.table({"s": ["a"]}), PARAMS)
    param = suite_of(
        tmp_path,
        "param",
        {"type": "expect_column_values_to_be_in_set", "kwargs": {"column": "s", "value_set": {"$PARAMETER": "nope"}}},
    )
    with pytest.raises(SuiteError, match="nope"):
        evaluate(param, pa.table({"s": ["a"]}), PARAMS)


def test_spans_of_an_article_that_appears_twice_use_the_last(tmp_path: Path) -> None:
    tables = batch(
        articles=[article("a1"), article("a1", body="Short body.")],
        quotes=[quote("a1", "q1", start_char=0, end_char=30)],
    )
    spans = quality.checked_tables(tables)["spans"]
    assert spans["body_length"].to_pylist() == [11.0]
    assert len(BODY) > 30
    assert_same(quality.suites()["spans"], spans)
    assert records.QUARANTINE.names == quality.validate(tables, "r").rejected.schema.names
