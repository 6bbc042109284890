"""Score every fact kind on the hand-annotated dev gold of BBC articles (tests/devgold, issue 19).

Each text goes through the product's path (parse_document, then extract_facts, as
pipeline.process_batch does) and is scored against its `<name>.json` (format in
tests/devgold/README.md). Matching rules, per kind:

- people: an extracted person is a gold person when its name is the gold name or one of its
  aliases (case, spacing and titles before the name ignored: "Sir Alex Ferguson" is "Alex
  Ferguson"). Precision counts extracted people that are a gold person
  (those in `neutral.people` are left out), recall gold people found. Roles: a role is right
  when it and the gold role (or one of `role_any_of`) contain one another, case ignored; role
  recall is over gold people with a role, role precision over the roles given to people found;
  role_status is the share of roles found whose `former` (people.role_status) agrees with the gold.
- quotes: a gold quote's text is found in the body (its next unused occurrence) and is found
  when one extracted quote covers at least 60% of its words. An extracted quote is right when at
  least 60% of its words lie in one gold or neutral quote. Speaker accuracy is over all gold
  quotes (a quote not found has no right speaker): right when the speaker found is the gold
  speaker or one of `speaker_any_of` - for a person, any form of their name the gold lists; for
  a description, the same words or one within the other with at most two words more ("a"/"an"/
  "the" and case ignored) - or both are none. Partial: found quotes whose is_partial
  agrees.
- quantities: a gold quantity's text is placed in the body as quotes are and matched by overlap
  with an extracted one. Fully right: value (within 0.5%; a share read as a percentage, 25 for
  0.25, counts when the unit found is percent), unit (the gold unit or one of `unit_any_of`; for a
  count, the counted noun too), qualifier, and about (containing one of `about_match`, any when
  the gold about is null), as a share of gold rows; value_unit the share with value and unit
  right. Precision counts extracted quantities overlapping a gold or neutral one.
- dates: placed and matched by overlap as quantities; row precision is extracted dates
  overlapping a gold or neutral date; resolved is found dates whose resolution is the gold's.
- entities: rows of type PERSON, ORG, PLACE and COUNTRY. A PERSON row is right when it is a gold
  person (the people list is the PERSON gold); any other when its name is the name or an alias
  of a gold entity of the same type (case and a leading "the" ignored). Rows named in `neutral.entities` are left
  out; a COUNTRY row is also right by its ISO code. Recall: gold ORG, PLACE and COUNTRY entities
  found with their type.

Prints one summary line per kind (`devgold_<kind> key=value ...`, read by
tests/test_benchmark_floors.py); `--verbose` lists every miss and false positive first;
`--kinds people,quantities` scores and prints those kinds alone, for a gold that annotates
nothing else (tests/traingold_roles, the train gold for roles; tests/traingold_quantities);
`--people-only` is `--kinds people`.

    python benchmarks/facts_devgold.py [--gold tests/devgold] [--gold another/devgold] [--verbose] [--kinds K,K]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import _setup  # noqa: F401  (this checkout on sys.path)

from newsfacts.extract import extract_facts
from newsfacts.parse import parse_document
from newsfacts.records import Article, Facts, Person

ROOT = Path(__file__).resolve().parents[1]
COVER = 0.6
WORD = re.compile(r"\w+")
ARTICLES = re.compile(r"^(?:a|an|the)\s+")
TITLES = re.compile(r"^(?:(?:mr|mrs|ms|miss|dr|sir|dame|lord|lady|baroness|professor|prof|rev)\.?\s+)+")
SCORED_TYPES = {"PERSON", "ORG", "PLACE", "COUNTRY"}
VALUE_TOLERANCE = 0.005
KINDS = ("people", "quotes", "quantities", "dates", "entities")
QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019"


def norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def person_key(name: str | None) -> str:
    """A person's name without the titles before it: "Sir Alex Ferguson" is "alex ferguson"."""
    return TITLES.sub("", norm(name))


def bare(text: str | None) -> str:
    """Lower case, single spaces, no leading article: "A Home Office spokesman" -> "home office spokesman"."""
    return ARTICLES.sub("", norm(text))


@dataclass
class Tally:
    """Counts for one kind; `notes` are the misses and false positives for --verbose."""

    counts: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def ratio(self, num: str, den: str) -> float:
        return self.counts[num] / self.counts[den] if self.counts[den] else 0.0


def words(body: str, start: int, end: int) -> set[int]:
    return {m.start() for m in WORD.finditer(body, start, end)}


def place(body: str, texts: list[str], quoted: bool = False) -> list[tuple[int, int] | None]:
    """Where each gold text stands in the body: its first occurrence as a whole word (for a quote,
    right after a quotation mark, where there is one) not taken by an earlier gold text."""
    taken: set[int] = set()
    out: list[tuple[int, int] | None] = []
    for text in texts:
        hits = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(text)}(?!\w)", body) if m.start() not in taken]
        if quoted:
            hits = [at for at in hits if at and body[at - 1] in QUOTE_MARKS] or hits
        if not hits:
            out.append(None)
            continue
        taken.add(hits[0])
        out.append((hits[0], hits[0] + len(text)))
    return out


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def role_right(got: Person | None, gold: dict[str, Any]) -> bool:
    if got is None or not got.role:
        return False
    role = norm(got.role)
    return any(norm(w) in role or role in norm(w) for w in [gold["role"], *gold.get("role_any_of", [])] if w)


def shown_role(p: Person | None) -> str | None:
    """The role as a miss is listed: its status before it ("former chancellor")."""
    return " ".join(w for w in (p.role_status, p.role) if w) or None if p else None


def within(short: str, long: str) -> bool:
    """Whether a description stands whole in another that has at most two words more."""
    return bool(re.search(rf"\b{re.escape(short)}\b", long)) and len(long.split()) - len(short.split()) <= 2


def speaker_right(got: str | None, gold: dict[str, Any], people: dict[str, dict]) -> bool:
    """Whether the speaker found is the gold one: for a person, a form of that person's name (their
    name or an alias, titles ignored); for a description, the same words or one within the other."""
    wanted = [w for w in [gold["speaker"], *gold.get("speaker_any_of", [])] if w]
    if not wanted:
        return got is None
    if got is None:
        return False
    for w in wanted:
        if person_key(w) in people:
            if people.get(person_key(got)) is people[person_key(w)]:
                return True
        elif within(bare(got), bare(w)) or within(bare(w), bare(got)):
            return True
    return False


def score_people(name: str, gold: dict, facts: Facts, t: Tally) -> dict[str, dict]:
    """Scores people; returns extracted person name -> its gold person, for the entities."""
    forms = {person_key(form): g for g in gold["people"] for form in [g["name"], *g.get("aliases", [])]}
    neutral = {person_key(n) for n in gold.get("neutral", {}).get("people", [])}
    found: dict[str, dict] = {}
    for p in facts.people:
        g = forms.get(person_key(p.name))
        if g is None:
            if person_key(p.name) not in neutral:
                t.counts["extracted"] += 1
                t.notes.append(f"people FP {name}: {p.name!r} ({p.role!r})")
            continue
        t.counts["extracted"] += 1
        if any(other is g for other in found.values()):
            t.notes.append(f"people FP {name}: {p.name!r} is {g['name']!r} again")
            continue
        t.counts["extracted_right"] += 1
        found[p.name] = g
        if p.role:
            t.counts["roles_given"] += 1
            if role_right(p, g):
                t.counts["roles_given_right"] += 1
            else:
                t.notes.append(f"people ROLE-WRONG {name}: {p.name!r} got {shown_role(p)!r}, gold {g['role']!r}")
    matched = {id(g): p for p, g in found.items()}
    for g in gold["people"]:
        t.counts["gold"] += 1
        person = matched.get(id(g))
        if person is None:
            t.notes.append(f"people MISS {name}: {g['name']!r}")
        else:
            t.counts["gold_found"] += 1
        if g["role"]:
            t.counts["gold_roles"] += 1
            got = next((p for p in facts.people if p.name == person), None)
            if role_right(got, g):
                t.counts["gold_roles_found"] += 1
                if (got.role_status == "former") == bool(g.get("former")):
                    t.counts["gold_roles_found_status"] += 1
                else:
                    t.notes.append(f"people ROLE-STATUS {name}: {g['name']!r} former={g.get('former')}, got {shown_role(got)!r}")
            else:
                t.notes.append(f"people ROLE-MISS {name}: {g['name']!r} gold {g['role']!r}, got {shown_role(got)!r}")
    return found


def score_quotes(name: str, body: str, gold: dict, facts: Facts, t: Tally) -> None:
    people = {person_key(form): g for g in gold["people"] for form in [g["name"], *g.get("aliases", [])]}
    golds = gold["quotes"]
    spans = place(body, [g["text"] for g in golds], quoted=True)
    neutral = [s for s in place(body, gold.get("neutral", {}).get("quotes", []), quoted=True) if s]
    for g, span in zip(golds, spans, strict=True):
        t.counts["gold"] += 1
        if span is None:
            t.notes.append(f"quotes GOLD-NOT-IN-BODY {name}: {g['text'][:60]!r}")
            continue
        gw = words(body, *span)
        best, cover = None, 0.0
        for q in facts.quotes:
            c = len(gw & words(body, q.start_char, q.end_char)) / len(gw) if gw else 0.0
            if c > cover:
                best, cover = q, c
        if best is None or cover < COVER:
            t.notes.append(f"quotes MISS {name}: {g['text'][:70]!r}")
            continue
        t.counts["gold_found"] += 1
        t.counts["partial_right"] += best.is_partial == g["is_partial"]
        if speaker_right(best.speaker, g, people):
            t.counts["speaker_right"] += 1
        else:
            t.notes.append(f"quotes SPEAKER {name}: gold {g['speaker']!r} got {best.speaker!r}: {g['text'][:50]!r}")
    references = [words(body, *s) for s in [*[s for s in spans if s], *neutral]]
    for q in facts.quotes:
        qw = words(body, q.start_char, q.end_char)
        if not qw:
            continue
        t.counts["extracted"] += 1
        if any(len(qw & r) / len(qw) >= COVER for r in references):
            t.counts["extracted_right"] += 1
        else:
            t.notes.append(f"quotes FP {name}: {q.quote_text[:70]!r} ({q.speaker!r})")


def value_right(got: float, unit: str, g: dict) -> bool:
    want = float(g["value"])
    close = abs(got - want) <= VALUE_TOLERANCE * max(1.0, abs(want))
    share = unit == "percent" and want <= 1 and abs(got - 100 * want) <= VALUE_TOLERANCE * max(1.0, 100 * want)
    return close or share


def unit_right(unit: str, g: dict) -> bool:
    if unit in [g["unit"], *g.get("unit_any_of", [])]:
        return True
    nouns = {w.lower() for w in WORD.findall(g.get("about") or "")} | {m.lower() for m in g.get("about_match", [])}
    return g["unit"] == "count" and (
        unit.lower() in nouns or unit.lower().rstrip("s") in {n.rstrip("s") for n in nouns}
    )


def about_right(about: str | None, g: dict) -> bool:
    if g.get("about") is None:
        return True
    return bool(about) and any(m.lower() in about.lower() for m in g.get("about_match", []))


def score_quantities(name: str, body: str, gold: dict, facts: Facts, t: Tally) -> None:
    golds = gold["quantities"]
    spans = place(body, [g["text"] for g in golds])
    neutral = [s for s in place(body, gold.get("neutral", {}).get("quantities", [])) if s]
    for g, span in zip(golds, spans, strict=True):
        t.counts["gold"] += 1
        if span is None:
            t.notes.append(f"quantities GOLD-NOT-IN-BODY {name}: {g['text']!r}")
            continue
        hits = [q for q in facts.quantities if overlaps(span, (q.start_char, q.end_char))]
        if not hits:
            t.notes.append(f"quantities MISS {name}: {g['text']!r} ({g['unit']}, {g['about']!r})")
            continue
        q = hits[0]
        t.counts["gold_found"] += 1
        checks = {
            "value": value_right(q.value, q.unit, g),
            "unit": unit_right(q.unit, g),
            "qualifier": q.qualifier == g["qualifier"],
            "about": about_right(q.about, g),
        }
        t.counts["value_unit"] += checks["value"] and checks["unit"]
        if all(checks.values()):
            t.counts["fully_right"] += 1
        else:
            wrong = ", ".join(k for k, ok in checks.items() if not ok)
            t.notes.append(
                f"quantities WRONG[{wrong}] {name}: {g['text']!r} got {q.value:g} {q.unit} {q.qualifier!r} "
                f"about {q.about!r}; gold {g['value']:g} {g['unit']} {g['qualifier']!r} about {g['about']!r}"
            )
    references = [s for s in spans if s] + neutral
    for q in facts.quantities:
        t.counts["extracted"] += 1
        if any(overlaps((q.start_char, q.end_char), r) for r in references):
            t.counts["extracted_right"] += 1
        else:
            t.notes.append(
                f"quantities FP {name}: {body[q.start_char : q.end_char]!r} {q.value:g} {q.unit} about {q.about!r}"
            )


def score_dates(name: str, body: str, gold: dict, facts: Facts, t: Tally) -> None:
    golds = gold["dates"]
    spans = place(body, [g["text"] for g in golds])
    neutral = [s for s in place(body, gold.get("neutral", {}).get("dates", [])) if s]
    for g, span in zip(golds, spans, strict=True):
        t.counts["gold"] += 1
        if span is None:
            t.notes.append(f"dates GOLD-NOT-IN-BODY {name}: {g['text']!r}")
            continue
        hits = [d for d in facts.dates if overlaps(span, (d.start_char, d.end_char))]
        if not hits:
            t.notes.append(f"dates MISS {name}: {g['text']!r}")
            continue
        t.counts["gold_found"] += 1
        if hits[0].resolved == g["resolved"]:
            t.counts["resolved_right"] += 1
        else:
            t.notes.append(f"dates RESOLVED {name}: {g['text']!r} got {hits[0].resolved!r}, gold {g['resolved']!r}")
    references = [s for s in spans if s] + neutral
    for d in facts.dates:
        t.counts["extracted"] += 1
        if any(overlaps((d.start_char, d.end_char), r) for r in references):
            t.counts["extracted_right"] += 1
        else:
            t.notes.append(f"dates FP {name}: {d.text!r} ({d.resolved!r})")


def score_entities(name: str, gold: dict, facts: Facts, people: dict[str, dict], t: Tally) -> None:
    forms = {(g["type"], bare(form)): g for g in gold["entities"] for form in [g["name"], *g.get("aliases", [])]}
    countries = {g["iso2"]: g for g in gold["entities"] if g["type"] == "COUNTRY" and g.get("iso2")}
    neutral = {bare(n) for n in gold.get("neutral", {}).get("entities", [])}
    found: set[int] = set()
    for e in facts.entities:
        if e.entity_type not in SCORED_TYPES or bare(e.name) in neutral:
            continue
        t.counts["extracted"] += 1
        if e.entity_type == "PERSON":
            right = e.name in people
        else:
            g = forms.get((e.entity_type, bare(e.name)))
            if g is None and e.entity_type == "COUNTRY":
                g = countries.get(e.country_iso2 or "")
            right = g is not None
            if g is not None:
                found.add(id(g))
        t.counts["extracted_right"] += right
        if not right:
            t.notes.append(f"entities FP {name}: {e.entity_type} {e.name!r}")
    for g in gold["entities"]:
        t.counts["gold"] += 1
        if id(g) in found:
            t.counts["gold_found"] += 1
        else:
            t.notes.append(f"entities MISS {name}: {g['type']} {g['name']!r}")


def corpus(folders: list[Path]) -> list[tuple[str, str, dict]]:
    """(name, file text, gold) for every gold file with its text beside it in texts/."""
    out = []
    for folder in folders:
        for path in sorted(folder.glob("*.json")):
            text = folder / "texts" / f"{path.stem}.txt"
            if not text.exists():
                raise SystemExit(f"{path}: no text at {text}")
            out.append((path.stem, text.read_bytes().decode("utf-8"), json.loads(path.read_text(encoding="utf-8"))))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--gold",
        type=Path,
        action="append",
        help="a folder of gold .json files with texts/ (repeatable; default tests/devgold)",
    )
    ap.add_argument("--verbose", action="store_true", help="list every miss and false positive")
    ap.add_argument(
        "--kinds",
        type=lambda v: [k.strip() for k in v.split(",") if k.strip()],
        default=list(KINDS),
        help=f"comma-separated kinds to score and print (of {','.join(KINDS)}; default all), for a gold "
        "that annotates only those (tests/traingold_roles, tests/traingold_quantities)",
    )
    ap.add_argument("--people-only", action="store_true", help="the same as --kinds people")
    args = ap.parse_args()
    kinds = ["people"] if args.people_only else args.kinds
    if unknown := set(kinds) - set(KINDS):
        raise SystemExit(f"unknown kinds: {', '.join(sorted(unknown))} (known: {', '.join(KINDS)})")
    folders = args.gold or [ROOT / "tests" / "devgold"]
    items = corpus(folders)
    if not items:
        raise SystemExit(f"no gold .json files in {', '.join(map(str, folders))}")
    articles: list[Article] = []
    for name, text, _ in items:
        parts = parse_document(f"{name}.txt", text)
        if len(parts) != 1:
            raise SystemExit(f"{name}: parsed into {len(parts)} articles, expected one")
        articles.append(parts[0])
    tallies = {kind: Tally() for kind in KINDS}
    for (name, _, gold), article, facts in zip(items, articles, extract_facts(articles), strict=True):
        people = score_people(name, gold, facts, tallies["people"])
        score_quotes(name, article.body, gold, facts, tallies["quotes"])
        score_quantities(name, article.body, gold, facts, tallies["quantities"])
        score_dates(name, article.body, gold, facts, tallies["dates"])
        score_entities(name, gold, facts, people, tallies["entities"])
    if args.verbose:
        for kind in kinds:
            for note in tallies[kind].notes:
                print(note)
    print(f"articles={len(items)} gold: " + ", ".join(f"{k} {tallies[k].counts['gold']}" for k in kinds))
    p, q, n, d, e = (tallies[k] for k in KINDS)
    lines = {
        "people": f"devgold_people P={p.ratio('extracted_right', 'extracted'):.3f} R={p.ratio('gold_found', 'gold'):.3f} "
        f"role_recall={p.ratio('gold_roles_found', 'gold_roles'):.3f} "
        f"role_precision={p.ratio('roles_given_right', 'roles_given'):.3f} "
        f"role_status={p.ratio('gold_roles_found_status', 'gold_roles_found'):.3f}",
        "quotes": f"devgold_quotes P={q.ratio('extracted_right', 'extracted'):.3f} R={q.ratio('gold_found', 'gold'):.3f} "
        f"speaker={q.ratio('speaker_right', 'gold'):.3f} partial={q.ratio('partial_right', 'gold_found'):.3f}",
        "quantities": f"devgold_quantities P={n.ratio('extracted_right', 'extracted'):.3f} "
        f"R={n.ratio('gold_found', 'gold'):.3f} "
        f"fully_right={n.ratio('fully_right', 'gold'):.3f} value_unit={n.ratio('value_unit', 'gold'):.3f}",
        "dates": f"devgold_dates P={d.ratio('extracted_right', 'extracted'):.3f} R={d.ratio('gold_found', 'gold'):.3f} "
        f"resolved={d.ratio('resolved_right', 'gold_found'):.3f}",
        "entities": f"devgold_entities P={e.ratio('extracted_right', 'extracted'):.3f} R={e.ratio('gold_found', 'gold'):.3f}",
    }
    for kind in KINDS:
        if kind in kinds:
            print(lines[kind])


if __name__ == "__main__":
    main()
