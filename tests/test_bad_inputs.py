"""Bad inputs at the domain level: each becomes a specific rejection, never an exception (issue 6)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from newsfacts.pipeline import process_batch
from newsfacts.sources import SourceFile, discover

BODY = "<p>" + "The minister said the border plan would start in May and cover three ports. " * 5 + "</p>"


def outcome(path: Path, max_bytes: int = 1_000_000):
    src = next(s for s in discover(path.parent) if s.rel == path.name)
    (o,) = process_batch([src], {}, max_bytes)
    return o


def test_a_file_that_vanishes_after_discovery_is_rejected_at_read(tmp_path: Path) -> None:
    gone = SourceFile(tmp_path / "gone.txt", "gone.txt", 10, 0)
    (o,) = process_batch([gone], {}, 1_000)
    assert o.rejected and o.rejected.stage == "read" and "vanished" in o.rejected.reason


def test_undecodable_bytes_are_rejected_at_decode(tmp_path: Path) -> None:
    p = tmp_path / "x.txt"
    p.write_bytes(b"\x81\x8d\x8f\x90\x9d" * 200 + b"\x00")
    o = outcome(p)
    assert o.rejected and o.rejected.stage == "decode" and o.rejected.raw == p.read_bytes()


def test_scripts_and_styles_in_html_are_stripped_never_run(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(
        "<html><head><title>Border plan</title><style>body{color:red}</style></head><body><article>"
        f"<h1>Border plan</h1><script>document.write('PWNED')</script>{BODY}</article></body></html>"
    )
    o = outcome(p)
    assert o.rejected is None
    body = o.items[0].article.body
    assert "PWNED" not in body and "color:red" not in body and "border plan would start" in body


def test_deeply_nested_or_malformed_html_does_not_stop_the_batch(tmp_path: Path) -> None:
    p = tmp_path / "deep.html"
    p.write_text("<html><body>" + "<div>" * 5000 + BODY + "</span>" * 10 + "<p <<>>")
    o = outcome(p)
    assert o.rejected is None or o.rejected.stage == "parse"
    if o.rejected is None:
        assert "border plan" in o.items[0].article.body


def test_unsupported_file_types_are_rejected_with_the_type(tmp_path: Path) -> None:
    p = tmp_path / "scan.pdf"
    p.write_text("not really a pdf, but text")
    o = outcome(p)
    assert o.rejected and o.rejected.stage == "parse" and "'.pdf'" in o.rejected.reason


def test_a_binary_document_is_rejected_as_its_type_not_as_binary(tmp_path: Path) -> None:
    """A Word file in the inbox is a zip full of NUL bytes: the user is told its type, which says
    what to do (save it as text), rather than that it is binary."""
    p = tmp_path / "briefing.docx"
    p.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 4)
    o = outcome(p)
    assert o.rejected and o.rejected.stage == "parse" and "'.docx'" in o.rejected.reason
    assert o.rejected.raw == p.read_bytes()


def test_strict_turns_quarantine_into_a_failing_exit(tmp_path: Path) -> None:
    box = tmp_path / "inbox"
    box.mkdir()
    (box / "empty.txt").write_bytes(b"")
    args = [sys.executable, "-m", "newsfacts.cli", "run", "--inbox", str(box), "--db", str(tmp_path / "w.duckdb")]
    plain = subprocess.run(args, capture_output=True, text=True, timeout=600)
    assert plain.returncode == 0 and "1 quarantined" in plain.stdout
    (box / "empty2.txt").write_bytes(b"")
    strict = subprocess.run([*args, "--strict"], capture_output=True, text=True, timeout=600)
    assert strict.returncode == 1 and "--strict" in strict.stderr
