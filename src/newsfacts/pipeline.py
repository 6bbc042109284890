"""The stages between a listed file and its rows, as pure functions over batches.

Prefect-free on purpose: `flows/ingest.py` wraps these in tasks, tests call them
directly, and worker processes (or Dask workers) run `process_batch` without
touching the database. What the writing process decides itself (which files, which
batches, which rows) is in intake.py, which loads none of the parsers or models this does.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any

from newsfacts.batch import article_id, fact_tables
from newsfacts.budget import OverBudget, for_size, time_limit
from newsfacts.checks import article_flags
from newsfacts.extract import extract_facts
from newsfacts.extract.nlp import BATCH_CHARS, PIPE_BATCH
from newsfacts.intake import NO_PRIOR, Outcome, Resolved
from newsfacts.parse import check_file_type, parse_document
from newsfacts.parse.jsonfeed import parse_item, read_feed
from newsfacts.records import (
    CONTENT_ITEMS,
    FILES,
    QUARANTINE,
    Article,
    Item,
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


def process_batch(
    sources: Sequence[SourceFile], priors: Mapping[str, Prior], max_bytes: int, timeout_s: float | None = None
) -> list[Outcome]:
    """Read, hash, decode, parse, extract and check each file of a batch.

    Never raises for a file: whatever one file raises at any stage (a `BadInput` with its
    specific reason, or any exception from a parser or an extractor), and a file that
    overruns the per-file time budget, becomes that file's Outcome with `rejected` set and
    the raw bytes kept. The other files of the batch are untouched by it.

    Each file is read and parsed alone; their articles are extracted a group of files at a
    time (`_groups`), as the model and the parser run faster over many articles at once
    (measured on 150 BBC articles: 52-55 ms an article against 57-62 one file at a time, the
    same facts). A group that fails or overruns its budget is extracted again file by file, each
    within its own budget, so only the file at fault is quarantined, as if it had been alone.
    """
    outcomes: list[Outcome | _Parsed] = [
        _read_one(src, priors.get(src.rel, NO_PRIOR), max_bytes, timeout_s) for src in sources
    ]
    parsed = [(k, p) for k, p in enumerate(outcomes) if isinstance(p, _Parsed)]
    for group in _groups(parsed):
        for (k, _), outcome in zip(group, _extracted_together([p for _, p in group], timeout_s), strict=True):
            outcomes[k] = outcome
    return [o for o in outcomes if isinstance(o, Outcome)]


@dataclass(frozen=True, slots=True)
class _Parsed:
    """A file read and parsed, its articles still to extract."""

    source: SourceFile
    sha: str
    data: bytes
    items: list[Item]
    problems: list[Rejected]

    @property
    def chars(self) -> int:
        return sum(len(item.article.body) for item in self.items if item.article is not None)


def _read_one(src: SourceFile, prior: Prior, max_bytes: int, timeout_s: float | None) -> Outcome | _Parsed:
    stage, data, sha = "read", None, None
    try:
        with time_limit(for_size(timeout_s, src.size)):
            data = read_bytes(src, max_bytes)
            sha = sha256(data)
            if sha == prior.content_sha256:
                return Outcome(src, sha, unchanged=True)
            if sha in prior.contents:  # loaded before: `resolve` records a copy or a rename
                return Outcome(src, sha)
            stage = "parse"
            check_file_type(src.rel)
            stage = "decode"
            text = decode(data)
            stage = "parse"
            items, problems = _items(src.rel, text, sha, prior.articles)
    except BadInput as exc:
        if isinstance(exc, TooLarge):
            sha = sha256_file(src.path)
        return Outcome(src, sha, rejected=Rejected(src.rel, exc.stage, exc.reason, sha, data))
    except Exception as exc:  # a parser failing on this file: the file's problem, not the run's
        return Outcome(src, sha, rejected=_rejected(src.rel, stage, exc, sha, data))
    return _Parsed(src, sha, data, items, problems)


def _groups(parsed: list[tuple[int, _Parsed]]) -> list[list[tuple[int, _Parsed]]]:
    """The parsed files in groups extracted together: consecutive files with at most `PIPE_BATCH`
    articles and `BATCH_CHARS` characters of body in all (a longer file alone), what the model
    reads in one batch, so a group's extraction takes seconds, far within any file's budget."""
    groups: list[list[tuple[int, _Parsed]]] = []
    articles = chars = 0
    for k, p in parsed:
        n = sum(item.article is not None for item in p.items)
        if not groups or articles + n > PIPE_BATCH or chars + p.chars > BATCH_CHARS:
            groups.append([])
            articles = chars = 0
        groups[-1].append((k, p))
        articles, chars = articles + n, chars + p.chars
    return groups


def _extracted_together(group: list[_Parsed], timeout_s: float | None) -> list[Outcome]:
    """Each file's Outcome, its articles extracted with the group's in one call, within the budget
    of the group's largest file; on any failure or overrun, file by file."""
    done = None
    if len(group) > 1:
        try:
            with time_limit(for_size(timeout_s, max(p.source.size for p in group))):
                done = _extracted([item for p in group for item in p.items])
        except Exception:  # the file at fault is found and quarantined below, file by file
            done = None
    if done is None:
        return [_extracted_alone(p, timeout_s) for p in group]
    out, start = [], 0
    for p in group:
        items = tuple(done[start : start + len(p.items)])
        out.append(Outcome(p.source, p.sha, items=items, problems=tuple(p.problems)))
        start += len(p.items)
    return out


def _extracted_alone(p: _Parsed, timeout_s: float | None) -> Outcome:
    try:
        with time_limit(for_size(timeout_s, p.source.size)):
            items = _extracted(p.items)
    except Exception as exc:  # an extractor failing on this file: the file's problem, not the run's
        return Outcome(p.source, p.sha, rejected=_rejected(p.source.rel, "extract", exc, p.sha, p.data))
    return Outcome(p.source, p.sha, items=tuple(items), problems=tuple(p.problems))


def _rejected(rel: str, stage: str, exc: Exception, sha: str | None, data: bytes | None) -> Rejected:
    reason = str(exc) if isinstance(exc, OverBudget) else f"{type(exc).__name__}: {exc}"
    return Rejected(rel, stage, reason, sha, data)


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


def _reparsed(stored: Sequence[Mapping[str, Any]], inbox: Path) -> dict[str, Article]:
    """The stored articles whose file in the inbox still has the bytes they came from, parsed
    again (a feed's file once for all its items), by article id."""
    out: dict[str, Article] = {}
    for (rel, sha), rows in itertools.groupby(
        sorted(stored, key=lambda r: (r["source_file"], r["content_sha256"])),
        key=lambda r: (r["source_file"], r["content_sha256"]),
    ):
        try:
            data = (inbox / rel).read_bytes()
            if sha256(data) != sha:
                continue
            items, _ = _items(rel, decode(data), sha, frozenset())
        except Exception:  # gone, changed, or no longer parsed: the stored article stands
            continue
        wanted = {r["article_id"] for r in rows}
        out.update((i.article_id, i.article) for i in items if i.article_id in wanted and i.article is not None)
    return out


def reextract(stored: Sequence[Mapping[str, Any]], run_id: str, inbox: Path) -> Resolved:
    """Already-loaded articles and their facts, rebuilt by the running pipeline version.

    Each starts from its file when the inbox still holds the bytes it was loaded from, so a
    parser's fix reaches it too (a pop-up card taken out, a table marked); else from the stored
    article, so reprocessing never depends on the inbox keeping a file.
    """
    reparsed = _reparsed(stored, inbox)
    articles = [
        reparsed.get(r["article_id"])
        or Article(
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
