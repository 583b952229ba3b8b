"""The occurrences of a series before it is saved: each one's day and time, and whether it
is free, clashes (with what) or only warns."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from store.core.clock import to_local
from store.core.i18n import tr
from store.schedule.models import Booking, Check, Clash

from ..shell.formatting import format_time
from .booking_form import as_shown, clash_named, warning_messages

# (when, what its check found): a series of bookings, or of the appointments it moves.
Occurrence = tuple[Booking, Check]


def occurrence_line(number: int, booking: Booking, check: Check, lang: str) -> str:
    """' 2  ti 15.12.2026 10.00  ✗ Valmentajalla on jo …' (one occurrence, one line)."""
    local = to_local(booking.starts_at)
    weekday = tr("weekdays", lang).split()[local.weekday()]
    when = f"{number:>2}  {weekday} {local.day}.{local.month}.{local.year} {format_time(local)}"
    said = clash_named(check, lang) or "  ".join(warning_messages(check, lang))
    return f"{when}  {said or '✓ ' + tr('booking.series.ok', lang)}"


def refused_check(clashes: Sequence[Clash]) -> Check:
    """A check that found `clashes` (what the store's `SeriesClashes` names)."""
    return Check(tuple(clashes), ())


class SeriesPreview(VerticalScroll):
    """A list of occurrences, hidden while there is none; long series scroll (↑↓)."""

    DEFAULT_CSS = """
    SeriesPreview { height: auto; max-height: 8; display: none; }
    SeriesPreview.-shown { display: block; }
    SeriesPreview > Static { height: auto; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="series-lines")

    def show(self, occurrences: Sequence[Occurrence], lang: str, blanked: bool = False) -> None:
        lines = [
            occurrence_line(n, booking, as_shown(check, blanked), lang)
            for n, (booking, check) in enumerate(occurrences, 1)
        ]
        # Content: a name in a clash message is shown as written, never read as markup.
        self.query_one("#series-lines", Static).update(Content("\n".join(lines)))
        self.set_class(bool(lines), "-shown")

    def clear(self) -> None:
        self.show((), "fi")
