""" "Next free time": the first slot of a given length free for the coach, the client and
(if asked) a room, within the coach's working hours on working days, from a given moment.

One query per day reads what holds the day (appointments, group sessions, seats,
absences); the gaps between them are walked in order. Slots start on the quarter hour.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from store.core.clock import local_moment, to_local
from store.core.context import Context
from store.schedule.calendar_days import is_working_day
from store.schedule.hours import WorkingTime
from store.schedule.records import busy_entries
from store.schedule.rules import FREED_STATES, Busy

SLOT_STEP = timedelta(minutes=15)
SEARCH_DAYS = 92  # how far ahead "next free time" looks before it gives up


def _round_up(moment: datetime) -> datetime:
    """The first quarter hour at or after `moment` (on the wall clock)."""
    local = to_local(moment)
    floor = local.replace(minute=local.minute - local.minute % 15, second=0, microsecond=0)
    return floor if floor == local else floor + SLOT_STEP


def first_gap(
    day_start: datetime, day_end: datetime, length: timedelta, busy: list[Busy]
) -> datetime | None:
    """The first quarter-hour start in [day_start, day_end) where `length` fits between
    the busy entries (a pure function, so it can be checked on generated days)."""
    candidate = _round_up(day_start)
    for entry in sorted(busy, key=lambda b: b.starts_at):
        if entry.status in FREED_STATES or entry.ends_at <= candidate:
            continue
        if entry.starts_at >= candidate + length:
            break
        candidate = _round_up(max(candidate, entry.ends_at))
    return candidate if candidate + length <= day_end else None


def next_free(
    ctx: Context,
    working_time: WorkingTime,
    *,
    coach_id: str,
    client_id: str | None,
    minutes: int,
    after: datetime,
    room_id: str | None = None,
    days: int = SEARCH_DAYS,
) -> datetime | None:
    """The first free start at or after `after`, or None within `days` days."""
    hours = working_time.hours(coach_id)
    length = timedelta(minutes=minutes)
    first_day: date = to_local(after).date()
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        day_hours = hours[day.isoweekday()]
        if day_hours is None or not is_working_day(day):
            continue
        start = max(local_moment(day, day_hours[0]), after)
        end = local_moment(day, day_hours[1])
        if start + length > end:
            continue
        busy = busy_entries(
            ctx,
            local_moment(day, time()),
            local_moment(day + timedelta(days=1), time()),
            coach_id=coach_id,
            client_id=client_id,
            room_id=room_id,
        )
        found = first_gap(start, end, length, busy)
        if found is not None:
            return found
    return None
