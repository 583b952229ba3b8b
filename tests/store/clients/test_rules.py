"""Tests for store.rules: ages, whole months, long-term unemployment and foreign language."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from store.clients.rules import (
    DOMESTIC_LANGUAGES,
    LONG_TERM_UNEMPLOYED_MONTHS,
    AgeBands,
    age_on,
    is_foreign_language,
    is_long_term_unemployed,
    is_under,
    months_between,
)

DATES = st.dates(date(1900, 1, 1), date(2100, 12, 31))


def test_age_bands_are_configurable_and_frozen() -> None:
    assert (AgeBands().youth, AgeBands().young_adult) == (25, 30)
    bands = AgeBands(youth=30, young_adult=55)
    assert (bands.youth, bands.young_adult) == (30, 55)
    with pytest.raises(FrozenInstanceError):
        bands.youth = 20  # type: ignore[misc]


@pytest.mark.parametrize(
    ("born", "today", "age"),
    [
        (date(2000, 6, 15), date(2025, 6, 14), 24),
        (date(2000, 6, 15), date(2025, 6, 15), 25),
        (date(2000, 6, 15), date(2000, 6, 15), 0),
        (date(2000, 2, 29), date(2001, 2, 27), 0),
        (date(2000, 2, 29), date(2001, 2, 28), 1),
        (date(2000, 2, 29), date(2004, 2, 28), 3),
        (date(2000, 2, 29), date(2004, 2, 29), 4),
        (date(1999, 12, 31), date(2000, 1, 1), 0),
    ],
)
def test_age_on(born: date, today: date, age: int) -> None:
    assert age_on(born, today) == age


@given(DATES, DATES)
def test_age_matches_birthday_count(born: date, today: date) -> None:
    assume((born.month, born.day) != (2, 29) and born <= today)
    expected = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    assert age_on(born, today) == expected


def test_is_under() -> None:
    born = date(2000, 6, 15)
    assert is_under(born, 25, date(2025, 6, 14))
    assert not is_under(born, 25, date(2025, 6, 15))
    assert is_under(born, 30, date(2025, 6, 15))


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (date(2024, 1, 15), date(2024, 2, 15), 1),
        (date(2024, 1, 15), date(2024, 2, 14), 0),
        (date(2023, 1, 31), date(2023, 2, 28), 1),
        (date(2024, 1, 31), date(2024, 2, 28), 0),
        (date(2024, 1, 31), date(2024, 2, 29), 1),
        (date(2024, 1, 31), date(2024, 3, 30), 1),
        (date(2024, 1, 31), date(2024, 3, 31), 2),
        (date(2020, 1, 1), date(2021, 1, 1), 12),
        (date(2020, 12, 31), date(2021, 1, 1), 0),
        (date(2024, 5, 5), date(2024, 5, 5), 0),
        (date(2024, 5, 5), date(2024, 4, 1), 0),
    ],
)
def test_months_between(start: date, end: date, months: int) -> None:
    assert months_between(start, end) == months


@given(DATES, st.integers(1, 600))
def test_months_between_counts_month_anniversaries(start: date, months: int) -> None:
    start = start.replace(day=min(start.day, 28))
    year, month = divmod(start.year * 12 + start.month - 1 + months, 12)
    anniversary = date(year, month + 1, start.day)
    assert months_between(start, anniversary) == months
    assert months_between(start, anniversary - timedelta(days=1)) == months - 1


def test_long_term_unemployment() -> None:
    since = date(2024, 3, 15)
    assert LONG_TERM_UNEMPLOYED_MONTHS == 12
    assert is_long_term_unemployed(since, date(2025, 3, 15))
    assert is_long_term_unemployed(since, date(2026, 1, 1))
    assert not is_long_term_unemployed(since, date(2025, 3, 14))
    assert not is_long_term_unemployed(None, date(2025, 3, 15))
    assert not is_long_term_unemployed(date(2026, 1, 1), date(2025, 3, 15))
    assert is_long_term_unemployed(since, date(2024, 9, 15), months=6)
    assert not is_long_term_unemployed(since, date(2024, 9, 14), months=6)


@given(DATES, DATES, st.integers(1, 36))
def test_long_term_unemployment_starts_when_the_months_are_full(
    since: date, today: date, months: int
) -> None:
    # The export compares days with `long_term_unemployed_from`; it must agree with
    # counting whole calendar months, month ends and 29.2. included.
    assert is_long_term_unemployed(since, today, months) == (months_between(since, today) >= months)


@pytest.mark.parametrize("language", [None, "", "  ", "fi", "sv", "se", "smn", "sms", "FI", " sv "])
def test_domestic_or_unknown_language_is_not_foreign(language: str | None) -> None:
    assert not is_foreign_language(language)


@pytest.mark.parametrize("language", ["ar", "so", "en", "ru", "et", "fa", "uk"])
def test_other_languages_are_foreign(language: str) -> None:
    assert is_foreign_language(language)
    assert language not in DOMESTIC_LANGUAGES


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
)
def test_age_is_whole_years_of_calendar_months(birth: date, today: date) -> None:
    assert age_on(birth, today) == months_between(birth, today) // 12
