"""Finnish public holidays 2025–2030 against the published calendar, and working days
counted across Easter, Midsummer, All Saints' and Christmas."""

from __future__ import annotations

from datetime import date

import pytest

from store.schedule.calendar_days import add_working_days, holiday_name, is_working_day

# Written out by hand as the Finnish calendar publishes them, not computed: New Year,
# Epiphany, Good Friday, Easter Sunday and Monday, May Day, Ascension (Easter + 39),
# Whitsun (Easter + 49), Midsummer Eve and Day (the Friday and Saturday of 19–26 June),
# All Saints' Day (the Saturday of 31.10–6.11), Independence Day, Christmas Eve,
# Christmas Day and Boxing Day. Easter Sundays: 20.4.2025, 5.4.2026, 28.3.2027,
# 16.4.2028, 1.4.2029, 21.4.2030.
PUBLISHED: dict[int, tuple[str, ...]] = {
    2025: ("1.1", "6.1", "18.4", "20.4", "21.4", "1.5", "29.5", "8.6", "20.6", "21.6",
           "1.11", "6.12", "24.12", "25.12", "26.12"),
    2026: ("1.1", "6.1", "3.4", "5.4", "6.4", "1.5", "14.5", "24.5", "19.6", "20.6",
           "31.10", "6.12", "24.12", "25.12", "26.12"),
    2027: ("1.1", "6.1", "26.3", "28.3", "29.3", "1.5", "6.5", "16.5", "25.6", "26.6",
           "6.11", "6.12", "24.12", "25.12", "26.12"),
    2028: ("1.1", "6.1", "14.4", "16.4", "17.4", "1.5", "25.5", "4.6", "23.6", "24.6",
           "4.11", "6.12", "24.12", "25.12", "26.12"),
    2029: ("1.1", "6.1", "30.3", "1.4", "2.4", "1.5", "10.5", "20.5", "22.6", "23.6",
           "3.11", "6.12", "24.12", "25.12", "26.12"),
    2030: ("1.1", "6.1", "19.4", "21.4", "22.4", "1.5", "30.5", "9.6", "21.6", "22.6",
           "2.11", "6.12", "24.12", "25.12", "26.12"),
}  # fmt: skip


def _day(text: str, year: int) -> date:
    day, month = text.split(".")
    return date(year, int(month), int(day))


@pytest.mark.parametrize("year", sorted(PUBLISHED))
def test_every_public_holiday_of_the_year_is_the_published_one_and_no_other(year: int) -> None:
    published = {_day(text, year) for text in PUBLISHED[year]}
    every_day = (date.fromordinal(n) for n in range(date(year, 1, 1).toordinal(),
                                                    date(year + 1, 1, 1).toordinal()))  # fmt: skip
    found = {day for day in every_day if holiday_name(day) is not None}
    assert found == published
    for day in published:
        assert not is_working_day(day)


def test_the_holidays_are_named_in_the_users_language() -> None:
    assert holiday_name(date(2026, 6, 19), "fi") == "Juhannusaatto"
    assert holiday_name(date(2026, 6, 19), "en") == "Midsummer Eve"
    assert holiday_name(date(2026, 12, 6), "sv") == "Självständighetsdagen"
    assert holiday_name(date(2026, 12, 7)) is None


@pytest.mark.parametrize(
    ("start", "count", "due", "what"),
    [
        # Thu 2.4.2026: Good Friday 3.4 and Easter Monday 6.4 are skipped.
        (date(2026, 4, 2), 5, date(2026, 4, 13), "Easter"),
        # Wed 17.6.2026: Midsummer Eve Fri 19.6 is skipped.
        (date(2026, 6, 17), 5, date(2026, 6, 25), "Midsummer"),
        # All Saints' Day is always a Saturday: Fri 30.10.2026 + 1 is Mon 2.11.
        (date(2026, 10, 30), 1, date(2026, 11, 2), "All Saints'"),
        # Ascension Thu 14.5.2026.
        (date(2026, 5, 13), 1, date(2026, 5, 15), "Ascension"),
        # Christmas Eve Thu 24.12 and Christmas Day Fri 25.12.2026.
        (date(2026, 12, 23), 1, date(2026, 12, 28), "Christmas"),
        # Independence Day Mon 6.12.2027.
        (date(2027, 12, 3), 1, date(2027, 12, 7), "Independence Day"),
        # Over New Year and Epiphany (Wed 6.1.2027): 31.12.2026 + 3.
        (date(2026, 12, 31), 3, date(2027, 1, 7), "New Year and Epiphany"),
        # No holiday: a plain week.
        (date(2026, 11, 23), 5, date(2026, 11, 30), "none"),
        (date(2026, 11, 23), 0, date(2026, 11, 23), "zero"),
    ],
)
def test_working_days_are_counted_past_weekends_and_public_holidays(
    start: date, count: int, due: date, what: str
) -> None:
    assert add_working_days(start, count) == due, what
