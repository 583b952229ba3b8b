"""What a booking form reads (a day, a clock time, a length, a repeat) and what it says
about a proposed time (the clash that refuses it, the warnings that only inform)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from store.clients.display import name_initials
from store.core.clock import to_local
from store.core.dates import DateError, format_date, parse_date
from store.core.i18n import TranslatedError, tr
from store.schedule.errors import MIN_MINUTES, BadLength, BadSeries, Clashes, clash_what
from store.schedule.models import MAX_MINUTES, Check
from store.schedule.repository import SERIES_COUNT, SERIES_WEEKS

from ..shell.formatting import format_time

_DAY_MONTH = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.?")
_CLOCK = re.compile(r"([0-9]{1,2})(?:[.:]?([0-9]{2}))?")


class FieldRefused(TranslatedError):
    """What was typed into `field` is not what the field takes."""

    def __init__(self, field: str, key: str, **params: object) -> None:
        super().__init__(key, **params)
        self.field = field


def parse_day(text: str, today: date, lang: str, field: str = "booking-day") -> date:
    """A day typed as d.m.yyyy (or ISO), d.m. without the year (the next such day from
    today), or a weekday's short name in any of our languages (the next one after today)."""
    cleaned = text.strip()
    word = cleaned.casefold().rstrip(".")
    for language in (lang, "fi", "sv", "en"):
        names = [n.casefold() for n in tr("weekdays", language).split()]
        if word in names:
            ahead = (names.index(word) - today.weekday() - 1) % 7 + 1
            return today + timedelta(days=ahead)
    if match := _DAY_MONTH.fullmatch(cleaned):
        day, month = int(match.group(1)), int(match.group(2))
        for year in (today.year, today.year + 1):
            try:
                candidate = date(year, month, day)
            except ValueError:
                break
            if candidate >= today:
                return candidate
        raise FieldRefused(field, "booking.error.day")
    try:
        return parse_date(cleaned)
    except DateError:
        raise FieldRefused(field, "booking.error.day") from None


def parse_clock(text: str, field: str = "booking-time") -> time:
    """A time on the 24-hour clock: 10.00, 10:00, 1000 or just 10."""
    match = _CLOCK.fullmatch(text.strip())
    if match is None:
        raise FieldRefused(field, "booking.error.time")
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        raise FieldRefused(field, "booking.error.time")
    return time(hour, minute)


def clock_or_none(text: str) -> time | None:
    """`parse_clock` for a form that says what is wrong itself: None for anything else."""
    try:
        return parse_clock(text)
    except FieldRefused:
        return None


def parse_minutes(text: str, field: str = "booking-minutes") -> int:
    cleaned = text.strip()
    if not cleaned.isdigit():
        raise FieldRefused(field, "booking.error.minutes")
    minutes = int(cleaned)
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        refused = BadLength()
        raise FieldRefused(field, refused.key, **refused.params)
    return minutes


def parse_repeat(weeks: str, count: str, field: str = "booking-every") -> tuple[int, int] | None:
    """(every N weeks, M times), or None when both are empty (a single appointment)."""
    weeks, count = weeks.strip(), count.strip()
    if not weeks and not count:
        return None
    if not (weeks.isdigit() and count.isdigit()):
        raise FieldRefused(field, "booking.error.repeat")
    every, times = int(weeks), int(count)
    if not (SERIES_WEEKS[0] <= every <= SERIES_WEEKS[1]) or not (
        SERIES_COUNT[0] <= times <= SERIES_COUNT[1]
    ):
        refused = BadSeries(SERIES_WEEKS, SERIES_COUNT)
        raise FieldRefused(field, refused.key, **refused.params)
    return every, times


def clock_text(moment: datetime) -> str:
    """The local time as the form's time field shows it (10:00)."""
    return format_time(moment)


def day_text(moment: datetime) -> str:
    return format_date(to_local(moment).date())


def shown_name(name: str, blanked: bool) -> str:
    """A client's "Last First" as the screen may show it: initials while blanked (F12)."""
    return name_initials("", name) if blanked else name


def as_shown(check: Check, blanked: bool) -> Check:
    """`check` with the names of whoever holds the time as initials while blanked."""
    if not blanked:
        return check
    clashes = tuple(replace(c, who=shown_name(c.who, True)) for c in check.clashes)
    return replace(check, clashes=clashes)


def clash_message(check: Check, lang: str) -> str | None:
    """The clash that refuses the time, named, or None when the time is free."""
    return f"✗ {Clashes(check.clashes).message(lang)}" if check.clashes else None


def clash_named(check: Check, lang: str) -> str | None:
    """The first clash in a few words for a list that already shows the time:
    '✗ valmentajalla työnhakukeskustelu (Östman Åsa)'."""
    if not check.clashes:
        return None
    first = check.clashes[0]
    what = clash_what(first, lang)
    return tr(f"booking.series.clash.{first.rule}", lang, what=what, who=first.who)


def warning_messages(check: Check, lang: str) -> list[str]:
    """The weekend, the public holiday (named) and the time outside working hours."""
    return [
        "! " + tr(f"schedule.warning.{code}", lang, holiday=check.holiday_name or "")
        for code in check.warnings
    ]
