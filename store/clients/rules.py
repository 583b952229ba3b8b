"""Facts derived from client data: age, age bands, long-term unemployment, foreign language."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class AgeBands:
    youth: int = 25
    young_adult: int = 30


LONG_TERM_UNEMPLOYED_MONTHS = 12
DOMESTIC_LANGUAGES = frozenset({"fi", "sv", "se", "smn", "sms"})


def add_months(start: date, months: int) -> date:
    """`start` moved by `months`; a missing day becomes the month's last (cf. Act 150/1930 § 3)."""
    year, month_index = divmod(start.year * 12 + start.month - 1 + months, 12)
    month = month_index + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def years_before(day: date, years: int) -> date:
    """The same day `years` earlier; 29.2. becomes 28.2. in a common year."""
    return add_months(day, -12 * years)


def months_between(start: date, end: date) -> int:
    """Whole calendar months from `start` to `end`; 0 when `end` is before `start`.

    A month ends on the same day of the month, or on the last day of a shorter month, so
    31.1. → 28.2. is one month and 29.2.2024 → 28.2.2025 is twelve.
    """
    months = (end.year - start.year) * 12 + end.month - start.month
    if add_months(start, months) > end:
        months -= 1
    return max(months, 0)


def age_on(birth_date: date, today: date) -> int:
    """Age in whole years; someone born on 29.2. has their birthday on 28.2. in common years.

    The same as `months_between(birth_date, today) // 12`, without the calendar
    arithmetic: exports compute it for every client of every day.
    """
    birthday = (birth_date.month, birth_date.day)
    if birthday == (2, 29) and not calendar.isleap(today.year):
        birthday = (2, 28)
    return max(0, today.year - birth_date.year - ((today.month, today.day) < birthday))


def is_under(birth_date: date, years: int, today: date) -> bool:
    return age_on(birth_date, today) < years


def long_term_unemployed_from(
    unemployed_since: date, months: int = LONG_TERM_UNEMPLOYED_MONTHS
) -> date:
    """The first day on which someone unemployed since `unemployed_since` has been so for
    `months` whole months (`months_between` reaches `months` on exactly that day)."""
    return add_months(unemployed_since, months)


def is_long_term_unemployed(
    unemployed_since: date | None, today: date, months: int = LONG_TERM_UNEMPLOYED_MONTHS
) -> bool:
    return unemployed_since is not None and today >= long_term_unemployed_from(
        unemployed_since, months
    )


def is_foreign_language(mother_tongue: str | None) -> bool:
    """True for a mother tongue other than Finnish, Swedish or Sámi; False when unknown."""
    code = (mother_tongue or "").strip().lower()
    return bool(code) and code not in DOMESTIC_LANGUAGES
