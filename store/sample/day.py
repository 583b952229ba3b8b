"""One simulated day at a walk-in point: who comes when, who serves them, what comes of it.

Times here are Helsinki wall-clock minutes after midnight; `store.sample_visits` turns
the simulated visitors into moments and rows.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

# Helsinki wall-clock minutes after midnight.
OPENS = 8 * 60
LAST_ARRIVAL = 15 * 60 + 45
# A coach at a desk helps with walk-ins once one has waited this long (minutes; each
# coach's patience with the queue differs from day to day).
COACH_HELPS_AFTER = (10.0, 25.0)
LEFT_SHARE = 0.05

# Arrivals per hour of the day, relative; the last one ends at LAST_ARRIVAL.
_HOURLY_ARRIVALS = {8: 8, 9: 16, 10: 16, 11: 11, 12: 7, 13: 7, 14: 6, 15: 3}
_CHANNELS = {"walk_in": 76, "appointment": 13, "phone": 7, "remote": 4}
# Chance that a visitor of each channel gives their identity; ≈ 70 % in all.
_KNOWN_SHARE = {"walk_in": 0.62, "appointment": 1.0, "phone": 0.9, "remote": 1.0}
_REASONS = {
    "job_search": 20,
    "cv": 14,
    "register": 9,
    "benefits": 14,
    "own_coach": 10,
    "training": 8,
    "trial_subsidy": 6,
    "kompassi": 4,
    "other": 8,
}
_BOOKED_REASONS = {"own_coach": 40, "kompassi": 15, "trial_subsidy": 15, "register": 15, "cv": 15}
_ANONYMOUS_EXCLUDED = {"own_coach", "kompassi"}  # these need to know who the visitor is
# Median minutes at the desk.
_SERVICE_MINUTES = {"walk_in": 9.0, "appointment": 25.0, "phone": 6.0, "remote": 20.0}
_LONGER_REASONS = {"own_coach": 1.6, "register": 1.5, "kompassi": 2.2, "trial_subsidy": 1.3}
_OUTCOMES = {"resolved": 70, "referred": 12, "appointment_booked": 18}
_OUTCOMES_BY_REASON = {
    "register": {"resolved": 35, "referred": 10, "appointment_booked": 55},
    "trial_subsidy": {"resolved": 40, "referred": 35, "appointment_booked": 25},
    "own_coach": {"resolved": 80, "referred": 10, "appointment_booked": 10},
}


_K = TypeVar("_K")


def pick(rng: random.Random, weights: Mapping[_K, float]) -> _K:
    values = list(weights)
    return rng.choices(values, [weights[v] for v in values])[0]


# The people and desks of one site ----------------------------------------------------


@dataclass(frozen=True)
class SiteStaff:
    site_id: str
    name: str
    reception: tuple[str, ...]
    coaches: tuple[str, ...]
    clients: tuple[tuple[str, str | None, str], ...]  # (id, coach at this site, created_at)
    own_clients: tuple[tuple[str, str | None, str], ...]  # those whose coach works here

    @property
    def registrar(self) -> str:
        """Who registers arrivals and marks those who left: reception, else a coach."""
        return (self.reception or self.coaches)[0]


@dataclass
class Desk:
    staff_id: str
    number: str
    front: bool  # takes walk-ins in turn; a coach's desk takes its own visitors first
    free_at: float
    helps_after: float = math.inf  # a coach's desk: takes walk-ins waiting this long
    busy: bool = False


def open_desks(staff: SiteStaff, day: date, rng: random.Random) -> list[Desk]:
    """Up to three desks: reception at the first, coaches by turns at the others."""
    desks = [Desk(s, str(i), True, OPENS) for i, s in enumerate(staff.reception[:3], 1)]
    coaches = staff.coaches
    for i in range(min(3 - len(desks), len(coaches))):
        coach = coaches[(day.toordinal() + i) % len(coaches)]
        # Coaches come to the desk a little after opening; without reception, at once.
        start = OPENS + (rng.uniform(0, 30) if desks else 0)
        helps_after = rng.uniform(*COACH_HELPS_AFTER)
        desks.append(Desk(coach, str(len(desks) + 1), not staff.reception, start, helps_after))
    return desks


# One visitor: what is drawn up front, and what the simulation makes of it ------------


@dataclass
class Visitor:
    arrived: float
    channel: str
    client_id: str | None
    own_coach_id: str | None  # the client's coach, when they came to see them here
    reasons: tuple[str, ...]
    booked_for: float | None
    service: tuple[float, float]  # minutes at the first desk, and after a transfer
    patience: float | None  # leaves without service after this long
    hold: tuple[float, float] | None  # (put on hold, back in line), minutes after arrival
    forgotten: bool  # served, then put on hold and never closed
    outcome: str
    # (minute, staff id, to state, to staff id, desk, outcome), filled by `simulate`.
    events: list[tuple[float, str, str, str | None, str | None, str | None]] = field(
        default_factory=lambda: []
    )
    state: str = "waiting"
    ready_at: float = 0.0
    assigned_to: str | None = None
    transferred: bool = False

    def reset(self) -> None:
        self.events, self.state, self.assigned_to, self.transferred = [], "waiting", None, False
        self.ready_at = self.arrived + self.hold[1] if self.hold else self.arrived

    def log(self, at: float, staff_id: str, to_state: str, **extra: str | None) -> None:
        self.events.append(
            (at, staff_id, to_state, extra.get("to_staff"), extra.get("desk"), extra.get("outcome"))
        )
        self.state = to_state


def _arrival_minute(rng: random.Random) -> float:
    hour = pick(rng, _HOURLY_ARRIVALS)
    return hour * 60 + rng.uniform(0, min(60, LAST_ARRIVAL - hour * 60))


def _service_minutes(rng: random.Random, channel: str, reasons: Sequence[str]) -> float:
    median = _SERVICE_MINUTES[channel] * max(_LONGER_REASONS.get(r, 1.0) for r in reasons)
    return min(max(rng.lognormvariate(math.log(median), 0.45), 2.0), 75.0)


def draw_visitor(
    rng: random.Random,
    staff: SiteStaff,
    day_iso: str,
    arrived: float | None,
    used_clients: set[str],
    reason_codes: Sequence[str],
) -> Visitor:
    channel = pick(rng, _CHANNELS) if arrived is None else "walk_in"
    booked_for = None
    if channel == "appointment" or (channel == "remote" and rng.random() < 0.6):
        booked_for = float(rng.randrange(OPENS + 30, 15 * 60 + 1, 30))
        arrived = booked_for - rng.uniform(-4, 12)  # most come a little early
    if arrived is None:
        arrived = _arrival_minute(rng)
    client_id = own_coach = None
    if staff.clients and rng.random() < _KNOWN_SHARE[channel]:
        client_id, own_coach = _draw_client(rng, staff, day_iso, used_clients)
    booked = booked_for is not None
    weights = {
        code: (_BOOKED_REASONS if booked else _REASONS).get(code, 0 if booked else 3)
        for code in reason_codes
        if client_id or code not in _ANONYMOUS_EXCLUDED
    }
    count = 1 if booked else pick(rng, {1: 78, 2: 19, 3: 3})
    reasons: list[str] = []
    while len(reasons) < count:
        code = pick(rng, weights)
        if code not in reasons:
            reasons.append(code)
    if "own_coach" not in reasons:
        own_coach = None
    leaves = channel == "walk_in" and rng.random() < LEFT_SHARE / _CHANNELS["walk_in"] * 100
    on_hold = not leaves and channel == "walk_in" and rng.random() < 0.03
    hold_at = rng.uniform(1, 4)
    outcome_weights = next(
        (_OUTCOMES_BY_REASON[r] for r in reasons if r in _OUTCOMES_BY_REASON), _OUTCOMES
    )
    return Visitor(
        arrived=arrived,
        channel=channel,
        client_id=client_id,
        own_coach_id=own_coach,
        reasons=tuple(reasons),
        booked_for=booked_for,
        service=(
            _service_minutes(rng, channel, reasons),
            _service_minutes(rng, "walk_in", ["own_coach"]),
        ),
        # Who leaves does so unseen after a while, or is gone when finally called.
        patience=rng.uniform(3, 40) if leaves else None,
        hold=(hold_at, hold_at + rng.uniform(4, 15)) if on_hold else None,
        forgotten=False,
        outcome=pick(rng, outcome_weights),
    )


def _draw_client(
    rng: random.Random, staff: SiteStaff, day_iso: str, used: set[str]
) -> tuple[str | None, str | None]:
    """A client registered before the day, not seen here yet today; most are this site's own."""
    for _ in range(20):
        pool = staff.own_clients if staff.own_clients and rng.random() < 0.85 else staff.clients
        client_id, coach_here, created_at = rng.choice(pool)
        if client_id not in used and created_at < day_iso:
            used.add(client_id)
            return client_id, coach_here
    return None, None


# The simulation ----------------------------------------------------------------------


def _next_for(desk: Desk, line: list[Visitor], t: float, any_coach: bool) -> Visitor | None:
    """Whom this desk calls at minute `t` (`VisitRegister.next_in_line`, plus who helps whom)."""
    ready = [v for v in line if v.ready_at <= t]
    booked = [v for v in ready if v.booked_for is not None and v.booked_for <= t]
    if booked and not (desk.front and any_coach):  # appointments are with coaches
        return min(booked, key=lambda v: (v.booked_for, v.arrived))
    mine = [v for v in ready if v.state == "transferred" and v.assigned_to == desk.staff_id]
    if mine:
        return min(mine, key=lambda v: v.arrived)
    walk_ins = [v for v in ready if v.state == "waiting" and v.booked_for is None]
    if not desk.front:
        walk_ins = [
            v
            for v in walk_ins
            if v.own_coach_id == desk.staff_id or t - v.arrived >= desk.helps_after
        ]
    return min(walk_ins, key=lambda v: v.arrived) if walk_ins else None


def simulate(
    visitors: list[Visitor], staff: SiteStaff, desks: list[Desk], rng: random.Random
) -> None:
    for visitor in visitors:
        visitor.reset()
        visitor.log(visitor.arrived, staff.registrar, "waiting")
        if visitor.hold:
            hold_at, back_at = (visitor.arrived + m for m in visitor.hold)
            visitor.log(hold_at, staff.registrar, "on_hold")
            visitor.log(back_at, staff.registrar, "waiting")
    coach_desks = [d for d in desks if not d.front]
    pending = sorted(visitors, key=lambda v: v.arrived)
    line: list[Visitor] = []
    while True:
        desk = min(desks, key=lambda d: (d.free_at, d.number))
        t = desk.free_at
        if t == math.inf:
            return
        while pending and pending[0].arrived <= t:
            line.append(pending.pop(0))
        for visitor in [v for v in line if v.patience and v.arrived + v.patience <= t]:
            if visitor.state == "waiting":  # gave up; reception marks it a little later
                assert visitor.patience is not None  # the filter above keeps only these
                gave_up = visitor.arrived + visitor.patience
                visitor.log(gave_up + rng.uniform(0.5, 3), staff.registrar, "left")
                line.remove(visitor)
        visitor = _next_for(desk, line, t, bool(coach_desks))
        if visitor is None:
            desk.free_at, desk.busy = _next_change(desk, desks, line, pending, t, rng), False
            continue
        line.remove(visitor)
        desk.free_at, desk.busy = _serve(visitor, desk, t, coach_desks, line, rng), True


def _next_change(
    desk: Desk,
    desks: list[Desk],
    line: list[Visitor],
    pending: list[Visitor],
    t: float,
    rng: random.Random,
) -> float:
    """The next minute at which this idle desk might find someone to call."""
    moments = [pending[0].arrived] if pending else []
    # A busy desk may transfer someone here when it is done; idle ones change nothing.
    moments += [d.free_at for d in desks if d.busy and d is not desk]
    for v in line:
        moments += [v.ready_at, v.arrived + desk.helps_after]
        moments += [v.booked_for] if v.booked_for is not None else []
        moments += [v.arrived + v.patience] if v.patience else []
    later = [m for m in moments if t < m < math.inf]
    return min(later) + rng.uniform(0.1, 0.8) if later else math.inf  # noticing takes a moment


def _serve(
    visitor: Visitor,
    desk: Desk,
    t: float,
    coach_desks: list[Desk],
    line: list[Visitor],
    rng: random.Random,
) -> float:
    """Call, serve and close (or transfer) one visitor; returns when the desk is free again."""
    me = desk.staff_id
    visitor.log(t, me, "called", desk=desk.number)
    if visitor.patience is not None:  # called, but already gone
        gone = t + rng.uniform(1.5, 4)
        visitor.log(gone, me, "left")
        return gone + rng.uniform(0, 1.5)  # marked left first, the next call a moment after
    start = t + rng.uniform(0.3, 1.5)
    visitor.log(start, me, "serving")
    end = start + visitor.service[1 if visitor.transferred else 0]
    if not visitor.transferred:
        coaches = [d.staff_id for d in coach_desks if d.staff_id != me]
        target = visitor.own_coach_id if visitor.own_coach_id in coaches else None
        if target is None and desk.front and coaches and rng.random() < 0.04:
            target = rng.choice(coaches)  # a question for a coach after all
        if target is not None:
            visitor.log(end, me, "transferred", to_staff=target)
            visitor.assigned_to, visitor.transferred, visitor.ready_at = target, True, end
            line.append(visitor)
            return end + rng.uniform(0, 1.5)
    # A forgotten visit is put on hold and never picked up again: one left serving would
    # keep the desk from calling anyone else (one visitor per desk, VisitRegister).
    if visitor.forgotten:
        visitor.log(end, me, "on_hold")
    else:
        visitor.log(end, me, "done", outcome=visitor.outcome)
    return end + rng.uniform(0, 1.5)
