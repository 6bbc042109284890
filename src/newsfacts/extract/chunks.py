"""Long bodies cut into pieces the model reads one at a time, at the most natural break in reach.

The model's working memory grows with the length of what it reads at once (measured: about 3.4 MB per thousand
characters of one text), and spaCy refuses texts over `max_length` (a million characters) outright. A transcript of
several megabytes is read in pieces of at most `size` characters, cut after a blank line where the last stretch of the
piece holds one, else after a line end, else after a sentence end, else at a space: never inside a word, which is what
keeps every token (and so every span) of the pieces the same as the whole text's. Only a stretch of `size` characters
with no space at all, which no reader takes for words, is cut where it stands. The pieces, joined, are the text.
"""

from __future__ import annotations

import re

# The breaks, most natural first: a blank line, a line end, a sentence end, a space. Each
# pattern matches the whitespace to cut after.
BREAKS = (
    re.compile(r"\n[^\S\n]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+"),
    re.compile(r"\s+"),
)


def pieces(text: str, size: int) -> list[str]:
    """`text` as consecutive pieces of at most `size` characters (one piece if it is no longer)."""
    out = []
    start = 0
    while len(text) - start > size:
        end = _cut(text, start, start + size)
        out.append(text[start:end])
        start = end
    out.append(text[start:])
    return out


def _cut(text: str, start: int, limit: int) -> int:
    """Where to end the piece that starts at `start` and may not reach past `limit`: after the last break of the most
    natural kind found in the piece's second half, else in the whole piece."""
    for lo in (start + (limit - start) // 2, start + 1):
        for pattern in BREAKS:
            ends = [m.end() for m in pattern.finditer(text, lo, limit)]
            if ends:
                return ends[-1]
    return limit
