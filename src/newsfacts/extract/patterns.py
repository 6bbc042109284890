"""Rule patterns as data: one JSON-lines file per fact kind in `patterns/`, each pattern with an id.

A line is one pattern, one of spaCy's two kinds:

- a token or phrase pattern for a SpanRuler (run over the article's doc; matches land in `doc.spans[<kind>]`, each
  span's `id_` the pattern's id and `label_` its label): `{"id": "weekday-name", "label": "DATE", "pattern": [{"TEXT":
  {"IN": "@weekdays:title"}}]}` `{"id": "...", "label": "ORG", "pattern": "Downing Street"}`, or a phrase for each entry
  of a word list: `{"id": "party-name", "label": "ORG", "phrases": "@parties"}`
- a dependency pattern for a DependencyMatcher (run over the parsed sentences, grammar.py): `{"id": "speech-subject",
  "dependency": [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {...}}, ...]}`

Inside a pattern, a list value written `"@name"` stands for the word list `data/<name>.txt` (or the first column of
`data/<name>.tsv`), `"@name:title"` for the same words capitalised as in a title, `"@name:upper"` in capitals,
`"@name[kind]"` the rows of a .tsv whose `kinds` hold that kind (`"@roles[head]"`): vocabulary stays in one file,
patterns refer to it. Every pattern id has golden examples in `tests/extract_examples/<kind>.jsonl` (a test checks it).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import DependencyMatcher
from spacy.pipeline import SpanRuler
from spacy.vocab import Vocab

from .depmatch import IndexedDependencyMatcher
from .lexicon import DATA, rows, words

PATTERNS = Path(__file__).with_name("patterns")
CASES = {"": str, "title": str.title, "upper": str.upper, "lower": str.lower}


class PatternError(ValueError):
    """A patterns file that cannot be read: the file, the line and what is wrong with it."""


@cache
def load(kind: str) -> tuple[dict[str, Any], ...]:
    """The patterns of one kind, with word-list references expanded; none if the kind has no file."""
    path = PATTERNS / f"{kind}.jsonl"
    if not path.exists():
        return ()
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path.name}:{number}"
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as exc:
            raise PatternError(f"{where}: not JSON ({exc.msg})") from None
        pid = entry.get("id")
        if not isinstance(pid, str) or not pid:
            raise PatternError(f'{where}: a pattern needs an "id"')
        if pid in seen:
            raise PatternError(f"{where}: pattern id {pid!r} used twice")
        if sum(key in entry for key in ("pattern", "phrases", "dependency")) != 1:
            raise PatternError(
                f'{where}: give one of "pattern" or "phrases" (SpanRuler), "dependency" (DependencyMatcher)'
            )
        if isinstance(entry.get("phrases"), str):
            entry["phrases"] = _listed(entry["phrases"], where)
        seen.add(pid)
        out.append(_expanded(entry, where))
    return tuple(out)


def ids(kind: str) -> list[str]:
    """The pattern ids of one kind, in file order."""
    return [p["id"] for p in load(kind)]


def span_ruler(nlp: Language, kind: str) -> SpanRuler | None:
    """A SpanRuler holding the kind's token and phrase patterns, writing to `doc.spans[kind]`; None when the kind has
    none. Phrase patterns are tokenised by the pipeline's own tokenizer."""
    entries = [
        {"id": p["id"], "label": p.get("label", kind), "pattern": pattern}
        for p in load(kind)
        for pattern in ([p["pattern"]] if "pattern" in p else p.get("phrases", []))
    ]
    if not entries:
        return None
    tokenizing = Language(vocab=nlp.vocab)
    tokenizing.tokenizer = nlp.tokenizer
    ruler = SpanRuler(tokenizing, name=f"{kind}_patterns", spans_key=kind, validate=True, overwrite=True)
    ruler.add_patterns(entries)
    return ruler


def dependency_matcher(vocab: Vocab, kind: str) -> tuple[DependencyMatcher, dict[str, list[str]]] | None:
    """A DependencyMatcher holding the kind's dependency patterns, and each pattern's node names in order (what
    `grammar.dependency_matches` needs to name a match's tokens); None when it has none."""
    entries = [p for p in load(kind) if "dependency" in p]
    if not entries:
        return None
    matcher = IndexedDependencyMatcher(vocab, validate=True)
    nodes = {}
    for p in entries:
        matcher.add(p["id"], [p["dependency"]])
        nodes[p["id"]] = [node["RIGHT_ID"] for node in p["dependency"]]
    return matcher, nodes


def _expanded(value: Any, where: str) -> Any:
    """`value` with every "@list" string inside an IN / NOT_IN replaced by that list's words."""
    if isinstance(value, dict):
        return {
            k: _listed(v, where) if k in {"IN", "NOT_IN"} and isinstance(v, str) else _expanded(v, where)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_expanded(v, where) for v in value]
    return value


def _listed(ref: str, where: str) -> list[str]:
    name, _, case = ref.removeprefix("@").partition(":")
    name, _, kind = name.removesuffix("]").partition("[")
    if not ref.startswith("@") or case not in CASES:
        raise PatternError(f'{where}: {ref!r} is no word-list reference ("@name", "@name:title", "@name:upper")')
    if (DATA / f"{name}.txt").exists():
        found = words(name)
    elif (DATA / f"{name}.tsv").exists():
        found = frozenset(next(iter(r.values())) for r in rows(name) if not kind or kind in r["kinds"].split())
    else:
        raise PatternError(f"{where}: no word list data/{name}.txt or data/{name}.tsv")
    return sorted({CASES[case](w) for w in found})
