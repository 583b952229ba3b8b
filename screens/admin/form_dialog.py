"""A dialog of a few fields whose save the caller does: a refusal from the store lands next
to its field and the dialog stays open with everything typed."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Static

from store.core.auth import PermissionDenied
from store.core.db import StoreError
from store.core.i18n import TranslatedError

from ..clients.form import field_row, focus_first_error, read_form, show_field_messages
from ..shell.background import describe_error
from ..shell.context import ScreenContextMixin
from ..shell.dialogs import ask_before_discarding

ADMIN_CSS = "admin.tcss"

# Which field a refusal from the store is about, by its key.
ERROR_FIELDS: Mapping[str, str] = {
    "staff.error.username_empty": "username",
    "staff.error.username_chars": "username",
    "staff.error.username_taken": "username",
    "staff.error.name_empty": "display_name",
    "staff.error.password_short": "password",
    "staff.error.old_password": "current",
    "staff.error.role": "role",
    "staff.error.unknown_site": "site_id",
    "site.error.name_taken": "name",
}

Save = Callable[[dict[str, str]], None]


class FieldProblem(Exception):
    """A field's value refused before the store is asked (say, two passwords differ)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class FormDialog(ScreenContextMixin, ModalScreen[bool]):
    """Returns True once `save` (the caller's store call) has gone through."""

    CSS_PATH = ADMIN_CSS
    FIELDS: tuple[str, ...] = ()
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="form.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
    ]

    def __init__(self, save: Save) -> None:
        super().__init__()
        self._save = save
        self.initial: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog admin-dialog"):
            yield Static(self.title_text(), classes="dialog-title")
            yield from self.compose_fields()
            yield Static("", id="form-notice", classes="field-error")
            yield Static(self.t("form.hint"), classes="hint -wrap")

    def title_text(self) -> str:
        raise NotImplementedError

    def compose_fields(self) -> Iterator[Widget]:
        raise NotImplementedError

    def field(self, label: str, widget: Widget, rule: str | None = None) -> Iterator[Widget]:
        """A labelled field, a rule to follow shown beside it if any, and its error line."""
        row, error_line = field_row(label, widget)
        if rule is not None:
            row.compose_add_child(Static(rule, id=f"rule-{widget.id}", classes="field-rule"))
        yield row
        yield error_line

    def on_mount(self) -> None:
        self.initial = read_form(self, self.FIELDS)
        self.query_one(f"#{self.FIELDS[0]}").focus()

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == self.FIELDS[-1]:
            self.action_save()
        else:
            self.focus_next()

    def check_values(self, values: dict[str, str]) -> list[FieldProblem]:
        """Problems seen before the store is asked; none by default."""
        return []

    def refused_by(self, checks: Mapping[str, Callable[[], object]]) -> list[FieldProblem]:
        """The store's checks of single fields, run before the save so that every field's
        problem is told at once rather than one per Ctrl+S."""
        problems: list[FieldProblem] = []
        for field, check in checks.items():
            try:
                check()
            except TranslatedError as refused:
                problems.append(FieldProblem(field, refused.message(self.ctx.lang)))
        return problems

    def action_save(self) -> None:
        values = read_form(self, self.FIELDS)
        problems = self.check_values(values)
        if not problems:
            try:
                self._save(values)
            except TranslatedError as refused:
                problems = self.problems_of(refused, values)
            except (PermissionDenied, StoreError) as failed:
                self.show_problems([])
                self._notice(describe_error(failed, self.ctx.lang))
                return
            else:
                self.dismiss(True)
                return
        self.show_problems(problems)

    def problems_of(self, refused: TranslatedError, values: dict[str, str]) -> list[FieldProblem]:
        """Where the store's refusal is shown: next to its field, else under the form."""
        field = getattr(refused, "field", None) or ERROR_FIELDS.get(refused.key, "")
        return [FieldProblem(field, refused.message(self.ctx.lang))]

    def show_problems(self, problems: list[FieldProblem]) -> None:
        show_field_messages(self, self.FIELDS, {p.field: p.message for p in problems})
        general = [p.message for p in problems if p.field not in self.FIELDS]
        self._notice(" ".join(f"⚠ {m}" for m in general))
        focus_first_error(self, self.FIELDS, (p.field for p in problems))

    def _notice(self, text: str) -> None:
        notice = self.query_one("#form-notice", Static)
        notice.update(text)
        notice.set_class(bool(text), "visible")

    def action_cancel(self) -> None:
        typed = read_form(self, self.FIELDS) != self.initial
        ask_before_discarding(self.app, typed, lambda: self.dismiss(False))
