"""Quantity and date rules on invented sentences: what is a number worth keeping, and which day
a date without a year means."""

from __future__ import annotations

from datetime import date

import pytest

from newsfacts.extract import extract_facts
from newsfacts.extract.people import canonical_role
from newsfacts.parse import parse_document
from newsfacts.records import Article, Facts

PUBLISHED = date(2005, 3, 1)


def facts(body: str, published: date | None = PUBLISHED) -> Facts:
    return extract_facts([Article(title="t", body=body, published_date=published)])[0]


def quantity_texts(body: str) -> list[str]:
    return [body[q.start_char:q.end_char] for q in facts(body).quantities]


@pytest.mark.parametrize("body", [
    "The minister spoke on BBC Radio 4 about the plans.",
    "Shares in the FTSE 100 index fell sharply.",
    "Voting habits changed in the 80s and again in the 1990s.",
    "The council agreed a two-party deal.",
    "The hearing is on 11 March in London.",
    "The hearing was on March 11 in London.",
    "The Lions won 3-1 at home.",
    "Both sides fought hard in a 2-2 draw.",
    "The memorial honours the victims of 9/11 in New York.",
    "He left school aged 16 and joined the army.",
    "A girl of 14 was taken to hospital.",
    "The ferry left at 10.45 on Monday.",
    "The phrase was repeated hundreds of times.",
    "He signed the communiqu&#233; in Brussels.",
    "The committee voted 19-15 along party lines.",
    "The grant covers carers ages 18 to 25.",
    "The bill was backed by Walter Brand, who is 81.",
])
def test_names_dates_scores_ages_clock_times_repetitions_and_entities_are_not_quantities(body: str) -> None:
    assert quantity_texts(body) == []


def test_a_count_takes_its_plural_noun_and_a_short_about() -> None:
    body = "Up to 4,000 supporters to demonstrate against the ban were expected in the city."
    (q,) = facts(body).quantities
    assert (q.value, q.unit, q.qualifier, q.about) == (4000, "people", "up to", "supporters")


def test_a_number_without_a_counted_noun_gets_no_invented_unit() -> None:
    body = "Up to 8 could open under the bill."
    (q,) = facts(body).quantities
    assert q.value == 8 and q.unit == "count"


def test_a_counted_noun_the_parse_finds_past_a_name_is_the_unit() -> None:
    body = "Up to 8 Vegas Strip style resorts could open under the bill."
    (q,) = facts(body).quantities
    assert q.value == 8 and q.unit == "resorts"


def test_about_drops_a_dangling_preposition() -> None:
    """The parse's noun phrase holds its preposition's object, never the preposition alone."""
    body = "More than 100 secondary pupils from schools in the north took part."
    (q,) = facts(body).quantities
    assert q.about == "secondary pupils from schools in north"


def test_a_day_without_a_year_is_the_one_nearest_publication() -> None:
    body = "The rules changed on 4 November and will change again on 4 April."
    resolved = {d.text: d.resolved for d in facts(body).dates}
    assert resolved == {"4 November": "2004-11-04", "4 April": "2005-04-04"}


def test_ages_and_bare_numbers_are_not_dates() -> None:
    body = "The 25-year-old man, who is 34, was arrested on Monday."
    texts = [d.text for d in facts(body).dates]
    assert texts == ["Monday"]


def test_dates_without_a_publication_date_stay_unresolved() -> None:
    body = "The rules changed on 4 November."
    (d,) = facts(body, published=None).dates
    assert d.text == "4 November" and d.resolved is None


def people(body: str) -> dict[str, str | None]:
    """Each person's role, its status before it ("former chancellor") as the text says it."""
    return {p.name: " ".join(w for w in (p.role_status, p.role) if w) or None for p in facts(body).people}


def test_a_lone_word_never_named_in_full_is_not_a_person() -> None:
    body = ("Martha Quinlan, the housing minister, met Labour leaders in Bolton. "
            "Critics called the scheme Nasty. Ms Quinlan said it would go ahead.")
    assert people(body) == {"Martha Quinlan": "housing minister"}


def test_a_name_given_only_with_an_honorific_is_kept() -> None:
    body = "Mr Haldane said the plan was sound."
    assert list(people(body)) == ["Haldane"]


@pytest.mark.parametrize("surname", ["King", "Bishop"])
def test_an_office_word_after_a_given_name_the_list_lacks_is_a_surname(surname: str) -> None:
    assert people(f"Rates were held on Thursday, said central bank governor Hamish {surname}.") == {
        f"Hamish {surname}": "governor"
    }


def test_an_office_word_the_article_writes_after_mr_is_a_surname() -> None:
    """As "Mr Haldane" alone is a person, so is "Mr King", though "king" is an office."""
    assert people("Mr King warned of risks on Monday. Critics said Mr King was wrong.") == {"King": None}


def test_an_office_word_before_a_name_stays_a_title() -> None:
    assert "Halvard" not in " ".join(people("King Halvard opened the session. The king said it was a good year."))


def test_sir_with_a_first_name_is_the_person_named_in_full() -> None:
    body = "Edmund Pryce, head of the employers' group, spoke first. Sir Edmund said costs would rise."
    assert list(people(body)) == ["Edmund Pryce"]


def test_right_reverend_and_right_honourable_are_titles_not_names() -> None:
    body = "The Bishop of Carrow, the Rt Rev Peter Alwin, said it was wrong. The Rt Hon Jane Holt agreed with him."
    assert people(body) == {"Peter Alwin": "bishop of Carrow", "Jane Holt": None}


def test_a_hyphenated_title_keeps_its_prefix() -> None:
    body = "On Monday the Tory co-chairman Oliver Brandt said the campaign would start in May."
    assert people(body)["Oliver Brandt"] == "Tory co-chairman"


def test_a_possessive_is_not_part_of_the_name() -> None:
    body = ("Bernard Ebbers, the former chief executive, denied the charges. "
            "Ebbers' lawyers said Mr Ebbers' trial would be long. Bernard Ebbers's wife was in court.")
    assert list(people(body)) == ["Bernard Ebbers"]


def test_a_role_fronted_before_the_name_is_the_persons_role() -> None:
    assert people("Maria Lopez spoke first. The chairman of the harbour board, Peter Hansen, warned of delays.") == {
        "Maria Lopez": None, "Peter Hansen": "chairman of the harbour board"}
    assert people("Britain's ambassador to France, Peter Hansen, said nothing.") == {
        "Peter Hansen": "ambassador to France"}


def test_a_pronoun_ends_a_role_before_a_name() -> None:
    """An irregular past tense ("met") has no verb's shape, so the pronoun before it must stop the role."""
    assert people("He met union leader Jane Holt yesterday. They met party chairman Tom Baker in May.") == {
        "Jane Holt": "leader", "Tom Baker": "party chairman"}


def test_an_apposition_ends_where_a_clause_with_its_own_subject_begins() -> None:
    assert people("It was a blow for Tom Haas, the player he beat in the final in 2002.") == {"Tom Haas": "player"}
    assert people("Jon Terry, captain of Rovers as they push for the title, was fit.") == {"Jon Terry": "captain of Rovers"}
    assert people("Critics quoted Tom Baker, said he was not fit to be mayor any more.") == {"Tom Baker": None}


def test_a_dash_ends_an_apposition_after_a_name() -> None:
    body = '"It is hard," said Larry Holt, chairman of Save Our Park - a group fighting the plan.'
    assert people(body) == {"Larry Holt": "chairman of Save Our Park"}


def test_a_predecessor_as_an_office_held_it_before() -> None:
    body = "Ms Hale took over after her predecessor as chief executive, Tom Baker, died in April."
    assert people(body) == {"Hale": None, "Tom Baker": "former chief executive"}


def test_a_hyphened_description_after_a_name_has_its_head_inside() -> None:
    body = "The mill was sold to Viktor Pell, the mayor's son-in-law. Ann Hale, the Labour front-runner, said no."
    assert people(body) == {"Viktor Pell": "mayor's son-in-law", "Ann Hale": "Labour front-runner"}


def test_a_fronted_description_holding_another_name_is_not_a_role() -> None:
    assert people("The wife of the minister John Smith, Mary Smith, said no.")["Mary Smith"] is None


def test_an_office_inside_the_models_name_span_is_the_role() -> None:
    body = "Archbishop Oskar Velden has called for the release of the prisoners. Archbishop Velden told the BBC it was wrong."
    assert people(body) == {"Oskar Velden": "archbishop"}


def test_letters_after_a_name_make_a_person_not_an_organisation() -> None:
    assert set(people("The new chairman of the Bar Council, Guy Ashford QC warned of a real risk.")) == {"Guy Ashford"}


def test_a_party_name_opening_the_sentence_stays_in_the_role() -> None:
    assert people("The talks ended. Lib Dem leader Peter Hansen spoke.") == {"Peter Hansen": "Lib Dem leader"}
    assert people("The talks ended. Yesterday Home Secretary Peter Hansen spoke.") == {"Peter Hansen": "home secretary"}


@pytest.mark.parametrize(("body", "value", "about"), [
    ("Nearly two thirds of people with diabetes were born abroad.", 66.67, "people with diabetes"),
    ("About a quarter of claims are refused.", 25.0, "claims"),
    ("On appeal, one in five decisions is overturned.", 20.0, "decisions"),
    ("Only 1 in 10 applicants passed the test.", 10.0, "applicants"),
])
def test_a_share_is_a_percentage_of_what_follows(body: str, value: float, about: str) -> None:
    (q,) = facts(body).quantities
    assert (q.value, q.unit, q.about) == (value, "percent", about)
    assert not [d for d in facts(body).dates if "quarter" in d.text]


def test_a_share_of_a_time_without_of_has_no_about() -> None:
    """The share's link was whitespace alone ("half the time"): reading its first word crashed the article."""
    (q,) = facts("It took half the time.").quantities
    assert (q.value, q.unit, q.about) == (50.0, "percent", None)


def test_an_age_after_a_name_is_not_a_quantity() -> None:
    assert quantity_texts("Mr Hansen, 57, had been unafraid of change.") == []


def test_a_lower_case_office_refers_back_to_the_last_person_named() -> None:
    assert people("Tom Baker spoke first. The prime minister said no.") == {"Tom Baker": "prime minister"}
    assert people("Tom Baker spoke first. The team leader said no.") == {"Tom Baker": None}


def test_a_currency_named_with_its_country_gets_its_code() -> None:
    (q,) = facts("Revenue dipped to 86.7bn Swiss francs last year.").quantities
    assert (q.value, q.unit) == (86.7e9, "CHF")


def test_a_year_after_a_percentage_is_not_what_it_counts() -> None:
    (q,) = facts("Growth of about 5% in 2005 is forecast.").quantities
    assert (q.value, q.unit, q.about) == (5, "percent", "Growth")


def test_a_given_name_and_an_untagged_surname_are_a_person() -> None:
    assert people("The plan was backed by Theresa May on Monday.") == {"Theresa May": None}
    assert "Arthur International" not in people("Shares in Arthur International fell.")


def test_a_person_before_a_possessive_after_in_is_not_a_place() -> None:
    ents = {e.name: e.entity_type for e in facts("He served as a minister in John Major's government.").entities}
    assert ents.get("John Major") == "PERSON"


def test_a_british_given_name_makes_a_person_with_a_gender() -> None:
    f = facts('Nicola Hale met Sam Baker at the port. He said: "We agree on the ferries."')
    assert [p.name for p in f.people] == ["Nicola Hale", "Sam Baker"]
    assert [q.speaker for q in f.quotes] == ["Sam Baker"]


def test_a_definite_title_refers_to_the_person_holding_it_not_the_last_named() -> None:
    body = ("Home Secretary Anna Hale set out the plan on Monday. Tom Baker called it timid. "
            "The home secretary said the plan would start in May.")
    found = facts(body).people
    assert {p.name: (p.role, p.mentions) for p in found} == {
        "Anna Hale": ("home secretary", 2), "Tom Baker": (None, 1)}


def test_an_office_before_an_honorific_is_the_role() -> None:
    assert people("London mayor Mr Oskar Velden defended the plan. Mr Velden said little.") == {
        "Oskar Velden": "London mayor"}


def test_a_role_word_after_a_modal_is_a_verb() -> None:
    assert people("Oskar Velden spoke first. The charity will host Mr Velden's speech on Monday.") == {
        "Oskar Velden": None}


def test_a_royal_title_stays_in_the_name_and_the_queen_is_nobody_else() -> None:
    body = "Prince Oskar met Tom Baker. Oskar said he was glad. The Queen was not there."
    assert people(body) == {"Prince Oskar": None, "Tom Baker": None}


def test_the_archbishop_of_a_place_is_not_the_last_person_named() -> None:
    body = "Tom Baker wrote the biography. The Archbishop of Leeds said he was pleased."
    assert people(body) == {"Tom Baker": None}


def test_a_double_surname_with_an_honorific_is_the_person_named_in_full() -> None:
    body = "Sophie Parker Wells joined the board. Mrs Parker Wells said she was proud. Parker Wells smiled."
    assert {p.name: p.mentions for p in facts(body).people} == {"Sophie Parker Wells": 3}


# --- quantities: wording real news uses for counts, money and shares --------------------------

def quantity(body: str) -> tuple[str, float, str, str | None, str | None]:
    """The one quantity in `body`: its text, value, unit, qualifier and what it counts."""
    (q,) = facts(body).quantities
    return body[q.start_char:q.end_char], q.value, q.unit, q.qualifier, q.about


@pytest.mark.parametrize(("body", "value", "qualifier", "about"), [
    ("Tens of thousands of farmers marched through Cardiff.", 10_000, "more than", "farmers"),
    ("Hundreds of nurses were hired from abroad.", 100, "more than", "nurses"),
    ("Dozens of pensioners queued outside the hall.", 12, "more than", "pensioners"),
    ("Half a million voters signed up in a hurry.", 500_000, None, "voters"),
    ("One million tourists visited the island.", 1_000_000, None, "tourists"),
    ("A 300-strong crowd gathered at the gates.", 300, None, "crowd"),
    ("Nine of the prisoners were moved to Leeds.", 9, None, "prisoners"),
])
def test_vague_spelled_and_grouped_counts_of_people(body: str, value: float, qualifier: str | None, about: str) -> None:
    _, got_value, unit, got_qualifier, got_about = quantity(body)
    assert (got_value, unit, got_qualifier, got_about) == (value, "people", qualifier, about)


@pytest.mark.parametrize(("body", "about"), [
    ("Some 40,000 rejected applicants have stayed on.", "rejected applicants"),
    ('The college enrolled 600 "phantom" students.', "phantom students"),
    ("Around 1,200 Eritreans arrived by coach.", "Eritreans"),
])
def test_a_count_of_people_behind_an_adjective_a_quote_or_a_nationality(body: str, about: str) -> None:
    _, _, unit, _, got_about = quantity(body)
    assert (unit, got_about) == ("people", about)


def test_thousands_of_pounds_is_money() -> None:
    assert quantity("The scheme wasted millions of pounds.")[1:4] == (1e6, "GBP", "more than")


def test_a_bound_of_a_range_takes_the_unit_of_the_other() -> None:
    qs = facts("Officials expect from 15 to 25 per cent more claims and 40 to 60 lorries a day.").quantities
    assert [(q.value, q.unit) for q in qs] == [(15, "percent"), (25, "percent"), (40, "lorries"), (60, "lorries")]


def test_a_bare_number_does_not_borrow_percent_when_it_cannot_be_one() -> None:
    qs = facts("Claims rose by 12%, up 31,000 to 35,000.").quantities
    assert [(q.value, q.unit) for q in qs] == [(12, "percent"), (31_000, "count"), (35_000, "count")]


@pytest.mark.parametrize(("body", "value", "about"), [
    ("Only three out of 10 landlords checked papers.", 30.0, "landlords"),
    ("Half of all councils missed the target.", 50.0, "councils"),
    ("Half the councils missed the target.", 50.0, "councils"),
])
def test_more_shares_as_percentages(body: str, value: float, about: str) -> None:
    assert quantity(body)[1:] == (value, "percent", None, about)


def test_pc_is_per_cent() -> None:
    assert quantity("Support fell to 41pc among the young.")[1:3] == (41, "percent")


def test_a_maximum_of_is_up_to() -> None:
    assert quantity("A maximum of 250 permits will be issued.")[3] == "up to"


def test_a_sum_says_what_it_is_spent_on() -> None:
    assert quantity("The council spent £3m on translators.")[1:] == (3e6, "GBP", None, "translators")


def test_a_duration_ending_a_sentence_is_a_duration_not_the_previous_unit() -> None:
    qs = facts("Each clerk handles 300 files, or one every 12 minutes.").quantities
    assert [(q.value, q.unit) for q in qs] == [(300, "files"), (12, "minutes")]


@pytest.mark.parametrize(("body", "about"), [
    ("Net emigration was 48,000 last year.", "Net emigration"),
    ("Tribunal figures show detainees rose by 2,300 this year.", "detainees"),
])
def test_a_bare_number_counts_the_people_named_before_it(body: str, about: str) -> None:
    assert quantity(body)[2:] == ("people", None, about)


def test_an_adverb_before_the_adjective_keeps_the_counted_noun() -> None:
    assert quantity("Visitors must book one of 40 specially licensed officers.")[2] == "people"


# --- people: names, aliases and roles on UK political news wording ----------------------------

def test_a_name_ends_at_its_possessive() -> None:
    body = "Peers debated Lord Fenwicks' Succession Bill on Monday. Lord Fenwicks said it was fair."
    assert people(body) == {"Lord Fenwicks": None}


def test_a_hyphenated_surname_written_with_a_space_is_the_same_person() -> None:
    body = "Ann Hale-Brown launched the party. Supporters cheered Ann Hale Brown at the rally."
    assert {p.name: p.mentions for p in facts(body).people} == {"Ann Hale-Brown": 2}


def test_letters_after_a_name_are_not_part_of_it() -> None:
    body = "Ian McAllister QC quit when the panel failed to act. Mr McAllister told the BBC he was sad."
    assert {p.name: p.mentions for p in facts(body).people} == {"Ian McAllister": 2}


def test_a_definite_title_refers_to_the_protagonist_of_the_sentence_before() -> None:
    body = ("Tom Hale attacked the cost of the scheme under Ann Brook. The Tory leader said it was chaotic. "
            "Mr Hale spoke in Kent.")
    assert people(body) == {"Tom Hale": "Tory leader", "Ann Brook": None}


@pytest.mark.parametrize(("body", "expected"), [
    # "the chancellor" alone refers back; shown alone before one title, a person is not the other's
    ("Ann Hale opened the budget debate. The chancellor said taxes would not rise. Later Tom Baker praised "
     "Ann Hale and her budget. The prime minister said it was fair.",
     {"Ann Hale": "chancellor", "Tom Baker": "prime minister"}),
    # a title the article shows to be one person's is no one else's
    ("Ann Hale spoke. The prime minister said taxes would fall. Ann Hale left. The chancellor said rates "
     "would rise. Ann Hale returned. The chancellor was cheered. Later Tom Baker spoke. The chancellor said "
     "he was wrong.", {"Ann Hale": "prime minister", "Tom Baker": None}),
    # who acts on a title in its sentence is someone else
    ("Tom Baker spoke on Monday. Ann Hale has no doubt it is the prime minister who is to blame.",
     {"Tom Baker": "prime minister", "Ann Hale": None}),
    # a deputy prime minister is not the prime minister
    ("Deputy Prime Minister Tom Baker met Ann Hale in Leeds. The prime minister said the talks went well.",
     {"Tom Baker": "deputy prime minister", "Ann Hale": "prime minister"}),
    # two people named alike before a title: nothing decides, no role rather than a wrong one
    ("Tom Baker met Ann Hale in Leeds. The Tory leader said the talks went well.",
     {"Tom Baker": None, "Ann Hale": None}),
    # the one who spoke in the sentence before goes on speaking under the title
    ("Ann Hale has failed the country, Tom Baker has said. The Tory leader added that voters agreed.",
     {"Ann Hale": None, "Tom Baker": "Tory leader"}),
    # who speaks of a title in its sentence does not hold it; one who does not speak there may
    ("Tom Baker praised the staff. Ann Hale resigned on Monday. Mr Baker said he hoped the home secretary "
     "would return.", {"Tom Baker": None, "Ann Hale": "home secretary"}),
    ("Tom Baker's spokesman declined to say whether the prime minister backed the plan.",
     {"Tom Baker": "prime minister"}),
])
def test_a_definite_title_goes_to_the_person_the_article_shows_holding_it(body: str, expected: dict) -> None:
    assert people(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a title saying more than a role given beside a name elsewhere is that person's
    ("The party hired Lord Baker, a chief executive, in March. Charles Hale spoke on Monday. "
     "The Lib Dem chief executive said the campaign was ready.",
     {"Lord Baker": "chief executive", "Charles Hale": None}),
    # a head that needs another role word before it names a body without one
    ("Ann Hale criticised the plan. The Scottish Executive said it would go ahead.", {"Ann Hale": None}),
    ("Ann Hale joined the firm. The chief executive said she would start in May.",
     {"Ann Hale": "chief executive"}),
    # a former holder is not the holder
    ("Ex-chancellor Tom Baker met Ann Hale. The chancellor said the talks went well.",
     {"Tom Baker": "former chancellor", "Ann Hale": "chancellor"}),
])
def test_a_definite_title_goes_to_the_holder_of_the_same_office(body: str, expected: dict) -> None:
    assert people(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("Its chief executive, Lord Baker, joined in March.", {"Lord Baker": "chief executive"}),
    ("The party confirmed that its chief executive, Lord Baker, would stay.", {"Lord Baker": "chief executive"}),
    ("The firm lost money and its chairman, Tom Baker, quit in March.", {"Tom Baker": "chairman"}),
])
def test_a_fronted_role_starts_at_its_own_determiner(body: str, expected: dict) -> None:
    assert people(body) == expected


def test_a_title_inside_a_quote_is_not_the_speaker() -> None:
    body = ('Ann Brook of the charity said the rules were unfair. '
            '"In some cases the Home Secretary will decide," Ms Brook said.')
    assert people(body) == {"Ann Brook": None}


@pytest.mark.parametrize(("body", "name", "role"), [
    ("Conservative shadow international development secretary Peter Hansen spoke.", "Peter Hansen",
     "Conservative shadow international development secretary"),
    ("The panel was chaired by ex-ITV political editor Peter Hansen.", "Peter Hansen", "former ITV political editor"),
    ("The talks ended. Former union leader Sir Peter Hansen spoke.", "Peter Hansen", "former union leader"),
    ("The talks ended. Now Home Secretary Peter Hansen wants more.", "Peter Hansen", "home secretary"),
])
def test_a_role_before_a_name_keeps_its_lower_case_nouns_and_not_its_openers(body: str, name: str, role: str) -> None:
    assert people(body)[name] == role


def test_a_verb_before_a_role_is_not_part_of_it() -> None:
    assert people("Labour attacked union leader Peter Hansen.")["Peter Hansen"] == "leader"
    assert people("Tom Baker met former union leader Peter Hansen.") == {
        "Tom Baker": None, "Peter Hansen": "former union leader"}


def test_a_name_tagged_as_an_organisation_but_described_by_an_office_is_a_person() -> None:
    body = "Welcoming the ruling, Maeve Holloway, chief executive of the Housing Trust, said it was right."
    assert people(body) == {"Maeve Holloway": "chief executive of the Housing Trust"}


def test_a_hyphenated_prefix_opening_a_sentence_stays_in_the_role() -> None:
    body = "Some said ex-players were unhappy. Ex-chat show host Peter Hansen spoke first."
    assert people(body) == {"Peter Hansen": "former chat show host"}


def test_a_role_before_a_name_keeps_an_organisation_name_with_of_or_for() -> None:
    body = "The harbour was closed. Commission for Harbour Safety chairman Oskar Velden said it would reopen."
    assert people(body) == {"Oskar Velden": "Commission for Harbour Safety chairman"}


def test_a_sentence_opening_ordinary_word_stays_in_a_capitalised_role() -> None:
    body = ("Every refugee was moved on Monday. Refugee Council Chief Executive Oskar Velden "
            "called the move cruel.")
    assert people(body) == {"Oskar Velden": "Refugee Council chief executive"}


def test_office_abbreviations_are_written_out_in_the_role() -> None:
    assert people("Retired Lt. Gen. Oskar Velden said the war was lost.") == {
        "Oskar Velden": "Retired lieutenant general"}
    assert people("Cllr Maeve Holloway voted against the plan.") == {"Maeve Holloway": "councillor"}


def test_an_office_abbreviation_with_a_surname_alone_names_a_person() -> None:
    assert people("Gen Velden said the army would stay. Gen Velden left on Monday.") == {"Velden": "general"}
    assert "Robert" not in people("Rep. Robert C. Velden said no.")


def test_a_party_and_state_after_a_name_join_its_title() -> None:
    assert people("Rep. Oskar Velden (D-Md.) called it a disgrace.") == {"Oskar Velden": "representative (D-Md.)"}
    assert people("Senate Majority Leader Peter Hansen, R-Ky., said the veto would fail.") == {
        "Peter Hansen": "Senate Majority leader (R-Ky.)"}
    assert people("Peter Hansen (R-Utah) said no.") == {"Peter Hansen": "(R-Utah)"}


def test_a_place_after_a_titled_name_is_the_constituency_and_otherwise_nothing() -> None:
    assert people("Rep. Oskar Velden of Maryland said no.") == {"Oskar Velden": "representative of Maryland"}
    assert people("Peter Hansen of Leeds said no.") == {"Peter Hansen": None}


def test_a_title_before_and_a_description_after_the_name_are_both_the_role() -> None:
    body = "Rep. Oskar Velden (D-N.C.), head of the Harbour Caucus, said it was a disgrace."
    assert people(body) == {"Oskar Velden": "representative (D-N.C.), head of the Harbour Caucus"}


@pytest.mark.parametrize(("body", "role"), [
    ("Peter Hansen, a fellow at the Harbour Institute, said no.", "fellow at the Harbour Institute"),
    ("Peter Hansen, an expert on trade at the Harbour Institute, said no.",
     "expert on trade at the Harbour Institute"),
    ("Peter Hansen, a prominent New York Democrat, said no.", "prominent New York Democrat"),
    ("Peter Hansen, a nursing home owner, said no.", "nursing home owner"),
    ("The post goes to Peter Hansen, presently a director of the harbour trust.", "director of the harbour trust"),
    ("Peter Hansen, now the chairman of the trust, said no.", "chairman of the trust"),
])
def test_a_description_after_a_name_is_its_role(body: str, role: str) -> None:
    assert people(body)["Peter Hansen"] == role


@pytest.mark.parametrize(("body", "role"), [
    ("The court heard from criminologist Peter Hansen on Monday.", "criminologist"),
    ("She trained with javelin thrower Peter Hansen for a year.", "javelin thrower"),
    ("The panel rejected former Danish triple jumper Peter Hansen.", "former Danish triple jumper"),
    ("Its latest chart-topper Peter Hansen sang first.", "chart-topper"),
    ("Peter Hansen, 28, a hotel receptionist, was arrested.", "hotel receptionist"),
    ("His mother said her son's killer, Peter Hansen, 17, had copied a game.", "killer"),
])
def test_a_job_the_role_list_lacks_is_read_from_a_noun_for_a_kind_of_person(body: str, role: str) -> None:
    assert people(body)["Peter Hansen"] == role


@pytest.mark.parametrize(("body", "expected"), [
    # an office said later outranks a description said first
    ("The show's fellow guest Peter Hansen laughed. Transport minister Peter Hansen left.",
     {"Peter Hansen": "transport minister"}),
    # another person and "and" end the description
    ("The song by Oskar Velden and lyricist Peter Hansen won.",
     {"Oskar Velden": None, "Peter Hansen": "lyricist"}),
    # a clause after the name is no description
    ("Peter Hansen, the first man ever to sail alone around the island, landed.", {"Peter Hansen": None}),
])
def test_a_description_yields_to_an_office_and_stops_at_other_names(body: str, expected: dict) -> None:
    assert people(body) == expected


@pytest.mark.parametrize("body", [
    "Judge Peter Hansen, sitting with Lord Marsh and Lord Tolley, said no.",
    "BBC chairman Peter Hansen, director-general Oskar Velden and reporter Tom Baker quit.",
    "Peter Hansen, giving the Tory leader a majority of five, won.",
])
def test_a_clause_or_a_list_of_people_after_a_name_is_not_its_role(body: str) -> None:
    role = people(body)["Peter Hansen"] or ""
    assert "," not in role and "majority" not in role


@pytest.mark.parametrize(("body", "role"), [
    ("The plan was welcomed by Conservative shadow pensions secretary Peter Hansen.", "Conservative shadow pensions secretary"),
    ("The firm's chief operations officer Peter Hansen spoke.", "chief operations officer"),
])
def test_a_plural_noun_inside_a_role_before_the_name_stays_in_it(body: str, role: str) -> None:
    assert people(body)["Peter Hansen"] == role


def test_a_verb_ending_in_s_before_a_role_is_no_part_of_it() -> None:
    assert people("The party wants minister Peter Hansen to resign.") == {"Peter Hansen": "minister"}


@pytest.mark.parametrize(("body", "expected"), [
    ("Madrid is represented by Spain's director general for Europe, Peter Hansen.",
     {"Peter Hansen": "director general for Europe"}),
    ("The board's deputy chairman, Peter Hansen, said no.", {"Peter Hansen": "deputy chairman"}),
    # a name set off by commas in a list of names takes no role from them
    ("Jack Straw, Ann Hale and Peter Hansen, the trio, spoke.", {"Jack Straw": None, "Ann Hale": None, "Peter Hansen": None}),
])
def test_a_name_in_apposition_after_a_role_and_a_comma_takes_that_role(body: str, expected: dict) -> None:
    assert people(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("Tom Baker and Ann Hale spoke. Also in Leeds, the prime minister took questions. Mr Hansen told the "
     "audience he was proud. Peter Hansen left.", {"Tom Baker": None, "Ann Hale": None, "Peter Hansen": "prime minister"}),
    # an office many hold says nothing of who is meant
    ("Tom Baker and Ann Hale spoke. The minister took questions. Mr Hansen told the audience he was proud. "
     "Peter Hansen left.", {"Tom Baker": None, "Ann Hale": None, "Peter Hansen": None}),
    # nor does a person with a role of their own take another
    ("Tom Baker and Ann Hale spoke. The prime minister took questions. Labour leader Peter Hansen told the "
     "audience he was proud.", {"Tom Baker": None, "Ann Hale": None, "Peter Hansen": "Labour leader"}),
])
def test_a_named_office_no_one_before_it_holds_refers_to_the_name_opening_the_next_sentence(
    body: str, expected: dict
) -> None:
    assert people(body) == expected


@pytest.mark.parametrize(("body", "role"), [
    ("He became adviser to then-US secretary of state Peter Hansen in 1983.", "former US secretary of state"),
    ("The reshuffle followed the resignation of the then Home Secretary Peter Hansen.", "former home secretary"),
    ("Peter Hansen, then chairman of the trust, said no.", "former chairman of the trust"),
    ("Chief executive Peter Hansen stepped down last week.", "former chief executive"),
    ("Chief executive Peter Hansen said he would stay.", "chief executive"),
])
def test_an_office_held_then_or_left_right_after_the_name_is_former(body: str, role: str) -> None:
    assert people(body)["Peter Hansen"] == role


def test_words_after_a_names_comma_that_a_speech_verb_ends_are_the_speaker_not_a_role() -> None:
    assert people("A letter has also been sent to Peter Hansen, the men's solicitor says.") == {"Peter Hansen": None}


def test_an_office_word_after_a_given_name_is_a_surname() -> None:
    body = '"Turnout matters," said Charlie King, a veteran organiser. Mr. King said more.'
    assert people(body) == {"Charlie King": "veteran organiser"}


def test_a_surname_with_a_title_of_the_other_gender_is_not_the_person_named_in_full() -> None:
    body = ("Mr. Velden met voters. His wife, Michelle Velden, will campaign. Mrs. Velden said so. "
            "Velden said it was personal.")
    assert people(body) == {"Velden": None, "Michelle Velden": "wife"}


def test_a_title_in_apposition_to_a_name_is_that_persons_not_the_last_named() -> None:
    body = ("Mrs. Hale holds a lead over the Republican presidential nominee, Peter Hansen, among voters. "
            "Jane Marsh met the Mexican secretary of the economy, Oskar Velden, on Monday.")
    assert people(body) == {"Hale": None, "Peter Hansen": "Republican presidential nominee",
                            "Jane Marsh": None, "Oskar Velden": "Mexican secretary of the economy"}


def test_a_two_word_office_after_the_is_one_title() -> None:
    body = "Tony Blair met Mahmoud Abbas. Mr Abbas said the British prime minister was in a unique position."
    assert all(role != "British prime" for role in people(body).values())


def test_a_name_with_an_initial_tagged_as_an_organisation_but_described_by_an_office_is_a_person() -> None:
    body = '"We did our part," Vann R. Newkirk II, a writer for the Harbour Gazette, said on Twitter.'
    assert people(body) == {"Vann R. Newkirk II": "writer for the Harbour Gazette"}


def test_a_title_that_a_named_subject_acts_on_is_someone_else() -> None:
    body = ("The director has denied warning Michael Hale the party could lose. "
            "The paper said Peter Crossley told the party leader to aim lower. Mr Crossley denied it. "
            "Mr Crossley said so again and Mr Crossley left.")
    assert people(body) == {"Michael Hale": "party leader", "Peter Crossley": None}


def test_a_fronted_clause_before_a_name_is_not_its_role() -> None:
    # the clause is not his role; the office the apposition gives him is ("pm" is a role head)
    assert people("The strategist helped Harbourland's PM, Peter Hansen, win four elections.") == {
        "Peter Hansen": "PM"}
    assert people("The Lord Chief Justice, Lord Marsh, said no.") == {"Lord Marsh": "lord chief justice"}


def test_a_surname_two_people_share_is_the_one_introduced_first() -> None:
    body = ("Peter Hansen denied the report. The strategist worked for Australia's PM, John Hansen. "
            "Mr Hansen said there was not \"one iota\" of truth in it.")
    facts_ = facts(body)
    assert {p.name: p.mentions for p in facts_.people} == {"Peter Hansen": 2, "John Hansen": 1}
    assert facts_.quotes[0].speaker == "Peter Hansen"


def test_a_speech_verb_after_a_name_in_a_headline_is_not_part_of_it() -> None:
    body = "Obama Says African-American Museum Will Tell of 'Suffering'\n\nPresident Obama spoke on Saturday. Mr. Obama said it was fine."
    assert people(body) == {"Obama": "president"}


def test_an_apposition_listing_people_with_their_offices_is_not_a_role() -> None:
    body = "Its heroes include Peter Hansen, baseball player Tom Baker and the judge Oskar Velden, among others."
    assert people(body)["Peter Hansen"] is None


# --- quantities: a round on BBC politics wording (sums, -men plurals, run-in lists, house numbers) ------------

@pytest.mark.parametrize(("body", "about"), [
    ("The party would save £12bn in wasteful spending.", "wasteful spending"),
    ("That is £9m worth of repairs.", "repairs"),
    ("Critics spotted a £6bn shortfall in the plans.", "shortfall"),
    ("Savings of £40m were found at the ministry.", "Savings"),
    ("The council paid £2m in March.", "council paid"),  # the parse: who paid, not when
    ("Ministers found £5m in a bid to cut queues.", "Ministers found"),
])
def test_a_sum_says_what_it_is_in_of_or_modifies_but_not_when(body: str, about: str | None) -> None:
    assert quantity(body)[4] == about


def test_a_pronoun_after_of_is_not_what_a_sum_is() -> None:
    qs = facts("Donors gave £12m, with £5m of them from two gifts.").quantities
    assert [(q.value, q.about) for q in qs if q.unit == "GBP"] == [(12e6, "Donors gave"), (5e6, "Donors gave")]


def test_plurals_in_men_count_people() -> None:
    qs = facts("Some 400 firemen and 30 policewomen joined the march.").quantities
    assert [(q.value, q.unit, q.about) for q in qs] == [(400, "people", "firemen"), (30, "people", "policewomen")]


def test_list_numbers_run_into_a_paragraph_and_house_numbers_are_not_quantities() -> None:
    assert quantity_texts("The plan has two flaws: 1) It costs too much. 2) Nobody wants it.") == ["two"]
    assert quantity_texts("Protesters gathered outside 10 Downing Street.") == []


def test_a_hyphenated_participle_before_the_noun_is_an_adjective() -> None:
    assert quantity("Couples must use one of 76 newly-approved register offices.")[1:3] == (76, "offices")


def test_about_ends_before_without_whom() -> None:
    assert quantity("Thank the 9,000 carers without whom the service would fail.")[4] == "carers"


def test_a_plain_number_after_a_sum_is_not_money() -> None:
    qs = facts("It meant £3bn in lost reserves, 250,000 repossessed and high rates.").quantities
    assert [(q.value, q.unit) for q in qs] == [(3e9, "GBP"), (250_000, "count")]


def test_a_count_of_people_after_a_month_is_no_day() -> None:
    got = facts("In January 25 people were jailed.")
    assert [(q.value, q.unit) for q in got.quantities] == [(25, "people")]
    assert [d.text for d in got.dates] == ["January"]


def test_a_number_after_a_and_before_a_singular_noun_is_a_modifier() -> None:
    body = "They promised a 10 point charter, a 30 mph limit and a 1p rise."
    assert quantity_texts(body) == ["30", "1p"]


def test_a_bare_number_that_died_or_was_arrested_counts_people() -> None:
    qs = facts("Officials say 3,000 died in the floods and two were arrested.").quantities
    assert [(q.value, q.unit) for q in qs] == [(3000, "people"), (2, "people")]


def test_a_surname_after_mr_is_never_someone_elses_given_name() -> None:
    body = "Grant Hale, the council leader, opened the debate on Monday. Mr Grant said he would vote against it."
    assert people(body) == {"Grant Hale": "council leader", "Grant": None}


def test_a_role_is_written_one_way_whatever_its_case_or_newness() -> None:
    (person,) = facts("New Home Secretary Anna Hale spoke. Later Home Secretary Anna Hale left.").people
    assert (person.role, person.role_status) == ("home secretary", "new")
    assert people("Former Labour MP Anna Hale spoke.") == {"Anna Hale": "former Labour MP"}


def test_an_office_written_as_letters_after_a_name_is_a_role_when_nothing_says_more() -> None:
    assert people("The study was led by Anna Hale MP and a team of journalists.") == {"Anna Hale": "MP"}
    body = "Anna Hale MP was hit too. Later Ms Hale, a Cabinet Office minister, left."
    assert people(body) == {"Anna Hale": "Cabinet Office minister"}
    assert people("Labour MSP Anna Hale said no.") == {"Anna Hale": "Labour MSP"}


def test_an_amount_read_as_the_adverb_of_a_noun_after_a_preposition_is_the_verbs() -> None:
    """The parser may take an adjective before an amount for a noun ("grew at a brisk 9%": "brisk" a
    noun, the amount its adverb); the amount is then the verb's, whose subject changed."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from newsfacts.extract.quantities import _governor

    words = ["Output", "grew", "at", "a", "brisk", "9", "%", "."]
    doc = Doc(
        Vocab(),
        words=words,
        heads=[1, 1, 1, 4, 2, 6, 4, 1],
        deps=["nsubj", "ROOT", "prep", "det", "pobj", "nummod", "npadvmod", "punct"],
        tags=["NN", "VBD", "IN", "DT", "NN", "CD", "NN", "."],
    )
    assert _governor(doc[6]).text == "grew"


def test_a_link_written_without_its_scheme_is_stored_as_a_browser_opens_it() -> None:
    body = "Details are at www.gov.uk/visas, and at https://example.org/a."
    links = facts(body).links
    assert [link.url for link in links] == ["http://www.gov.uk/visas", "https://example.org/a"]
    assert [body[link.start_char:link.end_char] for link in links] == ["www.gov.uk/visas", "https://example.org/a"]


@pytest.mark.parametrize("body", [
    "Spain beat Khachanov and Andrey Rublev 6-4, 7-6 (5) to seal the victory.",
    "She won 6-3, 3-6, 7-6 (0) in the first match.",
])
def test_a_match_score_and_its_tiebreak_are_not_quantities(body: str) -> None:
    assert quantity_texts(body) == []


def test_a_table_rule_is_no_unit() -> None:
    """A page's table comes out as cells between pipes: punctuation is never what a number counts."""
    for q in facts("Dow | 10,234 | -12.99 | -5.44% |\nFTSE | 4,851 | 3.2 | 0.07% |").quantities:
        assert q.unit is None or any(c.isalpha() for c in q.unit), q
        assert q.about is None or any(c.isalpha() for c in q.about), q


@pytest.mark.parametrize(("body", "role", "status"), [
    ("Ex-health secretary Alan Milburn said the plan would work.", "health secretary", "former"),
    ("Alan Milburn, the ex-health secretary, said the plan would work.", "health secretary", "former"),
    ('The row was "over", as one activist put it - Tory leader Michael Howard said so.', "Tory leader", None),
])
def test_a_role_is_written_one_way_and_never_runs_across_a_dash(body: str, role: str, status: str | None) -> None:
    (person,) = facts(body).people
    assert (person.role, person.role_status) == (role, status)


@pytest.mark.parametrize("body", [
    "Notes to editors\n1. The report can be found at http://www.example.gov.uk/\n2. The strategy describes the plan.",
    "For more information call the press office on 020 7035 4848 or 1-800-555-0199.",
])
def test_list_numbers_and_phone_numbers_are_not_quantities(body: str) -> None:
    """A press release's notes to editors number their lines and give a telephone number: neither
    counts anything (both were lost once in a clean-up because no train text had them)."""
    assert quantity_texts(body) == []


def test_no_fact_comes_from_a_table_row() -> None:
    """A table's rows are no sentences: no person, entity or quantity is read off them (the row
    "| Poles | 12,000 |" gave an entity Poles and quantities about 'Poles Lithuanians'), and the
    sentence after a table is a sentence of its own."""
    text = (
        "Migrant workers fill farm jobs\n\n"
        "Council leader Jane Morgan said the farms could not bring in the harvest without them.\n\n"
        "| Nationality | Workers | Share |\n\n|---|---|---|\n\n| Poles | 12,000 | 41% |\n\n"
        "| Lithuanians | 4,500 | 15% |\n\n| Mary Jones | 3,900 | 13% |\n\n"
        "The council expects about 20,000 seasonal workers to arrive this summer.\n"
    )
    [article] = parse_document("farms.txt", text)
    [table] = article.sections
    found = extract_facts([article])[0]
    assert [p.name for p in found.people] == ["Jane Morgan"]
    assert {e.name for e in found.entities} == {"Jane Morgan"}
    assert [(q.value, q.qualifier, q.about) for q in found.quantities] == [(20000.0, "about", "seasonal workers")]
    assert found.quantities[0].sentence.startswith("The council expects")
    for fact in [*found.people, *found.quantities, *found.dates, *found.quotes]:
        assert not table.start_char <= fact.start_char < table.end_char, fact


def test_a_title_with_a_capitalised_head_after_a_lower_case_word_refers_back() -> None:
    body = ("Tom Baker has accepted a seat on the harbour board. "
            "But the outgoing European Commissioner said the board needed reform.")
    assert people(body) == {"Tom Baker": "outgoing European commissioner"}


def test_a_description_before_a_title_and_a_name_is_the_role() -> None:
    # "expert" is too common a surname to end a role written before a bare name; before a title it is none
    assert people("A survey for transport expert professor Tom Baker found long delays.") == {
        "Tom Baker": "transport expert"}


def test_a_role_before_a_name_keeps_its_portfolio_after_for_or_of() -> None:
    assert people("Shadow spokesman for tourism Tom Baker said the plan was late.") == {
        "Tom Baker": "shadow spokesman for tourism"}
    # a role head after "for" is someone else's role: the first head is not the name's
    assert people("Ann Hale, a campaigner for leftist senator Tom Baker, spoke.")["Tom Baker"] == "senator"


def test_a_title_before_a_person_never_named_in_full_is_that_persons_role() -> None:
    body = ("Traders fear the Port Authority chairman may raise the fees again. The board has raised them twice. "
            "Mr Quayle told councillors that costs were rising.")
    assert people(body) == {"Quayle": "Port Authority chairman"}
    # a person named in full is introduced by their name, not by a title before it
    body = "Traders fear the harbour board chairman may raise the fees. Tom Quayle, a lawyer, said costs rose."
    assert people(body) == {"Tom Quayle": "lawyer"}


def test_an_office_word_inside_a_capitalised_name_keeps_its_capital() -> None:
    assert canonical_role("Federal Reserve chairman") == ("Federal Reserve chairman", None)
    assert canonical_role("Home Office minister") == ("Home Office minister", None)
    assert canonical_role("Home Secretary") == ("home secretary", None)
    assert canonical_role("Senator (R-Ohio)") == ("senator (R-Ohio)", None)
    assert canonical_role("Prime Minister's Official Spokesman") == ("prime minister's official spokesman", None)


def test_new_and_former_are_the_roles_status_not_part_of_it() -> None:
    assert canonical_role("Former Shadow Home Secretary") == ("shadow home secretary", "former")
    assert canonical_role("the ex-chancellor") == ("chancellor", "former")
    assert canonical_role("New Home Secretary") == ("home secretary", "new")
    assert canonical_role("New York senator") == ("New York senator", None)
    assert canonical_role("the party's former treasurer") == ("party's treasurer", "former")
    assert canonical_role("chief of BT's new Entertainment unit") == ("chief of BT's new Entertainment unit", None)
    body = "Former home secretary Tom Baker spoke. New Home Secretary Ann Hale replied."
    found = {p.name: (p.role, p.role_status) for p in facts(body).people}
    assert found == {"Tom Baker": ("home secretary", "former"), "Ann Hale": ("home secretary", "new")}


def test_ruler_and_landowner_are_roles_before_a_name() -> None:
    assert people("Victims of former military ruler Tom Baker's regime will be paid.") == {
        "Tom Baker": "former military ruler"}
    assert people("Hill farm landowner Ann Hale was told it was an offence.") == {"Ann Hale": "Hill farm landowner"}


def test_a_description_after_a_capitalised_word_before_a_name_is_the_role() -> None:
    assert people("Board member Ann Hale voted for a rise.") == {"Ann Hale": "Board member"}
    assert people("Yet Council member Ann Hale voted for a rise.") == {"Ann Hale": "Council member"}


def test_mr_and_a_surname_is_not_the_knight_who_shares_it() -> None:
    """A knight is "Sir Alan", never "Mr Hale": the surname after "Mr" is the other Hale's."""
    body = ("Sir Alan Hale, the police chief, warned of new threats. Later Tom Hale defended the plans. "
            'Sir Alan said the risk was real. But Mr Hale insisted: "There is no greater freedom than safety."')
    facts = extract_facts([Article(title=None, body=body)])[0]
    assert {p.name: p.mentions for p in facts.people} == {"Alan Hale": 2, "Tom Hale": 2}
    assert [q.speaker for q in facts.quotes] == ["Tom Hale"]


def test_a_verb_early_after_a_names_comma_makes_a_clause_not_a_role() -> None:
    assert people("The revival, directed by Ann Hale, will also star Tom Baker as the mother.")["Ann Hale"] is None
    assert people("A remake starring Tom Baker, Ocean Bay was directed by the film director Ann Hale.")["Tom Baker"] is None


def test_a_plural_title_before_a_list_makes_each_name_a_peer() -> None:
    body = ("The appeal was heard by Lords Baker, Hale and Quayle. Lord Baker said the law was clear. "
            "The House of Lords Reform and Labour committees met.")
    assert people(body) == {"Lord Baker": None, "Lord Hale": None, "Lord Quayle": None}
    kinds = {e.name: e.entity_type for e in facts(body).entities}
    assert all(kinds.get(f"Lord {n}") == "PERSON" for n in ("Baker", "Hale", "Quayle")), kinds


def test_a_plain_word_before_a_capitalised_name_ends_the_role_before_a_person() -> None:
    body = "Previous winners of the Quayle award include Harbour Bank chief executive Tom Baker and Ann Hale."
    assert people(body)["Tom Baker"] == "Harbour Bank chief executive"


def test_an_amount_at_an_extreme_is_of_what_reached_it_not_of_what_stands_off_it() -> None:
    assert [q.about for q in facts("Harbour imports rose to a new record of £27.9bn in May.").quantities] == [
        "Harbour imports"]
    body = ("Spending on new ferries was still high, up 21.3% from the previous year - although some way "
            "off the peak of 43% seen in the first quarter.")
    assert [q.about for q in facts(body).quantities][1] != "way"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Mr Halvorsen's career owes much to his father Tobias, who died in 1990.", {"Halvorsen": None, "Tobias": "father"}),
        ("His mother, Marisol, said the sentence was too short.", {"Marisol": "mother"}),
        ("Mr Pettifer hopes to start a family with wife Rhiannon.", {"Pettifer": None, "Rhiannon": "wife"}),
    ],
)
def test_a_given_name_alone_after_a_relation_is_a_person_with_that_role(body: str, expected: dict) -> None:
    assert people(body) == expected


def test_a_given_name_after_a_relation_is_the_person_named_in_full() -> None:
    body = "Sophie Brandt spoke first. Later Tom Brandt and his wife Sophie went home."
    assert people(body) == {"Sophie Brandt": "wife", "Tom Brandt": None}


def test_a_relation_before_a_title_is_not_a_name() -> None:
    assert "Ms" not in people("He was joined by his wife, Ms. Quellan, and their son.")


def test_an_office_before_a_lone_surname_is_its_title_of_address() -> None:
    assert people("The jobs figures mean that President Okonkwo can celebrate.") == {"Okonkwo": "president"}


def test_a_named_office_owning_a_thing_refers_back_to_the_person() -> None:
    body = "Mr Tennant bypassed the cabinet. The prime minister's official spokesman denied it."
    assert people(body) == {"Tennant": "prime minister"}


def test_an_office_in_a_bodys_name_refers_to_no_one() -> None:
    body = "Ms Orlova was arrested. The Kent County Sheriff's Department said she was held."
    assert people(body) == {"Orlova": None}


def test_lower_case_portfolio_words_before_a_secretary_make_one_office() -> None:
    body = "Parents could be tagged, Lord Farrowby said. The constitutional affairs secretary outlined the plans."
    assert people(body) == {"Lord Farrowby": "constitutional affairs secretary"}


def test_lower_case_words_before_another_head_are_no_office() -> None:
    assert people("Mr Dunmore spoke. The team leader said no.") == {"Dunmore": None}


@pytest.mark.parametrize("title", ["Lord Justice", "Mr Justice", "Lady Justice"])
def test_a_judges_style_before_the_surname_makes_a_judge(title: str) -> None:
    assert people(f"The appeal was dismissed by {title} Carrow on Friday.") == {"Carrow": "judge"}


def test_queens_counsel_after_a_name_is_the_role() -> None:
    assert people("The claims were made in a book by Marcus Ellery QC last week.") == {"Marcus Ellery": "QC"}


def test_a_titles_full_stop_goes_on_inside_an_apposition() -> None:
    body = "Dennis Marlow, a senior adviser to Mr. Okafor, said the talks had failed."
    assert people(body)["Dennis Marlow"] == "senior adviser to Mr. Okafor"


def test_an_office_after_for_before_a_names_comma_is_not_the_names() -> None:
    body = "The group backing Jeb Hollis for president, Mike Tarrant, praised the donor."
    assert people(body)["Mike Tarrant"] != "president"


def test_a_past_tense_verb_after_a_names_comma_opens_a_clause_not_a_role() -> None:
    assert people("Mike Tarrant, praised the donor on Monday.") == {"Mike Tarrant": None}


def test_a_possessed_office_refers_forward_to_the_person_opening_the_next_sentence() -> None:
    body = "Awards were given on Monday. Acme's chief executive was named businessman of the year. Tom Raines said he was honoured."
    assert people(body) == {"Tom Raines": "Acme's chief executive"}


def test_a_possessed_office_is_not_someone_named_beside_it() -> None:
    assert people("Spain's foreign minister met Mr Corran. Alan Corran said no.") == {"Alan Corran": None}


def test_a_described_person_is_not_the_holder_of_an_office_a_title_names() -> None:
    body = ("Viewers watched President Tom Okafor debate his Democratic challenger Ann Hale. "
            "He said it was up to the incumbent prime minister to decide.")
    assert people(body)["Ann Hale"] == "Democratic challenger"
