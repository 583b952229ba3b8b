"""How the booking form reads a typed day, time, length and repeat."""

from __future__ import annotations

from datetime import date, time

import pytest

from screens.schedule.booking_form import (
    FieldRefused,
    parse_clock,
    parse_day,
    parse_minutes,
    parse_repeat,
)

SATURDAY = date(2026, 11, 28)


@pytest.mark.parametrize(
    ("typed", "lang", "day"),
    [
        ("1.12.2026", "fi", date(2026, 12, 1)),
        ("01.12.2026", "fi", date(2026, 12, 1)),
        ("2026-12-01", "en", date(2026, 12, 1)),
        ("1.12.", "fi", date(2026, 12, 1)),
        ("1.12", "fi", date(2026, 12, 1)),
        ("27.11.", "fi", date(2027, 11, 27)),  # passed this year: next year's
        ("28.11", "fi", SATURDAY),  # today is today
        ("ti", "fi", date(2026, 12, 1)),
        ("Ti", "fi", date(2026, 12, 1)),
        ("tis", "sv", date(2026, 12, 1)),
        ("Tue", "en", date(2026, 12, 1)),
        ("ti", "sv", date(2026, 12, 1)),  # a Finnish name in a Swedish form still reads
        ("la", "fi", date(2026, 12, 5)),  # a weekday's name is the next one, not today
    ],
)
def test_a_day_reads_as_written_or_as_a_weekday(typed: str, lang: str, day: date) -> None:
    assert parse_day(typed, SATURDAY, lang) == day


@pytest.mark.parametrize("typed", ["", "31.2.2026", "huomenna", "32.1.", "1/12/2026"])
def test_a_day_that_is_not_one_is_refused_for_the_day_field(typed: str) -> None:
    with pytest.raises(FieldRefused) as refused:
        parse_day(typed, SATURDAY, "fi")
    assert refused.value.field == "booking-day"
    assert "p.k.vvvv" in refused.value.message("fi")


@pytest.mark.parametrize(
    ("typed", "at"),
    [("10.00", time(10)), ("10:30", time(10, 30)), ("9", time(9)), ("0815", time(8, 15)),
     (" 16.45 ", time(16, 45))],
)  # fmt: skip
def test_a_time_reads_on_the_24_hour_clock(typed: str, at: time) -> None:
    assert parse_clock(typed) == at


@pytest.mark.parametrize("typed", ["", "24.00", "10.60", "10.5", "klo 10", "10am"])
def test_a_time_that_is_not_one_is_refused(typed: str) -> None:
    with pytest.raises(FieldRefused) as refused:
        parse_clock(typed)
    assert refused.value.field == "booking-time"


def test_a_length_is_whole_minutes_within_the_store_s_bounds() -> None:
    assert parse_minutes("45") == 45
    for typed in ("", "45 min", "4", "481"):
        with pytest.raises(FieldRefused):
            parse_minutes(typed)


def test_a_repeat_is_both_numbers_or_neither() -> None:
    assert parse_repeat("", "") is None
    assert parse_repeat("2", "6") == (2, 6)
    for weeks, count in (("2", ""), ("", "6"), ("0", "6"), ("2", "1"), ("9", "6"), ("2", "27")):
        with pytest.raises(FieldRefused) as refused:
            parse_repeat(weeks, count)
        assert refused.value.field == "booking-every"
