"""Working days: Monday to Friday that are not Finnish public holidays.

The holidays (Easter, Midsummer, All Saints' and the rest) come from the maintained
`holidays` library (country FI), never from hand-written date arithmetic.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import holidays

# Our language codes → the library's names for them.
_LANGUAGE = {"fi": "fi", "sv": "sv_FI", "en": "en_US"}


@cache
def _holidays(year: int, lang: str) -> holidays.HolidayBase:
    return holidays.country_holidays("FI", years=year, language=_LANGUAGE.get(lang, "fi"))


def holiday_name(day: date, lang: str = "fi") -> str | None:
    """The public holiday on `day` in the user's language, or None."""
    return _holidays(day.year, lang).get(day)


def is_holiday(day: date) -> bool:
    return day in _holidays(day.year, "fi")


def is_working_day(day: date) -> bool:
    return day.isoweekday() <= 5 and not is_holiday(day)


def add_working_days(day: date, count: int) -> date:
    """The `count`-th working day after `day` (`count` ≥ 0; 0 gives `day` itself)."""
    current = day
    left = count
    while left > 0:
        current += timedelta(days=1)
        if is_working_day(current):
            left -= 1
    return current


def monday_of(day: date) -> date:
    """The Monday that starts `day`'s ISO week."""
    return day - timedelta(days=day.isoweekday() - 1)
