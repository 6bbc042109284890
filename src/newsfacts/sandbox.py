"""User SQL runs sandboxed: through `newsfacts sql` the warehouse can be read and nothing else.

Three locks, each closing what the others leave open:

- the warehouse is opened read-only (a DuckLake attached READ_ONLY), so no statement writes it;
- DuckDB's external access is off and its configuration locked, so no query opens a file, a
  URL or an extension (a lake's own data files excepted, by their exact paths) and no SET or
  PRAGMA turns that back on;
- only statements that read are run: SELECT (with SHOW, DESCRIBE, SUMMARIZE and the PRAGMAs
  that read), CALL of a table function, and EXPLAIN of a query. Everything else — ATTACH,
  DETACH, USE, SET, PRAGMAs that change settings, COPY, INSTALL, LOAD, transactions — is refused
  before any statement of the input runs. DuckDB alone would let a query USE another database,
  DETACH a lake and attach its catalog again for writing, or EXPLAIN ANALYZE a COPY.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from newsfacts import store
from newsfacts.settings import Lake

READS = frozenset({duckdb.StatementType.SELECT, duckdb.StatementType.CALL})
# EXPLAIN [ANALYZE] [(options)] <statement>: ANALYZE runs the statement, so it must be a read too.
_EXPLAIN = re.compile(r"\s*EXPLAIN\s+(?:ANALY[SZ]E\s+)?(?:\([^)]*\)\s*)?(?P<inner>.*)\Z", re.IGNORECASE | re.DOTALL)
_LEADING_COMMENTS = re.compile(r"(?:\s+|--[^\n]*(?:\n|\Z)|/\*.*?\*/)*", re.DOTALL)


class Refused(ValueError):
    """A statement that does more than read the warehouse."""


@contextmanager
def connect(target: Path | Lake) -> Iterator[duckdb.DuckDBPyConnection]:
    """The warehouse opened read-only on a locked connection, for users' SQL."""
    with store.connect(target, read_only=True) as con:
        lock(con)
        yield con


def lock(con: duckdb.DuckDBPyConnection) -> None:
    """Turn external access off and lock the configuration; a lake's data files stay readable.

    Done after the warehouse is open (a lake needs its extension loaded and its catalog
    attached first); nothing on this connection can undo it. In SQL alone: a bound parameter
    would cost every `newsfacts sql` the import of pandas (a third of a second).
    """
    if store.is_lake(con):
        con.execute(store.sql("sandbox/lake_files"))
    con.execute(store.sql("sandbox/lock"))


def statements(con: duckdb.DuckDBPyConnection, text: str) -> list[duckdb.Statement]:
    """The statements of `text`, in order, once every one of them is known to only read.

    Raises Refused naming the first one that does more, before anything runs; a syntax
    error is DuckDB's own (duckdb.ParserException).
    """
    found = con.extract_statements(text)
    if not found:
        raise Refused("no SQL statement in the input")
    for number, statement in enumerate(found, start=1):
        if not _reads(con, statement):
            where = f" (statement {number} of {len(found)})" if len(found) > 1 else ""
            raise Refused(
                f"refused {_shown(statement.query)!r}{where}: newsfacts sql only reads the warehouse "
                "(SELECT, SHOW, DESCRIBE, SUMMARIZE, CALL, EXPLAIN); nothing was run"
            )
    return found


def _reads(con: duckdb.DuckDBPyConnection, statement: duckdb.Statement) -> bool:
    if statement.type in READS:
        return True
    if statement.type != duckdb.StatementType.EXPLAIN:
        return False
    match = _EXPLAIN.match(_uncommented(statement.query))
    try:
        inner = con.extract_statements(match["inner"]) if match else []
    except duckdb.Error:
        return False
    return len(inner) == 1 and inner[0].type in READS


def _shown(query: str, width: int = 60) -> str:
    """A statement on one short line, for a message."""
    text = " ".join(_uncommented(query).split()).rstrip(";")
    return text if len(text) <= width else text[: width - 1] + "…"


def _uncommented(query: str) -> str:
    """The statement without the comments and blank space before it."""
    return query[_LEADING_COMMENTS.match(query).end() :]
