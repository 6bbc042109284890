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


def test_demonym_is_a_people_with_its_country_code() -> None:
    assert ("British", "NORP", "GB") in spans("The report was welcomed by British ministers on Monday.")


def test_leading_article_and_possessive_are_trimmed() -> None:
    got = spans("The Foreign Office's report was published on Monday.")
    assert ("Foreign Office", "ORG", None) in got


def test_headline_in_capitals_is_recased_and_dateline_is_a_place() -> None:
    got = spans("FLOOD WARNINGS ISSUED ACROSS NORTHERN GERMANY .\nBERLIN 2001-03-04\n"
                "Forecasters in Germany warned of more rain on Sunday .")
    assert ("BERLIN", "PLACE", "DE") in got
    assert any(text.endswith("GERMANY") and label in {"PLACE", "COUNTRY"} for text, label, _ in got)
    assert not any(text == "FLOOD WARNINGS" for text, _, _ in got)


def test_country_missed_by_the_model_comes_from_the_gazetteer() -> None:
    got = spans("Officials from Liechtenstein and Belarus met in Vienna .")
    assert ("Liechtenstein", "COUNTRY", "LI") in got
    assert ("Belarus", "COUNTRY", "BY") in got


def test_territories_are_places() -> None:
    got = spans("He travelled to the West Bank on Tuesday .")
    assert ("West Bank", "PLACE", None) in got


def test_surname_agrees_with_the_full_name_even_written_family_name_first() -> None:
    got = spans("Police detained Zhou Minghua on Friday . A lawyer said Zhou 's family was told "
                "that Zhou would be sent to a labour camp .")
    zhou = [label for text, label, _ in got if text == "Zhou"]
    assert zhou == ["PERSON", "PERSON"]


def test_company_stem_agrees_with_the_name_with_its_legal_form() -> None:
    got = spans("Shares in Varnock Holdings Ltd rose 4 percent . Analysts said Varnock was likely "
                "to raise its dividend .")
    assert ("Varnock Holdings Ltd", "ORG", None) in got
    assert ("Varnock", "ORG", None) in got


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


def test_a_name_takes_the_label_most_of_its_mentions_got() -> None:
    got = spans("Investors want 40 percent of Zelkor , the newsstand chain . The state would keep 20 percent "
                "of Zelkor and sell the rest . Zelkor said it would invest $ 200 million .")
    assert [label for text, label, _ in got if text == "Zelkor"] == ["ORG", "ORG", "ORG"]


def test_acronym_defined_in_the_text_is_an_organisation_wherever_it_appears() -> None:
    got = spans("Lawmakers from the Kurdistan Democratic Party ( KDP ) met in Ankara . "
                "A U.N. official said KDP fighters had been outgunned .")
    assert [label for text, label, _ in got if text == "KDP"] == ["ORG", "ORG"]
