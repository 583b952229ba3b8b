"""A coach's working time: hours per weekday, absences and blocked times, and their team
(`Store.working_time`). Coaches set their own; an admin sets anyone's."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false, reportUnknownArgumentType=false
from __future__ import annotations

from datetime import date, datetime, time

from store.core.audit import log_event
from store.core.auth import require
from store.core.clock import to_iso
from store.core.context import Context
from store.core.db import write_transaction
from store.core.i18n import TranslatedError
from store.core.models import Staff
from store.core.rows import insert_row, soft_delete_row, update_row, upsert_row
from store.core.staff import as_stored
from store.core.text import check_label
from store.schedule.models import DEFAULT_HOURS, Absence, AbsenceKind
from store.schedule.records import ABSENCE_SELECT, absence_from

TEAM_MAX_LENGTH = 60
Hours = dict[int, tuple[time, time] | None]  # ISO weekday → (from, to), None: not at work


class BadHours(TranslatedError):
    """Working hours that end before they start."""

    def __init__(self) -> None:
        super().__init__("schedule.error.hours")


class BadAbsence(TranslatedError):
    """An absence that ends before it starts."""

    def __init__(self) -> None:
        super().__init__("schedule.error.absence_times")


class NotYourHours(TranslatedError):
    """A coach changes their own working time; an admin anyone's."""

    def __init__(self) -> None:
        super().__init__("schedule.error.not_your_hours")


def default_hours() -> Hours:
    return {day: DEFAULT_HOURS if day <= 5 else None for day in range(1, 8)}


def _may_change(actor: Staff, staff_id: str) -> None:
    if not actor.active or (actor.id != staff_id and actor.role != "admin"):
        raise NotYourHours()


class WorkingTime:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def hours(self, staff_id: str) -> Hours:
        """The coach's hours per ISO weekday: their own where set, else 8–16 on weekdays."""
        hours = default_hours()
        for weekday, starts, ends in self.ctx.db.execute(
            "SELECT weekday, starts, ends FROM working_hours"
            " WHERE staff_id = ? AND deleted_at IS NULL",
            [staff_id],
        ):
            start, end = time.fromisoformat(starts), time.fromisoformat(ends)
            hours[weekday] = (start, end) if end > start else None
        return hours

    def hours_on(self, staff_id: str, day: date) -> tuple[time, time] | None:
        return self.hours(staff_id)[day.isoweekday()]

    def set_hours(
        self, actor: Staff, staff_id: str, weekday: int, hours: tuple[time, time] | None
    ) -> None:
        """One weekday's hours (None: not at work that day)."""
        self.set_week(actor, staff_id, {weekday: hours})

    def set_week(self, actor: Staff, staff_id: str, week: Hours) -> None:
        """The hours of the weekdays in `week`, all in one transaction or none (a refused
        day leaves every day as it was)."""
        _may_change(actor, staff_id)
        if any(hours is not None and hours[1] <= hours[0] for hours in week.values()):
            raise BadHours()
        with write_transaction(self.ctx.db):
            for weekday, hours in sorted(week.items()):
                starts, ends = (
                    (hours[0].strftime("%H:%M"), hours[1].strftime("%H:%M"))
                    if hours
                    else ("00:00", "00:00")
                )
                upsert_row(
                    self.ctx,
                    "working_hours",
                    {"staff_id": staff_id, "weekday": weekday},
                    {"starts": starts, "ends": ends},
                    by=actor.id,
                )
            log_event(self.ctx, staff_id=actor.id, action="update", entity="working_hours",
                      entity_id=staff_id)  # fmt: skip

    # Absences -------------------------------------------------------------------------

    def absences_between(self, staff_id: str, start: datetime, end: datetime) -> list[Absence]:
        rows = self.ctx.db.execute(
            f"{ABSENCE_SELECT} WHERE staff_id = ? AND starts_at < ? AND ends_at > ?"
            " AND deleted_at IS NULL ORDER BY starts_at",
            [staff_id, to_iso(end), to_iso(start)],
        )
        return [absence_from(row) for row in rows]

    def add_absence(
        self,
        actor: Staff,
        staff_id: str,
        kind: AbsenceKind,
        start: datetime,
        end: datetime,
        note: str | None = None,
    ) -> str:
        """Leave, sickness, training or a blocked time: the coach's time is taken (booking
        over it is refused). Appointments already in it stay; the calendar shows both."""
        if actor.role != "reception":
            _may_change(actor, staff_id)
        if end <= start:
            raise BadAbsence()
        with write_transaction(self.ctx.db):
            absence_id = insert_row(
                self.ctx,
                "absence",
                {"staff_id": staff_id, "kind": kind, "starts_at": to_iso(start),
                 "ends_at": to_iso(end), "note": note},
                by=actor.id,
            )  # fmt: skip
            log_event(self.ctx, staff_id=actor.id, action="create", entity="absence",
                      entity_id=absence_id)  # fmt: skip
        return absence_id

    def remove_absence(self, actor: Staff, absence_id: str) -> None:
        row = self.ctx.db.execute(
            "SELECT staff_id FROM absence WHERE id = ? AND deleted_at IS NULL", [absence_id]
        ).fetchone()
        if row is None:
            return
        if actor.role != "reception":
            _may_change(actor, row[0])
        with write_transaction(self.ctx.db):
            soft_delete_row(self.ctx, "absence", absence_id, by=actor.id)
            log_event(self.ctx, staff_id=actor.id, action="delete", entity="absence",
                      entity_id=absence_id)  # fmt: skip

    # Team -----------------------------------------------------------------------------

    def team_of(self, staff_id: str) -> str | None:
        row = self.ctx.db.execute("SELECT team FROM staff WHERE id = ?", [staff_id]).fetchone()
        return row[0] if row and row[0] else None

    def set_team(self, actor: Staff, staff_id: str, team: str | None) -> str | None:
        """Put a member of staff in a team (admins only); None or blank takes them out.
        Returns the team as stored (trimmed), logged as a change of the staff row; a name
        with a control character or too long raises `TextRefused`."""
        name = check_label(team or "", "team", "text.field.staff.team", TEAM_MAX_LENGTH) or None
        with write_transaction(self.ctx.db):
            require(as_stored(self.ctx, actor), "staff.manage")
            if self.team_of(staff_id) == name:
                return name
            update_row(self.ctx, "staff", staff_id, {"team": name}, by=actor.id)
            log_event(self.ctx, staff_id=actor.id, action="update", entity="staff",
                      entity_id=staff_id, purpose=f"team:{name or ''}")  # fmt: skip
        return name

    def members(self, team: str) -> list[str]:
        """The ids of the active staff in `team`."""
        rows = self.ctx.db.execute(
            "SELECT id FROM staff WHERE team = ? AND active = 1 AND deleted_at IS NULL"
            " ORDER BY display_name",
            [team],
        )
        return [row[0] for row in rows]

    def same_team(self, a: str, b: str) -> bool:
        team = self.team_of(a)
        return a == b or (team is not None and team == self.team_of(b))
