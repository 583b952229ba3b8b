"""The questions the suggestions screen asks: when an accepted service is to start, and why
a rejected one was turned down (optional). Each checks what was typed before it returns,
with the error next to the field and the text kept; the caller writes to the store."""

from __future__ import annotations

from datetime import date
from typing import Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from store.clients.validation import FieldError, ValidationError, check_text
from store.core.dates import DateError, format_date, parse_date
from store.kompassi.suggestions import REASON_MAX_LENGTH

from ..clients.form import field_row, show_field_errors
from ..shell.context import ScreenContextMixin
from ..shell.dialogs import ask_before_discarding

START = "planned_start"
REASON = "kompassi_reason"
T = TypeVar("T")


class _DecisionDialog(ScreenContextMixin, ModalScreen[T | None], Generic[T]):
    """One field about one suggestion: Enter checks and returns it, Esc cancels (asking
    first if something was typed)."""

    FIELD = ""
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="suggestion.cancel")]

    def __init__(self, title: str, about: str, initial: str = "") -> None:
        super().__init__()
        self.title_text, self.about, self.initial = title, about, initial

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="suggestion-decision"):
            yield Static(Content(self.title_text), classes="dialog-title")
            yield Static(Content(self.about), classes="-wrap")
            yield from field_row(
                self.t(f"field.{self.FIELD}"), Input(self.initial, id=self.FIELD, compact=True)
            )
            yield Static(self.t(f"kompassi.suggestions.hint.{self.FIELD}"), classes="hint -wrap")

    def on_mount(self) -> None:
        self.query_one(f"#{self.FIELD}", Input).focus()

    def checked(self, text: str) -> T:
        """The value typed, or raises `ValidationError`."""
        raise NotImplementedError

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            value = self.checked(event.value)
        except ValidationError as exc:
            show_field_errors(self, [self.FIELD], exc.errors, self.ctx.lang)
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        typed = self.query_one(f"#{self.FIELD}", Input).value != self.initial
        ask_before_discarding(self.app, typed, lambda: self.dismiss(None))


class AcceptDialog(_DecisionDialog[date]):
    """Returns the day the accepted service is planned to start (default today)."""

    FIELD = START

    def __init__(self, title: str, about: str, today: date) -> None:
        super().__init__(title, about, format_date(today))

    def checked(self, text: str) -> date:
        try:
            return parse_date(text)
        except DateError as exc:
            key = "error.date.impossible" if exc.impossible else "error.date.format"
            raise ValidationError([FieldError(START, key, {"value": text.strip()})]) from None


class RejectDialog(_DecisionDialog[str]):
    """Returns the reason typed ("" for none)."""

    FIELD = REASON

    def checked(self, text: str) -> str:
        return check_text(text.strip(), REASON, REASON_MAX_LENGTH)
