"""One appointment in full over F5: its time, client, kind, channel, room, state, the
coach's note (coaches only) and its history of bookings, moves and changes of state."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

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
from .calendar_data import Entry
from .calendar_dialogs import CALENDAR_CSS
from .calendar_text import STATE_SIGN, client_label, clock, name_parts


def _when(stored: object, year: bool = True) -> str:
    """A stored moment as d.m.yyyy HH:MM (d.m. HH:MM without the year)."""
    if not isinstance(stored, str) or not stored:
        return ""
    local = to_local(from_iso(stored))
    day = format_date(local.date()) if year else f"{local.day}.{local.month}."
    return f"{day} {local.strftime('%H:%M')}"


def entry_line(
    entry: Entry | None, slot: datetime | None, t: Callable[..., str], blanked: bool
) -> str:
    """The selected entry in one line: its time, who or what, its kind and state."""
    if entry is not None and entry.appointment is not None:
        appointment = entry.appointment
        sign = STATE_SIGN[appointment.status]
        name = client_label(appointment.client_name, 30, blanked)
        return " · ".join(
            [
                f"{clock(entry.starts)}–{clock(entry.ends)} {sign}{name}",
                t(f"schedule.kind.{appointment.kind}"),
                t(f"schedule.status.{appointment.status}"),
            ]
        )
    if entry is not None and entry.group is not None:
        group = entry.group
        seats = t("calendar.seats", booked=group.booked, capacity=group.capacity)
        return f"{clock(entry.starts)}–{clock(entry.ends)} {visible(group.title)} · {seats}"
    if entry is not None and entry.absence is not None:
        absence = entry.absence
        start, end = to_local(absence.starts_at), to_local(absence.ends_at)
        return t(
            "calendar.absence_line",
            kind=t(f"schedule.absence.{absence.kind}"),
            start=f"{format_date(start.date())} {clock(start)}",
            end=f"{format_date(end.date())} {clock(end)}",
        )
    if slot is not None:
        return t("calendar.free_line", time=clock(to_local(slot)))
    return ""


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
                what += f" {_when(from_start, False)} → {_when(to_start, False)}"
            elif change == "status" and from_status and to_status:
                what += (
                    f" {self.t(f'schedule.status.{from_status}')} → "
                    f"{self.t(f'schedule.status.{to_status}')}"
                )
            lines.append(f"{_when(at)}  {visible(str(who or ''))}: {what}")
        return lines or [self.t("calendar.detail.no_history")]

    def action_close(self) -> None:
        self.dismiss(None)
