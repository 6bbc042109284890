"""Score entity F1 on CoNLL-2003 for newsfacts' entity layer and the bare spaCy model.

Exact spans, PER/ORG/LOC (MISC is not scored). Each -DOCSTART- document
becomes one text: its tokens joined with spaces, sentences separated by
newlines, so both systems read the same raw text. Predicted character spans
are mapped back to the CoNLL tokens; a span whose ends do not fall on token
boundaries can match nothing and counts as a false positive.

newsfacts: the extraction pipeline up to its entity layer (NER, sentencizer,
`newsfacts_entity_spans`), read from `doc._.entity_spans`.
Bare model: `spacy.load(MODEL)` with its full pipeline, `doc.ents` as is.
Labels: PERSON -> PER, ORG -> ORG, GPE/LOC/FAC/PLACE/COUNTRY -> LOC.

    python benchmarks/ner_conll.py --data ../shared/data/conll2003/valid.txt
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import spacy

from newsfacts.extract.nlp import MODEL, PIPES, get_nlp

LABELS = ("PER", "ORG", "LOC")
TO_CONLL = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
            "PLACE": "LOC", "COUNTRY": "LOC"}
# A predicted or gold entity: (document index, first token, end token, label).
Key = tuple[int, int, int, str]


class Document:
    """One CoNLL document as text, with each token's character offsets."""

    def __init__(self, sentences: list[list[tuple[str, str]]]) -> None:
        self.text = "\n".join(" ".join(tok for tok, _ in sent) for sent in sentences)
        self.starts: dict[int, int] = {}
        self.ends: dict[int, int] = {}
        self.gold: list[tuple[int, int, str]] = []
        char, index = 0, 0
        for sent in sentences:
            open_at, open_label = None, None
            for tok, tag in sent:
                if open_at is not None and not (tag.startswith("I-") and tag[2:] == open_label):
                    self.gold.append((open_at, index, open_label))
                    open_at = None
                if tag.startswith("B-") or (tag.startswith("I-") and open_at is None):
                    open_at, open_label = index, tag[2:]
                self.starts[char] = index
                self.ends[char + len(tok)] = index + 1
                char += len(tok) + 1
                index += 1
            if open_at is not None:
                self.gold.append((open_at, index, open_label))

    def tokens_of(self, start_char: int, end_char: int) -> tuple[int, int] | None:
        """The token range of a character span, None when it cuts through a token."""
        start, end = self.starts.get(start_char), self.ends.get(end_char)
        if start is None or end is None or end <= start:
            return None
        return start, end


def read_conll(path: Path) -> list[Document]:
    """Documents of `token TAG` lines; blank lines end sentences."""
    docs: list[list[list[tuple[str, str]]]] = []
    sent: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if sent and docs:
                docs[-1].append(sent)
            sent = []
        elif parts[0] == "-DOCSTART-":
            docs.append([])
        else:
            sent.append((parts[0], parts[-1]))
    if sent and docs:
        docs[-1].append(sent)
    return [Document(sentences) for sentences in docs if sentences]


def keys(index: int, doc: Document, spans: Iterable[tuple[int, int, str]]) -> set[Key]:
    """Scored keys of predicted (start_char, end_char, label) spans; unaligned ones stay unmatched."""
    out: set[Key] = set()
    for start_char, end_char, label in spans:
        conll = TO_CONLL.get(label)
        if conll is None:
            continue
        toks = doc.tokens_of(start_char, end_char)
        out.add((index, *toks, conll) if toks else (index, -start_char, -end_char, conll))
    return out


def score(gold: set[Key], pred: set[Key]) -> dict[str, tuple[float, float, float, int, int, int]]:
    """Per label and overall: precision, recall, F1, true positives, predicted, gold."""
    out = {}
    for label in (*LABELS, "ALL"):
        g = {k for k in gold if label in ("ALL", k[3])}
        p = {k for k in pred if label in ("ALL", k[3])}
        tp = len(g & p)
        prec = tp / len(p) if p else 0.0
        rec = tp / len(g) if g else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[label] = (prec, rec, f1, tp, len(p), len(g))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/conll2003/valid.txt"))
    parser.add_argument("--errors", type=int, default=0, help="print this many misses per system")
    args = parser.parse_args()
    docs = read_conll(args.data)
    texts = [d.text for d in docs]
    n_tokens = sum(len(d.starts) for d in docs)
    gold = {(i, s, e, lab) for i, d in enumerate(docs) for s, e, lab in d.gold if lab in LABELS}

    began = time.perf_counter()
    ours: set[Key] = set()
    later = [name for name in PIPES if name != "newsfacts_entity_spans"]
    for i, (doc, sdoc) in enumerate(zip(docs, get_nlp().pipe(texts, disable=later), strict=True)):
        ours |= keys(i, doc, ((s.start_char, s.end_char, s.label) for s in sdoc._.entity_spans))
    ours_secs = time.perf_counter() - began

    began = time.perf_counter()
    bare_nlp = spacy.load(MODEL)
    bare: set[Key] = set()
    for i, (doc, sdoc) in enumerate(zip(docs, bare_nlp.pipe(texts), strict=True)):
        bare |= keys(i, doc, ((e.start_char, e.end_char, e.label_) for e in sdoc.ents))
    bare_secs = time.perf_counter() - began

    print(f"{len(docs)} documents, {n_tokens} tokens, {len(gold)} gold PER/ORG/LOC entities")
    results = {}
    for name, pred, secs in (("newsfacts", ours, ours_secs), ("spacy", bare, bare_secs)):
        results[name] = score(gold, pred)
        print(f"{name}: {secs:.1f}s ({n_tokens / secs:.0f} tokens/s)")
        for label, (p, r, f, tp, npred, ngold) in results[name].items():
            print(f"  {label:<4} P={p:.3f} R={r:.3f} F1={f:.3f}  (tp {tp}, predicted {npred}, gold {ngold})")
        if args.errors:
            _print_errors(docs, gold, pred, args.errors)
    # One key=value line for benchmarks/floors.json (its keys must be unique), then the headline.
    print("ner_conll " + " ".join(f"{name}_{label.lower()}_f1={res[label][2]:.4f}"
                                  for name, res in results.items() for label in (*LABELS, "ALL")))
    print(f"newsfacts F1={results['newsfacts']['ALL'][2]:.4f} spacy F1={results['spacy']['ALL'][2]:.4f}")


def _print_errors(docs: list[Document], gold: set[Key], pred: set[Key], limit: int) -> None:
    """Misses and false alarms with their text, to look at when improving rules."""
    words = [d.text.replace("\n", " ").split(" ") for d in docs]

    def show(k: Key) -> str:
        i, s, e, lab = k
        text = " ".join(words[i][s:e]) if s >= 0 else docs[i].text[-s:-e]
        return f"{lab}:{text}"

    missed = Counter(show(k) for k in gold - pred)
    wrong = Counter(show(k) for k in pred - gold)
    print("  missed:", ", ".join(f"{t} x{n}" for t, n in missed.most_common(limit)))
    print("  wrong: ", ", ".join(f"{t} x{n}" for t, n in wrong.most_common(limit)))


if __name__ == "__main__":
    main()
