"""Days as people type and read them: d.m.yyyy and ISO in, d.m.yyyy out, one error."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.clients.validation import ValidationError
from store.clients.validation import parse_date as parse_form_date
from store.core.dates import DateError, format_date, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("28.11.2026", date(2026, 11, 28)),
        ("1.2.2026", date(2026, 2, 1)),
        ("01.02.2026", date(2026, 2, 1)),
        (" 2026-11-28 ", date(2026, 11, 28)),
    ],
)
def test_finnish_and_iso_days_are_read(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["30.2.2026", "2026-13-01", "eilen", "28.11.26", "", "2026-1-5"])
def test_anything_else_is_one_error_in_three_languages(text):
    with pytest.raises(DateError) as refused:
        parse_date(text)
    assert refused.value.message("en") == (
        f"the date “{text}” is not valid; give it as 28.11.2026 or 2026-11-28"
    )
    assert f"”{text}”" in refused.value.message("fi")
    assert f"”{text}”" in refused.value.message("sv")


def test_a_form_tells_a_wrong_shape_from_a_day_the_calendar_lacks():
    with pytest.raises(ValidationError) as shape:
        parse_form_date("eilen", "birth_date")
    with pytest.raises(ValidationError) as impossible:
        parse_form_date(" 31.2.1990", "birth_date")
    assert [e.key for e in shape.value.errors] == ["error.date.format"]
    assert impossible.value.errors[0].message("en") == "Date of birth: 31.2.1990 is not a real date"


@given(st.dates(min_value=date(1000, 1, 1)))
def test_a_shown_day_reads_back_as_itself(day: date):
    shown = format_date(day)
    assert shown[0] != "0" and parse_date(shown) == day
    assert parse_date(day.isoformat()) == day


def test_no_day_is_shown_as_nothing():
    assert format_date(None) == ""
