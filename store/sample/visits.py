"""Made-up walk-in visit history for the sample register, written as `VisitRegister` writes it.

Every site-day is simulated (`store.sample_day`) rather than drawn row by row: visitors
arrive (busiest 9–11), the desks call them (a booked time that has come first, then anyone
transferred to that desk, then the longest wait), serve, transfer or lose them. So waits,
desks and staff never contradict each other: nobody serves two visitors at once. The rows
go in through the row writer in bulk, column for column as `VisitRegister` would write
them; the tests replay them through `VisitRegister` to hold that promise.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

import math
import random
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from store.core.clock import Clock, to_iso
from store.core.context import Context
from store.core.rows import insert_rows
from store.sample.day import SiteStaff, Visitor, draw_visitor, open_desks, pick, simulate
from store.visits.register import TICKET_PREFIX
from store.visits.rules import TERMINAL_OUTCOME, TRANSITIONS

if TYPE_CHECKING:
    from sqlite_utils import Database

HISTORY_WEEKS = 4
DEFAULT_DAILY_VISITS = 10.0
# Where "today" stands when the real time is outside office hours (see `_today_window`),
# in Helsinki wall-clock minutes after midnight.
MORNING_SO_FAR = 10 * 60 + 30
OFFICE_HOURS_FOR_TODAY = (9 * 60, 16 * 60)
FEEDBACK_SHARE = 0.3
FORGOTTEN_SHARE = 0.02  # site-days where one visit was never closed (listed for closing)

# Monday is the busiest day of a walk-in point, Friday the quietest.
_WEEKDAY_FACTOR = (1.25, 1.05, 1.0, 0.95, 0.75, 0.5, 0.4)
# About 72 % promoters (9–10) and 6 % detractors, as Tampere's feedback devices saw.
_SCORES = {10: 46, 9: 26, 8: 10, 7: 8, 6: 3, 5: 3, 4: 1, 3: 1, 2: 0.5, 1: 0.5, 0: 1}


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


# From simulated visitors to rows ----------------------------------------------------


@dataclass
class _Rows:
    visits: list[tuple[Any, ...]] = field(default_factory=list[tuple[Any, ...]])
    links: list[tuple[Any, ...]] = field(default_factory=list[tuple[Any, ...]])
    events: list[tuple[Any, ...]] = field(default_factory=list[tuple[Any, ...]])
    audit: list[tuple[Any, ...]] = field(default_factory=list[tuple[Any, ...]])
    feedback: list[tuple[Any, ...]] = field(default_factory=list[tuple[Any, ...]])


def _write_rows(
    rows: _Rows,
    rng: random.Random,
    site_id: str,
    day: date,
    visitors: list[Visitor],
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
        column: dict[str, Any]  # the visit row's columns as the events change them
        column = dict(state="waiting", called_at=None, called_by=None, desk=None,
                      finished_at=None, served_by=None, assigned_to=None, outcome=None)  # fmt: skip
        updated_at, updated_by = arrived_iso, registrar
        created = (arrived_iso, arrived_iso, registrar)  # at, updated at, by
        rows.events.append(
            (_uuid(rng), visit_id, arrived_iso, registrar, None, "waiting", None, *created)
        )
        rows.audit.append(
            (
                _uuid(rng),
                arrived_iso,
                registrar,
                "create",
                "visit",
                visit_id,
                visitor.client_id,
                None,
                *created,
            )
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
            stamps = (at, at, staff_id)
            rows.events.append(
                (_uuid(rng), visit_id, at, staff_id, from_state, to_state, to_staff, *stamps)
            )
            rows.audit.append(
                (
                    _uuid(rng),
                    at,
                    staff_id,
                    "update",
                    "visit",
                    visit_id,
                    visitor.client_id,
                    to_state,
                    *stamps,
                )
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
            score = pick(rng, _SCORES)
            called = next(e[0] for e in events if e[2] == "called")
            if called - visitor.arrived > 25 and rng.random() < 0.5:
                score = max(0, score - rng.randint(1, 3))  # a long wait shows in the answer
            stamp = f"{day.isoformat()}T00:00:00.000Z"  # the day, not the time
            rows.feedback.append(
                (_uuid(rng), site_id, day.isoformat(), visitor.channel,
                 " ".join(sorted(visitor.reasons)), score, stamp, stamp)
            )  # fmt: skip


# Each row's columns, in the order `_write_rows` gives the values.
_VISIT_COLUMNS = (
    "id",
    "site_id",
    "visit_date",
    "ticket_number",
    "ticket",
    "client_id",
    "channel",
    "booked_for",
    "state",
    "wants_own_coach",
    "arrived_at",
    "called_at",
    "called_by",
    "desk",
    "finished_at",
    "served_by",
    "assigned_to",
    "outcome",
    "created_at",
    "updated_at",
    "updated_by",
)
_LINK_COLUMNS = ("id", "visit_id", "reason_id", "created_at", "updated_at", "updated_by")
_EVENT_COLUMNS = (
    "id",
    "visit_id",
    "at",
    "staff_id",
    "from_state",
    "to_state",
    "to_staff_id",
    "created_at",
    "updated_at",
    "updated_by",
)
_AUDIT_COLUMNS = (
    "id",
    "at",
    "staff_id",
    "action",
    "entity",
    "entity_id",
    "client_id",
    "purpose",
    "created_at",
    "updated_at",
    "updated_by",
)
_FEEDBACK_COLUMNS = (
    "id",
    "site_id",
    "visit_date",
    "channel",
    "reason_codes",
    "score",
    "created_at",
    "updated_at",
)


def _insert(ctx: Context, rows: _Rows) -> None:
    """Through the row writer, each row with its own simulated times and author."""
    insert_rows(ctx, "visit", _VISIT_COLUMNS, rows.visits, by=None)
    insert_rows(ctx, "visit_reason_link", _LINK_COLUMNS, rows.links, by=None)
    # The logs are appended in the order things happened, as the desks would have.
    insert_rows(
        ctx, "visit_event", _EVENT_COLUMNS, sorted(rows.events, key=lambda r: r[2]), by=None
    )
    insert_rows(ctx, "audit_event", _AUDIT_COLUMNS, sorted(rows.audit, key=lambda r: r[1]), by=None)
    # Anonymous answers: nobody is named as their author.
    insert_rows(ctx, "feedback", _FEEDBACK_COLUMNS, rows.feedback, by=None)


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
    staff: SiteStaff,
    day: date,
    mean_visits: float,
    reason_codes: Sequence[str],
    rng: random.Random,
    cutoff: float | None,
) -> list[Visitor]:
    """The day's visitors in arrival order, with their events up to `cutoff` (None: all)."""
    expected = mean_visits * _WEEKDAY_FACTOR[day.weekday()]
    count = max(1, round(rng.gauss(expected, math.sqrt(expected))))
    used: set[str] = set()
    day_iso = day.isoformat()
    visitors = [draw_visitor(rng, staff, day_iso, None, used, reason_codes) for _ in range(count)]
    servable = [v for v in visitors if v.patience is None]
    if cutoff is None and servable and rng.random() < FORGOTTEN_SHARE:
        rng.choice(servable).forgotten = True
    desks = open_desks(staff, day, rng)
    if cutoff is None:
        simulate(visitors, staff, desks, rng)
        return sorted(visitors, key=lambda v: v.arrived)
    # Today: add late walk-ins until a few are still waiting, so the queue shows something.
    visitors = [v for v in visitors if v.arrived <= cutoff]
    wanted = max(1, round(mean_visits / 12))
    start = {d.staff_id: d.free_at for d in desks}
    for _ in range(12):
        for desk in desks:
            desk.free_at, desk.busy = start[desk.staff_id], False
        simulate(visitors, staff, desks, random.Random(rng.random()))
        for visitor in visitors:
            visitor.events = [e for e in visitor.events if e[0] <= cutoff]
            visitor.state = visitor.events[-1][2]
        if sum(v.state in ("waiting", "transferred") for v in visitors) >= wanted:
            break
        late = draw_visitor(rng, staff, day_iso, cutoff - rng.uniform(0.5, 12), used, reason_codes)
        late.patience = late.hold = None
        visitors.append(late)
    return sorted(visitors, key=lambda v: v.arrived)


def _site_staff(db: Database) -> list[SiteStaff]:
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
    result: list[SiteStaff] = []
    for site_id, name in sites:
        site_clients = tuple(
            (cid, coach if coach_site == site_id else None, created)
            for cid, coach_site, coach, created in clients
        )
        here = [(sid, role) for sid, site, role in staff if site == site_id]
        if not here:
            continue  # nobody could have registered a visit there
        result.append(
            SiteStaff(
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
    _insert(Context(db, Clock()), rows)
    return len(rows.visits)
