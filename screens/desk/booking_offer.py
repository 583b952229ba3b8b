"""The visitor's bookings of today, shown in the visit form over the reasons: Enter checks
the highlighted one in; a digit or Tab goes on to the reasons, for another matter."""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.schedule.models import Appointment

from ..shell.context import ContextMixin
from ..shell.formatting import format_time

# How a booking the desk cannot check in again is marked beside it (never colour alone).
STATUS_MARK = {"arrived": "✔", "no_show": "✖"}


def booking_label(appointment: Appointment, status_text: str, kind_text: str) -> Text:
    """ "13:00–13:45 Virtanen Liisa · job-search discussion", and its state unless booked."""
    times = f"{format_time(appointment.starts_at)}–{format_time(appointment.ends_at)}"
    label = Text.assemble((times, "bold"), " ", appointment.coach_name, " · ", kind_text)
    if appointment.status in STATUS_MARK:
        label.append(f" {STATUS_MARK[appointment.status]} {status_text}", style="bold")
    return label


class BookingList(OptionList):
    """Enter checks in; a digit is a reason for a walk-in visit instead; Esc cancels."""

    BINDINGS = [
        Binding("enter", "select", "Arrived", id="booking.check_in"),
        Binding("escape", "cancel", "Cancel", id="checkin.offer.cancel"),
    ]

    class Cancelled(Message):
        pass

    class ReasonTyped(Message):
        def __init__(self, number: int) -> None:
            super().__init__()
            self.number = number

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isdigit() and event.character != "0":
            event.stop()
            event.prevent_default()
            self.post_message(self.ReasonTyped(int(event.character)))

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())


class BookingOffer(ContextMixin, Vertical):
    """Shown while the visitor has bookings today (see `show`); posts `CheckInRequested`."""

    DEFAULT_CSS = """
    BookingOffer { height: auto; display: none; padding: 0 1; margin-bottom: 1; }
    BookingOffer.-shown { display: block; }
    BookingOffer #booking-list { height: auto; max-height: 4; border: none; padding: 0; }
    BookingOffer #booking-hint { color: $text-muted; height: auto; }
    """

    class CheckInRequested(Message):
        def __init__(self, appointment: Appointment) -> None:
            super().__init__()
            self.appointment = appointment

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.bookings: tuple[Appointment, ...] = ()

    def compose(self) -> ComposeResult:
        yield Static(self.t("checkin.today"), id="booking-title")
        yield BookingList(id="booking-list")
        yield Static(self.t("checkin.hint"), id="booking-hint")

    @property
    def list(self) -> BookingList:
        return self.query_one(BookingList)

    def show(self, bookings: tuple[Appointment, ...]) -> None:
        """List `bookings` (none: the offer is hidden), the first one highlighted."""
        self.bookings = bookings
        self.set_class(bool(bookings), "-shown")
        options = self.list
        options.clear_options()
        options.add_options(
            Option(
                booking_label(
                    a, self.t(f"schedule.status.{a.status}"), self.t(f"schedule.kind.{a.kind}")
                ),
                id=a.id,
            )
            for a in bookings
        )
        options.highlighted = 0 if bookings else None

    @on(OptionList.OptionSelected, "#booking-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = next(a for a in self.bookings if a.id == event.option.id)
        self.post_message(self.CheckInRequested(chosen))
