"""Booking, moving and cancelling an appointment (dialogs over F5, the day sheet and the
reviews list).

PLACEHOLDER: the `booking` helper replaces this file; the constructors below are the
interface the other screens call.
"""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Static

from store.schedule.models import Appointment

from ..shell.context import ScreenContextMixin


class _Placeholder(ScreenContextMixin, ModalScreen[object]):
    BINDINGS = [Binding("escape", "dismiss_none", "Cancel")]

    def compose(self) -> ComposeResult:
        yield Static("…")

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


class BookingDialog(_Placeholder):
    """A new appointment for `coach_id` (and `client_id`, `starts_at` if known); answers
    the booked `Appointment`, or None when nothing was booked."""

    def __init__(
        self,
        *,
        coach_id: str,
        client_id: str | None = None,
        starts_at: datetime | None = None,
    ) -> None:
        super().__init__()
        self.coach_id = coach_id
        self.client_id = client_id
        self.starts_at = starts_at


class MoveDialog(_Placeholder):
    """A new time for the appointment (for a series: this one or all following); answers
    True when something moved."""

    def __init__(self, appointment: Appointment) -> None:
        super().__init__()
        self.appointment = appointment


class CancelDialog(_Placeholder):
    """Cancel the appointment with a reason (for a series: this one or all following);
    answers True when something was cancelled."""

    def __init__(self, appointment: Appointment) -> None:
        super().__init__()
        self.appointment = appointment
