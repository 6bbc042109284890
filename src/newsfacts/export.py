"""Every warehouse table as one Parquet file, for users of other engines."""

from __future__ import annotations

from pathlib import Path

import duckdb

from newsfacts import store


def export_parquet(con: duckdb.DuckDBPyConnection, out_dir: Path) -> list[Path]:
    """Write <out_dir>/<table>.parquet for every base table; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for (table,) in con.execute(store.sql("export/tables")).fetchall():
        path = out_dir / f"{table}.parquet"
        con.execute(store.sql("export/copy_table"), {"table_name": table, "path": str(path)})
        written.append(path)
    return written
