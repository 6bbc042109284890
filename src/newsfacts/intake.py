"""What the writing process decides about the inbox, before anything heavy is loaded.

Listing is compared with what the warehouse knows (`select`), the files to read are cut into
batches, and each batch's Outcomes, once workers have parsed and extracted it, are sorted into
rows (`resolve`). Nothing here imports spaCy, the parsers or Great Expectations: a run with
nothing new pays only for this module, DuckDB and pyarrow (tests/test_imports.py keeps it so).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pyarrow as pa

from newsfacts.batch import content_items_table, fact_tables, quarantine_table
from newsfacts.records import FILES, Item, Known, Prior, Rejected
from newsfacts.sources import SourceFile

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
    """Files that need reading (new, or size/mtime changed) and files that left the inbox (on a
    lake, of those this machine recorded: another's are not missing from our inbox).

    A file whose size and mtime match its recorded version is skipped unread: that is
    what keeps a run over an unchanged inbox cheap.
    """
    present = {s.rel for s in sources}
    todo = []
    for s in sources:
        k = known.files.get(s.rel)
        if k is None or k.deleted or k.size != s.size or k.mtime_ns != s.mtime_ns:
            todo.append(s)
    gone = [rel for rel, k in known.files.items() if rel not in present and not k.deleted and k.ours]
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
