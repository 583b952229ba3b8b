"""Asked before quitting or logging out while visitors called or served by the user wait."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from store.visits.models import Visit

from ..shell.context import ScreenContextMixin, context
from .visit_form import visitor_name

Leaving = Literal["quit", "logout"]


class ConfirmLeavingVisits(ScreenContextMixin, ModalScreen[bool]):
    """Names the visits still in the user's hands; returns True to leave all the same."""

    BINDINGS = [
        Binding("enter", "answer(True)", "Yes", id="in_hand.yes"),
        Binding("escape", "answer(False)", "Cancel", id="in_hand.no"),
    ]

    def __init__(self, leaving: Leaving, visits: list[Visit]) -> None:
        super().__init__()
        self.leaving, self.visits = leaving, visits

    def _line(self, visit: Visit) -> str:
        name = visitor_name(
            visit.first_name or "", visit.last_name or "", self.ctx.blanked, self.ctx.lang
        )
        state = self.t(f"state.{visit.state}", desk=visit.desk or "", name="")
        return f"{visit.ticket} {name} · {state}"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                self.t("in_hand.title", count=len(self.visits)),
                classes="dialog-title",
                id="in-hand-title",
            )
            yield Static("\n".join(self._line(v) for v in self.visits), id="in-hand-visits")
            yield Static(
                self.t("in_hand.stays", count=len(self.visits)), classes="-wrap", id="in-hand-stays"
            )
            yield Static(self.t(f"in_hand.{self.leaving}"), classes="hint -wrap", id="in-hand-keys")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


def ask_about_visits_in_hand(app: App[Any], leaving: Leaving, then: Callable[[], object]) -> None:
    """Run `then` now, or, while the user has visitors called or being served, once they
    have seen who and still chosen to go."""
    if isinstance(app.screen, ConfirmLeavingVisits):  # Ctrl+Q pressed again while asked
        return
    ctx = context(app)
    session, store = ctx.session, ctx.store
    if session is None or session.site is None or store is None:
        then()
        return
    visits = store.visits.in_hand(session.staff.id, session.site.id)
    if not visits:
        then()
        return

    def answered(yes: bool | None) -> None:
        if yes:
            then()

    app.push_screen(ConfirmLeavingVisits(leaving, visits), answered)
