"""One appointment in full over F5: its time, client, kind, channel, room, state, the
coach's note (coaches only) and its history of bookings, moves and changes of state."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from store.clients.display import full_name, name_initials
from store.core.clock import from_iso, to_local
from store.core.dates import format_date
from store.core.text import visible
from store.schedule.models import Appointment

from ..shell.context import ScreenContextMixin
from .calendar_dialogs import CALENDAR_CSS
from .week_grid import name_parts


def _when(stored: object) -> str:
    if not isinstance(stored, str) or not stored:
        return ""
    local = to_local(from_iso(stored))
    return f"{format_date(local.date())} {local.strftime('%H:%M')}"


class AppointmentDetail(ScreenContextMixin, ModalScreen[None]):
    CSS_PATH = CALENDAR_CSS
    BINDINGS = [Binding("escape,enter", "close", "Close", id="calendar.detail.close")]

    def __init__(self, appointment: Appointment, history: Sequence[Sequence[object]]) -> None:
        super().__init__()
        self.appointment = appointment
        self.history = history

    def compose(self) -> ComposeResult:
        appointment = self.appointment
        first, last = name_parts(appointment.client_name)
        named = name_initials if self.ctx.blanked else full_name
        start, end = to_local(appointment.starts_at), to_local(appointment.ends_at)
        facts = [
            ("calendar.detail.time",
             f"{format_date(start.date())} {start:%H:%M}–{end:%H:%M} ({appointment.minutes} min)"),
            ("calendar.detail.coach", visible(appointment.coach_name)),
            ("calendar.detail.kind", self.t(f"schedule.kind.{appointment.kind}")),
            ("calendar.detail.channel", self.t(f"schedule.channel.{appointment.channel}")),
            ("calendar.detail.room", visible(appointment.room_name or "–")),
            ("calendar.detail.status", self.t(f"schedule.status.{appointment.status}")),
        ]  # fmt: skip
        if appointment.cancel_reason:
            reason = self.t(f"schedule.cancel.{appointment.cancel_reason}")
            note = f" – {visible(appointment.cancel_note)}" if appointment.cancel_note else ""
            facts.append(("calendar.detail.cancelled", reason + note))
        if appointment.series_index is not None:
            facts.append(("calendar.detail.series", f"{appointment.series_index + 1}."))
        if appointment.note and not self.ctx.blanked:
            facts.append(("calendar.detail.note", visible(appointment.note)))
        width = max(len(self.t(key)) for key, _ in facts) + 2
        with Vertical(classes="dialog", id="appointment-detail"):
            yield Static(Content(named(first, last)), classes="dialog-title")
            yield Static(
                Content("\n".join(f"{self.t(key):<{width}}{value}" for key, value in facts))
            )
            yield Static(self.t("calendar.detail.history"), classes="dialog-title history-title")
            with VerticalScroll(id="history"):
                yield Static(Content("\n".join(self._history_lines())))
            yield Static(self.t("calendar.detail.hint"), classes="hint")

    def _history_lines(self) -> list[str]:
        lines: list[str] = []
        for at, who, change, from_start, to_start, from_status, to_status in self.history:
            what = self.t(f"calendar.change.{change}")
            if change == "moved":
                what += f" {_when(from_start)} → {_when(to_start)}"
            elif change == "status" and from_status and to_status:
                what += (
                    f" {self.t(f'schedule.status.{from_status}')} → "
                    f"{self.t(f'schedule.status.{to_status}')}"
                )
            lines.append(f"{_when(at)}  {visible(str(who or ''))}: {what}")
        return lines or [self.t("calendar.detail.no_history")]

    def action_close(self) -> None:
        self.dismiss(None)
