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
from newsfacts.budget import OverBudget, for_size, time_limit
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


def process_batch(
    sources: Sequence[SourceFile], latest_sha: Mapping[str, str], max_bytes: int, timeout_s: float | None = None
) -> list[Outcome]:
    """Read, hash, decode, parse, extract and check each file of a batch.

    Never raises for a file: whatever one file raises at any stage (a `BadInput` with its
    specific reason, or any exception from a parser or an extractor), and a file that
    overruns the per-file time budget, becomes that file's Outcome with `rejected` set and
    the raw bytes kept. The other files of the batch are untouched by it.
    """
    return [_process_one(src, latest_sha.get(src.rel), max_bytes, timeout_s) for src in sources]


def _process_one(src: SourceFile, known_sha: str | None, max_bytes: int, timeout_s: float | None) -> Outcome:
    stage, data, sha = "read", None, None
    try:
        with time_limit(for_size(timeout_s, src.size)):
            data = read_bytes(src, max_bytes)
            sha = sha256(data)
            if known_sha == sha:
                return Outcome(src, sha, unchanged=True)
            stage = "decode"
            text = decode(data)
            stage = "parse"
            articles = parse_document(src.rel, text)
            stage = "extract"
            facts = extract_facts(articles)
            done = tuple((a, f, article_flags(a, f)) for a, f in zip(articles, facts, strict=True))
    except BadInput as exc:
        if isinstance(exc, TooLarge):
            sha = sha256_file(src.path)
        return Outcome(src, sha, rejected=Rejected(src.rel, exc.stage, exc.reason, sha, data))
    except Exception as exc:  # a parser or extractor failing on this file: the file's problem, not the run's
        reason = str(exc) if isinstance(exc, OverBudget) else f"{type(exc).__name__}: {exc}"
        return Outcome(src, sha, rejected=Rejected(src.rel, stage, reason, sha, data))
    return Outcome(src, sha, articles=done)


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
