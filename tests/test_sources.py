"""decode(): UTF-8 with or without BOM, cp1252, Latin-1, other encodings; junk refused."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from newsfacts.parse import parse_document
from newsfacts.sources import BadInput, SourceFile, decode, read_bytes

TEXT = (
    "Fuel duty \u2018to rise\u2019 in budget\n\n"
    "The \u201cmodest\u201d rise will cost drivers \u00a32.50 a week "
    "\u2013 about \u20ac3 \u2014 the "
    "caf\u00e9 owners\u2019 association said\u2026\n"
)
LATIN1_TEXT = "Fuel duty to rise\n\nDrivers pay \u00a32.50 a week more, the caf\u00e9 owners said.\n"


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-8", TEXT),
        ("utf-8-sig", TEXT),  # with a byte-order mark
        ("cp1252", TEXT),
        ("latin-1", LATIN1_TEXT),
    ],
)
def test_pound_sign_and_curly_quotes_survive(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / f"article-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    decoded = decode(path.read_bytes())
    assert decoded == text
    [article] = parse_document(path.name, decoded)
    assert "\u00a32.50" in article.body
    assert article.title == text.split("\n")[0]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-16-be", "utf-32-be"])
def test_unicode_with_a_byte_order_mark_is_text_not_binary(encoding: str) -> None:
    """What Windows tools export as "Unicode": full of NUL bytes, announced by its BOM."""
    bom = {"utf-16-be": b"\xfe\xff", "utf-32-be": b"\x00\x00\xfe\xff"}.get(encoding, b"")
    assert decode(bom + TEXT.replace("\n", "\r\n").encode(encoding)) == TEXT


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\xff\xfeA", "UTF-16-LE byte-order mark but is not UTF-16-LE"),
        (b"\xff\xfe" + " \n".encode("utf-16-le"), "white space"),
        (b"\xef\xbb\xbf", "white space"),
    ],
)
def test_a_bom_with_no_text_behind_it_is_refused(data: bytes, reason: str) -> None:
    with pytest.raises(BadInput, match=reason):
        decode(data)


def test_windows_line_ends_become_newlines() -> None:
    assert decode(b"Title\r\n\r\nBody line.\r\n") == "Title\n\nBody line.\n"


def test_a_bare_pound_sign_is_not_misread() -> None:
    assert decode("\u00a35".encode("cp1252")) == "\u00a35"


def test_non_western_encodings_go_to_detection() -> None:
    text = "Правительство объявило о новых мерах по борьбе с наводнениями. " * 6
    assert decode(text.encode("cp1251")) == text


@pytest.mark.parametrize(
    ("data", "reason"), [(b"", "empty"), (b"  \n\t", "white space"), (b"\x00\x01PK\x00", "binary")]
)
def test_refused_inputs(data: bytes, reason: str) -> None:
    with pytest.raises(BadInput, match=reason) as info:
        decode(data)
    assert info.value.stage == "decode"


def _flaky_reads(monkeypatch: pytest.MonkeyPatch, errors: list[OSError]) -> list[int]:
    """Path.read_bytes fails with `errors` in turn, then reads; returns the call count."""
    calls = [0]
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        calls[0] += 1
        if errors:
            raise errors.pop(0)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr("newsfacts.sources.READ_BACKOFF_S", (0.0, 0.0))
    return calls


def _source(tmp_path: Path) -> SourceFile:
    path = tmp_path / "a.txt"
    path.write_text("Title\n\nBody.\n")
    st = path.stat()
    return SourceFile(path=path, rel="a.txt", size=st.st_size, mtime_ns=st.st_mtime_ns)


def test_a_transient_read_error_is_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = _source(tmp_path)
    calls = _flaky_reads(monkeypatch, [OSError(errno.EIO, "Input/output error")])
    assert read_bytes(source, 1000) == b"Title\n\nBody.\n"
    assert calls[0] == 2


def test_a_read_that_keeps_failing_is_refused_with_the_count(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = _source(tmp_path)
    _flaky_reads(monkeypatch, [OSError(errno.EIO, "Input/output error")] * 3)
    with pytest.raises(BadInput, match="after 3 tries: Input/output error"):
        read_bytes(source, 1000)


def test_a_permission_error_is_not_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = _source(tmp_path)
    calls = _flaky_reads(monkeypatch, [PermissionError(errno.EACCES, "Permission denied")])
    with pytest.raises(BadInput, match="could not be read: Permission denied"):
        read_bytes(source, 1000)
    assert calls[0] == 1
