"""The entity layer's rules on invented sentences: codes, acronyms, recasing, trimming, sports, agreement."""

from __future__ import annotations

import pytest

from newsfacts.extract.entities import acronyms, country_code, entity_spans
from newsfacts.extract.nlp import get_nlp


def spans(text: str) -> list[tuple[str, str, str | None]]:
    doc = get_nlp()(text)
    return [(text[s.start_char:s.end_char], s.label, s.iso2) for s in entity_spans(doc)]


@pytest.mark.parametrize(("text", "iso"), [("Britain", "GB"), ("UK", "GB"), ("British", "GB"), ("US", "US"),
                                           ("American", "US"), ("the Netherlands", "NL"), ("Ghana", "GH")])
def test_country_codes_from_names_aliases_and_demonyms(text: str, iso: str) -> None:
    assert country_code(text) == iso


def test_acronyms_tied_to_their_expansion_in_either_order() -> None:
    text = ("The Borders and Immigration Agency (BIA) said so. "
            "Leaders of the KWU ( Kurdistan Workers Union ) agreed.")
    assert acronyms(text) == {"BIA": "Borders and Immigration Agency", "KWU": "Kurdistan Workers Union"}


@pytest.mark.parametrize(("text", "want"), [
    pytest.param("The report was welcomed by British ministers on Monday.", [("British", "NORP", "GB")],
                 id="demonym-is-a-people-with-its-country-code"),
    pytest.param("The Foreign Office's report was published on Monday.", [("Foreign Office", "ORG", None)],
                 id="leading-article-and-possessive-are-trimmed"),
    pytest.param("Officials from Liechtenstein and Belarus met in Vienna .",
                 [("Liechtenstein", "COUNTRY", "LI"), ("Belarus", "COUNTRY", "BY")],
                 id="country-missed-by-the-model-comes-from-the-gazetteer"),
    pytest.param("He travelled to the West Bank on Tuesday .", [("West Bank", "PLACE", None)],
                 id="territories-are-places"),
    pytest.param("Shares in Varnock Holdings Ltd rose 4 percent . Analysts said Varnock was likely "
                 "to raise its dividend .", [("Varnock Holdings Ltd", "ORG", None), ("Varnock", "ORG", None)],
                 id="company-stem-agrees-with-the-name-with-its-legal-form"),
])
def test_spans_found(text: str, want: list[tuple[str, str, str | None]]) -> None:
    got = spans(text)
    for span in want:
        assert span in got, got


def test_headline_in_capitals_is_recased_and_dateline_is_a_place() -> None:
    got = spans("FLOOD WARNINGS ISSUED ACROSS NORTHERN GERMANY .\nBERLIN 2001-03-04\n"
                "Forecasters in Germany warned of more rain on Sunday .")
    assert ("BERLIN", "PLACE", "DE") in got
    assert any(text.endswith("GERMANY") and label in {"PLACE", "COUNTRY"} for text, label, _ in got)
    assert not any(text == "FLOOD WARNINGS" for text, _, _ in got)


def test_towns_in_a_sports_report_are_teams_but_venues_and_datelines_are_places() -> None:
    got = spans("SOCCER - LEAGUE RESULTS .\nLONDON 2003-05-02\n"
                "Leeds beat Fulham 2-1 in the league match in Manchester on Saturday , with two goals "
                "from the striker .\nBolton 0 Everton 3\n")
    assert ("LONDON", "PLACE", "GB") in got
    assert ("Leeds", "ORG", None) in got
    assert ("Manchester", "PLACE", "GB") in got
    assert ("Everton", "ORG", None) in got
    assert not any(text.endswith("2-1") for text, _, _ in got)


def test_score_line_is_cut_into_its_teams() -> None:
    assert spans("Liechtenstein 1 Malta 0 .") == [("Liechtenstein", "COUNTRY", "LI"), ("Malta", "COUNTRY", "MT")]


@pytest.mark.parametrize(("text", "name", "labels"), [
    pytest.param("Police detained Zhou Minghua on Friday . A lawyer said Zhou 's family was told "
                 "that Zhou would be sent to a labour camp .", "Zhou", ["PERSON", "PERSON"],
                 id="surname-agrees-with-the-full-name-even-written-family-name-first"),
    pytest.param("Investors want 40 percent of Zelkor , the newsstand chain . The state would keep 20 percent "
                 "of Zelkor and sell the rest . Zelkor said it would invest $ 200 million .",
                 "Zelkor", ["ORG", "ORG", "ORG"], id="a-name-takes-the-label-most-of-its-mentions-got"),
    pytest.param("Lawmakers from the Kurdistan Democratic Party ( KDP ) met in Ankara . "
                 "A U.N. official said KDP fighters had been outgunned .", "KDP", ["ORG", "ORG"],
                 id="acronym-defined-in-the-text-is-an-organisation-wherever-it-appears"),
])
def test_every_mention_of_a_name_gets_one_label(text: str, name: str, labels: list[str]) -> None:
    assert [label for t, label, _ in spans(text) if t == name] == labels
