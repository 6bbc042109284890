"""Across articles: which articles tell the same story, and the search index over them.

One of the modules allowed to use DuckDB: it reads rows with the SQL in
sql/cluster/, lets `stories.cluster` decide (pure, tested on its own), and writes
`story_clusters` whole in one transaction with the flag SQL of sql/across/. The
full-text index is rebuilt here too, because `newsfacts search` opens the
database read-only and cannot build it.
"""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pyarrow as pa

from newsfacts import search, store
from newsfacts.stories import DIGEST_CHUNK, StoryInput, cluster


def story_inputs(con: duckdb.DuckDBPyConnection) -> Iterator[StoryInput]:
    """Every article, oldest load first, with its quote texts, fetched a chunk at a time:
    a warehouse's bodies together can outgrow the memory a run may use."""
    cursor = con.execute(store.sql("cluster/articles"))
    while rows := cursor.fetchmany(DIGEST_CHUNK):  # one chunk of bodies, as the digest reads them
        yield from (StoryInput(article_id, body, tuple(quotes)) for article_id, body, quotes in rows)


def refresh(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    """Recompute every story cluster, run the cross-article flags, rebuild the search index.

    All of it inside the one write transaction, from the snapshot that transaction reads: on a
    lake with several writers, a refresh whose snapshot another writer's commit made stale is
    rolled back and computed again (store.write), so the clusters committed last always cover
    every article committed before them, and no writer's refresh overwrites a newer one.
    """
    lake = store.is_lake(con)  # DuckLake cannot hold the fts index's tables: search needs a DuckDB file
    if not lake:
        search.load_fts(con)

    def body(con: duckdb.DuckDBPyConnection) -> None:
        assigned = cluster(story_inputs(con))
        table = pa.table(
            {"cluster_id": list(assigned.values()), "article_id": list(assigned.keys())},
            schema=pa.schema([("cluster_id", pa.string()), ("article_id", pa.string())]),
        )
        con.execute(store.sql("cluster/clear"))
        con.from_arrow(table).insert_into("story_clusters")
        store.run_sql_dir(con, "across", {"run_id": run_id})
        if not lake:
            search.build_index(con)

    store.write(con, body)
