"""Appointments: the conflict check, booking, moving, the states from booked to done,
and cancelling, each one transaction with its history and access-log row (the core of
`Store.schedule`; series, next free time and figures are in `repository.py`).

Who may: reception books, moves, checks in and cancels for any coach; a coach for
themselves and their team; only coaches see the appointment notes. A clash with the same
coach, the same client (with any coach) or the same room is refused, naming what holds the
time; the check runs inside the write transaction (BEGIN IMMEDIATE), so two desks booking
the same slot at once get one booking and one refusal.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false, reportUnknownArgumentType=false
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Final

from store.core.audit import log_event
from store.core.auth import allowed, require
from store.core.clock import to_iso, to_local
from store.core.context import Context
from store.core.db import write_transaction
from store.core.models import Staff
from store.core.rows import insert_row, update_row
from store.schedule.calendar_days import holiday_name
from store.schedule.errors import (
    MIN_MINUTES,
    AppointmentChanged,
    AppointmentClosed,
    AppointmentNotFound,
    BadLength,
    Clashes,
    InThePast,
    NotToday,
    NotYetStarted,
    NotYourCalendar,
)
from store.schedule.hours import WorkingTime
from store.schedule.models import (
    MAX_MINUTES,
    OPEN_STATES,
    Appointment,
    AppointmentStatus,
    Booking,
    CancelReason,
    Check,
    Proposal,
)
from store.schedule.records import APPOINTMENT_SELECT, appointment_from, busy_entries
from store.schedule.rules import find_clashes, time_warnings


class _Keep:
    """`move()`'s room when the appointment keeps the one it has."""


KEEP: Final = _Keep()


_BOOK = "schedule.book"  # a permission (store/core/auth.py), not a text
_NOTES = "schedule.notes"

# The moves between states: arrived and done are undone by setting the state back; a
# client marked a no-show who turns up late after all is checked in.
_NEXT: dict[AppointmentStatus, tuple[AppointmentStatus, ...]] = {
    "booked": ("arrived", "done", "no_show"),
    "arrived": ("done", "booked"),
    "done": ("arrived",),
    "no_show": ("booked", "arrived"),
    "cancelled": (),
}


def allowed_notes(actor: Staff) -> bool:
    """Whether `actor` sees and writes the coach's notes."""
    return allowed(actor, _NOTES)


class Appointments:
    def __init__(self, ctx: Context, working_time: WorkingTime) -> None:
        self.ctx = ctx
        self.working_time = working_time

    # Who may ------------------------------------------------------------------------------

    def may_book_for(self, actor: Staff, coach_id: str) -> bool:
        """Reception for any coach; a coach for themselves and their team."""
        if not allowed(actor, _BOOK):
            return False
        return actor.role == "reception" or self.working_time.same_team(actor.id, coach_id)

    def _require_book(self, actor: Staff, coach_id: str) -> None:
        require(actor, _BOOK)
        if not self.may_book_for(actor, coach_id):
            raise NotYourCalendar()

    # Reading ------------------------------------------------------------------------------

    def get(self, actor: Staff, appointment_id: str) -> Appointment:
        row = self.ctx.db.execute(
            f"{APPOINTMENT_SELECT} WHERE a.id = ? AND a.deleted_at IS NULL", [appointment_id]
        ).fetchone()
        if row is None:
            raise AppointmentNotFound(appointment_id)
        return appointment_from(row, with_note=allowed_notes(actor))

    def between(
        self, actor: Staff, coach_id: str, start: datetime, end: datetime
    ) -> list[Appointment]:
        """The coach's appointments starting in [start, end), cancelled ones included."""
        return self._starting(actor, "coach_id", coach_id, start, end)

    def of_client(
        self, actor: Staff, client_id: str, start: datetime, end: datetime
    ) -> list[Appointment]:
        """The client's appointments with any coach starting in [start, end)."""
        return self._starting(actor, "client_id", client_id, start, end)

    def _starting(
        self, actor: Staff, column: str, value: str, start: datetime, end: datetime
    ) -> list[Appointment]:
        """Appointments whose `column` is `value` starting in [start, end), in time order;
        one range of the (column, starts_at) index."""
        rows = self.ctx.db.execute(
            f"{APPOINTMENT_SELECT} WHERE a.{column} = ? AND a.starts_at >= ? AND a.starts_at < ?"
            " AND a.deleted_at IS NULL ORDER BY a.starts_at, a.id",
            [value, to_iso(start), to_iso(end)],
        )
        notes = allowed_notes(actor)
        return [appointment_from(row, with_note=notes) for row in rows]

    # The check ----------------------------------------------------------------------------

    def check(self, proposal: Proposal, ignore_id: str | None = None) -> Check:
        """What refuses `proposal` (clashes) and what only warns about it (weekend, public
        holiday, outside the coach's working hours)."""
        calendar = busy_entries(
            self.ctx,
            proposal.starts_at,
            proposal.ends_at,
            coach_id=proposal.coach_id,
            client_id=proposal.client_id,
            room_id=proposal.room_id,
        )
        clashes = find_clashes(proposal, calendar, ignore_id)
        local_start, local_end = to_local(proposal.starts_at), to_local(proposal.ends_at)
        holiday = holiday_name(local_start.date())
        warnings = time_warnings(
            local_start,
            local_end,
            self.working_time.hours_on(proposal.coach_id, local_start.date()),
            holiday is not None,
        )
        return Check(tuple(clashes), warnings, holiday)

    def _validate_time(self, starts_at: datetime, minutes: int) -> None:
        if not MIN_MINUTES <= minutes <= MAX_MINUTES:
            raise BadLength()
        if starts_at < self.ctx.clock.now():
            raise InThePast()

    # Writing ------------------------------------------------------------------------------

    def book(
        self,
        actor: Staff,
        booking: Booking,
        *,
        series_id: str | None = None,
        series_index: int | None = None,
    ) -> Appointment:
        """Book one appointment; raises `Clashes` (nothing written) if the time is taken."""
        self._require_book(actor, booking.coach_id)
        self._validate_time(booking.starts_at, booking.minutes)
        if not allowed(actor, _NOTES):
            booking = replace(booking, note=None)
        with write_transaction(self.ctx.db):
            appointment_id = self._insert(actor, booking, series_id, series_index)
        return self.get(actor, appointment_id)

    def _insert(
        self, actor: Staff, booking: Booking, series_id: str | None, series_index: int | None
    ) -> str:
        """Inside a write transaction: check, then insert with its history and log rows."""
        check = self.check(booking.proposal())
        if check.clashes:
            raise Clashes(check.clashes)
        appointment_id = insert_row(
            self.ctx,
            "appointment",
            {
                "coach_id": booking.coach_id,
                "client_id": booking.client_id,
                "kind": booking.kind,
                "channel": booking.channel,
                "starts_at": to_iso(booking.starts_at),
                "ends_at": to_iso(booking.ends_at),
                "site_id": booking.site_id,
                "room_id": booking.room_id,
                "status": "booked",
                "series_id": series_id,
                "series_index": series_index,
                "note": booking.note,
                "booked_by": actor.id,
            },
            by=actor.id,
        )
        self._history(
            actor, appointment_id, "booked",
            to_starts_at=to_iso(booking.starts_at), to_ends_at=to_iso(booking.ends_at),
            to_status="booked",
        )  # fmt: skip
        log_event(self.ctx, staff_id=actor.id, action="create", entity="appointment",
                  entity_id=appointment_id, client_id=booking.client_id)  # fmt: skip
        return appointment_id

    def move(
        self,
        actor: Staff,
        appointment_id: str,
        starts_at: datetime,
        minutes: int | None = None,
        *,
        coach_id: str | None = None,
        room_id: str | None | _Keep = KEEP,
        expected_updated_at: str | None = None,
    ) -> Appointment:
        """A new time (and length, coach or room) for an open appointment; the old time is
        kept in its history. Refused like a booking if the new time is taken."""
        with write_transaction(self.ctx.db):
            current = self._open_for_change(actor, appointment_id, expected_updated_at)
            new_coach = coach_id or current.coach_id
            # Moving takes the appointment out of one calendar and into another: the
            # actor must be allowed both.
            self._require_book(actor, current.coach_id)
            self._require_book(actor, new_coach)
            length = minutes if minutes is not None else current.minutes
            self._validate_move(current, starts_at, length)
            new_room = current.room_id if isinstance(room_id, _Keep) else room_id
            ends_at = starts_at + timedelta(minutes=length)
            changes = {
                column: value
                for column, value, was in (
                    ("starts_at", to_iso(starts_at), to_iso(current.starts_at)),
                    ("ends_at", to_iso(ends_at), to_iso(current.ends_at)),
                    ("coach_id", new_coach, current.coach_id),
                    ("room_id", new_room, current.room_id),
                )
                if value != was
            }
            if not changes:
                return current
            proposal = Proposal(new_coach, current.client_id, starts_at, ends_at, new_room)
            clashes = self.check(proposal, ignore_id=appointment_id).clashes
            if clashes:
                raise Clashes(clashes)
            update_row(self.ctx, "appointment", appointment_id, changes, by=actor.id)
            if "starts_at" in changes or "ends_at" in changes:
                self._history(
                    actor, appointment_id, "moved",
                    from_starts_at=to_iso(current.starts_at), from_ends_at=to_iso(current.ends_at),
                    to_starts_at=to_iso(starts_at), to_ends_at=to_iso(ends_at),
                )  # fmt: skip
            if "coach_id" in changes or "room_id" in changes:
                self._history(actor, appointment_id, "edited")
            log_event(self.ctx, staff_id=actor.id, action="update", entity="appointment",
                      entity_id=appointment_id, client_id=current.client_id)  # fmt: skip
        return self.get(actor, appointment_id)

    def _validate_move(self, current: Appointment, starts_at: datetime, minutes: int) -> None:
        """A new start is in the future, like a booking's; a running appointment keeps its
        start in the past and may still be lengthened or given another room or coach. An
        arrived client's appointment stays on its day."""
        if starts_at == current.starts_at:
            if not MIN_MINUTES <= minutes <= MAX_MINUTES:
                raise BadLength()
        else:
            self._validate_time(starts_at, minutes)
        if (
            current.status == "arrived"
            and to_local(starts_at).date() != to_local(current.starts_at).date()
        ):
            raise NotToday()

    def set_status(
        self,
        actor: Staff,
        appointment_id: str,
        status: AppointmentStatus,
        *,
        visit_id: str | None = None,
    ) -> Appointment:
        """Arrived, done or no-show (or back, to undo a slip); cancelling is `cancel`."""
        if status == "cancelled":
            raise ValueError("cancel() cancels, with a reason")
        with write_transaction(self.ctx.db):
            current = self._appointment(actor, appointment_id)
            self._require_book(actor, current.coach_id)
            if status == current.status:
                return current
            if status not in _NEXT[current.status]:
                raise AppointmentClosed()
            self._validate_status_time(current, status)
            changes: dict[str, object] = {"status": status}
            if visit_id is not None:
                changes["visit_id"] = visit_id
            update_row(self.ctx, "appointment", appointment_id, changes, by=actor.id)
            self._history(
                actor, appointment_id, "status", from_status=current.status, to_status=status
            )
            log_event(self.ctx, staff_id=actor.id, action="update", entity="appointment",
                      entity_id=appointment_id, client_id=current.client_id)  # fmt: skip
        return self.get(actor, appointment_id)

    def _validate_status_time(self, current: Appointment, status: AppointmentStatus) -> None:
        """Arrived only on the appointment's day (undoing "done" aside); done not on a day
        before it (a phone call held a little early is fine); a no-show not before the
        start. A future appointment marked kept or missed would skew the figures."""
        now = self.ctx.clock.now()
        today, day = to_local(now).date(), to_local(current.starts_at).date()
        checking_in = status == "arrived" and current.status != "done"
        if checking_in and day != today:
            raise NotToday()
        if (status == "done" and today < day) or (status == "no_show" and now < current.starts_at):
            raise NotYetStarted()

    def cancel(
        self,
        actor: Staff,
        appointment_id: str,
        reason: CancelReason,
        note: str | None = None,
    ) -> Appointment:
        """Cancelled by the client or by the coach; the time is free again, the row stays."""
        with write_transaction(self.ctx.db):
            current = self._open_for_change(actor, appointment_id, None)
            self._require_book(actor, current.coach_id)
            update_row(
                self.ctx,
                "appointment",
                appointment_id,
                {"status": "cancelled", "cancel_reason": reason, "cancel_note": note or None},
                by=actor.id,
            )
            self._history(
                actor, appointment_id, "status", from_status=current.status, to_status="cancelled"
            )
            log_event(self.ctx, staff_id=actor.id, action="update", entity="appointment",
                      entity_id=appointment_id, client_id=current.client_id)  # fmt: skip
        return self.get(actor, appointment_id)

    def set_note(self, actor: Staff, appointment_id: str, note: str | None) -> Appointment:
        """The coach's own note (only coaches see and write them)."""
        require(actor, _NOTES)
        with write_transaction(self.ctx.db):
            current = self._appointment(actor, appointment_id)
            self._require_book(actor, current.coach_id)
            update_row(self.ctx, "appointment", appointment_id, {"note": note or None},
                       by=actor.id)  # fmt: skip
            self._history(actor, appointment_id, "edited")
            log_event(self.ctx, staff_id=actor.id, action="update", entity="appointment",
                      entity_id=appointment_id, client_id=current.client_id)  # fmt: skip
        return self.get(actor, appointment_id)

    def history(self, appointment_id: str) -> list[tuple[object, ...]]:
        """(at, staff name, change, from start, to start, from state, to state), oldest first."""
        return list(
            self.ctx.db.execute(
                "SELECT h.at, s.display_name, h.change, h.from_starts_at, h.to_starts_at,"
                " h.from_status, h.to_status FROM appointment_change h"
                " LEFT JOIN staff s ON s.id = h.staff_id WHERE h.appointment_id = ?"
                " ORDER BY h.at, h.rowid",
                [appointment_id],
            )
        )

    # Helpers ------------------------------------------------------------------------------

    def _appointment(self, actor: Staff, appointment_id: str) -> Appointment:
        return self.get(actor, appointment_id)

    def _open_for_change(
        self, actor: Staff, appointment_id: str, expected_updated_at: str | None
    ) -> Appointment:
        current = self._appointment(actor, appointment_id)
        if expected_updated_at is not None and current.updated_at != expected_updated_at:
            raise AppointmentChanged()
        if current.status not in OPEN_STATES:
            raise AppointmentClosed()
        return current

    def _history(
        self, actor: Staff, appointment_id: str, change: str, **values: str | None
    ) -> None:
        insert_row(
            self.ctx,
            "appointment_change",
            {"appointment_id": appointment_id, "at": self.ctx.now_iso(), "staff_id": actor.id,
             "change": change, **values},
            by=actor.id,
        )  # fmt: skip
