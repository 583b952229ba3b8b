"""What the desk does to visits and what it then tells the user; no widgets here."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from store.api import Store
from store.core.db import DatabaseFault
from store.core.i18n import TranslatedError
from store.core.models import Staff
from store.schedule.checkin import Expected
from store.schedule.models import Appointment
from store.visits.models import Channel, Visit, VisitState
from store.visits.register import DeskOccupied, InvalidTransition
from store.visits.rules import (
    OWN_COACH_REASON,
    Holder,
    OwnCoachNeedsClient,
    held_elsewhere,
    next_step,
)
from store.visits.undo import UndoStack

from ..shell.background import fault_key
from ..shell.formatting import format_time


@dataclass(frozen=True)
class Notice:
    """A message for the user (a translation key and its values), whether the queue
    changed so that it must be redrawn first, and the visit to put the cursor on."""

    key: str
    params: Mapping[str, object] = field(default_factory=dict[str, object])
    severity: Literal["information", "warning", "error"] = "information"
    changed: bool = False
    visit_id: str | None = None


def unavailable(fault: DatabaseFault) -> Notice:
    """The database could not be written (busy, full or read-only): nothing changed."""
    return Notice(fault_key(fault) or "error.busy", severity="error")


class DeskActions:
    """Changes visits at one desk, remembering the last change (for Ctrl+Z) and the last
    visit finished today (for the visitor's feedback, F9)."""

    def __init__(
        self,
        store: Store,
        staff: Staff,
        site_id: str,
        desk: str,
        state_text: Callable[[Visit], str],
        visitor_text: Callable[[Visit], str],
    ) -> None:
        self.store, self.staff, self.site_id, self.desk = store, staff, site_id, desk
        self.state_text, self.visitor_text = state_text, visitor_text
        self.last_done: Visit | None = None
        self.history = UndoStack()  # this session's changes here, for Ctrl+Z

    def cannot(self, visit: Visit) -> Notice:
        return Notice("walkin.cannot", {"state": self.state_text(visit)}, "warning")

    def occupied(self, occupied: DeskOccupied) -> Notice:
        """Who is still at the desk, and the key that finishes them; the cursor goes to them."""
        visit = occupied.visit
        params = {"ticket": visit.ticket, "name": self.visitor_text(visit), "desk": visit.desk}
        key = f"walkin.desk_occupied.{visit.state}"
        return Notice(key, params, "warning", changed=True, visit_id=visit.id)

    def held_elsewhere(self, visit: Visit) -> Holder | None:
        """Who else has `visit` now, read afresh: the queue on screen may be seconds old."""
        current = self.store.visits.get(visit.id)
        return held_elsewhere(current, self.staff.id, self.desk)

    def queue_action(self, visit: Visit, action: str) -> Notice | None:
        """Carry out a queue key's action on `visit`; None for a key that does nothing here."""
        if action == "advance" and (step := next_step(visit)) is not None:
            return self.change(visit, step, desk=self.desk)
        if action == "left":  # done is asked about first: its outcome (see OutcomeDialog)
            return self.change(visit, action)
        if action == "hold":
            return self.change(visit, "waiting" if visit.state == "on_hold" else "on_hold")
        return None

    def change(
        self,
        visit: Visit,
        to_state: VisitState,
        *,
        desk: str | None = None,
        to_staff_id: str | None = None,
        outcome: str | None = None,
    ) -> Notice:
        try:
            before = self.store.visits.get(visit.id)
            changed = self.store.visits.change_state(
                self.staff, visit.id, to_state, desk=desk, to_staff_id=to_staff_id, outcome=outcome
            )
        except InvalidTransition:
            return self.cannot(visit)
        except DeskOccupied as occupied:
            return self.occupied(occupied)
        except DatabaseFault as fault:
            return unavailable(fault)
        self.history.push(before, changed)
        # The question is for a visitor still at the desk: not for a visit of an earlier
        # day being closed (F8), whose answer would also land in that day's NPS.
        if changed.state == "done" and changed.visit_date == self.store.today():
            self.last_done = changed
            params = {"ticket": changed.ticket, "state": self.state_text(changed)}
            return Notice("walkin.feedback_offer", params, changed=True)
        state = self.state_text(changed)
        return Notice("walkin.changed", {"ticket": changed.ticket, "state": state}, changed=True)

    def undo(self) -> Notice:
        """Take back the newest change made here, if nobody has moved the visit on since;
        pressed again, the one before it."""
        try:
            restored = self.store.visits.undo_latest(self.staff, self.history)
        except InvalidTransition as too_late:
            return Notice("walkin.undo_too_late", {"ticket": too_late.visit.ticket}, "warning")
        except DeskOccupied as occupied:
            return self.occupied(occupied)
        except DatabaseFault as fault:
            return unavailable(fault)
        if restored is None:
            return Notice("walkin.nothing_to_undo")
        if self.last_done is not None and self.last_done.id == restored.id:
            self.last_done = None
        state = self.state_text(restored)
        return Notice("walkin.undone", {"ticket": restored.ticket, "state": state}, changed=True)

    def call_next(self) -> Notice:
        waiting = {v.id: v for v in self.store.visits.queue(self.site_id)}  # for Ctrl+Z
        try:
            visit = self.store.visits.call_next(self.staff, self.site_id, self.desk)
        except DeskOccupied as occupied:
            return self.occupied(occupied)
        except DatabaseFault as fault:
            return unavailable(fault)
        if visit is None:
            # The count above the queue includes people waiting for a named colleague or
            # for their booked time; say so rather than "nobody".
            others = any(v.is_waiting for v in waiting.values())
            key = "walkin.nobody_for_you" if others else "walkin.nobody_waiting"
            return Notice(key, changed=True)
        if visit.id in waiting:
            self.history.push(waiting[visit.id], visit)
        params = {"ticket": visit.ticket, "desk": self.desk}
        return Notice("walkin.called", params, changed=True, visit_id=visit.id)

    def register(
        self, client_id: str | None, name: str, reason_codes: tuple[str, ...], channel: Channel
    ) -> Notice:
        """Put a walk-in visitor in the queue."""
        try:
            visit = self.store.visits.register(
                self.staff,
                self.site_id,
                client_id=client_id,
                reason_codes=reason_codes,
                channel=channel,
                wants_own_coach=OWN_COACH_REASON in reason_codes,
            )
        except OwnCoachNeedsClient:
            return Notice("walkin.own_coach_needs_client", severity="warning")
        except DatabaseFault as fault:
            return unavailable(fault)
        return Notice("walkin.queued", {"ticket": visit.ticket, "name": name}, changed=True)

    def check_in(self, appointment: Appointment, name: str) -> Notice:
        """Mark a booked visitor arrived and queue them for their coach at the booked time."""
        try:
            visit = self.store.checkin.check_in(self.staff, appointment.id, self.site_id)
        except DatabaseFault as fault:
            return unavailable(fault)
        except TranslatedError as refused:  # twice, already queued, not today, closed …
            return Notice(refused.key, refused.params, "warning", changed=True)
        params = {
            "ticket": visit.ticket,
            "name": name,
            "time": format_time(appointment.starts_at),
            "coach": appointment.coach_name,
        }
        return Notice("checkin.done", params, changed=True, visit_id=visit.id)

    def mark_no_show(self, expected: Expected, name: str) -> Notice:
        """The booked client did not come: their appointment becomes a no-show."""
        appointment = expected.appointment
        try:
            self.store.checkin.mark_no_show(self.staff, appointment.id)
        except DatabaseFault as fault:
            return unavailable(fault)
        except TranslatedError as refused:  # checked in at another desk meanwhile …
            return Notice(refused.key, refused.params, "warning", changed=True)
        params = {"time": format_time(appointment.starts_at), "name": name}
        return Notice("noshow.marked", params, changed=True)

    def take_last_done(self) -> Visit | None:
        """The visit the feedback question is for, once: asking takes it."""
        visit, self.last_done = self.last_done, None
        return visit
