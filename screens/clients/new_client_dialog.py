"""The quick new-client form of the walk-in desk, with the duplicate check."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from store.clients.display import person_label
from store.clients.models import Client, ClientMatch
from store.clients.validation import ValidationError

from ..shell.context import ScreenContextMixin
from ..shell.dialogs import ask_before_discarding
from ..shell.faults import store_faults_told
from .form import field_row, focus_first_error, move_misplaced, read_form, show_field_errors

FIELDS = ("last_name", "first_name", "hetu", "birth_date", "phone")


@dataclass(frozen=True)
class NewClientChoice:
    """Either the values of a new client to create, or an existing client to use."""

    raw: dict[str, str] | None = None
    existing_id: str | None = None


class NewClientDialog(ScreenContextMixin, ModalScreen[NewClientChoice | None]):
    """Validates and checks for duplicates; the caller writes the client."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="newclient.save", priority=True),
        Binding("ctrl+o", "use_existing", "Pick existing", id="newclient.existing"),
        Binding("escape", "cancel", "Cancel", id="newclient.cancel"),
    ]

    def __init__(self, prefill: dict[str, str]) -> None:
        super().__init__()
        self.prefill = prefill
        self.offered_id: str | None = None
        self.warned_values: dict[str, str] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.t("newclient.title"), classes="dialog-title")
            for field in FIELDS:
                yield from field_row(self.t(f"field.{field}"), Input(id=field, compact=True))
            yield Static("", id="newclient-notice", classes="notice")
            yield Static(self.t("newclient.hint"), classes="hint -wrap")

    def on_mount(self) -> None:
        for field, value in self.prefill.items():
            if field in FIELDS:
                self.query_one(f"#{field}", Input).value = value
        empty = next((f for f in FIELDS if not self.prefill.get(f)), FIELDS[0])
        self.query_one(f"#{empty}", Input).focus()

    def _notice(self, text: str) -> None:
        self.query_one("#newclient-notice", Static).update(text)

    def _offer(self, key: str, clients: list[Client]) -> None:
        """Name the people this may be; Ctrl+O picks the first."""
        self.offered_id = clients[0].id if clients else None
        if clients:
            self._notice(self.t(key, names=", ".join(self._named(c) for c in clients[:3])))

    def _named(self, client: Client | ClientMatch) -> str:
        """A person offered, with the birth date that tells namesakes apart."""
        return person_label(
            client.first_name, client.last_name, client.birth_date, blanked=self.ctx.blanked
        )

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if event.widget.id == "hetu":
            move_misplaced(self, FIELDS)

    @store_faults_told  # the form stays as typed
    def action_save(self) -> None:
        values = move_misplaced(self, FIELDS)
        self._notice("")
        self.offered_id = None
        try:
            # One call validates the form and looks for people it may already describe.
            duplicates = self.store.clients.possible_duplicates(values)
        except ValidationError as exc:
            show_field_errors(self, FIELDS, exc.errors, self.ctx.lang)
            focus_first_error(self, FIELDS, (e.field for e in exc.errors))
            keys = {e.key for e in exc.errors}
            if "error.hetu.taken" in keys:
                [owner] = self.store.clients.search(values["hetu"].strip().upper())[:1]
                self.offered_id = owner.id
                self._notice(self.t("newclient.hetu_taken", name=self._named(owner)))
            elif "error.hetu.checksum" in keys:
                offered = self.store.clients.offered_for_mistyped_hetu(values)
                self._offer("newclient.hetu_similar", offered)
            return
        show_field_errors(self, FIELDS, [], self.ctx.lang)
        if duplicates and values != self.warned_values:
            # Warn once; the same Ctrl+S again on the same values overrides.
            self.warned_values = values
            self._offer("newclient.duplicates", duplicates)
            return
        self.dismiss(NewClientChoice(raw=values))

    def action_use_existing(self) -> None:
        if self.offered_id is not None:
            self.dismiss(NewClientChoice(existing_id=self.offered_id))

    def action_cancel(self) -> None:
        typed = read_form(self, FIELDS) != {f: self.prefill.get(f, "") for f in FIELDS}
        ask_before_discarding(self.app, typed, lambda: self.dismiss(None))
