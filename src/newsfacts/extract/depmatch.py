"""spaCy's DependencyMatcher, with its node conditions looked up rather than tried one by one.

The stock matcher adds every node of every pattern to an inner token Matcher as a rule of its own and tries each rule on
each token: `{"DEP": "pobj"}` is tried ten times a token, since ten of our patterns hold it; and it finds each matched
token's root by listing its ancestors. That was most of the grammar component's matching time, and matching took as long
as parsing.

Here a node condition that only asks for words, tags or dependency labels (`{"DEP": "nsubj"}`, `{"TAG": {"IN": [...]}}`,
`{"LOWER": {"IN": "@speech_verbs"}}`: all of ours today) is indexed by the values it accepts, and each token looks its
four values up once; any other condition still goes to a spaCy Matcher. Roots come from the doc's head array. The tree
search is spaCy's own, over the same candidate tokens, so the matches are the stock matcher's
(tests/test_extract_depmatch.py).
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from spacy.attrs import DEP, HEAD, LOWER, ORTH, TAG
from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

# The token attributes a condition may be looked up by, in the column order of `Doc.to_array`.
INDEXED = {"DEP": 0, "TAG": 1, "LOWER": 2, "TEXT": 3, "ORTH": 3}
COLUMNS = [DEP, TAG, LOWER, ORTH]

Positions = defaultdict[int, defaultdict[int, list[int]]]


class IndexedDependencyMatcher(DependencyMatcher):
    """A DependencyMatcher whose word, tag and label conditions are found by lookup, each once however many pattern
    nodes share it."""

    def __init__(self, vocab: Vocab, *, validate: bool = False) -> None:
        super().__init__(vocab, validate=validate)
        self._index: dict[tuple[int, int], list[int]] = defaultdict(list)  # (column, value) -> conditions
        self._needs: list[int] = []  # condition -> how many of its attributes must agree
        self._node_keys: list[list[int]] = []  # condition -> the inner matcher keys of its nodes
        self._conditions: dict[str, int] = {}
        self._other = Matcher(vocab, validate=validate)  # conditions the index cannot answer

    def add(self, key: str, patterns: list[list[dict[str, Any]]], *, on_match: Any = None) -> None:
        norm = self._normalize_key(key)
        already = len(self._tokens_to_key[norm])
        super().add(key, patterns, on_match=on_match)
        for pattern, node_keys in zip(patterns, self._tokens_to_key[norm][already:], strict=True):
            for node, node_key in zip(pattern, node_keys, strict=True):
                self._node_keys[self._condition(node["RIGHT_ATTRS"])].append(node_key)

    def _condition(self, attrs: dict[str, Any]) -> int:
        """The number of a distinct node condition, indexed (or given to the Matcher) when new."""
        text = json.dumps(attrs, sort_keys=True)
        if text in self._conditions:
            return self._conditions[text]
        number = self._conditions[text] = len(self._needs)
        self._node_keys.append([])
        accepted = {INDEXED[k]: _accepted(v) for k, v in attrs.items() if k in INDEXED}
        if (
            attrs
            and len(accepted) == len(attrs)
            and len(accepted) == len(set(accepted))
            and None not in accepted.values()
        ):
            self._needs.append(len(accepted))
            for column, values in accepted.items():
                for value in values:
                    self._index[column, self.vocab.strings.add(value)].append(number)
        else:
            self._needs.append(0)
            self._other.add(str(number), [[attrs]])
        return number

    def _get_keys_to_position_maps(self, doc: Doc) -> Positions:
        """For each root, each node's matching tokens below it (what the stock method returns)."""
        roots = _roots(doc)
        found: Positions = defaultdict(lambda: defaultdict(list))

        def matched(condition: int, i: int) -> None:
            positions = found[roots[i]]
            for node_key in self._node_keys[condition]:
                positions[node_key].append(i)

        index, needs = self._index, self._needs
        for i, row in enumerate(doc.to_array(COLUMNS).tolist()):
            hits: dict[int, int] = {}
            for column, value in enumerate(row):
                for condition in index.get((column, value), ()):
                    hits[condition] = hits.get(condition, 0) + 1
            for condition, count in hits.items():
                if count == needs[condition]:
                    matched(condition, i)
        if len(self._other):
            for key, start, _ in self._other(doc):
                matched(int(self.vocab.strings[key]), start)
            for positions in found.values():
                for node_positions in positions.values():
                    node_positions.sort()
        return found


def _accepted(value: Any) -> list[str] | None:
    """The values an indexed attribute accepts: one, or those of an IN list; None for any other test."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and list(value) == ["IN"] and all(isinstance(v, str) for v in value["IN"]):
        return list(value["IN"])
    return None


def _roots(doc: Doc) -> list[int]:
    """The index of each token's root, from the doc's relative head offsets."""
    heads = [i + h for i, h in enumerate(doc.to_array(HEAD).astype("int64").tolist())]
    roots = [-1] * len(heads)
    for i in range(len(heads)):
        path = []
        j = i
        while roots[j] < 0 and heads[j] != j:
            path.append(j)
            j = heads[j]
        root = j if roots[j] < 0 else roots[j]
        roots[j] = root
        for k in path:
            roots[k] = root
    return roots
