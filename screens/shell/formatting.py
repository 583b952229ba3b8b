"""How the screens write a day and a clock time."""

from __future__ import annotations

from datetime import date, datetime

from store.core.clock import from_iso, to_local
from store.core.dates import format_date, format_stored_day
from store.core.i18n import tr


def format_day_header(day: date, lang: str) -> str:
    """'la 28.11.2026 · vk 48': weekday, d.m.yyyy and the ISO week number."""
    weekday = tr("weekdays", lang).split()[day.weekday()]
    week = day.isocalendar().week
    return f"{weekday} {format_date(day)} · {tr('week.short', lang)} {week}"


def format_time(moment: datetime) -> str:
    """24-hour clock time in the installation's time zone."""
    return to_local(moment).strftime("%H:%M")


def format_stored_moment(stored: str) -> str:
    """A stored moment (ISO 8601 UTC) on the installation's wall clock: d.m.yyyy HH:MM."""
    return f"{format_stored_day(stored)} {format_time(from_iso(stored))}"
