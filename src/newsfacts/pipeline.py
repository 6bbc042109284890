"""The stages between a listed file and its rows, as pure functions over batches.

Prefect-free on purpose: `flows/ingest.py` wraps these in tasks, tests call them
directly, and worker processes (or Dask workers) run `process_batch` without
touching the database. Only `resolve` needs what is already loaded, and it runs
in the one process that writes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import PurePosixPath
from typing import Any

import pyarrow as pa

from newsfacts.batch import article_id, content_items_table, fact_tables, quarantine_table
from newsfacts.budget import OverBudget, for_size, time_limit
from newsfacts.checks import article_flags
from newsfacts.extract import extract_facts
from newsfacts.parse import parse_document
from newsfacts.parse.jsonfeed import parse_item, read_feed
from newsfacts.records import (
    CONTENT_ITEMS,
    FILES,
    QUARANTINE,
    Article,
    Item,
    Known,
    Prior,
    Rejected,
    Removed,
    Section,
)
from newsfacts.sources import (
    JSON_SUFFIXES,
    BadInput,
    SourceFile,
    TooLarge,
    decode,
    read_bytes,
    sha256,
    sha256_file,
)

NO_PRIOR = Prior()


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one file in `process_batch`."""

    source: SourceFile
    content_sha256: str | None
    unchanged: bool = False  # the bytes this path last recorded
    items: tuple[Item, ...] = ()  # none for bytes the warehouse holds (a copy, a moved file): not parsed
    rejected: Rejected | None = None  # the whole file
    problems: tuple[Rejected, ...] = ()  # items of the file that are no article (a bad JSONL line)


@dataclass(frozen=True, slots=True)
class Resolved:
    """A processed batch sorted into rows to load."""

    tables: dict[str, pa.Table]
    files: pa.Table
    items: pa.Table  # content_items of the contents this batch loads
    quarantine: pa.Table
    touched: list[SourceFile]
    new_files: int
    duplicates: int
    renamed: int = 0
    quarantined: int = 0  # files quarantined whole; `quarantine` also holds rejected items of loaded files


@dataclass
class Seen:
    """What a run has met so far, carried across its batches and updated by `resolve`.

    `holders` maps bytes to a file in the inbox holding them (as the run began, plus what it
    recorded since); `vanished` maps bytes to files that left the inbox in this run, until a
    file with those bytes claims one as a rename; `articles` holds the feed articles already
    in the warehouse and every article this run loads, so an article loads once.
    """

    holders: dict[str, str] = field(default_factory=dict)
    vanished: dict[str, list[str]] = field(default_factory=dict)
    articles: set[str] = field(default_factory=set)

    @classmethod
    def start(cls, known: Known, gone: Iterable[str]) -> Seen:
        left = set(gone)
        seen = cls(articles=set(known.feed_articles))
        for rel, k in sorted(known.files.items()):
            if k.deleted or k.status == "quarantined" or not k.content_sha256:
                continue
            if rel in left:
                seen.vanished.setdefault(k.content_sha256, []).append(rel)
            else:
                seen.holders.setdefault(k.content_sha256, rel)
        return seen

    def claim_rename(self, sha: str | None) -> str | None:
        """The file that left the inbox with these bytes, if one is still unclaimed."""
        paths = self.vanished.get(sha or "")
        return paths.pop(0) if paths else None


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


def priors(todo: Iterable[SourceFile], known: Known) -> dict[str, Prior]:
    """What each file to read may repeat of the warehouse, for the workers: kilobytes per file
    (bytes of its own size, the ids of a feed's last items), never the whole warehouse."""
    out = {}
    for s in todo:
        k = known.files.get(s.rel)
        prior = Prior(
            content_sha256=k.content_sha256 if k else None,
            contents=known.loaded_sizes.get(s.size, frozenset()),
            articles=known.items.get(s.rel, frozenset()),
        )
        if prior != NO_PRIOR:
            out[s.rel] = prior
    return out


def process_batch(
    sources: Sequence[SourceFile], priors: Mapping[str, Prior], max_bytes: int, timeout_s: float | None = None
) -> list[Outcome]:
    """Read, hash, decode, parse, extract and check each file of a batch.

    Never raises for a file: whatever one file raises at any stage (a `BadInput` with its
    specific reason, or any exception from a parser or an extractor), and a file that
    overruns the per-file time budget, becomes that file's Outcome with `rejected` set and
    the raw bytes kept. The other files of the batch are untouched by it.
    """
    return [_process_one(src, priors.get(src.rel, NO_PRIOR), max_bytes, timeout_s) for src in sources]


def _process_one(src: SourceFile, prior: Prior, max_bytes: int, timeout_s: float | None) -> Outcome:
    stage, data, sha = "read", None, None
    try:
        with time_limit(for_size(timeout_s, src.size)):
            data = read_bytes(src, max_bytes)
            sha = sha256(data)
            if sha == prior.content_sha256:
                return Outcome(src, sha, unchanged=True)
            if sha in prior.contents:  # loaded before: `resolve` records a copy or a rename
                return Outcome(src, sha)
            stage = "decode"
            text = decode(data)
            stage = "parse"
            items, problems = _items(src.rel, text, sha, prior.articles)
            stage = "extract"
            items = _extracted(items)
    except BadInput as exc:
        if isinstance(exc, TooLarge):
            sha = sha256_file(src.path)
        return Outcome(src, sha, rejected=Rejected(src.rel, exc.stage, exc.reason, sha, data))
    except Exception as exc:  # a parser or extractor failing on this file: the file's problem, not the run's
        reason = str(exc) if isinstance(exc, OverBudget) else f"{type(exc).__name__}: {exc}"
        return Outcome(src, sha, rejected=Rejected(src.rel, stage, reason, sha, data))
    return Outcome(src, sha, items=tuple(items), problems=tuple(problems))


def _items(rel: str, text: str, sha: str, loaded: frozenset[str]) -> tuple[list[Item], list[Rejected]]:
    """A file's articles, each with its id; a feed's items already `loaded` are not parsed, and
    its items that are no article are returned apart, one by one, with their text."""
    suffix = PurePosixPath(rel).suffix.lower()
    if suffix not in JSON_SUFFIXES:
        (article,) = parse_document(rel, text)  # a text or HTML page is one article
        return [Item(0, None, article_id(sha), article)], []
    feed, bad = read_feed(text, jsonl=suffix != ".json")
    problems = [Rejected(rel, "parse", f"{b.where} {b.reason}", sha, b.raw.encode()) for b in bad]
    items = []
    for entry in feed:
        aid = article_id(entry.digest)
        if aid in loaded:
            items.append(Item(entry.index, entry.key, aid))
            continue
        try:
            article = parse_item(entry)
            if not article.body.strip():
                raise BadInput("parse", f"{entry.where} has no article text once page furniture is removed")
        except OverBudget:
            raise
        except Exception as exc:  # one item's problem, not its neighbours'
            reason = exc.reason if isinstance(exc, BadInput) else f"{entry.where}: {type(exc).__name__}: {exc}"
            problems.append(Rejected(rel, "parse", reason, sha, entry.raw.encode()))
            continue
        items.append(Item(entry.index, entry.key, aid, article))
    if not items:
        raise BadInput("parse", _nothing_read(problems))
    return items, problems


def _nothing_read(problems: Sequence[Rejected]) -> str:
    if not problems:
        return "no article body found in the file"
    more = f" (and {len(problems) - 1} more like it)" if len(problems) > 1 else ""
    return f"no item is an article: {problems[0].reason}{more}"


def _extracted(items: list[Item]) -> list[Item]:
    """The items with their facts and flags; items already loaded pass through."""
    todo = [i for i, item in enumerate(items) if item.article is not None]
    facts = extract_facts([items[i].article for i in todo]) if todo else []
    out = list(items)
    for i, f in zip(todo, facts, strict=True):
        out[i] = replace(items[i], facts=f, flags=tuple(article_flags(items[i].article, f)))
    return out


def resolve(outcomes: Iterable[Outcome], known: Known, seen: Seen, run_id: str) -> Resolved:
    """Assign versions, tell new bytes from copies and moves, and build the rows of one batch.

    A file's bytes are, in this order: quarantined; those of a file that left the inbox in
    this run (a rename: `renamed_from`); bytes the warehouse or this run already holds (a
    duplicate: `duplicate_of` names a file holding them); or new (loaded, with the rows of
    its items not loaded before). `seen` carries what one batch learns to the next.
    """
    now = datetime.now(UTC)
    docs = []
    files = []
    items: list[tuple[str, Item]] = []
    rejected = []
    touched = []
    new_files = duplicates = renamed = quarantined = 0
    for o in outcomes:
        src = o.source
        if o.unchanged:
            touched.append(src)
            continue
        prior = known.files.get(src.rel)
        version = (prior.version + 1) if prior else 1
        sha = o.content_sha256 or ""
        status, duplicate_of, renamed_from = "loaded", None, None
        if o.rejected is not None:
            status = "quarantined"
            quarantined += 1
            rejected.append(o.rejected)
        elif (renamed_from := seen.claim_rename(sha)) is not None:
            status = "renamed"
            renamed += 1
        elif sha in seen.holders or sha in known.loaded_hashes:
            status = "duplicate"
            duplicate_of = seen.holders.get(sha) or known.loaded_hashes[sha]
            duplicates += 1
        else:
            new_files += 1
            rejected += o.problems
            for item in o.items:
                items.append((sha, item))
                if item.article is not None and item.article_id not in seen.articles:
                    seen.articles.add(item.article_id)
                    docs.append(
                        (item.article_id, src.rel, sha, version, item.part, item.article, item.facts, item.flags)
                    )
        if status != "quarantined":
            seen.holders.setdefault(sha, src.rel)
        files.append(
            {
                "source_file": src.rel,
                "version": version,
                "content_sha256": sha,
                "size_bytes": src.size,
                "mtime_ns": src.mtime_ns,
                "status": status,
                "duplicate_of": duplicate_of,
                "run_id": run_id,
                "seen_at": now,
                "deleted_at": None,
                "renamed_from": renamed_from,
            }
        )
    return Resolved(
        tables=fact_tables(docs, run_id, now),
        files=pa.Table.from_pylist(files, schema=FILES),
        items=content_items_table(items),
        quarantine=quarantine_table(rejected, run_id, now),
        touched=touched,
        new_files=new_files,
        duplicates=duplicates,
        renamed=renamed,
        quarantined=quarantined,
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
        (r["article_id"], r["source_file"], r["content_sha256"], r["version"], r["part"], a, f, article_flags(a, f))
        for r, a, f in zip(stored, articles, facts, strict=True)
    ]
    return Resolved(
        tables=fact_tables(docs, run_id),
        files=FILES.empty_table(),
        items=CONTENT_ITEMS.empty_table(),
        quarantine=QUARANTINE.empty_table(),
        touched=[],
        new_files=0,
        duplicates=0,
    )
