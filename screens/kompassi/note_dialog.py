"""One domain's comment and goal, and the coach's own note, typed while entering a reading."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from store.clients.validation import ValidationError
from store.kompassi.models import Answer
from store.kompassi.validation import COMMENT_MAX_LENGTH

from ..clients.form import field_row, focus_first_error, read_form, show_field_errors
from ..shell.context import ScreenContextMixin
from ..shell.dialogs import ask_before_discarding
from ..shell.faults import store_faults_told
from .start_dialog import KOMPASSI_CSS

NOTE_FIELDS = ("kompassi_comment", "kompassi_goal", "kompassi_coach_comment")

# Saves the notes typed (field → text); raises `ValidationError` for what is refused.
NoteSaver = Callable[[dict[str, str]], object]


class NoteDialog(ScreenContextMixin, ModalScreen[bool]):
    """The comment, goal and coach's note of one domain. Enter or Ctrl+S saves through
    `save` (the caller's store call) and answers True; a refusal stands next to its field
    with everything typed kept. Esc asks before dropping what was typed."""

    CSS_PATH = KOMPASSI_CSS
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="kompassi.note.save"),
        Binding("escape", "cancel", "Cancel", id="kompassi.note.cancel"),
    ]

    def __init__(self, domain_label: str, answer: Answer | None, save: NoteSaver) -> None:
        super().__init__()
        self.domain_label = domain_label
        self.save = save
        self.initial = {
            "kompassi_comment": (answer.comment if answer else None) or "",
            "kompassi_goal": (answer.goal if answer else None) or "",
            "kompassi_coach_comment": (answer.coach_comment if answer else None) or "",
        }

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog kompassi-form"):
            yield Static(
                self.t("kompassi.note.title", domain=self.domain_label), classes="dialog-title"
            )
            for field in NOTE_FIELDS:
                yield from field_row(
                    self.t(f"field.{field}"),
                    Input(
                        self.initial[field],
                        id=field,
                        max_length=COMMENT_MAX_LENGTH,
                        compact=True,
                    ),
                )
            yield Static(self.t("kompassi.note.hint"), classes="hint -wrap")

    def on_mount(self) -> None:
        self.query_one("#kompassi_comment").focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @store_faults_told
    def action_save(self) -> None:
        values = read_form(self, NOTE_FIELDS)
        try:
            self.save(values)
        except ValidationError as exc:
            show_field_errors(self, NOTE_FIELDS, exc.errors, self.ctx.lang)
            focus_first_error(self, NOTE_FIELDS, (e.field for e in exc.errors))
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        typed = read_form(self, NOTE_FIELDS) != self.initial
        ask_before_discarding(self.app, typed, lambda: self.dismiss(False))
