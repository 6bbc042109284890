"""Same-story clustering, pure: no database, hand-written texts."""

from __future__ import annotations

import random

from newsfacts.stories import StoryInput, cluster, digest, evidence, quote_key, quote_keys, quote_sentences, same_story

WORDS = (
    "council budget river school hospital train bridge minister farmer police court election museum harbour "
    "festival factory village market airport library theatre stadium forest teacher nurse engineer pilot "
    "lawyer baker tax rail wind solar coal water housing rent wage pension union strike vote poll debate"
).split()


def prose(seed: int, n_words: int = 300) -> str:
    """A body of random words: two different seeds share no 5-word run."""
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(n_words)) + "."


def test_quote_key_ignores_case_spacing_and_quote_marks() -> None:
    a = quote_key("\u201cWe cannot protect Britain\u2019s borders  by operating in a bubble.\u201d")
    b = quote_key('"we cannot protect Britain\'s borders by operating in a bubble"')
    assert a == b == "we cannot protect britain s borders by operating"


def test_quote_key_keeps_a_quote_cut_or_reworded_after_its_eighth_word() -> None:
    assert quote_key("The talks will resume in Brussels on Monday morning") == quote_key(
        "The talks will resume in Brussels on Monday, officials said"
    )


def test_short_sentences_have_no_key() -> None:
    assert quote_key("No comment at all.") is None


def test_quotes_are_compared_sentence_by_sentence() -> None:
    joined = "Every issue we face has an international side. We cannot act alone on borders. Yes."
    assert quote_sentences(joined) == [
        "Every issue we face has an international side.",
        "We cannot act alone on borders.",
        "Yes.",
    ]
    assert quote_keys([joined]) == quote_keys(
        ["Every issue we face has an international side.", "We cannot act alone on borders."]
    )


def test_a_copy_with_an_extra_paragraph_is_the_same_story() -> None:
    body = prose(1)
    got = cluster([StoryInput("a", body), StoryInput("b", body + "\n\n" + prose(2, 80)), StoryInput("c", prose(3))])
    assert got["a"] == got["b"] != got["c"]


def test_two_shared_quoted_sentences_make_one_story_one_does_not() -> None:
    q1 = "We will build the new bridge before the winter floods arrive."
    q2 = "Nobody in this valley should wait three hours for an ambulance."
    q3 = "The budget for the river defences has been doubled this year."
    docs = [
        StoryInput("a", prose(10), (q1 + " " + q2,)),
        StoryInput("b", prose(11), (q1, q2.upper())),
        StoryInput("c", prose(12), (q1, q3)),
    ]
    got = cluster(docs)
    assert got["a"] == got["b"]
    assert got["c"] != got["a"]


def test_every_article_has_a_cluster_named_after_its_first_member() -> None:
    body = prose(5)
    docs = [StoryInput("z-old", body), StoryInput("a-new", body), StoryInput("m", prose(6)), StoryInput("e", "")]
    got = cluster(docs)
    assert got == {"z-old": "s-z-old", "a-new": "s-z-old", "m": "s-m", "e": "s-e"}


def test_no_articles_no_clusters() -> None:
    assert cluster([]) == {}


def test_candidates_are_few_among_unrelated_articles() -> None:
    docs = [StoryInput(str(i), prose(100 + i)) for i in range(300)]
    ev = evidence(digest(docs))
    assert len(ev.pairs) < 300 * 299 / 2 / 20
    assert not same_story(ev.containment, ev.shared_quotes).any()
    assert len(set(cluster(docs).values())) == 300


def test_rules() -> None:
    assert same_story(0.5, 0) and same_story(0.0, 2)
    assert not same_story(0.49, 1)
