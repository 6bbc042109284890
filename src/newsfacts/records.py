"""Typed, frozen records passed one way between stages, and their Arrow schemas.

Every stage boundary is a record defined here: a parser returns `Article`s, an
extractor returns `Facts`, and `batch.py` turns both into Arrow tables whose
schemas (below) mirror `sql/schema.sql`. Spans are character offsets into
`Article.body`, so `body[start_char:end_char]` is the fact's text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

import pyarrow as pa


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of page furniture taken out of the body, kept so a user can audit it."""

    kind: str  # e.g. "paywall", "advertisement", "related-stories", "share-links", "byline"
    text: str


@dataclass(frozen=True, slots=True)
class Section:
    """A named part of the body that stays in it (a press release's notes to editors)."""

    name: str
    start_char: int
    end_char: int


@dataclass(frozen=True, slots=True)
class Article:
    """One parsed article: metadata plus the clean body that facts point into."""

    title: str | None
    body: str
    published_date: date | None = None
    published_text: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    removed: tuple[Removed, ...] = ()
    sections: tuple[Section, ...] = ()


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    role: str | None
    mentions: int
    start_char: int
    end_char: int
    role_status: str | None = None  # "former" or "new": the role is the office alone


@dataclass(frozen=True, slots=True)
class Quote:
    quote_text: str
    speaker: str | None  # canonical person name, or a description ("a Treasury spokeswoman")
    speaker_name: str | None  # canonical name when the speaker is a person, for speaker_person_id
    start_char: int
    end_char: int
    is_partial: bool = False


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    unit: str
    qualifier: str | None
    about: str | None
    sentence: str
    start_char: int
    end_char: int


@dataclass(frozen=True, slots=True)
class Entity:
    entity_type: str  # PERSON, ORG, PLACE, COUNTRY, or another spaCy label
    name: str
    country_iso2: str | None
    mentions: int
    start_char: int
    end_char: int


@dataclass(frozen=True, slots=True)
class DateMention:
    text: str
    resolved: str | None  # ISO text at the precision the text gives: 2007-06-20, 2002-07, 2007
    start_char: int
    end_char: int


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    start_char: int
    end_char: int


@dataclass(frozen=True, slots=True)
class Flag:
    """A data-quality finding about one article, in words a user can act on."""

    check: str
    severity: str  # "error" | "warning" | "info"
    message: str


@dataclass(frozen=True, slots=True)
class Facts:
    people: tuple[Person, ...] = ()
    quotes: tuple[Quote, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    entities: tuple[Entity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    links: tuple[Link, ...] = ()


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input or row that must not load, with the stage and a specific reason."""

    source_file: str
    stage: str
    reason: str
    content_sha256: str | None = None
    raw: bytes | None = None
    row_json: str | None = None


@dataclass(frozen=True, slots=True)
class ExpectationTotals:
    """A run's expectations, each counted once (from dq_results): what its summary reports."""

    expectations: int  # 0 when the run validated no rows
    passed: int
    failed_errors: int
    failed_warnings: int
    batches: int  # batches validated
    unexpected: int  # unexpected values over every expectation and batch

    @property
    def failed(self) -> int:
        return self.failed_errors + self.failed_warnings


@dataclass(frozen=True, slots=True)
class Item:
    """One article of a file: its place, its key in a feed, its content-derived id, and what was
    extracted from it. `article` is None for a feed item the warehouse already holds (same id
    from the file's previous version): it is neither parsed nor extracted again."""

    part: int  # position in the file, from 0
    key: str | None  # a feed item's key ("id:123", "url:…", "#4"); None for a one-article file
    article_id: str
    article: Article | None = None
    facts: Facts | None = None
    flags: tuple[Flag, ...] = ()


@dataclass(frozen=True, slots=True)
class Prior:
    """What the warehouse holds that one file about to be read may repeat, so a worker skips it:
    this path's last recorded bytes (unchanged: nothing to do), bytes already loaded that are
    this file's size (a copy or a moved file: not parsed), and the articles of this path's last
    loaded version (a feed's items: not extracted again)."""

    content_sha256: str | None = None
    contents: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class KnownFile:
    """The latest recorded version of a source file."""

    version: int
    content_sha256: str
    size: int
    mtime_ns: int
    deleted: bool
    status: str = "loaded"
    ours: bool = True  # recorded by this writer (always, but on a lake several machines load)


@dataclass(frozen=True, slots=True)
class Known:
    """What the database already holds, read once per run."""

    files: Mapping[str, KnownFile] = field(default_factory=dict)
    loaded_hashes: Mapping[str, str] = field(default_factory=dict)  # sha256 -> first source_file
    loaded_sizes: Mapping[int, frozenset[str]] = field(default_factory=dict)  # size -> loaded sha256s of that size
    items: Mapping[str, frozenset[str]] = field(default_factory=dict)  # feed -> article ids of its last loaded version
    feed_articles: frozenset[str] = frozenset()  # every article loaded from a feed item


# --- Arrow schemas: one per loaded table, column order as in sql/schema.sql ---

ARTICLES = pa.schema(
    [
        ("article_id", pa.string()),
        ("source_file", pa.string()),
        ("content_sha256", pa.string()),
        ("part", pa.int32()),
        ("version", pa.int32()),
        ("title", pa.string()),
        ("published_date", pa.date32()),
        ("published_text", pa.string()),
        ("outlet", pa.string()),
        ("author", pa.string()),
        ("url", pa.string()),
        ("body", pa.string()),
        ("word_count", pa.int32()),
        ("removed_json", pa.string()),
        ("sections_json", pa.string()),
        ("pipeline_version", pa.string()),
        ("run_id", pa.string()),
        ("ingested_at", pa.timestamp("us", tz="UTC")),
    ]
)

PEOPLE = pa.schema(
    [
        ("article_id", pa.string()),
        ("person_id", pa.string()),
        ("name", pa.string()),
        ("role", pa.string()),
        ("mentions", pa.int32()),
        ("start_char", pa.int32()),
        ("end_char", pa.int32()),
        ("role_status", pa.string()),  # last: added to warehouses made before it (sql/schema.sql)
    ]
)

QUOTES = pa.schema(
    [
        ("article_id", pa.string()),
        ("quote_id", pa.string()),
        ("speaker", pa.string()),
        ("speaker_person_id", pa.string()),
        ("quote_text", pa.string()),
        ("start_char", pa.int32()),
        ("end_char", pa.int32()),
        ("is_partial", pa.bool_()),
    ]
)

QUANTITIES = pa.schema(
    [
        ("article_id", pa.string()),
        ("quantity_id", pa.string()),
        ("value", pa.float64()),
        ("unit", pa.string()),
        ("qualifier", pa.string()),
        ("about", pa.string()),
        ("sentence", pa.string()),
        ("start_char", pa.int32()),
        ("end_char", pa.int32()),
    ]
)

ENTITIES = pa.schema(
    [
        ("article_id", pa.string()),
        ("entity_type", pa.string()),
        ("name", pa.string()),
        ("country_iso2", pa.string()),
        ("mentions", pa.int32()),
        ("start_char", pa.int32()),
        ("end_char", pa.int32()),
    ]
)

DATE_MENTIONS = pa.schema(
    [
        ("article_id", pa.string()),
        ("text", pa.string()),
        ("resolved", pa.string()),
        ("start_char", pa.int32()),
        ("end_char", pa.int32()),
    ]
)

LINKS = pa.schema(
    [
        ("article_id", pa.string()),
        ("url", pa.string()),
        ("start_char", pa.int32()),
        ("end_char", pa.int32()),
    ]
)

DQ_FLAGS = pa.schema(
    [
        ("article_id", pa.string()),
        ("check", pa.string()),
        ("severity", pa.string()),
        ("message", pa.string()),
        ("run_id", pa.string()),
    ]
)

QUARANTINE = pa.schema(
    [
        ("run_id", pa.string()),
        ("source_file", pa.string()),
        ("stage", pa.string()),
        ("reason", pa.string()),
        ("content_sha256", pa.string()),
        ("raw", pa.binary()),
        ("row_json", pa.string()),
        ("quarantined_at", pa.timestamp("us", tz="UTC")),
    ]
)

DQ_RESULTS = pa.schema(
    [
        ("run_id", pa.string()),
        ("suite", pa.string()),
        ("expectation", pa.string()),
        ("column_name", pa.string()),
        ("severity", pa.string()),
        ("success", pa.bool_()),
        ("element_count", pa.int64()),
        ("unexpected_count", pa.int64()),
        ("checked_at", pa.timestamp("us", tz="UTC")),
        ("expectation_key", pa.string()),  # the expectation within its suite: type and kwargs hash
        ("batches", pa.int32()),  # batches validated, and those it failed in
        ("batches_failed", pa.int32()),
        ("unexpected_sample", pa.string()),  # JSON array of up to 5 distinct unexpected values, as text
    ]
)

FILES = pa.schema(
    [
        ("source_file", pa.string()),
        ("version", pa.int32()),
        ("content_sha256", pa.string()),
        ("size_bytes", pa.int64()),
        ("mtime_ns", pa.int64()),
        ("status", pa.string()),
        ("duplicate_of", pa.string()),
        ("run_id", pa.string()),
        ("seen_at", pa.timestamp("us", tz="UTC")),
        ("deleted_at", pa.timestamp("us", tz="UTC")),
        ("renamed_from", pa.string()),  # added by sql/schema.sql's ALTER, so last
    ]
)

# The articles of each loaded file content (sql/schema.sql: content_items).
CONTENT_ITEMS = pa.schema(
    [
        ("content_sha256", pa.string()),
        ("part", pa.int32()),
        ("item_key", pa.string()),
        ("article_id", pa.string()),
    ]
)

# Tables produced per batch by parsing and extraction, in load order.
FACT_SCHEMAS: dict[str, pa.Schema] = {
    "articles": ARTICLES,
    "people": PEOPLE,
    "quotes": QUOTES,
    "quantities": QUANTITIES,
    "entities": ENTITIES,
    "date_mentions": DATE_MENTIONS,
    "links": LINKS,
    "dq_flags": DQ_FLAGS,
}
