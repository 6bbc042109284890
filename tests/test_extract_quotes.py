"""Speaker rules for direct quotes, one invented article per rule."""

from __future__ import annotations

import pytest

from newsfacts.extract import extract_facts
from newsfacts.extract.people import _surname_mentions
from newsfacts.extract.quotes import _named_in_description
from newsfacts.extract.view import Mention
from newsfacts.records import Article, Quote


def quotes_of(body: str) -> tuple[Quote, ...]:
    return extract_facts([Article(title=None, body=body, published_date=None)])[0].quotes


def speaker_of(body: str, contains: str) -> str | None:
    hits = [q for q in quotes_of(body) if contains in q.quote_text]
    assert len(hits) == 1, [q.quote_text for q in quotes_of(body)]
    return hits[0].speaker


@pytest.mark.parametrize(("body", "contains", "speaker"), [
    pytest.param(
        "Among those with doubts were Tom Baker, Ann Hale and Peter Quayle. But Mr Hansen denied Mr Quayle, "
        'his transport and environment spokesman, said the plans "stink".',
        "stink", "Peter Quayle", id="a-possessive-description-after-a-name-is-that-persons"),
    pytest.param(
        "Peter Hansen runs the port.\n\nIn a statement on Friday, Hansen said: "
        "\u201cWe will keep every berth open through the winter.\u201d",
        "every berth", "Peter Hansen", id="introductory-phrase-before-the-speaker"),
    pytest.param(
        "Peter Hansen opened the debate.\n\nPointing to the harbour accounts, he added: "
        "\"Every one of these figures was known a year ago.\"",
        "these figures", "Peter Hansen", id="participle-phrase-before-a-pronoun-speaker"),
    pytest.param(
        "Maria Lopez met the board.\n\nPressed on the budget, she said: \"We will not cut a single ferry.\"",
        "single ferry", "Maria Lopez", id="past-participle-phrase-before-a-pronoun-speaker"),
    pytest.param(
        "\"Nobody asked the fishermen,\" Stephen Manning, a harbour pilot, said.",
        "Nobody asked", "Stephen Manning", id="name-ending-in-ing-is-not-a-participle"),
    pytest.param(
        "Peter Hansen runs the port. His remarks on the ferries had drawn censure - he told the council to "
        "\"sell every boat we have\" before the winter.",
        "sell every boat", "Peter Hansen", id="pronoun-after-a-dash-clause"),
    pytest.param(
        "Maria Lopez spoke first. The chairman of the harbour board, Peter Hansen, warned of a "
        "\"long and costly delay\". \"Nobody will want to sail here if this goes on for another year.\"",
        "another year", "Peter Hansen", id="named-partial-quote-moves-the-talk"),
    pytest.param(
        "Earlier, Dr Peter Hansen accused Mr Tom Baker of hiding the accounts. He told the radio: "
        "\"Nobody hides figures like these by accident.\"",
        "by accident", "Peter Hansen", id="he-is-the-previous-sentences-subject-not-its-object"),
    pytest.param(
        "The council met. And Dr Peter Hansen, of the Harbour Trust, said: \"The water is rising every year.\"",
        "water is rising", "Peter Hansen", id="and-a-titled-name-before-a-comma-is-the-subject"),
    pytest.param(
        "Maria Lopez spoke first. Harbour minister Peter Hansen quoted the port plan as saying: "
        "\"We will dredge the channel before the spring.\"",
        "dredge the channel", "Peter Hansen", id="a-role-before-the-subjects-name"),
    pytest.param(
        "Mr Peter Hansen rejected the idea. Asked if he would welcome the new ferry he told the radio: "
        "\"I don't want anybody to sail on it\".",
        "sail on it", "Peter Hansen", id="asked-if-is-no-inverted-attribution"),
    pytest.param(
        "\"The age limit will come down,\" said Mr Tom Hale, who was elected in 1997.",
        "age limit", "Tom Hale", id="a-relative-clause-is-not-the-speaker"),
    pytest.param(
        "\"It will be a tragedy if the ferry stops,\" said the chairman of the harbour committee, "
        "Labour MP Peter Hansen.",
        "a tragedy", "Peter Hansen", id="the-name-after-a-role-and-a-comma"),
    pytest.param(
        "Committee chairman Peter Hansen said the harbour plan was badly drawn.\n\n"
        "\"The committee believes the plan should go back to the council.\"",
        "go back to the council", "Peter Hansen", id="a-quote-after-reported-speech-continues-it"),
    pytest.param(
        "A spokesman for the Harbour Board said the port was safe. He added: \"Nobody was hurt.\"",
        "Nobody was hurt", "Harbour Board spokesman", id="he-after-an-unnamed-spokesman"),
    pytest.param(
        "During a rally in the north, Maria Lopez attacked Peter Hansen over the harbour budget, saying, "
        "\"He has wasted the money of every family in this town.\"",
        "wasted the money", "Maria Lopez", id="participle-after-comma-is-the-subjects"),
    pytest.param(
        "A new advert shows footage of Maria Lopez asking, \"Why is nobody fixing the bridge?\"",
        "fixing the bridge", "Maria Lopez", id="participle-right-after-a-name"),
    pytest.param(
        "Peter Hansen spoke on the radio.\n\nAccording to Hansen, \"the harbour will need another ten years.\"",
        "another ten years", "Peter Hansen", id="according-to-before"),
    pytest.param(
        "Maria Lopez chairs the committee.\n\nSaid Lopez: \"Nobody on this committee wants another delay.\"",
        "another delay", "Maria Lopez", id="said-first-inversion"),
    pytest.param(
        "\"People keep saying 'it cannot be done,'\" said Peter Hansen, who runs the port.",
        "cannot be done", "Peter Hansen", id="nested-single-quote-before-the-close"),
    pytest.param(
        "\"The vote will go ahead as planned,\" Sen. Maria Lopez, D-Ore., said Tuesday.",
        "go ahead", "Maria Lopez", id="state-abbreviation-before-a-comma"),
    pytest.param(
        "\"The plan ignores the tides entirely,\" Peter Hansen, the director of the Coastal Studies Institute "
        "and a longtime critic of the harbour plan, told reporters.",
        "ignores the tides", "Peter Hansen", id="long-apposition-after-the-quote"),
    pytest.param(
        "Maria Lopez offered a blunt verdict on the scheme: \"This plan will fail and everyone knows it.\"",
        "will fail", "Maria Lopez", id="colon-without-a-speech-verb"),
    pytest.param(
        "Peter Hansen spoke first at the hearing.\n\n\"I told Maria Lopez to leave the room at once,\" he said.",
        "leave the room", "Peter Hansen", id="he-skips-names-inside-the-quote"),
    pytest.param(
        "Acme Shipping owns the yard.\n\nIn a statement, Acme Shipping said: \"We are proud of this result,\" "
        "adding that it would hire more staff.",
        "proud of this", "Acme Shipping", id="empty-trailing-attribution-keeps-the-leading-one"),
    pytest.param(
        "\"We will not be taking questions on the budget today,\" Peter Hansen's campaign said.",
        "taking questions", "Peter Hansen's campaign", id="possessive-makes-a-description"),
    pytest.param(
        "Peter Hansen released an advert.\n\n\"Your harbour is in danger,\" a narrator in the Hansen ad says.",
        "in danger", "narrator in the Hansen ad", id="name-inside-a-description-is-not-the-speaker"),
    pytest.param(
        "The plan has critics. As Maria Lopez, a lawyer for the dock workers, recently put it, "
        "\"Nobody has read the fine print on this deal.\"",
        "fine print", "Maria Lopez", id="as-x-put-it"),
    pytest.param(
        "Maria Lopez, a spokeswoman for the council, met Peter Hansen and his deputy on Monday.\n\n"
        "\"We will not give up on the harbour plan,\" she said.",
        "give up", "Maria Lopez", id="she-resolves-to-the-last-woman-named"),
    pytest.param(
        "Maria Lopez spent the morning at the docks. Later she met Robert Hansen, who runs the port.\n\n"
        "\"Nobody will close this harbour while I am on the council,\" she said.",
        "Nobody will close", "Maria Lopez", id="she-skips-a-man-known-by-his-given-name"),
    pytest.param(
        "I laughed and said, \"Nobody believes that story any more.\"",
        "Nobody believes", None, id="first-person-narration-is-no-speaker"),
    pytest.param(
        "Maria Lopez, the Green Party candidate, toured the docks with Peter Hansen on Monday.\n\n"
        "\"The docks deserve better than this,\" the candidate said.",
        "deserve better", "Maria Lopez", id="the-candidate-resolves-to-the-person-with-that-role"),
    pytest.param(
        "Maria Lopez, the Green Party candidate, toured the docks.\n\n"
        "\"Nobody asked the workers about any of this,\" a local candidate said.",
        "Nobody asked", "local candidate", id="an-indefinite-description-is-someone-new"),
    pytest.param(
        "Harbour Party co-chairman Peter Hansen mocked the ceremony, saying: \"Nobody believed a word of it.\"",
        "believed a word", "Peter Hansen", id="a-hyphenated-role-before-the-subject"),
    pytest.param(
        "Dr Peter Hansen attacked Mr Tom Baker, the harbour master, saying: \"This port is a shambles.\"",
        "a shambles", "Peter Hansen", id="an-apposition-of-the-object-is-not-an-aside"),
    pytest.param(
        "Harbour Party chairman Petra Holm wrote to the councillors in a letter.\n\n"
        "She said: \"The party has taken legal advice on the lease.\"",
        "legal advice", "Petra Holm", id="chairman-does-not-make-a-person-male"),
    pytest.param(
        "Home Secretary Tom Hale set out the plan. Tory Peter Baker called it timid.\n\n"
        "The home secretary said the plan would start in May. Speaking on the radio, he said: "
        "\"Nobody will be left out of this scheme.\"",
        "left out", "Tom Hale", id="he-after-a-definite-title-is-the-title-holder"),
    pytest.param(
        "Harbour House defended the new fees, with a spokesperson saying: \"Every port charges the same.\"",
        "Every port", "Harbour House spokesperson", id="with-a-spokesperson-saying-after-an-organisation"),
    pytest.param(
        "But the Port Authority rejected the report. A spokeswoman said: \"The figures are a year out of date.\"",
        "out of date", "Port Authority spokeswoman", id="a-bare-spokeswoman-speaks-for-the-organisation-before"),
    pytest.param(
        "Mr Tom Baker left the meeting early. A spokeswoman said: \"He was feeling unwell after lunch.\"",
        "unwell", "spokeswoman", id="a-bare-spokeswoman-after-a-person-names-no-organisation"),
    pytest.param(
        "Mr Peter Hansen spoke next. He is prepared to go this far: \"The ferries will run all winter.\"",
        "all winter", "Peter Hansen", id="he-opens-a-sentence-ending-in-a-colon"),
    pytest.param(
        "Peter Hansen said ferries come and go. But he said Mr Tom Baker had lost the trust of the crews. "
        "\"There is no trust left in the harbour master at all,\" he said.",
        "no trust left", "Peter Hansen", id="he-through-a-sentence-opening-with-he"),
    pytest.param(
        "Peter Hansen said the poster was offensive. A Harbour Party spokesman denied it was meant to offend. "
        "\"As we said at the time, the poster is a joke,\" he said.",
        "is a joke", "Harbour Party spokesman", id="he-after-a-sentence-opened-by-a-spokesman"),
    pytest.param(
        "Tom Baker told the council the plan was a fraud. His claims were denied by harbour master Peter Hansen, "
        "who accused the council of \"running scared\" of the debate.",
        "running scared", "Peter Hansen", id="a-passive-speech-verb-names-the-speaker-after-by"),
    pytest.param(
        "Mr Peter Hansen responded by accusing the council of \"hiding away from the crews\" all winter.",
        "hiding away", "Peter Hansen", id="responded-by-is-not-a-passive"),
    pytest.param(
        "The plan angered the crews. Another critic, Peter Hansen, likened the plan to \"selling the family silver\".",
        "family silver", "Peter Hansen", id="a-description-fronted-before-the-subjects-name"),
    pytest.param(
        "The committee stated there was a \"significant risk\" because the rules were \"disproportionate\".",
        "disproportionate", "committee", id="a-second-partial-quote-in-the-sentence-keeps-its-speaker"),
    pytest.param(
        "Mr Peter Hansen said the crews were \"of great value\", but stressed they must not become a \"burden\".",
        "burden", "Peter Hansen", id="a-verb-after-but-keeps-the-subject"),
    pytest.param(
        "Labour say a vote for them could \"let the Tories in\", while the Tories say it would mean \"higher taxes\".",
        "higher taxes", "Tories", id="a-new-subject-and-verb-end-the-speaker"),
    pytest.param(
        "Tory Peter Hansen said his party offered a \"clear choice\". The Harbour Party Co-Chairman said the "
        "council had \"done nothing for eight years\".",
        "done nothing", "Peter Hansen", id="a-hyphenated-definite-title-is-the-person"),
    pytest.param(
        "Mr Peter Hansen said he had seen leaders come and go. \"I was first elected in 1983,\" he said. "
        "\"The world has changed.\" But he said Mr Tom Baker had lost the trust of voters. "
        "\"There is a lack of trust in Tom Baker,\" he said.",
        "lack of trust", "Peter Hansen", id="he-looks-back-through-quoted-sentences"),
    pytest.param(
        "Harbour Party leader Peter Hansen has said voters have a \"lack of trust\" of Tom Baker.\n\n"
        "He said his party was no wasted vote, adding that with the Harbour Party \"what you see is what you get\".",
        "what you see", "Peter Hansen", id="a-partial-quote-in-a-sentence-opened-by-he"),
    pytest.param(
        "A spokesman for the Harbour Party called on Mr Tom Baker to quit. Its leader, Peter Hansen, has said he is "
        "glad to see the back of Mr Baker. \"He was more interested in himself than the party,\" he said.",
        "more interested", "Peter Hansen", id="a-possessive-description-fronted-before-the-subject"),
    pytest.param(
        "Mr Peter Hansen was home secretary until May. A Harbour Party spokesman criticised Mr Hansen's record, "
        "saying crime had risen when he was in office. He said: \"The Tories are making promises again.\"",
        "making promises", "Harbour Party spokesman", id="he-after-a-sentence-opened-by-a-spokesman-with-any-verb"),
    pytest.param(
        "The parties agree on little. Former union leader Sir Peter Hansen has accused both of a "
        "\"bidding war\" on asylum.",
        "bidding war", "Peter Hansen", id="a-lower-case-role-and-an-honorific-before-the-subject"),
    pytest.param(
        "Peter Hansen has run the harbour for twenty years.\n\nOn the ferries, Hansen sounds almost weary.\n\n"
        "\"I have asked for new boats every winter and nobody listens.\"",
        "new boats", "Peter Hansen", id="a-quote-paragraph-after-a-sentence-whose-subject-is-a-person"),
    pytest.param(
        "Peter Hansen has run the harbour for twenty years.\n\n\"I have asked for new boats,\" Hansen said.\n\n"
        "So he is looking to the council for money. And he is blunt about the board.\n\n"
        "\"The board has never sailed a boat in its life.\"",
        "never sailed", "Peter Hansen", id="an-interview-goes-back-to-its-speaker-when-no-one-else-is-named"),
    pytest.param(
        "Peter Hansen has run the harbour for twenty years.\n\n\"I have asked for new boats,\" Hansen said.\n\n"
        "So will the council find the money, as Maria Lopez once promised? \"No. Nobody has the money this year.\"",
        "Nobody has the money", "Peter Hansen", id="an-answer-is-not-the-question's-person's"),
    pytest.param(
        "The ruling comes after shipping regulator Portwatch demanded \"real equality of access to its berths\".",
        "real equality", "Portwatch", id="the-name-a-description-ends-on-not-the-clause-before-it"),
    pytest.param(
        "The former harbour master and ex-Labour councillor was speaking amid claims the survey had been "
        "\"tidied up\".",
        "tidied up", None, id="a-clause-before-a-speech-verb-is-no-speaker"),
    pytest.param(
        "The Harbour Party would deal \"kindly\" with any application by disgraced councillor Tom Baker to rejoin "
        "its ranks, its co-chairman has said.\n\nParty co-chairman Peter Hansen told the radio the party believed "
        "in second chances.",
        "kindly", "Peter Hansen", id="its-hyphened-role-is-the-person-holding-it"),
    pytest.param(
        "Tom Baker visited the port on Monday. The Harbour Trust will open the new dock \"as soon as the money "
        "is there\", its secretary said.",
        "as soon as", "its secretary", id="its-owner-is-a-body-not-the-last-person-named"),
    pytest.param(
        "\"Central to the plans are cheaper berths for every operator on the river,\" the former monopoly said "
        "in a statement.",
        "cheaper berths", "former monopoly", id="a-noun-ending-in-ly-is-no-adverb-to-drop"),
    pytest.param(
        "Peter Hansen was suspended from the board last month after the harbour standards committee said his "
        "conduct had fallen \"well below the standards expected\".",
        "well below", "harbour standards committee", id="the-speech-verbs-subject-not-the-clause-before-it"),
    pytest.param(
        "Harbour Trust bosses have held \"frank and friendly\" talks with the Port Authority (PA), its chief has "
        "said.\n\nHarbour Trust chief Peter Hansen will meet the authority again on Monday.",
        "frank and friendly", "Peter Hansen", id="its-chief-closing-the-sentence-is-the-person-holding-the-role"),
    pytest.param(
        "Peter Hansen runs the port. Former harbour master Maria Lopez, a Hansen supporter, stirred a row this "
        "year over her remark that \"nobody sails here any more\".",
        "nobody sails", "Maria Lopez", id="her-remark-is-left-to-the-pronoun-rules"),
    pytest.param(
        "Peter Hansen listed the boat for sale on Monday. He ended the auction description with \"Fair winds and "
        "following seas,\" a sailors' blessing.",
        "Fair winds", "Peter Hansen", id="a-thing-compounded-with-a-claim-noun-owns-nothing"),
    pytest.param(
        "\"The works council fears the trade could be run from the capital,\" Harbour news agency reports a union "
        "source as saying.",
        "works council", "union source", id="reported-as-saying-is-the-one-reported"),
    pytest.param(
        "Tom Jones has a plan for the port. Absent Tom Jones' plan, which he has not published, Maria Lopez pointed "
        "to the old one.\n\n\"It is a bit worrying to me that nobody has seen it.\"",
        "bit worrying", None, id="a-name-before-an-apostrophe-owns-and-is-not-the-subject"),
])
def test_speaker_rules(body: str, contains: str, speaker: str | None) -> None:
    assert speaker_of(body, contains) == speaker


@pytest.mark.parametrize(("description", "name"), [
    ("Harbour Bank's Peter Hansen", "Peter Hansen"),
    ("shipping regulator Portwatch", "Portwatch"),
    ("regulator Portwatch", "Portwatch"),
    ("Labour MP for Hull", None),
    ("the Home Office", None),
    ("Jean de Hal", None),
    ("Court of Appeals for the 2nd District", None),
    ("green campaign group Harbour's Clean Future", "Harbour's Clean Future"),
    ("harbour spokesman for the Port Authority", None),
])
def test_the_name_a_description_ends_on(description: str, name: str | None) -> None:
    assert _named_in_description(description.split()) == name


def test_scare_quote_takes_the_sentence_subject() -> None:
    quotes = quotes_of("In a speech last week, Peter Hansen called the harbour plan \"a disaster\" again.")
    assert [(q.quote_text, q.speaker, q.is_partial) for q in quotes] == [("a disaster", "Peter Hansen", True)]


def test_a_quote_after_a_dash_is_not_partial() -> None:
    quotes = quotes_of("Many captains agree, including Maria Lopez -- \"Nobody should sail out in that fog\" -- today.")
    assert [q.is_partial for q in quotes] == [False]


def test_a_lower_case_quote_after_a_dash_describes_the_name_before() -> None:
    quotes = quotes_of("Peter Hansen will visit the docks with Maria Lopez - \"the first woman pilot\" on the river.")
    assert quotes[0].speaker != "Maria Lopez"


def test_scare_quote_after_a_group_has_no_person_speaker() -> None:
    quotes = quotes_of("Peter Hansen spoke.\n\nThe Hansen campaign called the plan \"a disaster\" again.")
    assert quotes[0].speaker_name is None


def test_bare_surnames_join_the_one_person_with_that_surname() -> None:
    body = "Peter Hansen spoke. Later Hansen said no. Sen. Hansen agreed. Hansen Tower is closed. Eric Hansen left."
    known = {Mention(0, 12, "Peter Hansen")}
    found = sorted((m.start_char, body[m.start_char:m.end_char]) for m in _surname_mentions(body, known))
    assert found == [(26, "Hansen"), (47, "Hansen")]


def test_bare_surnames_shared_by_two_people_stay_unresolved() -> None:
    body = "Peter Hansen and Anna Hansen spoke. Hansen said no."
    known = {Mention(0, 12, "Peter Hansen"), Mention(17, 28, "Anna Hansen")}
    assert _surname_mentions(body, known) == set()
