"""Content-derived ids: the same person or article always gets the same id."""

from newsfacts.batch import article_id, person_id


def test_person_id_ignores_case_accents_and_spacing() -> None:
    assert person_id("Fran\u00e7ois Hollande") == person_id("francois  hollande") == person_id("FRANCOIS HOLLANDE")


def test_person_id_keeps_people_sharing_a_surname_apart() -> None:
    assert person_id("John Reid") != person_id("Richard Reid")


def test_article_id_is_the_content_hash_plus_part() -> None:
    sha = "ab" * 32
    assert article_id(sha, 0) == sha[:16]
    assert article_id(sha, 2) == f"{sha[:16]}-2"
