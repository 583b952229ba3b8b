"""The rules of a visit, without I/O: which state follows which, what Enter does, who is
called next, booked times, waiting minutes and the Net Promoter Score."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from store.core.figures import minutes_between
from store.core.i18n import TranslatedError
from store.visits.models import Visit, VisitState

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


class OwnCoachNeedsClient(TranslatedError):
    """An anonymous visitor has no coach of their own to meet."""


def next_step(visit: Visit) -> VisitState | None:
    """The state Enter moves `visit` to at the desk; None once it is done or left."""
    return ADVANCE.get(visit.state)


def can_finish(visit: Visit) -> bool:
    """Whether the visit may be marked done now (not while on hold or transferred)."""
    return "done" in TRANSITIONS[visit.state]


def can_transfer(visit: Visit) -> bool:
    """Whether the visit may be handed on to a colleague now (called or being served)."""
    return "transferred" in TRANSITIONS[visit.state]


@dataclass(frozen=True)
class Holder:
    """Who, other than the asking staff member at their desk, has a visit in hand: a
    colleague, another desk, or both (None where it is the asker's own)."""

    staff_id: str | None
    desk: str | None


def held_elsewhere(visit: Visit, staff_id: str, desk: str) -> Holder | None:
    """The colleague or other desk that has `visit` now, or None when nobody else does:
    done, left or transfer of such a visit is asked about first. Somebody has a visit
    while it is called, served or on hold (its desk and the one serving it, else the one
    who called it), or transferred (the colleague it waits for); a visit waiting in the
    line, or transferred to the asker, is nobody else's."""
    if visit.state == "transferred":
        other = visit.assigned_to not in (None, staff_id)
        return Holder(visit.assigned_to, None) if other else None
    if visit.state not in ("called", "serving", "on_hold"):
        return None
    holder = visit.served_by or visit.called_by
    other_staff = holder if holder not in (None, staff_id) else None
    other_desk = visit.desk if visit.desk not in (None, desk) else None
    if other_staff is None and other_desk is None:
        return None
    return Holder(other_staff, other_desk)


# The states in which a visitor is at a desk: called to it, or being served there. The
# board shows each of these; a desk has at most one at a time.
AT_DESK: frozenset[VisitState] = frozenset({"called", "serving"})


def at_desk(visits: Iterable[Visit], desk: str, other_than: str | None = None) -> Visit | None:
    """The visitor called to `desk` or being served there (besides the visit `other_than`),
    or None when the desk is free to call someone."""
    return next(
        (v for v in visits if v.state in AT_DESK and v.desk == desk and v.id != other_than),
        None,
    )


def in_hand_of(visits: Iterable[Visit], staff_id: str) -> list[Visit]:
    """The visits `staff_id` has called or is serving: still theirs to finish or pass on."""
    return [v for v in visits if v.state in AT_DESK and (v.served_by or v.called_by) == staff_id]


NPS_MIN_RESPONSES = 5


@dataclass(frozen=True)
class NpsResult:
    responses: int
    score: float | None  # None while there are too few answers to show

    @property
    def shown(self) -> bool:
        return self.score is not None


def nps_of(scores: Sequence[int], minimum: int = NPS_MIN_RESPONSES) -> NpsResult:
    """Net Promoter Score: % promoters (9–10) minus % detractors (0–6), hidden below `minimum`."""
    if len(scores) < minimum:
        return NpsResult(len(scores), None)
    promoters = sum(1 for s in scores if s >= 9)
    detractors = sum(1 for s in scores if s <= 6)
    return NpsResult(len(scores), round(100 * (promoters - detractors) / len(scores), 1))


def next_in_line(queue: Iterable[Visit], now_iso: str, staff_id: str) -> Visit | None:
    """Who is called next: a booked time that has come, then anyone transferred to this
    staff member, then the longest-waiting walk-in. A booked visitor is never called
    before their time, nor by anyone but the coach they were checked in for (`assigned_to`),
    if they were."""
    booked = [
        v
        for v in queue
        if v.state == "waiting"
        and v.booked_for is not None
        and v.booked_for <= now_iso
        and v.assigned_to in (None, staff_id)
    ]
    if booked:
        return min(booked, key=lambda v: (v.booked_for, v.arrived_at))
    mine = [v for v in queue if v.state == "transferred" and v.assigned_to == staff_id]
    # Someone early for an appointment waits for their time, not in the walk-in line.
    waiting = [v for v in queue if v.state == "waiting" and v.booked_for is None]
    for group in (mine, waiting):
        if group:
            return min(group, key=lambda v: v.arrived_at)
    return None


def waiting_minutes(visit: Visit, now: datetime) -> int:
    """While waiting, the minutes since `waiting_since` (arrival, or the transfer to a
    colleague); once called, the minutes it took from arrival to the first call."""
    if visit.waiting_since is not None:
        return minutes_between(visit.waiting_since, now)
    return minutes_between(visit.arrived_at, visit.called_at or now)
