"""Small modal dialogs: the yes-or-no question every confirmation is, confirm discarding
changes, and help."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from .context import ScreenContextMixin


class YesNoDialog(ScreenContextMixin, ModalScreen[bool]):
    """A question answered with Enter (yes, True) or Esc (no, False). A subclass composes
    the question and takes its keys from `yes_no_bindings`, whose ids label the footer."""

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


def yes_no_bindings(prefix: str, yes: str = "Yes", no: str = "No") -> list[Binding]:
    """Enter and Esc for a `YesNoDialog`, with the ids "<prefix>.yes" and "<prefix>.no"."""
    return [
        Binding("enter", "answer(True)", yes, id=f"{prefix}.yes"),
        Binding("escape", "answer(False)", no, id=f"{prefix}.no"),
    ]


def ask(app: App[Any], question: YesNoDialog, then: Callable[[], object]) -> None:
    """Put `question` to the user; run `then` once they answer yes."""

    def answered(yes: bool | None) -> None:
        if yes:
            then()

    app.push_screen(question, answered)


class ConfirmDiscard(YesNoDialog):
    """Answers yes when the user chooses to throw the unsaved changes away."""

    BINDINGS = yes_no_bindings("discard", "Discard", "Keep editing")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.t("discard.title"), classes="dialog-title")
            yield Static(f"Enter  {self.t('discard.yes')}\nEsc    {self.t('discard.no')}")


def ask_before_discarding(app: App[Any], unsaved: bool, then: Callable[[], object]) -> None:
    """Run `then` now, or, when there is unsaved input, once the user agrees to drop it."""
    if unsaved:
        ask(app, ConfirmDiscard(), then)
    else:
        then()


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
        with Vertical(id="help-dialog", classes="dialog"):
            yield Static(self.t("help.title"), classes="dialog-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(body, id="help-body")
            yield Static(self.t("help.close"), classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)
