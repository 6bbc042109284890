"""Golden examples: every rule pattern has invented sentences that show what it finds.

`tests/extract_examples/<kind>.jsonl` holds one example per line for the patterns of
`src/newsfacts/extract/patterns/<kind>.jsonl`: {"pattern": id, "text": sentence, "published":
optional ISO date, "expect": {...}}. What `expect` may say:

- "matches": spans the pattern matched in `doc.spans[<kind>]`, each {"text": ...}
- "relations": what a dependency pattern found in the parsed sentences, each {node: token text}
- "parsed" / "unparsed": sentences the grammar component did / did not parse
- "people", "quotes", "quantities", "entities", "dates", "links": facts that must be found, each
  the fields to compare of one record ({"text": "Thursday", "resolved": "2005-03-03"})
- "absent": {kind: [fields, ...]}: facts that must not be found

Sentences are invented for the example, never copied from a test set. A pattern without an
example, or an example for no pattern, fails.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest

from newsfacts.extract import extracted, facts_of
from newsfacts.extract.nlp import PIPES, get_nlp
from newsfacts.extract.patterns import PATTERNS, ids
from newsfacts.records import Article

EXAMPLES = Path(__file__).with_name("extract_examples")
FACT_KINDS = ("people", "quotes", "quantities", "entities", "dates", "links")
PIPELINE = PIPES


def examples() -> list:
    out = []
    for path in sorted(EXAMPLES.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                example = json.loads(line)
                out.append(pytest.param(path.stem, example, id=f"{path.stem}:{example['pattern']}:{number}"))
    return out


def kinds() -> list[str]:
    return sorted(p.stem for p in PATTERNS.glob("*.jsonl"))


@pytest.mark.parametrize("kind", kinds())
def test_every_pattern_has_a_golden_example(kind: str) -> None:
    path = EXAMPLES / f"{kind}.jsonl"
    shown = (
        {json.loads(line)["pattern"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
        if path.exists()
        else set()
    )
    assert set(ids(kind)) <= shown, (
        f"patterns/{kind}.jsonl: no example in {path.name} for {sorted(set(ids(kind)) - shown)}"
    )


@pytest.mark.parametrize("kind", sorted(p.stem for p in EXAMPLES.glob("*.jsonl")))
def test_every_example_shows_a_pattern_that_exists(kind: str) -> None:
    shown = {
        json.loads(line)["pattern"]
        for line in (EXAMPLES / f"{kind}.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    assert shown <= set(ids(kind)), f"{kind}.jsonl shows unknown patterns {sorted(shown - set(ids(kind)))}"


@pytest.mark.parametrize(("kind", "example"), examples())
def test_golden_example(kind: str, example: dict) -> None:
    published = date.fromisoformat(example["published"]) if "published" in example else None
    (doc,) = extracted(get_nlp(PIPELINE), [Article(title=None, body=example["text"], published_date=published)])
    expect = example["expect"]
    pattern = example["pattern"]
    matched = [s.text for s in doc.spans.get(kind, ()) if s.id_ == pattern]
    for want in expect.get("matches", []):
        assert want["text"] in matched, f"{pattern} matched {matched}"
    found = [{n: t.text for n, t in m.nodes.items()} for m in doc._.grammar.of(pattern)]
    for want in expect.get("relations", []):
        assert any(want.items() <= got.items() for got in found), f"{pattern} found {found}"
    parsed = [p.doc.text.strip() for p in doc._.grammar.sentences]
    for sentence in expect.get("parsed", []):
        assert sentence in parsed, parsed
    for sentence in expect.get("unparsed", []):
        assert sentence not in parsed, parsed
    facts = facts_of(doc)
    for fact_kind in FACT_KINDS:
        records = [dataclasses.asdict(r) for r in getattr(facts, fact_kind)]
        for want in expect.get(fact_kind, []):
            assert any(want.items() <= got.items() for got in records), f"{fact_kind}: {want} not in {records}"
        for unwanted in expect.get("absent", {}).get(fact_kind, []):
            assert not any(unwanted.items() <= got.items() for got in records), f"{fact_kind}: {unwanted} found"
