"""Reviews due: the coach's clients whose initial interview or job-search discussion is
overdue or due soon; one key books the next free time for the selected client.

PLACEHOLDER: the `reviews` helper replaces this file; the constructor is the interface.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static

from ..shell.context import ScreenContextMixin


class ReviewsScreen(ScreenContextMixin, Screen[None]):
    def __init__(self, coach_id: str) -> None:
        super().__init__()
        self.coach_id = coach_id

    def compose(self) -> ComposeResult:
        yield Static("…")
        yield Footer()
