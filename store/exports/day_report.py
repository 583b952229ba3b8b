"""The day's report of a walk-in point: why and how visitors came, waits, who served, NPS."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from store.core.clock import from_iso, local_day_bounds, to_local
from store.core.figures import median, minutes_between, percentage, percentile_nearest_rank
from store.core.i18n import in_language
from store.visits.feedback import FeedbackBox
from store.visits.models import CHANNELS, Channel, Visit, VisitState
from store.visits.register import VisitRegister
from store.visits.rules import NpsResult

FIRST_HOUR = 8  # the walk-in point's usual opening hours: always shown, even when empty
LAST_HOUR = 16
LONGEST_WAITS = 5


@dataclass(frozen=True)
class ReasonCount:
    code: str
    labels: tuple[str, str, str]  # fi, sv, en
    count: int

    def label(self, lang: str) -> str:
        return in_language(self.labels, lang)


@dataclass(frozen=True)
class ChannelCount:
    channel: Channel
    count: int


@dataclass(frozen=True)
class HourCount:
    hour: int  # local time: 9 means arrivals from 9:00 to 9:59
    count: int


@dataclass(frozen=True)
class StaffServed:
    staff_id: str
    display_name: str
    done: int  # visits this staff member finished as done
    transferred: int  # visits this staff member handed on to a colleague

    @property
    def total(self) -> int:
        return self.done + self.transferred


@dataclass(frozen=True)
class LongWait:
    """One of the day's longest waits: a ticket, never a name."""

    ticket: str
    minutes: int
    state: VisitState


@dataclass(frozen=True)
class DayReport:
    site_id: str
    day: date
    visits: int
    by_reason: tuple[ReasonCount, ...]
    without_reason: int
    by_channel: tuple[ChannelCount, ...]
    by_hour: tuple[HourCount, ...]
    waits_counted: int  # visits that were called, whose waits make the median and p90
    wait_median: float | None
    wait_p90: int | None
    left_without_service: int
    served: tuple[StaffServed, ...]
    nps: NpsResult
    longest_waits: tuple[LongWait, ...]

    @property
    def left_share(self) -> float:
        """Share (0–1) of the day's visits that left without service."""
        return self.left_without_service / self.visits if self.visits else 0.0

    @property
    def left_percent(self) -> float:
        """The percentage shown for `left_share`, the same on the screen and in the CLI."""
        return percentage(self.left_without_service, self.visits)


def hour_buckets(
    hours: Iterable[int], first: int = FIRST_HOUR, last: int = LAST_HOUR
) -> tuple[HourCount, ...]:
    """Arrivals per hour from `first` to `last`, empty hours included; the range widens to
    any hour that had arrivals, so no visit falls off the chart."""
    counts = Counter(hours)
    start = min([first, *counts])
    end = max([last, *counts])
    return tuple(HourCount(hour, counts.get(hour, 0)) for hour in range(start, end + 1))


def wait_of(visit: Visit, until: datetime) -> int:
    """Minutes from arrival until called; a visit never called waited until it left, or
    until `until` (now, or the day's end for an earlier day) while still open."""
    end_iso = visit.called_at or visit.finished_at
    return minutes_between(visit.arrived_at, end_iso or until)


def _served(register: VisitRegister, site_id: str, day: date) -> tuple[StaffServed, ...]:
    """Who closed the day's visits as done, and who handed visits on, from the events:
    a visit transferred once counts as transferred for one and done for the other."""
    rows = register.db.execute(
        "SELECT e.staff_id, s.display_name, sum(e.to_state = 'done'),"
        " sum(e.to_state = 'transferred')"
        " FROM visit_event e JOIN visit v ON v.id = e.visit_id"
        " LEFT JOIN staff s ON s.id = e.staff_id"
        " WHERE v.site_id = ? AND v.visit_date = ? AND v.deleted_at IS NULL"
        " AND e.to_state IN ('done', 'transferred') AND e.staff_id IS NOT NULL"
        " GROUP BY e.staff_id",
        [site_id, day.isoformat()],
    ).fetchall()
    served = [
        StaffServed(staff_id, name or "?", done, moved) for staff_id, name, done, moved in rows
    ]
    return tuple(sorted(served, key=lambda s: (-s.total, s.display_name)))


def day_report(
    register: VisitRegister, feedback: FeedbackBox, day: date, site_id: str
) -> DayReport:
    """The figures of one site's day.

    A visit with several reasons counts once for each of them, so the reason counts may
    add up to more than the visits. Waits (median, nearest-rank 90th percentile) are
    those of visits that were called, in whole minutes; `left_without_service` counts
    visits that left before being served. Hours are local arrival hours.
    """
    now = register.ctx.clock.now()
    visits = register.day_visits(site_id, day)
    reasons = register.reasons()
    reason_counts = Counter(code for v in visits for code in v.reason_codes)
    by_reason = sorted(
        (
            ReasonCount(r.code, r.labels, reason_counts[r.code])
            for r in reasons
            if reason_counts[r.code]
        ),
        key=lambda rc: -rc.count,  # stable: ties keep the reasons' own order
    )
    channel_counts = Counter(v.channel for v in visits)
    by_hour = hour_buckets(to_local(from_iso(v.arrived_at)).hour for v in visits)
    waits = [wait_of(v, now) for v in visits if v.called_at is not None]
    until = min(now, from_iso(local_day_bounds(day)[1]))
    longest = sorted(
        ((v, wait_of(v, until)) for v in visits), key=lambda pair: (-pair[1], pair[0].ticket)
    )[:LONGEST_WAITS]
    return DayReport(
        site_id=site_id,
        day=day,
        visits=len(visits),
        by_reason=tuple(by_reason),
        without_reason=sum(1 for v in visits if not v.reason_codes),
        by_channel=tuple(ChannelCount(c, channel_counts[c]) for c in CHANNELS),
        by_hour=by_hour,
        waits_counted=len(waits),
        wait_median=median(waits),
        wait_p90=percentile_nearest_rank(waits, 90),
        left_without_service=sum(1 for v in visits if v.state == "left"),
        served=_served(register, site_id, day),
        nps=feedback.nps(site_id, day),
        longest_waits=tuple(LongWait(v.ticket, minutes, v.state) for v, minutes in longest),
    )
