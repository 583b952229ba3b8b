"""Small modal dialogs: confirm discarding changes, and help."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from .context import ScreenContextMixin


class ConfirmDiscard(ScreenContextMixin, ModalScreen[bool]):
    """Returns True when the user chooses to throw the unsaved changes away."""

    BINDINGS = [
        Binding("enter", "discard", "Discard", id="discard.yes"),
        Binding("escape", "keep", "Keep editing", id="discard.no"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.t("discard.title"), classes="dialog-title")
            yield Static(f"Enter  {self.t('discard.yes')}\nEsc    {self.t('discard.no')}")

    def action_discard(self) -> None:
        self.dismiss(True)

    def action_keep(self) -> None:
        self.dismiss(False)


def ask_before_discarding(app: App[Any], unsaved: bool, then: Callable[[], object]) -> None:
    """Run `then` now, or, when there is unsaved input, once the user agrees to drop it."""
    if not unsaved:
        then()
        return

    def answered(discard: bool | None) -> None:
        if discard:
            then()

    app.push_screen(ConfirmDiscard(), answered)


class HelpScreen(ScreenContextMixin, ModalScreen[None]):
    """The app's keys, then the lines the app adds for its work screens (F2 …)."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="help.close"),
        Binding("f1", "close", "Close", show=False, id="help.close_f1"),
    ]

    def __init__(self, work_screen_lines: Sequence[str] = ()) -> None:
        super().__init__()
        self.work_screen_lines = work_screen_lines

    def compose(self) -> ComposeResult:
        body = "\n".join([self.t("help.keys"), *self.work_screen_lines])
        with Vertical(classes="dialog"):
            yield Static(self.t("help.title"), classes="dialog-title")
            yield Static(body, id="help-body")
            yield Static(self.t("help.close"), classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)
