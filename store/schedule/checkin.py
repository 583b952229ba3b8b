"""Check-in at the walk-in desk (`Store.checkin`): a client with a booking today is marked
arrived and queued for their coach at the booked time, in one transaction; a booked client
who has not arrived `NO_SHOW_AFTER` the start is offered to the desk as a no-show.

The desk reaches a booking through the client: the usual search finds the client, and
`today_for` lists what they have booked today at this site (an appointment without a site
of its own is at its coach's). The visit a check-in makes is an ordinary visit of the
queue: channel 'appointment', `booked_for` the start, `appointment_id` the booking, and
`assigned_to` the coach, so that the coach's call (F6) takes it first once its time has
come and no other desk calls it in their place (`store.visits.rules.next_in_line`).
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false, reportUnknownArgumentType=false
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from store.clients.repository import ClientRepository
from store.core.auth import require
from store.core.clock import local_day_bounds, to_iso, to_local
from store.core.context import Context
from store.core.db import write_transaction
from store.core.i18n import TranslatedError
from store.core.models import Staff
from store.core.rows import update_row
from store.core.text import visible
from store.schedule.errors import AppointmentClosed, NotYourCalendar
from store.schedule.models import NO_SHOW_AFTER, Appointment, AppointmentKind
from store.schedule.records import APPOINTMENT_SELECT, appointment_from
from store.schedule.repository import Schedule
from store.visits.models import Visit
from store.visits.register import VisitRegister
from store.visits.rules import OWN_COACH_REASON

# The visit's process step (domain guide §2) for the appointments that are one.
PROCESS_STEP: dict[AppointmentKind, str] = {
    "initial_interview": "initial_interview",
    "job_search": "job_search_discussion",
    "supplementary": "supplementary_discussion",
}
# What the desk still shows of a client's day: to check in, checked in, or late.
_SHOWN_STATES = ("booked", "arrived", "no_show")
# The site an appointment is at: its own, else its coach's (`s` is the coach's row).
_AT_SITE = "coalesce(a.site_id, s.site_id) = ?"


class AlreadyCheckedIn(TranslatedError):
    """The client was checked in for this appointment already (as `ticket`, if known)."""

    def __init__(self, ticket: str | None) -> None:
        if ticket is None:
            super().__init__("checkin.error.already")
        else:
            super().__init__("checkin.error.already_as", ticket=ticket)
        self.ticket = ticket


class NotToday(TranslatedError):
    """Only an appointment of today is checked in at the desk."""

    def __init__(self, day: date) -> None:
        super().__init__("checkin.error.not_today", day=f"{day.day}.{day.month}.{day.year}")


class AlreadyInQueue(TranslatedError):
    """The client has an open visit here today already: one visitor, one ticket."""

    def __init__(self, visit: Visit) -> None:
        super().__init__("checkin.error.in_queue", ticket=visit.ticket)
        self.visit = visit


class NotLateYet(TranslatedError):
    """A client is a no-show only once `NO_SHOW_AFTER` has passed since the start."""

    def __init__(self, until: str) -> None:
        super().__init__("checkin.error.not_late", until=until)


@dataclass(frozen=True)
class Expected:
    """A booked client the desk is waiting for, named as the desk names visitors: with
    the birth date, so that namesakes stay apart (initials on a blanked screen)."""

    appointment: Appointment
    first_name: str
    last_name: str
    birth_date: date


class Checkin:
    def __init__(
        self, ctx: Context, schedule: Schedule, visits: VisitRegister, clients: ClientRepository
    ) -> None:
        self.ctx = ctx
        self.schedule = schedule
        self.visits = visits
        self.clients = clients

    # Reading ------------------------------------------------------------------------------

    def today_for(self, actor: Staff, client_id: str, site_id: str) -> list[Appointment]:
        """The client's appointments today at this site with any coach that the desk
        still has a use for: booked (to check in), arrived (checked in already) and
        no-show (late, still to be checked in); in time order."""
        require(actor, "schedule.view")
        start, end = local_day_bounds(self.ctx.today())
        marks = ", ".join("?" for _ in _SHOWN_STATES)
        rows = self.ctx.db.execute(
            f"{APPOINTMENT_SELECT} WHERE a.client_id = ? AND a.starts_at >= ? AND a.starts_at < ?"
            f" AND a.status IN ({marks}) AND {_AT_SITE} AND a.deleted_at IS NULL"
            " ORDER BY a.starts_at, a.id",
            [client_id, start, end, *_SHOWN_STATES, site_id],
        )
        return [appointment_from(row, with_note=False) for row in rows]

    def no_show_candidates(self, actor: Staff, site_id: str) -> list[Expected]:
        """Today's in-person appointments at this site still booked (not arrived)
        `NO_SHOW_AFTER` or more after their start: the clients to ask about."""
        require(actor, "schedule.view")
        start, _ = local_day_bounds(self.ctx.today())
        late = to_iso(self.ctx.clock.now() - NO_SHOW_AFTER)
        rows = list(
            self.ctx.db.execute(
                f"{APPOINTMENT_SELECT} WHERE a.starts_at >= ? AND a.starts_at <= ?"
                f" AND a.status = 'booked' AND a.channel = 'in_person' AND {_AT_SITE}"
                " AND a.deleted_at IS NULL ORDER BY a.starts_at, a.id",
                [start, late, site_id],
            )
        )
        people = {
            row[0]: row[1:]
            for row in self.ctx.db.execute(
                "SELECT id, first_name, last_name, birth_date FROM client WHERE id IN"
                f" ({', '.join('?' for _ in rows)})",
                [row[3] for row in rows],
            )
        }
        expected: list[Expected] = []
        for row in rows:
            first, last, born = people[row[3]]
            appointment = appointment_from(row, with_note=False)
            expected.append(
                Expected(appointment, visible(first), visible(last), date.fromisoformat(born))
            )
        return expected

    # Writing ------------------------------------------------------------------------------

    def check_in(self, actor: Staff, appointment_id: str, site_id: str) -> Visit:
        """Mark the client arrived and queue them for their coach at the booked time, in
        one transaction: a visit (channel 'appointment', booked for the start, waiting
        for the coach, the appointment's process step) and the appointment arrived with
        that visit. A client marked a no-show who comes after all is checked in too.

        Refused with `AlreadyCheckedIn` the second time, `AlreadyInQueue` while the client
        has an open visit here, `NotToday` for another day's appointment,
        `AppointmentClosed` for a done or cancelled one, `NotYourCalendar` for a coach
        outside the actor's team; nothing is written then.
        """
        require(actor, "visit.register")
        with write_transaction(self.ctx.db):
            booking = self.schedule.get(actor, appointment_id)
            self._may_change(actor, booking)
            if booking.status == "arrived":
                raise AlreadyCheckedIn(self._ticket(booking))
            if booking.status not in ("booked", "no_show"):
                raise AppointmentClosed()
            day = to_local(booking.starts_at).date()
            if day != self.ctx.today():
                raise NotToday(day)
            open_visit = self.visits.open_visit_of(booking.client_id, site_id)
            if open_visit is not None:
                raise AlreadyInQueue(open_visit)
            if booking.status == "no_show":  # late after all: the mark is undone, kept
                self.schedule.set_status(actor, appointment_id, "booked")
            own_coach = self.clients.coach_id_of(booking.client_id) == booking.coach_id
            reasons = {r.code for r in self.visits.reasons()}
            visit = self.visits.register(
                actor,
                site_id,
                client_id=booking.client_id,
                reason_codes=(OWN_COACH_REASON,)
                if own_coach and OWN_COACH_REASON in reasons
                else (),
                channel="appointment",
                booked_for=to_iso(booking.starts_at),
                wants_own_coach=own_coach,
            )
            update_row(
                self.ctx,
                "visit",
                visit.id,
                {
                    "appointment_id": booking.id,
                    "assigned_to": booking.coach_id,
                    "process_step": PROCESS_STEP.get(booking.kind, "none"),
                },
                by=actor.id,
            )
            self.schedule.set_status(actor, appointment_id, "arrived", visit_id=visit.id)
        return self.visits.get(visit.id)

    def mark_no_show(self, actor: Staff, appointment_id: str) -> Appointment:
        """The client did not come: the appointment becomes a no-show (its time is free
        again). Refused with `NotLateYet` before `NO_SHOW_AFTER` from the start, and with
        `AlreadyCheckedIn` once another desk has checked the client in."""
        with write_transaction(self.ctx.db):
            booking = self.schedule.get(actor, appointment_id)
            self._may_change(actor, booking)
            if booking.status == "arrived":
                raise AlreadyCheckedIn(self._ticket(booking))
            late_from = booking.starts_at + NO_SHOW_AFTER
            if booking.status == "booked" and self.ctx.clock.now() < late_from:
                raise NotLateYet(to_local(late_from).strftime("%H:%M"))
            return self.schedule.set_status(actor, appointment_id, "no_show")

    # Helpers ------------------------------------------------------------------------------

    def _may_change(self, actor: Staff, booking: Appointment) -> None:
        """Refused before anything is written: a coach changes their team's calendars only."""
        require(actor, "schedule.book")
        if not self.schedule.may_book_for(actor, booking.coach_id):
            raise NotYourCalendar()

    def _ticket(self, booking: Appointment) -> str | None:
        if booking.visit_id is None:
            return None
        return self.visits.get(booking.visit_id).ticket
