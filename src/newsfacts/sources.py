"""Discover inbox files and turn their bytes into text.

Problems with a single file are raised as `BadInput` with the stage and a
specific reason, so the caller can quarantine that file and carry on.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

# Extensions we parse; anything else in the inbox is quarantined, not ignored.
TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
# Read errors worth another try, and the pauses between tries.
TRANSIENT_ERRNOS = {errno.EIO, errno.EAGAIN, errno.ESTALE, errno.EINTR, errno.EBUSY}
READ_BACKOFF_S = (0.2, 1.0)

# In a non-UTF-8 file, the most non-ASCII letters a Western (cp1252/Latin-1) reading
# may hold among all letters: English or French news has a few accented letters, a
# Cyrillic or Greek page misread as cp1252 is almost all of them.
MAX_WESTERN_NON_ASCII = 0.3

# Byte-order marks and the encodings they announce; UTF-32's before UTF-16's, which they start with.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Share of C0 control characters (other than tab/newline/CR/FF) above which
# decoded text is taken to be binary data that happened to decode.
MAX_CONTROL_RATIO = 0.01


class BadInput(Exception):
    """A file that cannot become an article, with the stage that found out why."""

    def __init__(self, stage: str, reason: str) -> None:
        super().__init__(f"{stage}: {reason}")
        self.stage = stage
        self.reason = reason


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: Path
    rel: str  # path relative to the inbox, with forward slashes
    size: int
    mtime_ns: int
    outside_link: str | None = None  # target of a symlink that leaves the inbox
    special: str | None = None  # what a non-regular file is ("FIFO", "socket", ...): never opened


# Kinds of non-regular files, by stat mode: opening a FIFO blocks until a writer comes, a
# device can be endless, a socket cannot be read at all. They are recorded, never opened.
SPECIAL_KINDS = (
    (stat.S_ISFIFO, "named pipe (FIFO)"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
)


def discover(inbox: Path) -> list[SourceFile]:
    """List candidate files under `inbox`, sorted, without following links out of it."""
    if not inbox.is_dir():
        raise FileNotFoundError(f"inbox {inbox} is not a directory")
    root = inbox.resolve()
    found: list[SourceFile] = []
    _scan(inbox, "", root, found)
    found.sort(key=lambda f: f.rel)
    return found


def _scan(folder: Path, prefix: str, root: Path, found: list[SourceFile]) -> None:
    """One `scandir` per folder and one stat per file: a no-op run over 20,000 files is
    mostly this listing, so it avoids pathlib's extra stats."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return  # a folder that vanished or cannot be listed mid-run
    for entry in entries:
        if entry.name.startswith("."):
            continue
        rel = prefix + entry.name
        try:
            if entry.is_dir(follow_symlinks=False):
                _scan(Path(entry.path), rel + "/", root, found)
                continue
            outside = None
            if entry.is_symlink():
                target = Path(entry.path).resolve()
                if target.is_dir():
                    continue  # os.walk never followed links to folders; neither do we
                if not target.is_relative_to(root):
                    outside = str(target)
            st = entry.stat(follow_symlinks=outside is None)
        except OSError:
            continue  # vanished or dangling between listing and stat
        special = next((kind for test, kind in SPECIAL_KINDS if test(st.st_mode)), None)
        found.append(SourceFile(Path(entry.path), rel, st.st_size, st.st_mtime_ns, outside, special))


class TooLarge(BadInput):
    """Over the size limit: kept as path and hash, not bytes."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str | None:
    """Hash a file without holding it in memory; None if it cannot be read."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def read_bytes(source: SourceFile, max_bytes: int) -> bytes:
    """Read a file's bytes, refusing what must not be read."""
    if source.special is not None:
        raise BadInput("read", f"not a regular file but a {source.special}; skipped without opening it")
    if source.outside_link is not None:
        raise BadInput("read", f"symlink points outside the inbox (to {source.outside_link}); not followed")
    if source.size > max_bytes:
        raise TooLarge("read", f"file is {source.size:,} bytes, over the {max_bytes:,}-byte limit")
    data = _read_retrying(source.path)
    if len(data) > max_bytes:
        raise TooLarge("read", f"file grew to {len(data):,} bytes, over the {max_bytes:,}-byte limit")
    return data


def _read_retrying(path: Path) -> bytes:
    """Network shares and busy disks fail reads now and then (EIO, EAGAIN, ESTALE): a file is
    quarantined only when the read keeps failing, not on the first hiccup."""
    for attempt, pause in enumerate(READ_BACKOFF_S, start=1):
        try:
            return path.read_bytes()
        except OSError as exc:
            if isinstance(exc, FileNotFoundError) or exc.errno not in TRANSIENT_ERRNOS:
                raise _unreadable(exc, attempt) from exc
            time.sleep(pause)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise _unreadable(exc, len(READ_BACKOFF_S) + 1) from exc


def _unreadable(exc: OSError, tries: int) -> BadInput:
    if isinstance(exc, FileNotFoundError):
        return BadInput("read", "file vanished between discovery and reading")
    after = f" after {tries} tries" if tries > 1 else ""
    return BadInput("read", f"file could not be read{after}: {exc.strerror or exc}")


def decode(data: bytes) -> str:
    """Bytes to text: by byte-order mark (UTF-8, UTF-16, UTF-32), else UTF-8, then Windows-1252,
    else what charset-normalizer says.

    A BOM is read first: UTF-16 and UTF-32 (what Windows tools export as "Unicode") are full of
    NUL bytes, so the binary check comes after it. Files that are not UTF-8 are, for English
    news, almost always cp1252 or Latin-1 (cp1252 reads Latin-1's printable bytes the same and
    adds curly quotes, dashes and the euro). charset-normalizer alone picks cp1250 for short
    English text and turns "£" into "Ł", so it only decides when the cp1252 reading is implausible.
    """
    if not data.strip():
        raise BadInput("decode", "file is empty" if not data else "file holds only white space")
    text = _by_bom(data)
    if text is None:
        if b"\x00" in data[:8192]:
            raise BadInput("decode", "file is binary (NUL bytes), not text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _western(data) or _detected(data)
    if not text.strip():
        raise BadInput("decode", "file holds only white space")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > MAX_CONTROL_RATIO * len(text):
        raise BadInput("decode", f"file looks binary ({controls} control characters in {len(text)})")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _by_bom(data: bytes) -> str | None:
    """The text of a file that starts with a UTF-16 or UTF-32 byte-order mark; None without one."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise BadInput(
                    "decode",
                    f"file starts with a {encoding.upper()} byte-order mark but is not {encoding.upper()}: {exc.reason}",
                ) from exc
    return None


def _western(data: bytes) -> str | None:
    """The cp1252 (else Latin-1) reading, when it looks like Western text."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # bytes cp1252 leaves undefined: a C1 control in Latin-1
        text = data.decode("latin-1")
    letters = [ch for ch in text if ch.isalpha()]
    foreign = sum(1 for ch in letters if not ch.isascii())
    return text if foreign <= MAX_WESTERN_NON_ASCII * len(letters) else None


def _detected(data: bytes) -> str:
    best = from_bytes(data).best()
    if best is None:
        raise BadInput("decode", "bytes are not text in any encoding charset-normalizer knows")
    return str(best)
