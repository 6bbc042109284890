"""Processed documents to Arrow tables, one per loaded table, with stable ids.

Ids are derived from content, so the same input always yields the same rows:
an article is the sha256 of its own content (a one-article file's bytes, a feed
item's JSON), a person is their canonical name, a quote or quantity is its
article and span.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

import pyarrow as pa

from newsfacts import PIPELINE_VERSION
from newsfacts.records import (
    CONTENT_ITEMS,
    FACT_SCHEMAS,
    QUARANTINE,
    Article,
    Facts,
    Flag,
    Item,
    Person,
    Rejected,
)


def article_id(digest: str) -> str:
    """An article's id: the start of the sha256 of its own content. Warehouses made before feed
    items had ids of their own also hold "<file sha>-<part>" ids for feed articles."""
    return digest[:16]


def _one_row_per_person(people: Sequence[Person]) -> list[dict[str, Any]]:
    """Name forms that fold to one person_id ("O'Brien", "OBrien") are one person of the article:
    mentions add up; the first span and the first role stand."""
    merged: dict[str, dict[str, Any]] = {}
    for p in people:
        pid = person_id(p.name)
        if (row := merged.get(pid)) is None:
            merged[pid] = {"person_id": pid, **asdict(p)}
        else:
            row["mentions"] += p.mentions
            row["role"] = row["role"] or p.role
    return list(merged.values())


def person_id(name: str) -> str:
    """One id per canonical name, in every article: case, accents, punctuation and spacing do not split a person."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    key = re.sub(r"[\W_]+", " ", plain).strip().casefold()
    return "p-" + hashlib.sha1(key.encode()).hexdigest()[:12]


def word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


def fact_tables(
    docs: Iterable[tuple[str, str, str, int, int, Article, Facts, Sequence[Flag]]],
    run_id: str,
    now: datetime | None = None,
) -> dict[str, pa.Table]:
    """Rows for every table from (article_id, source_file, sha256, version, part, article, facts, flags)."""
    now = now or datetime.now(UTC)
    rows: dict[str, list[dict]] = {name: [] for name in FACT_SCHEMAS}
    for aid, source_file, sha, version, part, art, facts, flags in docs:
        rows["articles"].append(
            {
                "article_id": aid,
                "source_file": source_file,
                "content_sha256": sha,
                "part": part,
                "version": version,
                "title": art.title,
                "published_date": art.published_date,
                "published_text": art.published_text,
                "outlet": art.outlet,
                "author": art.author,
                "url": art.url,
                "body": art.body,
                "word_count": word_count(art.body),
                "removed_json": json.dumps([asdict(r) for r in art.removed], ensure_ascii=False),
                "sections_json": json.dumps([asdict(s) for s in art.sections], ensure_ascii=False),
                "pipeline_version": PIPELINE_VERSION,
                "run_id": run_id,
                "ingested_at": now,
            }
        )
        rows["people"] += [{"article_id": aid, **row} for row in _one_row_per_person(facts.people)]
        for q in facts.quotes:
            rows["quotes"].append(
                {
                    "article_id": aid,
                    "quote_id": f"{aid}-q{q.start_char}",
                    "speaker": q.speaker,
                    "speaker_person_id": person_id(q.speaker_name) if q.speaker_name else None,
                    "quote_text": q.quote_text,
                    "start_char": q.start_char,
                    "end_char": q.end_char,
                    "is_partial": q.is_partial,
                }
            )
        for n in facts.quantities:
            rows["quantities"].append({"article_id": aid, "quantity_id": f"{aid}-n{n.start_char}", **asdict(n)})
        for e in facts.entities:
            rows["entities"].append({"article_id": aid, **asdict(e)})
        for d in facts.dates:
            rows["date_mentions"].append({"article_id": aid, **asdict(d)})
        for link in facts.links:
            rows["links"].append({"article_id": aid, **asdict(link)})
        for f in flags:
            rows["dq_flags"].append({"article_id": aid, **asdict(f), "run_id": run_id})
    return {name: pa.Table.from_pylist(rows[name], schema=schema) for name, schema in FACT_SCHEMAS.items()}


def content_items_table(items: Iterable[tuple[str, Item]]) -> pa.Table:
    """content_items rows from (content sha256, item) pairs."""
    return pa.Table.from_pylist(
        [
            {"content_sha256": sha, "part": item.part, "item_key": item.key, "article_id": item.article_id}
            for sha, item in items
        ],
        schema=CONTENT_ITEMS,
    )


def quarantine_table(rejected: Iterable[Rejected], run_id: str, now: datetime | None = None) -> pa.Table:
    now = now or datetime.now(UTC)
    return pa.Table.from_pylist(
        [
            {
                "run_id": run_id,
                "source_file": r.source_file,
                "stage": r.stage,
                "reason": r.reason,
                "content_sha256": r.content_sha256,
                "raw": r.raw,
                "row_json": r.row_json,
                "quarantined_at": now,
            }
            for r in rejected
        ],
        schema=QUARANTINE,
    )
