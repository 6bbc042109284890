"""Date mentions on invented sentences: which expressions are dates, and what each resolves to
against the publication date (ISO text at the precision the words give)."""

from __future__ import annotations

from datetime import date

import pytest

from newsfacts.extract import extract_facts
from newsfacts.records import Article


def resolved(body: str, published: date | None) -> dict[str, str | None]:
    facts = extract_facts([Article(title="t", body=body, published_date=published)])[0]
    return {d.text: d.resolved for d in facts.dates}


# A Thursday in late June, and a Tuesday in late September.
JUNE = date(2009, 6, 25)
SEPTEMBER = date(2009, 9, 22)


@pytest.mark.parametrize(("body", "text", "want"), [
    # The past tense puts a month after the publication month in the year before...
    ("In January the borough council voted to close the hostel.", "January", "2009-01"),
    ("The appeal was lodged on 3 February by the charity.", "3 February", "2009-02-03"),
    # ...and the future tense puts an earlier one in the year after.
    ("The tribunal will sit again on 10 August to hear the case.", "10 August", "2010-08-10"),
    ("Officials said the new rules would take effect in April.", "April", "2010-04"),
])
def test_tense_places_a_day_or_month_without_a_year(body: str, text: str, want: str) -> None:
    assert resolved(body, SEPTEMBER)[text] == want


def test_a_tense_word_inside_a_quotation_does_not_place_a_date_outside_it() -> None:
    body = 'Campaigners argue the scheme "was never reformed" and it expires on 30 September.'
    assert resolved(body, SEPTEMBER)["30 September"] == "2009-09-30"


def test_a_weekday_in_the_future_tense_is_the_coming_one() -> None:
    got = resolved("The minister will publish the figures on Monday. They were leaked on Tuesday.", JUNE)
    assert got == {"Monday": "2009-06-29", "Tuesday": "2009-06-23"}


@pytest.mark.parametrize(("body", "want"), [
    ("The report was leaked last week.", {"last week": "2009-W25"}),
    ("The report will be published next week.", {"next week": "2009-W27"}),
    ("Ministers met earlier this week.", {"earlier this week": "2009-W26"}),
])
def test_weeks_resolve_to_iso_weeks(body: str, want: dict[str, str]) -> None:
    assert resolved(body, JUNE) == want


@pytest.mark.parametrize(("body", "want"), [
    ("The centre opened two years ago.", {"two years ago": "2007"}),
    ("The law changed twenty-three years ago.", {"twenty-three years ago": "1986"}),
    ("He arrived three months ago.", {"three months ago": "2009-03"}),
])
def test_a_count_of_units_ago_counts_back_from_publication(body: str, want: dict[str, str]) -> None:
    assert resolved(body, JUNE) == want


@pytest.mark.parametrize(("body", "want"), [
    ("Flights were cut last December.", {"last December": "2008-12"}),
    ("A new plan is due by March of next year.", {"March of next year": "2010-03"}),
    ("The rules were tightened in June last year.", {"June last year": "2008-06"}),
    ("The backlog will be cleared before the end of the year.", {"the end of the year": "2009"}),
])
def test_a_month_or_part_of_a_year_named_relative_to_this_one(body: str, want: dict[str, str]) -> None:
    assert resolved(body, SEPTEMBER) == want


def test_a_decade_resolves_to_its_three_digits_without_a_publication_date() -> None:
    assert resolved("Arrivals rose sharply in the 1990s.", None) == {"the 1990s": "199"}


def test_relative_expressions_stay_unresolved_without_a_publication_date() -> None:
    got = resolved("The report was leaked last week, two years ago it was praised.", None)
    assert got == {"last week": None, "two years ago": None}


def test_a_range_of_years_is_one_interval() -> None:
    got = resolved("Claims fell between 2001 and 2003 across the region.", None)
    assert set(got.values()) == {"2001/2003"}


@pytest.mark.parametrize(("body", "want"), [
    ("The budget for 2003-4 was cut.", {"2003-4": "2003/2004"}),
])
def test_a_year_and_the_next_is_a_financial_year(body: str, want: dict[str, str]) -> None:
    assert resolved(body, None) == want


def test_the_following_year_follows_the_last_year_named() -> None:
    got = resolved("The ferry line opened in 2001. The following year it closed.", None)
    assert got == {"2001": "2001", "The following year": "2002"}


@pytest.mark.parametrize("body", [
    "The bridge stayed shut for 29 years.",
    "Planning permission was granted in 40 days, 90 days faster than usual.",
    "The ferry sails every day and twice a week.",
    "Debts built up over the past five years.",
])
def test_durations_and_frequencies_are_not_dates(body: str) -> None:
    assert resolved(body, None) == {}


@pytest.mark.parametrize("body", [
    "The home secretary told BBC Radio 4's Today programme the plan was fair.",
    "A poll for the Independent on Sunday found support had fallen.",
    "The minister told ITV's Sunday programme she was confident.",
    "The result will be announced at 1230 GMT by the returning officer.",
    "Most of the learners were aged 16 to 18 and lived nearby.",
    "Only 17% of 18 to 24 year olds said they would vote.",
    "The state pension age would rise from 60 to 65.",
    "The service is aimed at people under 30.",
    '"We will not give up," May wrote in a letter to members.',
    "The number of 11 year olds in the borough fell.",
])
def test_names_times_ages_and_bare_numbers_are_not_dates(body: str) -> None:
    assert resolved(body, JUNE) == {}


def test_a_weekday_after_wales_on_is_a_date_but_one_owned_by_a_name_is_a_title() -> None:
    assert resolved("The rules were extended to hostels in England and Wales on Thursday.", JUNE) == {
        "Thursday": "2009-06-25"
    }
    assert resolved("He spoke on BBC Radio Scotland's Sunday Live programme.", JUNE) == {}


def test_a_year_the_model_leaves_untagged_after_a_preposition_is_a_date() -> None:
    got = resolved("There was one suicide every four days between 1999 and 2003, inspectors said.", JUNE)
    assert got["1999"] == "1999" and got["2003"] == "2003"


def test_decades_without_a_century_need_the_and_are_in_the_twentieth() -> None:
    body = "Joblessness was lowest since the seventies, and in the 30's it was worse. He was in his thirties."
    assert resolved(body, JUNE) == {"the seventies": "197", "the 30's": "193"}


@pytest.mark.parametrize(("body", "want"), [
    # The model runs the span on into a noun: it ends at the last date word.
    ("Over the last year immigration raids have doubled.", {"the last year": None}),
    # "year on year" is a repetition, and an age in months is no date.
    ("Spending will rise more, year on year, until 2010.", {"2010": "2010"}),
    ("The baby is six months old.", {}),
])
def test_spans_end_at_a_date_word_and_repetitions_and_ages_are_not_dates(body: str, want: dict) -> None:
    assert resolved(body, JUNE) == want


@pytest.mark.parametrize(("body", "want"), [
    ("Arrivals rose from January to March 2004.", {"January": "2004-01", "March 2004": "2004-03"}),
    ("Arrivals rose from 1 January to 3 March 2004.", {"1 January": "2004-01-01", "3 March 2004": "2004-03-03"}),
])
def test_a_range_end_without_a_year_takes_the_year_of_the_other_end(body: str, want: dict[str, str]) -> None:
    assert resolved(body, date(2007, 6, 25)) == want


@pytest.mark.parametrize(("body", "want"), [
    ("The talks ran on 3-5 March 2004.", {"3-5 March 2004": "2004-03-03/2004-03-05"}),
    ("The review covers 12 to 14 May 2004.", {"12 to 14 May 2004": "2004-05-12/2004-05-14"}),
    ("The talks ran on March 3-5, 2004.", {"March 3-5, 2004": "2004-03-03/2004-03-05"}),
    ("Visitors applied between 1 and 15 June.", {"1 and 15 June": "2009-06-01/2009-06-15"}),
    ("The strike lasted from Monday to Wednesday.", {"Monday to Wednesday": "2009-06-22/2009-06-24"}),
    ("The law took effect on 2004-05-14.", {"2004-05-14": "2004-05-14"}),
])
def test_a_range_of_days_is_one_interval_and_an_iso_date_is_a_day(body: str, want: dict[str, str]) -> None:
    assert resolved(body, JUNE) == want
