"""Asked before quitting or logging out while visitors called or served by the user wait."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from store.visits.models import Visit

from ..shell.context import context
from ..shell.dialogs import YesNoDialog, ask, yes_no_bindings
from .visit_form import visit_name

Leaving = Literal["quit", "logout"]


class ConfirmLeavingVisits(YesNoDialog):
    """Names the visits still in the user's hands; yes leaves all the same."""

    BINDINGS = yes_no_bindings("in_hand", "Yes", "Cancel")

    def __init__(self, leaving: Leaving, visits: list[Visit]) -> None:
        super().__init__()
        self.leaving, self.visits = leaving, visits

    def _line(self, visit: Visit) -> str:
        name = visit_name(visit, self.ctx.blanked, self.ctx.lang)
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
    if visits:
        ask(app, ConfirmLeavingVisits(leaving, visits), then)
    else:
        then()
