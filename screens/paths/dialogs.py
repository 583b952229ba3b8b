"""The path screen's questions: the purpose of reading another coach's client's path,
cancelling a step, and acknowledging a step's rule warnings."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ..shell.context import ScreenContextMixin
from ..shell.dialogs import YesNoDialog, yes_no_bindings
from .forms import PATHS_CSS


class PurposeDialog(ScreenContextMixin, ModalScreen[str | None]):
    """Asks why a path outside the user's caseload is opened; returns the purpose typed."""

    CSS_PATH = PATHS_CSS
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="purpose.cancel")]

    def __init__(self, name: str) -> None:
        super().__init__()
        self.client_name = name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.t("path.purpose.title"), classes="dialog-title")
            if self.client_name:  # known when chosen in the search
                yield Static(Content(self.client_name))
            yield Static(self.t("path.purpose.body"), classes="-wrap")
            yield Input(placeholder=self.t("path.purpose.placeholder"), id="purpose")
            yield Static("", id="error-purpose", classes="field-error")
            yield Static(self.t("path.purpose.hint"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#purpose", Input).focus()

    @on(Input.Submitted, "#purpose")
    def _given(self, event: Input.Submitted) -> None:
        event.stop()
        purpose = event.value.strip()
        if purpose:
            self.dismiss(purpose)
            return
        error = self.query_one("#error-purpose", Static)
        error.update("⚠ " + self.t("path.purpose.required"))
        error.add_class("visible")

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmCancelStep(YesNoDialog):
    """Answers yes when the coach confirms cancelling the step (it stays, struck through)."""

    BINDINGS = yes_no_bindings("cancelstep", "Cancel step", "Back")

    def __init__(self, position: int, service: str) -> None:
        super().__init__()
        self.position, self.service = position, service

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                self.t("path.cancel_step.title", position=self.position, service=self.service),
                classes="dialog-title",
            )
            yield Static(self.t("path.cancel_step.body"))
            yield Static(
                f"Enter  {self.t('path.cancel_step.yes')}\nEsc    {self.t('path.cancel_step.no')}"
            )


class AcknowledgeWarnings(YesNoDialog):
    """Shows the step's unacknowledged warnings with each rule's text and source; yes
    acknowledges them all."""

    BINDINGS = yes_no_bindings("ack", "Acknowledge", "Back")

    def __init__(self, position: int, lines: list[str]) -> None:
        super().__init__()
        self.position, self.lines = position, lines

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.t("path.ack.title", position=self.position), classes="dialog-title")
            yield Static(Content("\n".join(self.lines)), id="ack-warnings", classes="-wrap")
            yield Static(self.t("path.ack.body"), classes="-wrap")
            yield Static(f"Enter  {self.t('path.ack.yes')}\nEsc    {self.t('path.ack.no')}")
