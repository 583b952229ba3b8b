"""The coach's day sheet (`Store.day_sheet`): one list of the day, in time order.

What a coach has on a day, each row with the record to act on:
- `appointment`: the coach's appointments that day, cancelled ones too, with their state
  and, once the desk has checked the client in, the visit that waits for the coach;
- `visitor`: visitors at the desk who wait for this coach and no appointment of theirs:
  transferred to them, asking for their own coach, or called by them and not finished;
- `group_session`: the sessions the coach hosts that day;
- `review`: reviews of the coach's clients overdue or due within `REVIEW_DAYS`;
- `work`: the steps of the coach's worklist (store/paths/worklist.py).

Timed rows come first, by their time; the rest (reviews and worklist items) after them,
overdue first, then the soonest due.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false, reportUnknownArgumentType=false
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from store.core.auth import allowed, require
from store.core.clock import from_iso, local_moment
from store.core.context import Context
from store.core.models import Staff
from store.paths.repository import PathRepository
from store.paths.worklist import WorkItem
from store.schedule.groups import GroupSessions
from store.schedule.models import Appointment, GroupSession
from store.schedule.repository import Schedule
from store.schedule.reviews import ReviewDue, Reviews
from store.visits.models import Visit
from store.visits.reading import VISIT_SELECT, to_visit

DaySheetKind = Literal["appointment", "visitor", "group_session", "review", "work"]
DAY_SHEET_KINDS: tuple[DaySheetKind, ...] = (
    "appointment",
    "visitor",
    "group_session",
    "review",
    "work",
)
REVIEW_DAYS = 14  # reviews due within this many days are listed
# A visitor waiting in these states is the coach's to call from the day sheet.
CALLABLE_STATES = ("waiting", "transferred")

# The day's open visits that wait for the coach, or are in their hands (those the desk's
# check-in tied to the coach's appointments are read by id). Site by site, so that each
# walks the (site, state, day) index, not every visit ever.
_VISITORS = (
    f"{VISIT_SELECT} WHERE v.site_id IN (SELECT id FROM site)"
    " AND v.state IN ('waiting', 'transferred', 'called', 'serving')"
    " AND v.visit_date = :day AND v.deleted_at IS NULL"
    " AND ((v.state = 'transferred' AND v.assigned_to = :me)"
    "  OR (v.state = 'waiting' AND v.wants_own_coach = 1 AND c.coach_id = :me)"
    "  OR (v.state IN ('called', 'serving') AND coalesce(v.served_by, v.called_by) = :me))"
)


@dataclass(frozen=True)
class DaySheetRow:
    """One row of the day sheet. `at` is the time the row stands at (an appointment's or
    a session's start, a visitor's arrival or transfer; None for reviews and worklist
    items, which have a `due` date instead); exactly one of the records is set for its
    kind, but for an appointment, which also has the visit the desk checked it in as."""

    kind: DaySheetKind
    at: datetime | None
    client_id: str | None
    client_name: str  # "Last First"; "" for a group session or an anonymous visitor
    due: date | None = None
    overdue: bool = False
    appointment: Appointment | None = None
    visit: Visit | None = None
    session: GroupSession | None = None
    review: ReviewDue | None = None
    work: WorkItem | None = None

    @property
    def key(self) -> str:
        """What the row is about, the same from one read to the next (to keep the cursor)."""
        if self.appointment is not None:
            return f"appointment:{self.appointment.id}"
        if self.visit is not None:
            return f"visitor:{self.visit.id}"
        if self.session is not None:
            return f"group_session:{self.session.id}"
        if self.review is not None:
            return f"review:{self.review.client_id}:{self.review.kind}"
        work = self.work
        assert work is not None
        return f"work:{work.kind}:{work.client_id}:{work.step_id}:{work.detail}"

    @property
    def to_call(self) -> Visit | None:
        """The visitor the coach may call now (Enter), if any: one waiting in the queue for
        them or, for an appointment, the client the desk checked in."""
        visit = self.visit
        if visit is None or visit.state not in CALLABLE_STATES:
            return None
        if self.appointment is not None and self.appointment.status != "arrived":
            return None
        return visit


def _visit_time(visit: Visit) -> datetime:
    return from_iso(visit.called_at or visit.waiting_since or visit.arrived_at)


def _sort_key(row: DaySheetRow) -> tuple[object, ...]:
    if row.at is not None:
        return (0, row.at, DAY_SHEET_KINDS.index(row.kind), row.client_name)
    # Untimed: overdue first, then the soonest due, those with no date last.
    return (
        1,
        not row.overdue,
        row.due is None,
        row.due or date.min,
        DAY_SHEET_KINDS.index(row.kind),
        row.client_name,
    )


def _work_overdue(item: WorkItem, today: date) -> bool:
    """A step past its end and not closed, or a planned step whose start has passed."""
    if item.due is None:
        return False
    return item.kind == "not_started" or (item.kind == "ending" and item.due < today)


class DaySheet:
    """Reached as `Store.day_sheet`; reads only, through the repositories it is given."""

    def __init__(
        self,
        ctx: Context,
        schedule: Schedule,
        groups: GroupSessions,
        reviews: Reviews,
        paths: PathRepository,
    ) -> None:
        self.ctx = ctx
        self.schedule = schedule
        self.groups = groups
        self.reviews = reviews
        self.paths = paths

    def rows(self, actor: Staff, day: date | None = None) -> list[DaySheetRow]:
        """The coach `actor`'s day sheet for `day` (default today): the day's timed rows
        in time order, then the reviews and worklist items as they stand today."""
        require(actor, "schedule.view")
        today = self.ctx.today()
        day = day or today
        start, end = local_moment(day), local_moment(day + timedelta(days=1))
        appointments = self.schedule.between(actor, actor.id, start, end)
        linked = {a.visit_id for a in appointments if a.visit_id is not None}
        visits = self._visits(actor, day, linked)
        rows: list[DaySheetRow] = []
        for appointment in appointments:
            visit = visits.pop(appointment.visit_id, None) if appointment.visit_id else None
            rows.append(
                DaySheetRow(
                    "appointment",
                    appointment.starts_at,
                    appointment.client_id,
                    appointment.client_name,
                    appointment=appointment,
                    visit=visit,
                )
            )
        for visit in visits.values():
            if visit.id in linked:  # an appointment of that day holds it, cancelled or not
                continue
            name = f"{visit.last_name or ''} {visit.first_name or ''}".strip()
            rows.append(
                DaySheetRow("visitor", _visit_time(visit), visit.client_id, name, visit=visit)
            )
        for session in self.groups.between(start, end, actor.id):
            rows.append(DaySheetRow("group_session", session.starts_at, None, "", session=session))
        for review in self.reviews.due(actor, actor.id, within_days=REVIEW_DAYS):
            rows.append(
                DaySheetRow(
                    "review",
                    None,
                    review.client_id,
                    review.client_name,
                    due=review.due,
                    overdue=review.overdue(today),
                    review=review,
                )
            )
        if allowed(actor, "path.edit"):  # a caseload, and so a worklist, is a coach's
            for item in self.paths.worklist(actor):
                rows.append(
                    DaySheetRow(
                        "work",
                        None,
                        item.client_id,
                        item.client_name,
                        due=item.due,
                        overdue=_work_overdue(item, today),
                        work=item,
                    )
                )
        rows.sort(key=_sort_key)
        return rows

    def _visits(self, actor: Staff, day: date, linked: set[str]) -> dict[str, Visit]:
        """The day's visits that wait for `actor` or are theirs, and those `linked` to
        their appointments, by id."""
        params = {"day": day.isoformat(), "me": actor.id}
        found = {row[0]: to_visit(row) for row in self.ctx.db.execute(_VISITORS, params)}
        missing = [visit_id for visit_id in linked if visit_id not in found]
        for chunk_start in range(0, len(missing), 500):  # SQLite's limit on bound parameters
            chunk = missing[chunk_start : chunk_start + 500]
            marks = ", ".join("?" for _ in chunk)
            for row in self.ctx.db.execute(
                f"{VISIT_SELECT} WHERE v.id IN ({marks}) AND v.deleted_at IS NULL", chunk
            ):
                found[row[0]] = to_visit(row)
        return found
