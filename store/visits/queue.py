"""The desk's queue as the store hands it to be drawn: each open visit with its wait."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from store.core.clock import from_iso
from store.visits.models import Visit
from store.visits.rules import waiting_minutes


@dataclass(frozen=True)
class QueueEntry:
    visit: Visit
    wait_minutes: int  # the wait the visitor is in now (see `waiting_minutes`)
    # Someone early for an appointment waits for their time, not in the walk-in line:
    # the booked instant while it is still to come, else None.
    early_for: datetime | None
    long_wait: bool  # still waiting, and for at least the site's threshold (⚠)


@dataclass(frozen=True)
class DeskQueue:
    """A site's day at the desk at one moment."""

    entries: tuple[QueueEntry, ...]  # the open visits, in ticket order
    waiting: int  # waiting to be called, by anyone or by a named colleague
    done: int  # visits finished today
    left_open: int  # visits of earlier days never closed (F8)


def queue_entry(visit: Visit, now: datetime, threshold_minutes: int) -> QueueEntry:
    early_for = None
    if visit.state == "waiting" and visit.booked_for is not None:
        booked = from_iso(visit.booked_for)
        early_for = booked if booked > now else None
    minutes = waiting_minutes(visit, now)
    long_wait = early_for is None and visit.is_waiting and minutes >= threshold_minutes
    return QueueEntry(visit, minutes, early_for, long_wait)


def desk_queue(
    day_visits: Sequence[Visit], left_open: int, now: datetime, threshold_minutes: int
) -> DeskQueue:
    """The queue of a day's visits (all of them, closed ones too) at `now`."""
    open_visits = [v for v in day_visits if v.is_open]
    return DeskQueue(
        entries=tuple(queue_entry(v, now, threshold_minutes) for v in open_visits),
        waiting=sum(1 for v in open_visits if v.is_waiting),
        done=sum(1 for v in day_visits if v.state == "done"),
        left_open=left_open,
    )
