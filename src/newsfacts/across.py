"""Across articles: which articles tell the same story.

TEMPORARY first version (issue 7 replaces it): every article is its own cluster.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from newsfacts import store


def refresh(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    ids = [r[0] for r in con.execute(store.sql("cluster/article_ids")).fetchall()]
    table = pa.table({"cluster_id": [f"c-{a}" for a in ids], "article_id": ids})
    con.begin()
    con.execute(store.sql("cluster/clear"))
    con.from_arrow(table).insert_into("story_clusters")
    store.run_sql_dir(con, "across", {"run_id": run_id})
    con.commit()
