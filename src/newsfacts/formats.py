"""Query results on standard output, as a table for a person or as CSV, JSON or JSON lines for a program.

A table is DuckDB's box, cut to a number of rows and the width of the terminal. The other formats
are meant to be piped and parsed, so they are stable: every row, streamed in chunks (a reader
that stops early, like `head`, stops the query), values as their own JSON type, dates and
times in ISO 8601, NULL as an empty CSV field or JSON null, lists and structs as JSON.
"""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterable, Sequence
from contextlib import redirect_stdout
from datetime import date, datetime, time
from decimal import Decimal
from itertools import chain
from typing import Any, TextIO

import duckdb

FORMATS = ("table", "csv", "json", "jsonl")
TABLE_WIDTH = 200  # characters, off a terminal; on one, its width
_CHUNK_ROWS = 2048


def default_format(out: TextIO) -> str:
    """A table on a terminal; CSV into a pipe or a file, where a cut-down box helps no one."""
    return "table" if out.isatty() else "csv"


def write_relation(rel: duckdb.DuckDBPyRelation, fmt: str, out: TextIO, max_rows: int) -> None:
    """One query's result; a table shows at most `max_rows` rows, the other formats all of them."""
    if fmt == "table":
        with redirect_stdout(out):  # DuckDB prints its box through Python's print
            width = shutil.get_terminal_size((TABLE_WIDTH, 24)).columns if out.isatty() else TABLE_WIDTH
            rel.show(max_rows=max_rows, max_width=width)
        return
    write_rows(rel.columns, _chunks(rel), fmt, out)


def _chunks(rel: duckdb.DuckDBPyRelation) -> Iterable[list[tuple[Any, ...]]]:
    rel.execute()
    while rows := rel.fetchmany(_CHUNK_ROWS):
        yield rows


def write_rows(columns: Sequence[str], chunks: Iterable[Sequence[Sequence[Any]]], fmt: str, out: TextIO) -> None:
    """Rows (in chunks) as CSV with a header, one JSON array of objects, or one JSON object per line.

    Nothing is written before the first chunk is there, so a query that fails leaves no partial header.
    """
    pending = iter(chunks)
    chunks = chain([next(pending, [])], pending)
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for chunk in chunks:
            writer.writerows([_csv_value(v) for v in row] for row in chunk)
        return
    first = True
    if fmt == "json":
        out.write("[")
    for chunk in chunks:
        lines = [_json(dict(zip(columns, row, strict=True))) for row in chunk]
        if not lines:
            continue
        if fmt == "json":
            out.write(("\n" if first else ",\n") + ",\n".join(lines))
        else:
            out.write("".join(line + "\n" for line in lines))
        first = False
    if fmt == "json":
        out.write("]\n" if first else "\n]\n")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_plain)


def _plain(value: Any) -> Any:
    """A JSON value for what json does not know: ISO 8601 for dates and times, numbers for decimals,
    text for bytes (undecodable bytes as \\xNN) and for anything else (UUIDs, intervals)."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "backslashreplace")
    return str(value)


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return _json(value)
    if isinstance(value, str | int | float):
        return value
    return _plain(value)
