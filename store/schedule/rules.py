"""The conflict rules as pure functions over a calendar, so they can be checked against
many generated calendars: the SQL check in `repository.py` must agree with them.

A proposed time clashes with any entry still holding time (not cancelled, not a no-show)
that overlaps it and shares its coach, its client or its room, or with the coach's absence.
Two intervals overlap when each starts before the other ends: back to back is no clash.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time

from store.schedule.models import Clash, ClashWith, Proposal, WarningCode

# An appointment that no longer holds its time.
FREED_STATES = ("cancelled", "no_show")


@dataclass(frozen=True)
class Busy:
    """One entry holding time: an appointment, a group session (its host and room), a
    client's group seat, or an absence (its coach only)."""

    entry_id: str
    entry_kind: str  # "appointment", "group_session", "group_seat", "absence"
    starts_at: datetime
    ends_at: datetime
    coach_id: str | None = None
    client_id: str | None = None
    room_id: str | None = None
    status: str = "booked"
    what: str = ""
    who: str = ""


def overlaps(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> bool:
    return a_start < b_end and b_start < a_end


def find_clashes(
    proposal: Proposal, calendar: Iterable[Busy], ignore_id: str | None = None
) -> list[Clash]:
    """Every clash of `proposal` with `calendar`, one per entry and rule, in time order;
    `ignore_id` is the appointment being moved (it does not clash with itself)."""
    found: list[Clash] = []
    for busy in calendar:
        if busy.entry_id == ignore_id or busy.status in FREED_STATES:
            continue
        if not overlaps(proposal.starts_at, proposal.ends_at, busy.starts_at, busy.ends_at):
            continue
        for rule in _rules_hit(proposal, busy):
            found.append(
                Clash(
                    rule,
                    busy.entry_id,
                    busy.entry_kind,
                    busy.what,
                    busy.starts_at,
                    busy.ends_at,
                    busy.who,
                )
            )
    return sorted(found, key=lambda c: (c.starts_at, _ORDER[c.rule], c.entry_id))


_ORDER: dict[ClashWith, int] = {"coach": 0, "absence": 1, "client": 2, "room": 3}


def _rules_hit(proposal: Proposal, busy: Busy) -> list[ClashWith]:
    if busy.entry_kind == "absence":
        return ["absence"] if busy.coach_id == proposal.coach_id else []
    hit: list[ClashWith] = []
    if busy.coach_id is not None and busy.coach_id == proposal.coach_id:
        hit.append("coach")
    if busy.client_id is not None and busy.client_id == proposal.client_id:
        hit.append("client")
    if proposal.room_id is not None and busy.room_id == proposal.room_id:
        hit.append("room")
    return hit


def time_warnings(
    local_start: datetime,
    local_end: datetime,
    hours: tuple[time, time] | None,
    holiday: bool,
) -> tuple[WarningCode, ...]:
    """Warnings (not refusals) for a time on the wall clock: a weekend, a public holiday,
    or outside the coach's working hours that day (`hours` None: not a working day)."""
    warnings: list[WarningCode] = []
    if local_start.isoweekday() > 5:
        warnings.append("weekend")
    if holiday:
        warnings.append("holiday")
    inside = (
        hours is not None
        and local_start.date() == local_end.date()
        and hours[0] <= local_start.time()
        and local_end.time() <= hours[1]
    )
    if not inside:
        warnings.append("outside_hours")
    return tuple(warnings)
