"""Content-derived ids: the same person or article always gets the same id."""

from newsfacts.batch import _one_row_per_person, article_id, person_id
from newsfacts.records import Person


def test_person_id_ignores_case_accents_and_spacing() -> None:
    assert person_id("Fran\u00e7ois Hollande") == person_id("francois  hollande") == person_id("FRANCOIS HOLLANDE")


def test_person_id_keeps_people_sharing_a_surname_apart() -> None:
    assert person_id("John Reid") != person_id("Richard Reid")


def test_article_id_is_the_start_of_its_own_content_hash() -> None:
    sha = "ab" * 32
    assert article_id(sha) == sha[:16]


def test_name_forms_of_one_person_make_one_row_per_article() -> None:
    people = [Person(name="Sean O'Brien", role=None, mentions=2, start_char=0, end_char=12),
              Person(name="Sean O\u2019Brien", role="minister", mentions=1, start_char=40, end_char=52)]
    (row,) = _one_row_per_person(people)
    assert (row["name"], row["role"], row["mentions"], row["start_char"]) == ("Sean O'Brien", "minister", 3, 0)
