"""The client card: view and correct a client, or register a new one."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Input, Select, Static

from store.clients.display import full_name, name_initials
from store.clients.models import MOTHER_TONGUES, SERVICE_LANGUAGES, Client
from store.clients.repository import StaleEdit
from store.clients.search import prefill_from_search
from store.clients.validation import CLIENT_FIELDS, FieldError, ValidationError
from store.core.dates import format_date
from store.core.text import visible

from ..shell.context import ScreenContextMixin
from ..shell.dialogs import YesNoDialog, ask_before_discarding, yes_no_bindings
from ..shell.faults import store_faults_told, tell_store_fault
from ..shell.header import LuotsiHeader
from .form import field_row, focus_first_error, move_misplaced, read_form, show_field_errors

FIELD_ORDER = CLIENT_FIELDS


def client_form_values(client: Client) -> dict[str, str]:
    """A stored client as the strings its form shows: a control character stored before
    the checks is shown as a symbol (and refused at its field when the card is saved)."""
    values: dict[str, str] = {}
    for field in FIELD_ORDER:
        value = getattr(client, field)
        if field in ("birth_date", "jobseeker_since", "unemployed_since"):
            values[field] = format_date(value)
        else:
            values[field] = visible(value or "")
    return values


class ConfirmHetuChange(YesNoDialog):
    """Answers yes when the user confirms replacing a client's identity code."""

    BINDINGS = yes_no_bindings("hetuchange", "Change", "Back")

    def __init__(self, old: str | None, new: str | None) -> None:
        super().__init__()
        self.old = old or "—"
        self.new = new or "—"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.t("card.hetu_change.title"), classes="dialog-title")
            yield Static(self.t("card.hetu_change.body", old=self.old, new=self.new))
            yield Static(
                f"Enter  {self.t('card.hetu_change.yes')}\nEsc    {self.t('card.hetu_change.no')}"
            )


class ClientCardScreen(ScreenContextMixin, Screen[None]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="card.save", priority=True),
        Binding("escape", "back", "Back", id="card.back"),
    ]

    def __init__(self, client_id: str | None, typed: str = "") -> None:
        super().__init__()
        self.client_id = client_id
        self.typed = typed
        self.client: Client | None = None
        self.saved_values: dict[str, str] = {}
        self.touched: set[str] = set()
        self.select_options: dict[str, list[tuple[str | Text, str]]] = {}

    # Building the form --------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield LuotsiHeader(id="header")
        yield Static("", id="card-title", classes="screen-title")
        yield Static("", id="card-facts")
        with VerticalScroll(id="card-form"):
            for field in FIELD_ORDER:
                yield from field_row(self.t(f"field.{field}"), self._field_widget(field))
        yield Static(self.t("blanked.card"), id="card-blanked")
        yield Static(self.t("card.hint"), classes="hint")
        yield Footer()

    def _field_widget(self, field: str) -> Widget:
        if field == "service_language":
            options = [(self.t(f"language.{code}"), code) for code in SERVICE_LANGUAGES]
            return Select(options, allow_blank=False, value="fi", id=field, compact=True)
        if field == "mother_tongue":
            self.select_options[field] = [
                (self.t(f"tongue.{code}"), code) for code in MOTHER_TONGUES
            ]
            return Select(
                self.select_options[field], prompt=self.t("tongue.unknown"), id=field, compact=True
            )
        if field == "coach_id":
            self.select_options[field] = [
                (Text(visible(c.display_name)), c.id) for c in self.store.staff.all(role="coach")
            ]
            return Select(
                self.select_options[field], prompt=self.t("card.no_coach"), id=field, compact=True
            )
        return Input(id=field, compact=True)

    def on_mount(self) -> None:
        if self.client_id is not None:
            try:
                self.client = self.store.clients.open(self.session.staff, self.client_id)
            except Exception as error:
                # A view the access log could not record is not shown: back to the search.
                if not tell_store_fault(self, error):
                    raise
                self.dismiss(None)
                return
            self.saved_values = client_form_values(self.client)
            self.set_values(self.saved_values)
        else:
            self.saved_values = self.form_values()
            self.set_values(prefill_from_search(self.typed, self.store.today()))
        self._show_title()
        self.watch(self.app, "blanked", self._apply_blanking)
        self.query_one("#hetu", Input).focus()

    def _apply_blanking(self, blanked: bool) -> None:
        self.set_class(blanked, "blanked")
        self._show_title()

    def _show_title(self) -> None:
        title = self.query_one("#card-title", Static)
        facts = self.query_one("#card-facts", Static)
        client = self.client
        if client is None:
            title.update(self.t("card.new"))
            facts.update("")
            return
        if self.ctx.blanked:
            initials = name_initials(client.first_name, client.last_name)
            title.update(Content(f"{self.t('card.title')}: {initials}"))
            facts.update("")
            return
        name = full_name(client.first_name, client.last_name)
        title.update(Content(f"{self.t('card.title')}: {name}"))
        derived = client.derived_facts(self.store.today())
        parts = [self.t("card.age", age=derived.age)]
        if derived.under_youth_age:
            parts.append(self.t("card.under", years=25))
        elif derived.under_young_adult_age:
            parts.append(self.t("card.under", years=30))
        if derived.long_term_unemployed:
            parts.append(self.t("card.long_term"))
        if derived.foreign_language:
            parts.append(self.t("card.foreign"))
        facts.update(f"{self.t('card.facts')}: " + " · ".join(parts))

    # Reading and writing the form ------------------------------------------------------

    def form_values(self) -> dict[str, str]:
        return read_form(self, FIELD_ORDER)

    def set_values(self, values: dict[str, str]) -> None:
        for field, value in values.items():
            widget = self.query_one(f"#{field}")
            if isinstance(widget, Select):
                options = self.select_options.get(field)
                if value and options is not None and value not in {v for _, v in options}:
                    # A value stored elsewhere (an import, another version) stays selectable.
                    options.append((Text(value), value))
                    widget.set_options(options)
                widget.value = value if value else Select.NULL
            else:
                assert isinstance(widget, Input)
                widget.value = value

    @property
    def has_unsaved_changes(self) -> bool:
        return self.form_values() != self.saved_values

    def show_errors(self, errors: list[FieldError], only: set[str] | None = None) -> None:
        show_field_errors(self, FIELD_ORDER, errors, self.ctx.lang, only)

    def _errors_for(self, values: dict[str, str]) -> list[FieldError]:
        try:
            self.store.clients.check(values, client_id=self.client_id)
        except ValidationError as exc:
            return list(exc.errors)
        return []

    @store_faults_told
    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        field = event.widget.id
        if field == "hetu":
            move_misplaced(self, FIELD_ORDER)
        if field in FIELD_ORDER:
            self.touched.add(field)
            self.show_errors(self._errors_for(self.form_values()), only=self.touched)

    def _failed(self, errors: list[FieldError]) -> None:
        self.touched.update(FIELD_ORDER)
        self.show_errors(errors)
        focus_first_error(self, FIELD_ORDER, (e.field for e in errors))
        self.notify(self.t("card.invalid"), severity="error")

    @store_faults_told  # a busy, full or read-only database: told, the form kept as typed
    def action_save(self) -> None:
        values = move_misplaced(self, FIELD_ORDER)
        client = self.client
        if client is None:
            self._save(values)
            return
        try:
            new_hetu = self.store.clients.check(values, client_id=client.id)["hetu"]
        except ValidationError as exc:
            self._failed(list(exc.errors))
            return
        if new_hetu == client.hetu:
            self._save(values)
            return

        def answered(change: bool | None) -> None:
            if change:
                self._save(values)
            else:
                self.query_one("#hetu").focus()

        self.app.push_screen(ConfirmHetuChange(client.hetu, str(new_hetu or "")), answered)

    @store_faults_told
    def _save(self, values: dict[str, str]) -> None:
        try:
            if self.client is None:
                self.client = self.store.clients.create(self.session.staff, values)
                self.client_id = self.client.id
                message = self.t("card.created")
            else:
                before = self.client.updated_at
                self.client = self.store.clients.update(
                    self.session.staff, self.client.id, values, expected_updated_at=before
                )
                changed = self.client.updated_at != before
                message = self.t("card.saved") if changed else self.t("card.unchanged")
        except ValidationError as exc:
            self._failed(list(exc.errors))
            return
        except StaleEdit:
            self.notify(self.t("card.stale"), severity="error", timeout=10)
            return
        self.show_errors([])
        self.saved_values = client_form_values(self.client)
        self.set_values(self.saved_values)
        self._show_title()
        self.notify(message)

    def action_back(self) -> None:
        ask_before_discarding(self.app, self.has_unsaved_changes, lambda: self.dismiss(None))
