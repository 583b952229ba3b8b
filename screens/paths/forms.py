"""The path screen's small forms: a base that checks before it returns and keeps what was
typed, the path's own details (goal, obligation, review) and its outcome."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Select, Static

from store.clients.validation import FieldError, ValidationError
from store.core.dates import format_date
from store.paths.models import EMPLOYER_SECTORS, EMPLOYMENT_TYPES, OUTCOMES, ServicePath
from store.paths.validation import clean_outcome, clean_path

from ..clients.form import field_row, focus_first_error, read_form, show_field_errors
from ..shell.context import ScreenContextMixin
from ..shell.dialogs import ask_before_discarding

PATHS_CSS = "paths.tcss"


class PathFormDialog(ScreenContextMixin, ModalScreen[dict[str, str] | None]):
    """A form over `FIELDS` that returns what was typed once `check` accepts it; an error
    stands next to its field and the form keeps every value. Esc asks before dropping
    anything typed. The caller writes to the store."""

    CSS_PATH = PATHS_CSS
    FIELDS: tuple[str, ...] = ()
    HINT = "path.form.hint"
    FORM_CLASSES = "dialog path-form"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="stepform.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="stepform.cancel"),
    ]

    def __init__(self, title: str, values: Mapping[str, str]) -> None:
        super().__init__()
        self.title_text = title
        self.initial = {field: values.get(field, "") for field in self.FIELDS}

    def compose(self) -> ComposeResult:
        with Vertical(classes=self.FORM_CLASSES):
            yield Static(self.title_text, classes="dialog-title")
            with VerticalScroll(classes="path-fields"):
                for field in self.FIELDS:
                    yield from field_row(self.t(f"field.{field}"), self.field_widget(field))
            yield from self.compose_extra()
            yield Static(self.t(self.HINT), classes="hint -wrap")

    def compose_extra(self) -> ComposeResult:
        yield from ()

    def field_widget(self, field: str) -> Widget:
        return Input(id=field, compact=True)

    def select(self, field: str, options: list[tuple[str, str]], prompt: str) -> Select[str]:
        return Select(options, prompt=prompt, id=field, compact=True)

    def on_mount(self) -> None:
        self.prepare()
        self.set_values(self.initial)
        self.query_one(f"#{self.FIELDS[0]}").focus()
        self.filled()

    def prepare(self) -> None:
        """Before the values are set (Textual calls every class's `on_mount`: no override)."""

    def filled(self) -> None:
        """Once the form holds its first values."""

    def set_values(self, values: Mapping[str, str]) -> None:
        for field, value in values.items():
            widget = self.query_one(f"#{field}")
            if isinstance(widget, Select):
                widget.value = value if value else Select.NULL
            else:
                assert isinstance(widget, Input)
                widget.value = value

    def values(self) -> dict[str, str]:
        return read_form(self, self.FIELDS)

    def check(self, values: dict[str, str]) -> None:
        """Raise `ValidationError` for what the store would refuse."""

    def show_errors(self, errors: list[FieldError]) -> None:
        # A message may quote what was typed ("{value} is not a real date"): it is there.
        typed = self.values()
        errors = [
            FieldError(e.field, e.key, {"value": typed.get(e.field, ""), **e.params})
            for e in errors
        ]
        show_field_errors(self, self.FIELDS, errors, self.ctx.lang)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        values = self.values()
        try:
            self.check(values)
        except ValidationError as exc:
            self.show_errors(list(exc.errors))
            focus_first_error(self, self.FIELDS, (e.field for e in exc.errors))
            self.notify(self.t("path.stepform.invalid"), severity="error")
            return
        self.dismiss(values)

    def action_cancel(self) -> None:
        typed = self.values() != self.initial
        ask_before_discarding(self.app, typed, lambda: self.dismiss(None))


class PathDetailsDialog(PathFormDialog):
    """The path's goal, work-search obligation (0–4 a month) and next review."""

    FIELDS = ("goal", "work_search_obligation", "next_review")
    FORM_CLASSES = "dialog path-form -wide-labels"  # "Haettavia työpaikkoja kuukaudessa"

    def __init__(self, title: str, path: ServicePath | None) -> None:
        values = {"work_search_obligation": "4"}
        if path is not None:
            values = {
                "goal": path.goal or "",
                "work_search_obligation": str(path.work_search_obligation),
                "next_review": format_date(path.next_review),
            }
        super().__init__(title, values)

    def check(self, values: dict[str, str]) -> None:
        clean_path(values)


class EndPathDialog(PathFormDialog):
    """How the path ended, and when: for the employed, the employer's sector, the contract
    and whether with pay subsidy."""

    FIELDS = ("outcome", "ended_on", "employer_sector", "employment_type", "with_pay_subsidy")
    HINT = "path.endform.hint"

    def __init__(self, title: str, today: date) -> None:
        super().__init__(title, {"ended_on": format_date(today)})
        self.today = today

    def field_widget(self, field: str) -> Widget:
        choose = self.t("path.endform.choose")
        if field == "outcome":
            options = [(self.t(f"path.outcome.{code}"), code) for code in OUTCOMES]
        elif field == "employer_sector":
            options = [(self.t(f"path.sector.{code}"), code) for code in EMPLOYER_SECTORS]
        elif field == "employment_type":
            options = [(self.t(f"path.employment.{code}"), code) for code in EMPLOYMENT_TYPES]
        elif field == "with_pay_subsidy":
            options = [(self.t("path.subsidy.no"), "0"), (self.t("path.subsidy.yes"), "1")]
        else:
            return super().field_widget(field)
        return self.select(field, options, choose)

    def filled(self) -> None:
        self._show_employment_fields()

    @on(Select.Changed, "#outcome")
    def _show_employment_fields(self) -> None:
        employed = self.values()["outcome"] == "employed"
        for field in ("employer_sector", "employment_type", "with_pay_subsidy"):
            row = self.query_one(f"#{field}").parent
            assert row is not None
            row.display = employed

    def check(self, values: dict[str, str]) -> None:
        clean_outcome(values, self.today)
