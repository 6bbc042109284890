"""Which articles tell the same story: copies of one text, or the same statement quoted.

Pure domain code (numpy and the standard library): `across.py` reads the rows and
writes the clusters; this module only decides. Two articles are the same story
when `same_story` holds for the pair; clusters are the connected components of
those pairs, so every article is in exactly one (alone if need be).

Nothing compares all pairs. Bodies become sets of hashed word 5-grams
("shingles") summarised by a one-permutation MinHash signature; LSH banding puts
documents agreeing on a band in one bucket, and only bucket-mates (paired with the
bucket's first member) are compared. Quote keys are paired through an inverted
index. 20,000 articles cluster in a few seconds (benchmarks/stories_bbc.py).

Calibration, on the BBC 2004-05 corpus (2,127 distinct articles) and the seeds
(numbers in docs/across.md): at containment >= 0.5 pairs are rewrites or reprints
of one report ("Child access laws shake-up" / "Child access law shake-up
planned"); below it the BBC reuses background paragraphs in follow-ups on other
days ("Dollar hovers around record lows" / "Dollar slides ahead of New Year":
containment 0.32), so shared text alone would chain a month of coverage into one
cluster. The three seed reports of one visit share at most 0.37 of their text but
two or three quoted sentences each; the two UK-France border seeds share neither
text nor quotes. Shared named people were measured too and are not a rule: every
pair that shares two quoted sentences already shares their speaker, and people
alone link any two stories about the same minister.
"""

from __future__ import annotations

import re
import string
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

import numpy as np

SHINGLE_WORDS = 5
# MinHash signature: 128 bins; LSH bands of 2 bins, so a pair with Jaccard 0.2 (containment
# 0.5 when one text is twice the other) becomes a candidate with probability 1-(1-0.2^2)^64 = 0.93.
SIGNATURE_BINS = 128
BAND_BINS = 2
# Share of the shorter article's shingles found in the other: at or above it, one text is a copy of the other.
NEAR_DUPLICATE_CONTAINMENT = 0.5
# Quoted sentences two articles must share to be reporting the same statement: one shared
# sentence is often a slogan or a recycled line, two are the same speech or press release.
SAME_STATEMENT_QUOTES = 2
# A quoted sentence counts from QUOTE_MIN_WORDS words; its key is its first QUOTE_KEY_WORDS words,
# so a quote cut short or reworded near its end still matches (sql/views/quote_spread.sql agrees).
QUOTE_MIN_WORDS = 5
QUOTE_KEY_WORDS = 8
# A quote key carried by more articles than this pairs none of them (bounds the work).
MAX_QUOTE_POSTING = 200
# Articles summarised at a time, and the most distinct words whose hashes are kept between chunks:
# together they bound the memory clustering needs, whatever the size of the warehouse.
DIGEST_CHUNK = 1000
WORD_CACHE_MAX = 500_000
PAIR_CHUNK = 20_000

EMPTY = np.uint64(2**64 - 1)
_BIN_BITS = 7  # 2**7 == SIGNATURE_BINS
_SENTENCE_END = re.compile(r"([.!?])[\"'\u201c\u201d\u2018\u2019]*\s+")
_NON_WORD = re.compile(r"[\W_]+")
# Punctuation becomes space before splitting into words. bytes.translate and str.replace run at C
# speed, several times faster than a regex or str.translate over the 20,000 bodies of a large run.
_ASCII_PUNCTUATION = bytes.maketrans(string.punctuation.encode(), b" " * len(string.punctuation))
_UNICODE_PUNCTUATION = ("\u2018", "\u2019", "\u201c", "\u201d", "\u2013", "\u2014", "\u2026", "\u00a0")
# One odd multiplier per word position, so a 5-gram's hash depends on word order.
_MULTIPLIERS = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD],
    dtype=np.uint64,
)


@dataclass(frozen=True, slots=True)
class StoryInput:
    """What the clustering needs of one article: its body and its quote texts."""

    article_id: str
    body: str
    quotes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Evidence:
    """Candidate pairs of documents (row i, j by input index, i < j) and what each has in common."""

    pairs: np.ndarray  # int64, shape (n, 2)
    containment: np.ndarray  # estimated share of the shorter body's shingles found in the other
    shared_quotes: np.ndarray  # quote keys in common


def same_story(containment: Any, shared_quotes: Any) -> Any:
    """The rules, for one pair or for arrays of pairs: a copy of the same text, or the same
    statement quoted in both."""
    return (containment >= NEAR_DUPLICATE_CONTAINMENT) | (shared_quotes >= SAME_STATEMENT_QUOTES)


def quote_sentences(quote_text: str) -> list[str]:
    """The sentences of a quote, so a quote split differently by two extractions still matches."""
    marked = _SENTENCE_END.sub(lambda m: m.group(1) + "\n", quote_text)
    return [s.strip() for s in marked.split("\n") if s.strip()]


def quote_key(sentence: str) -> str | None:
    """Lower case, punctuation and quote marks dropped, first QUOTE_KEY_WORDS words; None if too short."""
    words = _NON_WORD.sub(" ", sentence.casefold()).split()
    if len(words) < QUOTE_MIN_WORDS:
        return None
    return " ".join(words[:QUOTE_KEY_WORDS])


def quote_keys(quotes: Iterable[str]) -> set[str]:
    return {k for q in quotes for s in quote_sentences(q) if (k := quote_key(s)) is not None}


def shingles(body: str, word_hashes: dict[bytes, int]) -> np.ndarray:
    """The hashed word 5-grams of a body (lower case, punctuation ignored), one per position.

    `word_hashes` caches each word's crc32 across the bodies of one run: hashing each
    distinct word once is most of the speed. A 5-gram repeated in one body counts twice,
    which changes the containment estimate by a hair and saves a sort per article.
    """
    text = body.casefold()
    for mark in _UNICODE_PUNCTUATION:
        text = text.replace(mark, " ")
    words = text.encode().translate(_ASCII_PUNCTUATION).split()
    if len(words) < SHINGLE_WORDS:
        return np.empty(0, dtype=np.uint64)
    for w in set(words).difference(word_hashes):
        word_hashes[w] = zlib.crc32(w)
    ids = np.array([word_hashes[w] for w in words], dtype=np.uint64)
    n = len(words) - SHINGLE_WORDS + 1
    h = np.zeros(n, dtype=np.uint64)
    for i, m in enumerate(_MULTIPLIERS[:SHINGLE_WORDS]):
        h ^= ids[i : i + n] * m  # uint64 arithmetic wraps: that is the hash
    return h


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: spreads every input bit over the whole 64-bit word."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def signatures(sets: Sequence[np.ndarray]) -> np.ndarray:
    """One-permutation MinHash: each hashed shingle falls in one of SIGNATURE_BINS bins by
    its top bits, and a bin keeps its smallest value (EMPTY when no shingle fell in it)."""
    sizes = np.array([len(s) for s in sets], dtype=np.int64)
    sig = np.full(len(sets) * SIGNATURE_BINS, EMPTY, dtype=np.uint64)
    if sizes.sum():
        x = _mix(np.concatenate(sets))
        doc = np.repeat(np.arange(len(sets), dtype=np.uint64), sizes)
        slot = doc * np.uint64(SIGNATURE_BINS) + (x >> np.uint64(64 - _BIN_BITS))
        np.minimum.at(sig, slot.astype(np.int64), x & np.uint64((1 << (64 - _BIN_BITS)) - 1))
    return sig.reshape(len(sets), SIGNATURE_BINS)


def _star_pairs(keys: np.ndarray, docs: np.ndarray) -> np.ndarray:
    """Pairs (first, other) within each group of equal keys: n-1 pairs for a group of n, not n^2/2,
    which is what keeps a story syndicated to hundreds of outlets cheap."""
    if not len(keys):
        return np.empty((0, 2), dtype=np.int64)
    order = np.lexsort((docs, keys))
    keys, docs = keys[order], docs[order]
    new = np.r_[True, keys[1:] != keys[:-1]]
    first = docs[np.flatnonzero(new)][np.cumsum(new) - 1]
    keep = ~new
    return np.stack([first[keep], docs[keep]], axis=1)


def text_candidates(sig: np.ndarray) -> np.ndarray:
    """LSH banding: documents whose signatures agree on every bin of some band become candidates."""
    n = len(sig)
    keys, docs = [], []
    for b in range(0, SIGNATURE_BINS, BAND_BINS):
        band = sig[:, b : b + BAND_BINS]
        full = (band != EMPTY).all(axis=1)
        key = np.full(n, np.uint64(b))
        for col in band.T:
            key = _mix(key ^ col)
        keys.append(key[full])
        docs.append(np.flatnonzero(full))
    return _star_pairs(np.concatenate(keys), np.concatenate(docs))


def containment(sig: np.ndarray, sizes: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """Estimated share of the smaller shingle set found in the other, for each pair.

    Jaccard J is the share of bins, among those not empty in both, holding the same minimum;
    the intersection is then J(|A|+|B|)/(1+J). Pairs go PAIR_CHUNK at a time: gathering both
    signatures costs 2 kB a pair, and a story carried by many outlets makes many pairs.
    """
    out = np.empty(len(pairs))
    for start in range(0, len(pairs), PAIR_CHUNK):
        chunk = pairs[start : start + PAIR_CHUNK]
        a, b = sig[chunk[:, 0]], sig[chunk[:, 1]]
        used = ((a != EMPTY) | (b != EMPTY)).sum(axis=1)
        same = ((a == b) & (a != EMPTY)).sum(axis=1)
        jac = np.divide(same, used, out=np.zeros(len(chunk)), where=used > 0)
        sa, sb = sizes[chunk[:, 0]], sizes[chunk[:, 1]]
        smaller = np.minimum(sa, sb)
        inter = jac * (sa + sb) / (1 + jac)
        out[start : start + len(chunk)] = np.minimum(
            1.0, np.divide(inter, smaller, out=np.zeros(len(chunk)), where=smaller > 0)
        )
    return out


@dataclass(frozen=True, slots=True)
class Digest:
    """What clustering keeps of each article, in input order: a MinHash signature, the shingle
    count and the quote keys. About 1 kB an article, so the bodies never need to be held at once."""

    article_ids: list[str]
    sig: np.ndarray  # uint64, shape (n, SIGNATURE_BINS)
    sizes: np.ndarray  # int64, shingles per body
    quote_postings: dict[str, list[int]]  # quote key -> input indexes of the articles quoting it


def digest(docs: Iterable[StoryInput]) -> Digest:
    """Summarise the articles DIGEST_CHUNK at a time, so memory holds one chunk of bodies."""
    ids: list[str] = []
    sigs: list[np.ndarray] = []
    sizes: list[int] = []
    postings: dict[str, list[int]] = {}
    word_hashes: dict[bytes, int] = {}
    docs = iter(docs)
    while chunk := list(islice(docs, DIGEST_CHUNK)):
        if len(word_hashes) > WORD_CACHE_MAX:
            word_hashes.clear()
        sets = [shingles(d.body, word_hashes) for d in chunk]
        sigs.append(signatures(sets))
        sizes.extend(len(s) for s in sets)
        for d in chunk:
            for k in quote_keys(d.quotes):
                postings.setdefault(k, []).append(len(ids))
            ids.append(d.article_id)
    sig = np.concatenate(sigs) if sigs else np.empty((0, SIGNATURE_BINS), dtype=np.uint64)
    return Digest(ids, sig, np.array(sizes, dtype=np.int64), postings)


def shared_quotes(postings: dict[str, list[int]]) -> dict[tuple[int, int], int]:
    """Pairs of documents (i < j) with the number of quote keys they share."""
    counts: dict[tuple[int, int], int] = {}
    for ids in postings.values():
        if len(ids) > MAX_QUOTE_POSTING:
            continue
        for x, i in enumerate(ids):
            for j in ids[x + 1 :]:
                counts[i, j] = counts.get((i, j), 0) + 1
    return counts


def evidence(dg: Digest) -> Evidence:
    """Every candidate pair: LSH bucket-mates by body, and pairs sharing a quote key."""
    n = len(dg.article_ids)
    by_text = text_candidates(dg.sig)
    quotes = shared_quotes(dg.quote_postings)
    quote_codes = np.array([i * n + j for i, j in quotes], dtype=np.int64)
    quote_counts = np.array(list(quotes.values()), dtype=np.int64)
    codes = np.union1d(by_text.min(axis=1) * n + by_text.max(axis=1), quote_codes)
    pairs = np.stack([codes // n, codes % n], axis=1)
    shared = np.zeros(len(codes), dtype=np.int64)
    shared[np.searchsorted(codes, quote_codes)] = quote_counts
    return Evidence(pairs, containment(dg.sig, dg.sizes, pairs), shared)


def cluster(docs: Iterable[StoryInput]) -> dict[str, str]:
    """article_id -> cluster_id for every document.

    A cluster's id is "s-" + the article_id of its first member in input order; pass the
    documents oldest first and an existing story keeps its id when later articles join it.
    `docs` is read once, so it can be a stream straight from the database.
    """
    dg = digest(docs)
    ids = dg.article_ids
    parent = list(range(len(ids)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    ev = evidence(dg)
    for i, j in ev.pairs[same_story(ev.containment, ev.shared_quotes)].tolist():
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)  # the root is always the earliest member
    return {article_id: f"s-{ids[find(i)]}" for i, article_id in enumerate(ids)}
