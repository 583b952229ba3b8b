"""Made-up walk-in visit history for the sample register, written as `VisitRegister` writes it.

Every site-day is simulated rather than drawn row by row: visitors arrive (busiest
9–11), the desks call them (a booked time that has come first, then anyone transferred to
that desk, then the longest wait), serve, transfer or lose them. So waits, desks and
staff never contradict each other: nobody serves two visitors at once. The rows go in
with plain SQL for speed, column for column as `VisitRegister` would write them; the
tests replay them through `VisitRegister` to hold that promise.
"""

from __future__ import annotations

import math
import random
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import TYPE_CHECKING, TypeVar

from .clock import to_iso
from .visits import TERMINAL_OUTCOME, TICKET_PREFIX, TRANSITIONS

if TYPE_CHECKING:
    from sqlite_utils import Database

HISTORY_WEEKS = 4
DEFAULT_DAILY_VISITS = 10.0
# Helsinki wall-clock minutes after midnight.
OPENS = 8 * 60
LAST_ARRIVAL = 15 * 60 + 45
# Where "today" stands when the real time is outside office hours (see `_today_window`).
MORNING_SO_FAR = 10 * 60 + 30
OFFICE_HOURS_FOR_TODAY = (9 * 60, 16 * 60)
# A coach at a desk helps with walk-ins once one has waited this long (minutes; each
# coach's patience with the queue differs from day to day).
COACH_HELPS_AFTER = (10.0, 25.0)
FEEDBACK_SHARE = 0.3
LEFT_SHARE = 0.05
FORGOTTEN_SHARE = 0.02  # site-days where one visit was never closed (listed for closing)

# Arrivals per hour of the day, relative; the last one ends at LAST_ARRIVAL.
_HOURLY_ARRIVALS = {8: 8, 9: 16, 10: 16, 11: 11, 12: 7, 13: 7, 14: 6, 15: 3}
# Monday is the busiest day of a walk-in point, Friday the quietest.
_WEEKDAY_FACTOR = (1.25, 1.05, 1.0, 0.95, 0.75, 0.5, 0.4)
_CHANNELS = {"walk_in": 76, "appointment": 13, "phone": 7, "remote": 4}
# Chance that a visitor of each channel gives their identity; ≈ 70 % in all.
_KNOWN_SHARE = {"walk_in": 0.62, "appointment": 1.0, "phone": 0.9, "remote": 1.0}
_REASONS = {
    "job_search": 20, "cv": 14, "register": 9, "benefits": 14, "own_coach": 10,
    "training": 8, "trial_subsidy": 6, "kompassi": 4, "other": 8,
}  # fmt: skip
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
# About 72 % promoters (9–10) and 6 % detractors, as Tampere's feedback devices saw.
_SCORES = {10: 46, 9: 26, 8: 10, 7: 8, 6: 3, 5: 3, 4: 1, 3: 1, 2: 0.5, 1: 0.5, 0: 1}


_K = TypeVar("_K")


def _pick(rng: random.Random, weights: Mapping[_K, float]) -> _K:
    values = list(weights)
    return rng.choices(values, [weights[v] for v in values])[0]


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


# Helsinki time without a time-zone database (Windows has none): EU summer time runs
# from the last Sunday of March to the last Sunday of October. Resolved by the day,
# which is exact for every hour a service point is open.
def _last_sunday(year: int, month: int) -> date:
    last = date(year, month + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - 6) % 7)


@cache
def helsinki_offset(day: date) -> timedelta:
    summer = _last_sunday(day.year, 3) <= day < _last_sunday(day.year, 10)
    return timedelta(hours=3 if summer else 2)


def helsinki_moment(day: date, minutes: float) -> datetime:
    """The UTC moment `minutes` after midnight of `day` on a Helsinki wall clock."""
    midnight = datetime.combine(day, time(), UTC)
    return midnight + timedelta(minutes=minutes) - helsinki_offset(day)


def helsinki_minutes(moment: datetime) -> tuple[date, float]:
    """(the Helsinki day, minutes after its midnight) of an aware moment."""
    local = moment.astimezone(UTC).replace(tzinfo=None)
    day = (local + helsinki_offset(local.date())).date()
    local += helsinki_offset(day)
    return local.date(), (local - datetime.combine(local.date(), time())).total_seconds() / 60


# The people and desks of one site ----------------------------------------------------


@dataclass(frozen=True)
class _SiteStaff:
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
class _Desk:
    staff_id: str
    number: str
    front: bool  # takes walk-ins in turn; a coach's desk takes its own visitors first
    free_at: float
    helps_after: float = math.inf  # a coach's desk: takes walk-ins waiting this long
    busy: bool = False


def _desks(staff: _SiteStaff, day: date, rng: random.Random) -> list[_Desk]:
    """Up to three desks: reception at the first, coaches by turns at the others."""
    desks = [_Desk(s, str(i), True, OPENS) for i, s in enumerate(staff.reception[:3], 1)]
    coaches = staff.coaches
    for i in range(min(3 - len(desks), len(coaches))):
        coach = coaches[(day.toordinal() + i) % len(coaches)]
        # Coaches come to the desk a little after opening; without reception, at once.
        start = OPENS + (rng.uniform(0, 30) if desks else 0)
        helps_after = rng.uniform(*COACH_HELPS_AFTER)
        desks.append(_Desk(coach, str(len(desks) + 1), not staff.reception, start, helps_after))
    return desks


# One visitor: what is drawn up front, and what the simulation makes of it ------------


@dataclass
class _Visitor:
    arrived: float
    channel: str
    client_id: str | None
    own_coach_id: str | None  # the client's coach, when they came to see them here
    reasons: tuple[str, ...]
    booked_for: float | None
    service: tuple[float, float]  # minutes at the first desk, and after a transfer
    patience: float | None  # leaves without service after this long
    hold: tuple[float, float] | None  # (put on hold, back in line), minutes after arrival
    forgotten: bool  # served, but the visit was never closed
    outcome: str
    # (minute, staff id, to state, to staff id, desk, outcome), filled by `_simulate`.
    events: list[tuple[float, str, str, str | None, str | None, str | None]] = field(
        default_factory=list
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
    hour = _pick(rng, _HOURLY_ARRIVALS)
    return hour * 60 + rng.uniform(0, min(60, LAST_ARRIVAL - hour * 60))


def _service_minutes(rng: random.Random, channel: str, reasons: Sequence[str]) -> float:
    median = _SERVICE_MINUTES[channel] * max(_LONGER_REASONS.get(r, 1.0) for r in reasons)
    return min(max(rng.lognormvariate(math.log(median), 0.45), 2.0), 75.0)


def _draw_visitor(
    rng: random.Random,
    staff: _SiteStaff,
    day_iso: str,
    arrived: float | None,
    used_clients: set[str],
    reason_codes: Sequence[str],
) -> _Visitor:
    channel = _pick(rng, _CHANNELS) if arrived is None else "walk_in"
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
    count = 1 if booked else _pick(rng, {1: 78, 2: 19, 3: 3})
    reasons: list[str] = []
    while len(reasons) < count:
        code = _pick(rng, weights)
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
    return _Visitor(
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
        outcome=_pick(rng, outcome_weights),
    )


def _draw_client(
    rng: random.Random, staff: _SiteStaff, day_iso: str, used: set[str]
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


def _next_for(desk: _Desk, line: list[_Visitor], t: float, any_coach: bool) -> _Visitor | None:
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
            v for v in walk_ins
            if v.own_coach_id == desk.staff_id or t - v.arrived >= desk.helps_after
        ]  # fmt: skip
    return min(walk_ins, key=lambda v: v.arrived) if walk_ins else None


def _simulate(
    visitors: list[_Visitor], staff: _SiteStaff, desks: list[_Desk], rng: random.Random
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
    line: list[_Visitor] = []
    while True:
        desk = min(desks, key=lambda d: (d.free_at, d.number))
        t = desk.free_at
        if t == math.inf:
            return
        while pending and pending[0].arrived <= t:
            line.append(pending.pop(0))
        for visitor in [v for v in line if v.patience and v.arrived + v.patience <= t]:
            if visitor.state == "waiting":  # gave up; reception marks it a little later
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
    desk: _Desk,
    desks: list[_Desk],
    line: list[_Visitor],
    pending: list[_Visitor],
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
    visitor: _Visitor,
    desk: _Desk,
    t: float,
    coach_desks: list[_Desk],
    line: list[_Visitor],
    rng: random.Random,
) -> float:
    """Call, serve and close (or transfer) one visitor; returns when the desk is free again."""
    me = desk.staff_id
    visitor.log(t, me, "called", desk=desk.number)
    if visitor.patience is not None:  # called, but already gone
        gone = t + rng.uniform(1.5, 4)
        visitor.log(gone, me, "left")
        return gone
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
    if not visitor.forgotten:
        visitor.log(end, me, "done", outcome=visitor.outcome)
    return end + rng.uniform(0, 1.5)


# From simulated visitors to rows ----------------------------------------------------


@dataclass
class _Rows:
    visits: list[tuple] = field(default_factory=list)
    links: list[tuple] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)
    audit: list[tuple] = field(default_factory=list)
    feedback: list[tuple] = field(default_factory=list)


def _write_rows(
    rows: _Rows,
    rng: random.Random,
    site_id: str,
    day: date,
    visitors: list[_Visitor],
    reason_ids: Mapping[str, str],
    to_moment: Callable[[float], datetime],
) -> None:
    """The rows `VisitRegister.register`, `change_state` and `record_feedback` would write."""
    for number, visitor in enumerate(visitors, 1):
        visit_id = _uuid(rng)
        events = sorted(visitor.events, key=lambda e: e[0])
        arrived_iso = to_iso(to_moment(visitor.arrived))
        registrar = events[0][1]
        for code in visitor.reasons:
            rows.links.append(
                (_uuid(rng), visit_id, reason_ids[code], arrived_iso, arrived_iso, registrar)
            )
        column = dict(state="waiting", called_at=None, called_by=None, desk=None,
                      finished_at=None, served_by=None, assigned_to=None, outcome=None)  # fmt: skip
        updated_at, updated_by = arrived_iso, registrar
        rows.events.append((_uuid(rng), visit_id, arrived_iso, registrar, None, "waiting", None))
        rows.audit.append(
            (_uuid(rng), arrived_iso, registrar, "create", visitor.client_id, None, visit_id)
        )
        for minute, staff_id, to_state, to_staff, desk, outcome in events[1:]:
            at = to_iso(to_moment(minute))
            from_state = column["state"]
            if to_state not in TRANSITIONS[from_state]:
                raise AssertionError(f"sample visit cannot go {from_state} -> {to_state}")
            if to_state == "called":
                column.update(called_at=column["called_at"] or at, called_by=staff_id, desk=desk)
            elif to_state == "serving":
                column["served_by"] = staff_id
            elif to_state == "transferred":
                column.update(assigned_to=to_staff, desk=None)
            elif to_state in ("done", "left"):
                column["finished_at"] = at
                column["outcome"] = outcome or TERMINAL_OUTCOME.get(to_state, "resolved")
                column["served_by"] = column["served_by"] or (
                    staff_id if to_state == "done" else None
                )
            column["state"] = to_state
            updated_at, updated_by = at, staff_id
            rows.events.append((_uuid(rng), visit_id, at, staff_id, from_state, to_state, to_staff))
            rows.audit.append(
                (_uuid(rng), at, staff_id, "update", visitor.client_id, to_state, visit_id)
            )
        rows.visits.append(
            (visit_id, site_id, day.isoformat(), number, f"{TICKET_PREFIX}{number:03d}",
             visitor.client_id, visitor.channel,
             to_iso(to_moment(visitor.booked_for)) if visitor.booked_for is not None else None,
             column["state"], int(visitor.own_coach_id is not None), arrived_iso,
             column["called_at"], column["called_by"], column["desk"], column["finished_at"],
             column["served_by"], column["assigned_to"], column["outcome"], arrived_iso,
             updated_at, updated_by)
        )  # fmt: skip
        if column["state"] == "done" and rng.random() < FEEDBACK_SHARE:
            score = _pick(rng, _SCORES)
            called = next(e[0] for e in events if e[2] == "called")
            if called - visitor.arrived > 25 and rng.random() < 0.5:
                score = max(0, score - rng.randint(1, 3))  # a long wait shows in the answer
            stamp = f"{day.isoformat()}T00:00:00.000Z"  # the day, not the time
            rows.feedback.append(
                (_uuid(rng), site_id, day.isoformat(), visitor.channel,
                 " ".join(sorted(visitor.reasons)), score, stamp, stamp)
            )  # fmt: skip


def _insert(db: Database, rows: _Rows) -> None:
    db.conn.executemany(
        "INSERT INTO visit (id, site_id, visit_date, ticket_number, ticket, client_id, channel,"
        " booked_for, state, wants_own_coach, arrived_at, called_at, called_by, desk,"
        " finished_at, served_by, assigned_to, outcome, created_at, updated_at, updated_by)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows.visits,
    )
    db.conn.executemany(
        "INSERT INTO visit_reason_link (id, visit_id, reason_id, created_at, updated_at,"
        " updated_by) VALUES (?, ?, ?, ?, ?, ?)",
        rows.links,
    )
    # The logs are appended in the order things happened, as the desks would have.
    db.conn.executemany(
        "INSERT INTO visit_event (id, visit_id, at, staff_id, from_state, to_state,"
        " to_staff_id, created_at, updated_at, updated_by)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?3, ?3, ?4)",
        sorted(rows.events, key=lambda r: r[2]),
    )
    db.conn.executemany(
        "INSERT INTO audit_event (id, at, staff_id, action, entity, entity_id, client_id,"
        " purpose, created_at, updated_at, updated_by)"
        " VALUES (?1, ?2, ?3, ?4, 'visit', ?7, ?5, ?6, ?2, ?2, ?3)",
        sorted(rows.audit, key=lambda r: r[1]),
    )
    db.conn.executemany(
        "INSERT INTO feedback (id, site_id, visit_date, channel, reason_codes, score,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows.feedback,
    )


# Days ---------------------------------------------------------------------------------


def _today_window(today: date, now: datetime) -> tuple[float, timedelta]:
    """(the minute today's simulation stops at, how far its times are then moved).

    In office hours the day so far is simulated as it is. At any other hour (a demo in
    the evening, at the weekend's early morning) the morning up to 10:30 is simulated and
    moved as a whole so that it ends now: the queue then has people who have waited a
    few minutes, not since this morning, and nobody arrives in the future.
    """
    local_day, minutes = helsinki_minutes(now)
    low, high = OFFICE_HOURS_FOR_TODAY
    if local_day == today and low <= minutes <= high:
        return minutes, timedelta(0)
    return MORNING_SO_FAR, now - helsinki_moment(today, MORNING_SO_FAR)


def _simulate_day(
    staff: _SiteStaff,
    day: date,
    mean_visits: float,
    reason_codes: Sequence[str],
    rng: random.Random,
    cutoff: float | None,
) -> list[_Visitor]:
    """The day's visitors in arrival order, with their events up to `cutoff` (None: all)."""
    expected = mean_visits * _WEEKDAY_FACTOR[day.weekday()]
    count = max(1, round(rng.gauss(expected, math.sqrt(expected))))
    used: set[str] = set()
    day_iso = day.isoformat()
    visitors = [_draw_visitor(rng, staff, day_iso, None, used, reason_codes) for _ in range(count)]
    servable = [v for v in visitors if v.patience is None]
    if cutoff is None and servable and rng.random() < FORGOTTEN_SHARE:
        rng.choice(servable).forgotten = True
    desks = _desks(staff, day, rng)
    if cutoff is None:
        _simulate(visitors, staff, desks, rng)
        return sorted(visitors, key=lambda v: v.arrived)
    # Today: add late walk-ins until a few are still waiting, so the queue shows something.
    visitors = [v for v in visitors if v.arrived <= cutoff]
    wanted = max(1, round(mean_visits / 12))
    start = {d.staff_id: d.free_at for d in desks}
    for _ in range(12):
        for desk in desks:
            desk.free_at, desk.busy = start[desk.staff_id], False
        _simulate(visitors, staff, desks, random.Random(rng.random()))
        for visitor in visitors:
            visitor.events = [e for e in visitor.events if e[0] <= cutoff]
            visitor.state = visitor.events[-1][2]
        if sum(v.state in ("waiting", "transferred") for v in visitors) >= wanted:
            break
        late = _draw_visitor(rng, staff, day_iso, cutoff - rng.uniform(0.5, 12), used, reason_codes)
        late.patience = late.hold = None
        visitors.append(late)
    return sorted(visitors, key=lambda v: v.arrived)


def _site_staff(db: Database) -> list[_SiteStaff]:
    sites = db.execute(
        "SELECT id, name FROM site WHERE deleted_at IS NULL ORDER BY name"
    ).fetchall()
    staff = db.execute(
        "SELECT id, site_id, role FROM staff WHERE active = 1 AND deleted_at IS NULL"
        " AND role IN ('reception', 'coach') ORDER BY username"
    ).fetchall()
    clients = db.execute(
        "SELECT c.id, s.site_id, c.coach_id, c.created_at FROM client c"
        " LEFT JOIN staff s ON s.id = c.coach_id WHERE c.deleted_at IS NULL ORDER BY c.rowid"
    ).fetchall()
    result = []
    for site_id, name in sites:
        site_clients = tuple(
            (cid, coach if coach_site == site_id else None, created)
            for cid, coach_site, coach, created in clients
        )
        here = [(sid, role) for sid, site, role in staff if site == site_id]
        if not here:
            continue  # nobody could have registered a visit there
        result.append(
            _SiteStaff(
                site_id,
                name,
                tuple(sid for sid, role in here if role == "reception"),
                tuple(sid for sid, role in here if role == "coach"),
                site_clients,
                tuple(c for c in site_clients if c[1] is not None),
            )
        )
    return result


def history_days(today: date, weeks: int) -> list[date]:
    """The weekdays of the `weeks` before `today`, oldest first, then today itself."""
    if weeks <= 0:
        return []
    before = [today - timedelta(days=n) for n in range(weeks * 7, 0, -1)]
    return [day for day in before if day.weekday() < 5] + [today]


def add_visit_history(
    db: Database,
    today: date,
    now: datetime,
    *,
    weeks: int = HISTORY_WEEKS,
    seed: int = 1,
    daily_visits: Mapping[str, float] | None = None,
) -> int:
    """Write made-up visits for the weekdays of the `weeks` before `today` and for today
    until `now`; returns how many. The caller holds the transaction.

    A site-day that already has visits is left alone, so running it again adds only the
    days that are new. Each site-day draws from its own seeded generator, so a day's
    visits do not depend on how many weeks were asked for.
    """
    daily_visits = daily_visits or {}
    reason_ids = dict(
        db.execute(
            "SELECT code, id FROM visit_reason WHERE active = 1 AND deleted_at IS NULL"
            " ORDER BY sort_order"
        ).fetchall()
    )
    done = set(db.execute("SELECT DISTINCT site_id, visit_date FROM visit").fetchall())
    sites = _site_staff(db)
    rows = _Rows()
    for day in history_days(today, weeks):
        cutoff, shift = _today_window(today, now) if day == today else (None, timedelta(0))
        for staff in sites:
            if (staff.site_id, day.isoformat()) in done:
                continue
            rng = random.Random(f"luotsi-visits:{seed}:{staff.name}:{day.isoformat()}")
            mean = daily_visits.get(staff.name, DEFAULT_DAILY_VISITS)
            visitors = _simulate_day(staff, day, mean, list(reason_ids), rng, cutoff)

            def to_moment(minutes: float, day: date = day, shift: timedelta = shift) -> datetime:
                return helsinki_moment(day, minutes) + shift

            _write_rows(rows, rng, staff.site_id, day, visitors, reason_ids, to_moment)
    _insert(db, rows)
    return len(rows.visits)
