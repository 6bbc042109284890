"""The stages between a listed file and its rows, as pure functions over batches.

Prefect-free on purpose: `flows/ingest.py` wraps these in tasks, tests call them
directly, and worker processes (or Dask workers) run `process_batch` without
touching the database. Only `resolve` needs what is already loaded, and it runs
in the one process that writes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pyarrow as pa

from newsfacts.batch import fact_tables, quarantine_table
from newsfacts.checks import article_flags
from newsfacts.extract import extract_facts
from newsfacts.parse import parse_document
from newsfacts.records import FILES, QUARANTINE, Article, Facts, Flag, Known, Rejected, Removed, Section
from newsfacts.sources import BadInput, SourceFile, TooLarge, decode, read_bytes, sha256, sha256_file


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one file in `process_batch`."""

    source: SourceFile
    content_sha256: str | None
    unchanged: bool = False
    articles: tuple[tuple[Article, Facts, tuple[Flag, ...]], ...] = ()
    rejected: Rejected | None = None


@dataclass(frozen=True, slots=True)
class Resolved:
    """A processed batch sorted into rows to load."""

    tables: dict[str, pa.Table]
    files: pa.Table
    quarantine: pa.Table
    touched: list[SourceFile]
    new_files: int
    duplicates: int


def batches(items: Sequence[SourceFile], size: int) -> list[list[SourceFile]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def select(sources: Sequence[SourceFile], known: Known) -> tuple[list[SourceFile], list[str]]:
    """Files that need reading (new, or size/mtime changed) and files that left the inbox.

    A file whose size and mtime match its recorded version is skipped unread: that is
    what keeps a run over an unchanged inbox cheap.
    """
    present = {s.rel for s in sources}
    todo = []
    for s in sources:
        k = known.files.get(s.rel)
        if k is None or k.deleted or k.size != s.size or k.mtime_ns != s.mtime_ns:
            todo.append(s)
    gone = [rel for rel, k in known.files.items() if rel not in present and not k.deleted]
    return todo, gone


def process_batch(sources: Sequence[SourceFile], latest_sha: Mapping[str, str], max_bytes: int) -> list[Outcome]:
    """Read, hash, decode, parse, extract and check a batch of files.

    Never raises for a bad file: it becomes an Outcome with `rejected` set, keeping the
    raw bytes so nothing is lost.
    """
    outcomes: list[Outcome] = []
    pending: list[tuple[SourceFile, str, list[Article]]] = []
    for src in sources:
        data: bytes | None = None
        sha: str | None = None
        try:
            data = read_bytes(src, max_bytes)
            sha = sha256(data)
            if latest_sha.get(src.rel) == sha:
                outcomes.append(Outcome(src, sha, unchanged=True))
                continue
            articles = parse_document(src.rel, decode(data))
            pending.append((src, sha, articles))
        except BadInput as exc:
            if isinstance(exc, TooLarge):
                sha = sha256_file(src.path)
            outcomes.append(Outcome(src, sha, rejected=Rejected(src.rel, exc.stage, exc.reason, sha, data)))
    flat = [a for _, _, arts in pending for a in arts]
    facts = iter(extract_facts(flat)) if flat else iter(())
    for src, sha, arts in pending:
        done = []
        for art in arts:
            f = next(facts)
            done.append((art, f, article_flags(art, f)))
        outcomes.append(Outcome(src, sha, articles=tuple(done)))
    return outcomes


def resolve(outcomes: Iterable[Outcome], known: Known, seen: dict[str, str], run_id: str) -> Resolved:
    """Assign versions, spot duplicate contents and build the rows of one batch.

    `seen` maps content hashes loaded so far in this run to their file, and is
    updated, so duplicates across batches of one run are caught too.
    """
    now = datetime.now(UTC)
    docs = []
    files = []
    rejected = []
    touched = []
    new_files = duplicates = 0
    for o in outcomes:
        src = o.source
        prior = known.files.get(src.rel)
        if o.unchanged:
            touched.append(src)
            continue
        version = (prior.version + 1) if prior else 1
        status, duplicate_of = "loaded", None
        if o.rejected is not None:
            status = "quarantined"
            rejected.append(o.rejected)
        elif o.content_sha256 in known.loaded_hashes or o.content_sha256 in seen:
            status = "duplicate"
            duplicate_of = known.loaded_hashes.get(o.content_sha256) or seen[o.content_sha256]
            duplicates += 1
        else:
            seen[o.content_sha256] = src.rel
            new_files += 1
            for part, (art, facts, flags) in enumerate(o.articles):
                docs.append((src.rel, o.content_sha256, version, part, art, facts, flags))
        files.append(
            {
                "source_file": src.rel,
                "version": version,
                "content_sha256": o.content_sha256 or "",
                "size_bytes": src.size,
                "mtime_ns": src.mtime_ns,
                "status": status,
                "duplicate_of": duplicate_of,
                "run_id": run_id,
                "seen_at": now,
                "deleted_at": None,
            }
        )
    return Resolved(
        tables=fact_tables(docs, run_id, now),
        files=pa.Table.from_pylist(files, schema=FILES),
        quarantine=quarantine_table(rejected, run_id, now),
        touched=touched,
        new_files=new_files,
        duplicates=duplicates,
    )


def reextract(stored: Sequence[Mapping[str, Any]], run_id: str) -> Resolved:
    """Facts of already-loaded articles, rebuilt by the running pipeline version.

    Starts from the stored article (not the inbox file, which may be gone), so
    reprocessing never depends on the inbox still holding the bytes.
    """
    articles = [
        Article(
            title=r["title"],
            body=r["body"],
            published_date=r["published_date"],
            published_text=r["published_text"],
            outlet=r["outlet"],
            author=r["author"],
            url=r["url"],
            removed=tuple(Removed(**x) for x in json.loads(r["removed_json"] or "[]")),
            sections=tuple(Section(**x) for x in json.loads(r["sections_json"] or "[]")),
        )
        for r in stored
    ]
    facts = extract_facts(articles) if articles else []
    docs = [
        (r["source_file"], r["content_sha256"], r["version"], r["part"], a, f, article_flags(a, f))
        for r, a, f in zip(stored, articles, facts, strict=True)
    ]
    return Resolved(
        tables=fact_tables(docs, run_id),
        files=FILES.empty_table(),
        quarantine=QUARANTINE.empty_table(),
        touched=[],
        new_files=0,
        duplicates=0,
    )
