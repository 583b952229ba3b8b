"""How the laptops screen writes a stored moment or day: d.m.yyyy, 24-hour clock, local."""

from __future__ import annotations

from datetime import date

from store.core.clock import from_iso, to_local
from store.core.dates import format_date

from ..shell.formatting import format_time


def shown_day(stored: str | None) -> str:
    """A stored day ("2026-11-28") or moment (ISO UTC) as the local d.m.yyyy; "–" for none."""
    if not stored:
        return "–"
    if len(stored) == 10:
        return format_date(date.fromisoformat(stored))
    return format_date(to_local(from_iso(stored)).date())


def shown_moment(stored: str | None) -> str:
    """A stored moment (ISO UTC) as the local "d.m.yyyy HH:MM"; "–" for none."""
    if not stored:
        return "–"
    moment = from_iso(stored)
    return f"{format_date(to_local(moment).date())} {format_time(moment)}"
