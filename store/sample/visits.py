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
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from store.core.clock import Clock
from store.core.context import Context
from store.sample.day import SiteStaff, Visitor, draw_visitor, open_desks, simulate
from store.sample.seeded import helsinki_minutes, helsinki_moment
from store.sample.visit_rows import SampleRows, add_day_rows, insert_sample_rows

if TYPE_CHECKING:
    from sqlite_utils import Database

HISTORY_WEEKS = 4
DEFAULT_DAILY_VISITS = 10.0
# Where "today" stands when the real time is outside office hours (see `_today_window`),
# in Helsinki wall-clock minutes after midnight.
MORNING_SO_FAR = 10 * 60 + 30
OFFICE_HOURS_FOR_TODAY = (9 * 60, 16 * 60)
FORGOTTEN_SHARE = 0.02  # site-days where one visit was never closed (listed for closing)

# Monday is the busiest day of a walk-in point, Friday the quietest.
_WEEKDAY_FACTOR = (1.25, 1.05, 1.0, 0.95, 0.75, 0.5, 0.4)


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
    rows = SampleRows()
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

            add_day_rows(rows, rng, staff.site_id, day, visitors, reason_ids, to_moment)
    insert_sample_rows(Context(db, Clock()), rows)
    return len(rows.visits)
