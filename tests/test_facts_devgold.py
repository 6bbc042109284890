"""The dev-gold scorer (benchmarks/facts_devgold.py) on an invented article: its summary lines read as
the floors gate reads them, right facts score 1, wrong ones are counted against."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.test_benchmark_floors import summary

ROOT = Path(__file__).resolve().parents[1]
TEXT = (
    "Harbour plan approved\n\n"
    "Ann Hale, the harbour minister, said on Monday the council would spend £3m on 200 new boats.\n\n"
    '"We will finish the work by June 2006," Ms Hale said.\n\n'
    "The plan was welcomed in Dover.\n"
)
GOLD = {
    "source": "invented for this test",
    "people": [
        {"name": "Ann Hale", "aliases": ["Ms Hale"], "role": "harbour minister", "role_any_of": [], "former": False}
    ],
    "quotes": [
        {
            "text": "We will finish the work by June 2006,",
            "speaker": "Ann Hale",
            "speaker_any_of": [],
            "is_partial": False,
        }
    ],
    "quantities": [
        {
            "text": "£3m",
            "value": 3000000,
            "unit": "GBP",
            "unit_any_of": [],
            "qualifier": None,
            "about": None,
            "about_match": [],
        },
        {
            "text": "200 new boats",
            "value": 200,
            "unit": "count",
            "unit_any_of": [],
            "qualifier": None,
            "about": "new boats",
            "about_match": ["boats"],
        },
    ],
    "dates": [{"text": "Monday", "resolved": None}, {"text": "June 2006", "resolved": "2006-06"}],
    "entities": [{"type": "PLACE", "name": "Dover", "iso2": "GB", "aliases": []}],
    "neutral": {"quotes": [], "quantities": [], "dates": [], "entities": [], "people": []},
    "notes": "",
}


def scored(folder: Path, gold: dict) -> dict[str, dict[str, float]]:
    (folder / "texts").mkdir(parents=True)
    (folder / "texts" / "invented-1.txt").write_text(TEXT, encoding="utf-8")
    (folder / "invented-1.json").write_text(json.dumps(gold), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "facts_devgold.py"), "--gold", str(folder)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    kinds = ("people", "quotes", "quantities", "dates", "entities")
    return {kind: summary(done.stdout, f"devgold_{kind}") for kind in kinds}


def test_facts_that_match_the_gold_score_one_on_every_line(tmp_path: Path) -> None:
    got = scored(tmp_path, GOLD)
    for kind, line in got.items():
        assert line and all(value == 1.0 for value in line.values()), (kind, line)


def test_a_wrong_speaker_value_type_and_a_person_not_found_count_against(tmp_path: Path) -> None:
    gold = copy.deepcopy(GOLD)
    gold["people"].append({"name": "Tom Baker", "aliases": [], "role": None, "role_any_of": [], "former": False})
    gold["quotes"][0]["speaker"] = "Tom Baker"
    gold["quantities"][0]["value"] = 4000000
    gold["entities"][0]["type"] = "ORG"
    got = scored(tmp_path, gold)
    assert got["people"]["R"] == 0.5 and got["people"]["P"] == 1.0
    assert got["quotes"]["R"] == 1.0 and got["quotes"]["speaker"] == 0.0
    assert got["quantities"]["fully_right"] == 0.5 and got["quantities"]["value_unit"] == 0.5
    assert got["entities"]["R"] == 0.0 and got["entities"]["P"] == 0.5  # Ann Hale right, Dover a PLACE
