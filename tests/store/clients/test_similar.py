"""Whether two names may be one person's: folding, one typo, hyphenated parts."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.clients.similar import fold, likely_same_person, name_parts, similar_people


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Mäkinen", "makinen"),
        ("MAKINEN", "makinen"),
        ("Östman", "ostman"),
        ("Åsa", "asa"),
        ("Wirtanen", "virtanen"),
        ("Mäki-Jokela", "maki jokela"),
        ("Mäki -  Jokela", "maki jokela"),
        ("O'Connor", "oconnor"),
        ("O’Connor", "oconnor"),
        ("St. John", "st john"),
        ("Ma\u0308ki", "maki"),  # a decomposed ä, as some keyboards send it
        ("Núñez", "nunez"),
    ],
)
def test_folding(typed: str, folded: str) -> None:
    assert fold(typed) == folded


@pytest.mark.parametrize(
    ("first", "last", "other_first", "other_last"),
    [
        ("Anna", "Mäkinen", "ANNA", "Makinen"),  # case and dots
        ("Anna", "Mäkinen", "Anna", "Mäkinin"),  # a wrong letter
        ("Anna", "Mäkinen", "Anna", "Mäkinnen"),  # a letter too many
        ("Anna", "Mäkinen", "Anna", "Mkinen"),  # a letter missing
        ("Liisa", "Virtanen", "Liisa", "Vritanen"),  # two letters swapped
        ("Liisa", "Virtanen", "Liisa", "Wirtanen"),  # w for v
        ("Pekka", "Mäki-Jokela", "Pekka", "Mäki Jokela"),
        ("Pekka", "Mäki-Jokela", "Pekka", "Mäkijokela"),
        ("Pekka", "Mäki-Jokela", "Pekka", "Jokela"),  # a double name dropped
        ("Pekka", "Jokela", "Pekka", "Mäki-Jokela"),  # or taken
        ("Anna", "Mäkinen", "Anna Maria", "Mäkinen"),  # the first given name
        ("Sean", "O'Brien", "Sean", "OBrien"),
        ("Anna", "Mäkinen", "Mäkinen", "Anna"),  # the names in each other's fields
    ],
)
def test_likely_the_same_person(first: str, last: str, other_first: str, other_last: str) -> None:
    assert likely_same_person(first, last, other_first, other_last)
    assert likely_same_person(other_first, other_last, first, last)


@pytest.mark.parametrize(
    ("first", "last", "other_first", "other_last"),
    [
        ("Anna", "Mäkinen", "Anna", "Mäkelä"),  # two letters apart
        ("Anna", "Mäkinen", "Aino", "Mäkinen"),  # another first name
        ("Anna", "Mäkinen", "Maria Anna", "Mäkinen"),  # only a second given name in common
        ("Pekka", "Mäki-Jokela", "Pekka", "Mäki-Koskela"),
        ("Anna", "Virtanen", "Anna", "Nieminen"),
    ],
)
def test_not_the_same_person(first: str, last: str, other_first: str, other_last: str) -> None:
    assert not likely_same_person(first, last, other_first, other_last)
    assert not likely_same_person(other_first, other_last, first, last)


NAMES = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzäöå-' "), min_size=1, max_size=20)


@given(NAMES, NAMES)
def test_everyone_is_likely_the_same_as_themselves_whatever_the_case(first: str, last: str) -> None:
    if name_parts(first) and name_parts(last):
        assert likely_same_person(first, last, first.upper(), last.title())


@dataclass(frozen=True)
class Person:
    first_name: str
    last_name: str


def test_similar_people_keeps_those_who_may_be_the_person_named() -> None:
    people = [Person("Anna", "Mäkinen"), Person("Anna", "Mäkelä"), Person("ANNA", "Makinen")]
    assert similar_people(people, "anna", "mäkinin") == [people[0], people[2]]
