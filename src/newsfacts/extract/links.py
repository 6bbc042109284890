"""URLs written in the body."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsfacts.records import Link

from .view import DocView

URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'\u201c\u201d]+", re.IGNORECASE)
TRAILING = ".,;:!?)]}'\u2019"


def extract(doc: Doc) -> tuple[Link, ...]:
    """Every URL, without the sentence punctuation that follows it. One written without its scheme ("www.gov.uk/visas")
    is stored as a browser reads it (http://...), so every url opens; its span is still the text as written."""
    view = DocView(doc)
    links = []
    for m in URL.finditer(view.body):
        written = m.group().rstrip(TRAILING)
        url = written if "://" in written else f"http://{written}"
        links.append(Link(url=url, start_char=m.start(), end_char=m.start() + len(written)))
    return tuple(links)
