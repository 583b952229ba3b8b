"""No-show figures per coach and month: how many appointments were booked, kept, missed
and cancelled (by the client or by the coach), and the share of no-shows.

Counts only, no client data: like the day report, any member of staff may read them.
A month is a calendar month on the installation's wall clock; an appointment counts in
the month it starts in.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false, reportUnknownArgumentType=false
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from store.core.clock import local_moment, to_iso
from store.core.context import Context
from store.core.text import visible


@dataclass(frozen=True)
class MonthFigures:
    """One coach's appointments starting in one month, by how they ended."""

    coach_id: str
    coach_name: str
    month: date  # the first day of the month
    booked: int = 0  # every appointment starting in the month, cancelled ones too
    done: int = 0
    arrived: int = 0  # checked in, not yet marked done
    no_show: int = 0
    cancelled_by_client: int = 0
    cancelled_by_coach: int = 0
    open: int = 0  # still booked: ahead, or past and not yet marked

    @property
    def kept(self) -> int:
        """The client came: done or arrived."""
        return self.done + self.arrived

    @property
    def no_show_share(self) -> float | None:
        """No-shows of the appointments whose outcome is known (kept or missed); None
        when none is known yet."""
        decided = self.kept + self.no_show
        return self.no_show / decided if decided else None


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def months_between(first: date, last: date) -> list[date]:
    """The first days of the months from `first`'s to `last`'s, both included."""
    months: list[date] = []
    month = month_start(first)
    while month <= last:
        months.append(month)
        month = next_month(month)
    return months


def no_show_figures(
    ctx: Context, first: date, last: date, coach_id: str | None = None
) -> list[MonthFigures]:
    """Per coach (by name) and month, from `first`'s month to `last`'s: one query per
    month over the appointment day index. Coaches with no appointments in a month are
    left out of it."""
    found: list[MonthFigures] = []
    for month in months_between(first, last):
        start = to_iso(local_moment(month))
        end = to_iso(local_moment(next_month(month)))
        sql = (
            "SELECT a.coach_id, s.display_name, a.status, a.cancel_reason, count(*)"
            " FROM appointment a JOIN staff s ON s.id = a.coach_id"
            " WHERE a.starts_at >= ? AND a.starts_at < ? AND a.deleted_at IS NULL"
        )
        params: list[object] = [start, end]
        if coach_id is not None:
            sql += " AND a.coach_id = ?"
            params.append(coach_id)
        sql += " GROUP BY a.coach_id, a.status, a.cancel_reason"
        counts: dict[str, dict[str, int]] = {}
        names: dict[str, str] = {}
        for coach, name, status, reason, n in ctx.db.execute(sql, params):
            names[coach] = visible(name)
            tally = counts.setdefault(coach, {})
            key = f"cancelled_{reason or 'by_coach'}" if status == "cancelled" else status
            key = "open" if key == "booked" else key
            tally[key] = tally.get(key, 0) + n
            tally["booked"] = tally.get("booked", 0) + n
        for coach in sorted(counts, key=lambda c: (names[c].casefold(), c)):
            found.append(MonthFigures(coach, names[coach], month, **counts[coach]))
    return found
