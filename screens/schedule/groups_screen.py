"""Group sessions: the list, one session's attendees and waiting list, attendance by keys.

PLACEHOLDER: the `groups` helper replaces this file; the constructor is the interface.
"""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static

from ..shell.context import ScreenContextMixin


class GroupSessionsScreen(ScreenContextMixin, Screen[None]):
    """Group sessions from `first_day` (default today) on."""

    def __init__(self, first_day: date | None = None) -> None:
        super().__init__()
        self.first_day = first_day

    def compose(self) -> ComposeResult:
        yield Static("…")
        yield Footer()
