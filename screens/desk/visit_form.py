"""The desk's visit form: who came, their bookings of today to check in, or the reasons and
the channel of a walk-in visit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import cast

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Label, Select, Static

from store.clients.display import person_label
from store.core.i18n import tr
from store.schedule.models import Appointment
from store.visits.models import CHANNELS, Channel, Visit, VisitReason
from store.visits.rules import OWN_COACH_REASON

from ..shell.context import ContextMixin
from .booking_offer import BookingList, BookingOffer
from .reason_picker import ReasonPicker

# A visit typed in at the desk: an appointment's visit comes from its booking (check-in).
TYPED_CHANNELS: tuple[Channel, ...] = tuple(c for c in CHANNELS if c != "appointment")


def visitor_name(
    first: str, last: str, blanked: bool, lang: str, birth_date: date | None = None
) -> str:
    """How the desk names a visitor: with the birth date, so that namesakes stay apart;
    initials on a blanked screen; "anonymous" for no one."""
    if not (first or last):
        return tr("walkin.anonymous", lang)
    return person_label(first, last, birth_date, blanked=blanked)


def visit_name(visit: Visit, blanked: bool, lang: str) -> str:
    """Who `visit` is for, named as `visitor_name` does: with the birth date."""
    return visitor_name(
        visit.first_name or "", visit.last_name or "", blanked, lang, visit.client_birth_date
    )


@dataclass(frozen=True)
class Visitor:
    """The person the form is filled in for; no `client_id` for an anonymous visitor."""

    client_id: str | None
    first_name: str = ""
    last_name: str = ""
    coach_name: str | None = None
    birth_date: date | None = None
    bookings: tuple[Appointment, ...] = ()  # today's, here, to check in (see Store.checkin)


class VisitForm(ContextMixin, Vertical):
    """Filled in for the `Visitor` the screen hands to `start`.

    Posts `CheckInRequested` when Enter is pressed on one of the visitor's bookings,
    `VisitRequested` when the reasons are confirmed and the form is valid, and `Cancelled`
    when the user steps back from the first field.
    """

    class VisitRequested(Message):
        def __init__(
            self, visitor: Visitor, reason_codes: tuple[str, ...], channel: Channel
        ) -> None:
            super().__init__()
            self.visitor = visitor
            self.reason_codes = reason_codes
            self.channel: Channel = channel

    class CheckInRequested(Message):
        def __init__(self, visitor: Visitor, appointment: Appointment) -> None:
            super().__init__()
            self.visitor = visitor
            self.appointment = appointment

    class Cancelled(Message):
        pass

    def __init__(self, reasons: list[VisitReason], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.all_reasons = reasons
        self.visitor: Visitor | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="picked")
        yield BookingOffer(id="booking-offer")
        yield ReasonPicker(self.all_reasons, id="reasons")
        with Horizontal(classes="field-row"):
            yield Label(self.t("walkin.channel"), classes="short-label")
            yield Select(
                [(self.t(f"channel.{c}"), c) for c in TYPED_CHANNELS],
                value="walk_in",
                allow_blank=False,
                id="channel",
                compact=True,
            )

    def on_mount(self) -> None:
        self.watch(self.app, "blanked", lambda _: self._show_visitor(), init=False)

    def start(self, visitor: Visitor) -> None:
        """Begin a visit for `visitor`: nothing ticked, walk-in channel; their first booking
        of today highlighted for Enter to check in, if they have one, else the reasons."""
        self.visitor = visitor
        self._show_visitor()
        self.query_one(ReasonPicker).reset()
        self.query_one("#channel", Select).value = "walk_in"
        offer = self.query_one(BookingOffer)
        offer.show(visitor.bookings)
        if visitor.bookings:
            offer.list.focus()
        else:
            self.focus_reasons()

    def focus_reasons(self) -> None:
        self.query_one(ReasonPicker).focus()

    def _show_visitor(self) -> None:
        visitor = self.visitor
        if visitor is None:
            return
        name = visitor_name(
            visitor.first_name,
            visitor.last_name,
            self.ctx.blanked,
            self.ctx.lang,
            visitor.birth_date,
        )
        lines = [self.t("walkin.picked", name=name)]
        if visitor.coach_name is not None:
            lines.append(self.t("walkin.own_coach", name=visitor.coach_name))
        self.query_one("#picked", Static).update("\n".join(lines))

    @on(BookingOffer.CheckInRequested)
    def _check_in(self, event: BookingOffer.CheckInRequested) -> None:
        event.stop()
        if self.visitor is not None:
            self.post_message(self.CheckInRequested(self.visitor, event.appointment))

    @on(BookingList.ReasonTyped)
    def _walk_in_instead(self, event: BookingList.ReasonTyped) -> None:
        """A digit on the bookings: another matter than the booking, its first reason."""
        event.stop()
        picker = self.query_one(ReasonPicker)
        picker.action_toggle(event.number)
        picker.focus()

    @on(ReasonPicker.Cancelled)
    @on(BookingList.Cancelled)
    def _cancelled(self, event: ReasonPicker.Cancelled | BookingList.Cancelled) -> None:
        event.stop()
        self.post_message(self.Cancelled())

    @on(ReasonPicker.Confirmed)
    def _confirmed(self, event: ReasonPicker.Confirmed) -> None:
        event.stop()
        visitor = self.visitor
        if visitor is None:
            return
        if visitor.client_id is None and OWN_COACH_REASON in event.codes:
            # An anonymous visitor has no coach of their own to meet (nor a ★ to show).
            self.notify(self.t("walkin.own_coach_needs_client"), severity="warning")
            return
        channel = cast(Channel, self.query_one("#channel", Select).value)
        self.post_message(self.VisitRequested(visitor, event.codes, channel))
