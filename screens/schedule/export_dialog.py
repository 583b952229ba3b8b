"""Exporting a coach's calendar as an iCalendar (.ics) file, from F5.

PLACEHOLDER: the `ics` helper replaces this file; the constructor is the interface.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Static

from ..shell.context import ScreenContextMixin


class CalendarExportDialog(ScreenContextMixin, ModalScreen[None]):
    BINDINGS = [Binding("escape", "close", "Cancel")]

    def __init__(self, coach_id: str) -> None:
        super().__init__()
        self.coach_id = coach_id

    def compose(self) -> ComposeResult:
        yield Static("…")

    def action_close(self) -> None:
        self.dismiss(None)
