"""Turn decoded text into articles, by the kind of file it came from."""

from __future__ import annotations

from pathlib import PurePosixPath

from newsfacts.records import Article
from newsfacts.sources import HTML_SUFFIXES, JSON_SUFFIXES, TEXT_SUFFIXES, BadInput

from .html import parse_html
from .jsonfeed import parse_json
from .text import parse_text


def check_file_type(source_file: str) -> str:
    """The file's suffix if newsfacts reads it. Checked before its bytes are decoded, so a Word
    document or a PDF is rejected as the type it is, not as undecodable binary."""
    suffix = PurePosixPath(source_file).suffix.lower()
    if suffix not in HTML_SUFFIXES | JSON_SUFFIXES | TEXT_SUFFIXES:
        raise BadInput("parse", f"unsupported file type {suffix!r} (expected .txt, .html, .json or .jsonl)")
    return suffix


def parse_document(source_file: str, text: str) -> list[Article]:
    """Parse one file's text into its articles (several for a JSON array or JSONL)."""
    suffix = check_file_type(source_file)
    if suffix in HTML_SUFFIXES or (suffix in TEXT_SUFFIXES and _looks_like_html(text)):
        articles = [parse_html(text)]
    elif suffix in JSON_SUFFIXES:
        articles = parse_json(text, jsonl=suffix != ".json")
    else:
        articles = [parse_text(text)]
    articles = [a for a in articles if a.body.strip()]
    if not articles:
        raise BadInput("parse", "no article body found in the file")
    return articles


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


__all__ = ["check_file_type", "parse_document"]
