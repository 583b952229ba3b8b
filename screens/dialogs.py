"""Small modal dialogs: confirm discarding changes, and help."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from .context import ContextMixin


class ConfirmDiscard(ContextMixin, ModalScreen[bool]):
    """Returns True when the user chooses to throw the unsaved changes away."""

    BINDINGS = [
        Binding("enter", "discard", "Discard", id="discard.yes"),
        Binding("escape", "keep", "Keep editing", id="discard.no"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.t("discard.title"), classes="dialog-title")
            yield Static(f"Enter  {self.t('discard.yes')}\nEsc    {self.t('discard.no')}")

    def on_mount(self) -> None:
        self.translate_bindings()

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


class HelpScreen(ContextMixin, ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "close", "Close", id="help.close"),
        Binding("f1", "close", "Close", show=False, id="help.close_f1"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.t("help.title"), classes="dialog-title")
            yield Static(self.t("help.body"), id="help-body")
            yield Static(self.t("help.close"), classes="hint")

    def on_mount(self) -> None:
        self.translate_bindings()

    def action_close(self) -> None:
        self.dismiss(None)
