"""Attaching a DuckLake: its extensions loaded by path, and credentials for an object store.

A lake for several machines keeps its catalog in PostgreSQL (DuckDB's postgres extension)
and its Parquet files under an s3:// prefix (the httpfs extension). Every extension comes
from its pinned duckdb-extension-* package and is loaded by path, never downloaded: a run
needs no network but the catalog and the store. Credentials for the store come from the
standard AWS variables into a DuckDB secret that lives in the connection's memory only;
they never appear on a command line, in a log or in the catalog.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from types import ModuleType
from urllib.parse import urlsplit

import duckdb
import duckdb_extension_ducklake
import duckdb_extension_httpfs
import duckdb_extension_postgres_scanner

from newsfacts.settings import Lake

CREATE_RACE_TRIES = 5


def extension_path(package: ModuleType, name: str) -> Path:
    """The extension `name` shipped by a duckdb-extension-* package, for this DuckDB version."""
    path = Path(package.__file__).parent / "extensions" / f"v{duckdb.__version__}" / f"{name}.duckdb_extension"
    if not path.is_file():
        raise FileNotFoundError(f"no {name} extension for DuckDB {duckdb.__version__} at {path}")
    return path


def _literal(text: str) -> str:
    """A SQL string literal: ATTACH, SET and CREATE SECRET take no bound parameters."""
    return "'" + text.replace("'", "''") + "'"


def is_server_catalog(lake: Lake) -> bool:
    """Whether the catalog is a database server (PostgreSQL) rather than a local DuckDB file."""
    return lake.catalog.removeprefix("ducklake:").startswith("postgres:")


def attach(con: duckdb.DuckDBPyConnection, lake: Lake, read_only: bool) -> None:
    """Attach the lake as `lake` and make it the default database."""
    # Nothing is ever fetched: an extension the code did not load by path is an error, not a download.
    con.execute("SET autoinstall_known_extensions = false")
    if is_server_catalog(lake):
        con.load_extension(str(extension_path(duckdb_extension_postgres_scanner, "postgres_scanner")))
    con.load_extension(str(extension_path(duckdb_extension_ducklake, "ducklake")))
    if (lake.data_path or "").startswith("s3://") or os.environ.get("AWS_ACCESS_KEY_ID"):
        object_store(con)
    options = ["READ_ONLY"] if read_only else []
    if lake.data_path and not read_only:
        options.append(f"DATA_PATH {_literal(lake.data_path)}")
    suffix = f" ({', '.join(options)})" if options else ""
    for attempt in range(CREATE_RACE_TRIES):
        try:
            con.execute(f"ATTACH {_literal(lake.catalog)} AS lake{suffix}")
            break
        except duckdb.Error as exc:
            # Two writers attaching a new lake at once both set up its catalog tables; the one that
            # loses (PostgreSQL: "duplicate key", "already exists") finds them made when it looks again.
            lost = "duplicate key" in str(exc) or "already exists" in str(exc)
            if attempt + 1 == CREATE_RACE_TRIES or not lost:
                raise
            time.sleep(0.2 * (attempt + 1))
    con.execute("USE lake")


def object_store(con: duckdb.DuckDBPyConnection) -> None:
    """Load httpfs and, when AWS_ACCESS_KEY_ID is set, an S3 secret from the standard AWS variables.

    AWS_ENDPOINT_URL_S3 (or AWS_ENDPOINT_URL) points at an S3-compatible store other than AWS
    (path-style URLs, TLS as its scheme says); the region comes from AWS_REGION or AWS_DEFAULT_REGION.
    """
    con.load_extension(str(extension_path(duckdb_extension_httpfs, "httpfs")))
    env = os.environ
    if not env.get("AWS_ACCESS_KEY_ID"):
        return
    options = {
        "KEY_ID": env["AWS_ACCESS_KEY_ID"],
        "SECRET": env.get("AWS_SECRET_ACCESS_KEY", ""),
        "REGION": env.get("AWS_REGION") or env.get("AWS_DEFAULT_REGION") or "us-east-1",
    }
    if env.get("AWS_SESSION_TOKEN"):
        options["SESSION_TOKEN"] = env["AWS_SESSION_TOKEN"]
    endpoint = env.get("AWS_ENDPOINT_URL_S3") or env.get("AWS_ENDPOINT_URL")
    extra = ""
    if endpoint:
        url = urlsplit(endpoint)
        options["ENDPOINT"] = url.netloc
        options["URL_STYLE"] = "path"
        extra = f", USE_SSL {'true' if url.scheme == 'https' else 'false'}"
    fields = ", ".join(f"{key} {_literal(value)}" for key, value in options.items())
    con.execute(f"CREATE OR REPLACE TEMPORARY SECRET newsfacts_s3 (TYPE s3, {fields}{extra})")
