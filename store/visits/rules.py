"""The desk's rules for a visit: which state follows which, what Enter does, booked times."""

from __future__ import annotations

from datetime import date, datetime

from store.core.clock import to_iso
from store.core.i18n import TranslatedError, register
from store.visits.models import Visit, VisitState

register(
    {
        "visit.error.booked_time": (
            "varattu aika ”{text}” ei kelpaa; anna se muodossa 10.30",
            "den bokade tiden ”{text}” duger inte; ange den som 10.30",
            "the booked time “{text}” is not valid; give it as 10.30",
        ),
        "visit.error.own_coach_needs_client": (
            "oman valmentajan tapaaminen vaatii tunnistetun asiakkaan",
            "möte med egen coach kräver en identifierad klient",
            "meeting one's own coach needs a known client",
        ),
    }
)

# Which state may follow which; "transferred" waits for one named staff member.
TRANSITIONS: dict[str, frozenset[str]] = {
    "waiting": frozenset({"called", "done", "left", "on_hold"}),
    "called": frozenset({"serving", "done", "transferred", "waiting", "left", "on_hold"}),
    "serving": frozenset({"done", "transferred", "on_hold"}),
    "transferred": frozenset({"called", "left", "on_hold"}),
    "on_hold": frozenset({"waiting", "left"}),
    "done": frozenset(),
    "left": frozenset(),
}
TERMINAL_OUTCOME = {"left": "left_without_service"}

# What Enter on a queue row moves a visit to, by its state: the desk's next step.
ADVANCE: dict[str, VisitState] = {
    "waiting": "called",
    "transferred": "called",
    "called": "serving",
    "serving": "done",
    "on_hold": "waiting",
}
OWN_COACH_REASON = "own_coach"


class BookedTimeError(TranslatedError):
    """A booked time that is not a time of day."""


class OwnCoachNeedsClient(TranslatedError):
    """An anonymous visitor has no coach of their own to meet."""


def next_step(visit: Visit) -> VisitState | None:
    """The state Enter moves `visit` to at the desk; None once it is done or left."""
    return ADVANCE.get(visit.state)


def can_transfer(visit: Visit) -> bool:
    """Whether the visit may be handed on to a colleague now (called or being served)."""
    return "transferred" in TRANSITIONS[visit.state]


def parse_clock_time(text: str) -> tuple[int, int] | None:
    """'10.30', '10:30' or '10' as (hour, minute); None if it is not a time of day."""
    parts = text.strip().replace(":", ".").split(".")
    if not 1 <= len(parts) <= 2 or not all(p.isascii() and p.isdigit() for p in parts):
        return None
    hour, minute = int(parts[0]), int(parts[1]) if len(parts) == 2 else 0
    return (hour, minute) if hour < 24 and minute < 60 else None


def booked_instant(text: str, day: date) -> str:
    """The stored instant (ISO 8601 UTC) of a booked time typed as local wall-clock time
    on `day` ('10.30', '10:30' or '10'); raises `BookedTimeError` for anything else."""
    clock_time = parse_clock_time(text)
    if clock_time is None:
        raise BookedTimeError("visit.error.booked_time", text=text.strip())
    local = datetime(day.year, day.month, day.day, *clock_time).astimezone()
    return to_iso(local)
