"""Days as people write them: d.m.yyyy (Finnish) shown, d.m.yyyy or ISO yyyy-mm-dd read."""

from __future__ import annotations

import re
from datetime import date

from store.core.i18n import TranslatedError

_FINNISH_DATE = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


class DateError(TranslatedError):
    """A text that is not a day; `impossible` when it has the shape of one (31.2.2026)."""

    def __init__(self, text: str, *, impossible: bool) -> None:
        super().__init__("date.error.invalid", text=text)
        self.text = text
        self.impossible = impossible


def format_date(day: date | None) -> str:
    """d.m.yyyy without leading zeros (28.11.2026, 1.2.2026); "" for no day."""
    return "" if day is None else f"{day.day}.{day.month}.{day.year}"


def format_stored_day(stored: str) -> str:
    """A stored moment (ISO 8601 UTC) as the day it was in the installation, d.m.yyyy."""
    from store.core.clock import from_iso, to_local

    return format_date(to_local(from_iso(stored)).date())


def date_parts(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of d.m.yyyy or yyyy-mm-dd, not checked against the calendar."""
    if match := _FINNISH_DATE.fullmatch(text):
        day, month, year = match.groups()
    elif match := _ISO_DATE.fullmatch(text):
        year, month, day = match.groups()
    else:
        return None
    return int(year), int(month), int(day)


def parse_date(text: str) -> date:
    """A day typed as d.m.yyyy (leading zeros optional) or ISO yyyy-mm-dd, spaces around
    allowed; raises `DateError` for anything else or a day the calendar does not have."""
    cleaned = text.strip()
    parts = date_parts(cleaned)
    if parts is None:
        raise DateError(text, impossible=False)
    try:
        return date(*parts)
    except ValueError:
        raise DateError(text, impossible=True) from None
