"""F3's small dialogs: a new reading's kind, mode and paper date; the draft left open."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Select, Static

from store.clients.validation import FieldError, ValidationError
from store.core.dates import DateError, format_date, parse_date
from store.core.i18n import TranslatedError
from store.kompassi.models import READING_KINDS, READING_MODES, Reading, ReadingKind, ReadingMode

from ..clients.form import field_row, focus_first_error, show_field_errors
from ..shell.context import ScreenContextMixin
from ..shell.dialogs import YesNoDialog, yes_no_bindings
from ..shell.faults import store_faults_told

KOMPASSI_CSS = "kompassi.tcss"
START_FIELDS = ("kompassi_kind", "kompassi_mode", "kompassi_filled_on")

# Starts the reading: (kind, mode, the day a paper form was filled in or None) → the draft.
Starter = Callable[[ReadingKind, ReadingMode, date | None], Reading]


class StartDialog(ScreenContextMixin, ModalScreen[Reading | None]):
    """Kind (baseline first, follow-up after, final by choice), mode and, on paper, the day
    it was filled in. Enter starts the reading through `start` (the caller's store call):
    what the store refuses stands next to its field and everything typed stays. Given a
    `draft`, the same fields correct that draft's details instead."""

    CSS_PATH = KOMPASSI_CSS
    # Nothing focused at first, so Enter at once starts with the defaults; Tab reaches the
    # fields. Not a priority binding: that would run before the keys typed just ahead of it.
    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("enter,ctrl+s", "start", "Start", id="kompassi.start.go"),
        Binding("escape", "cancel", "Cancel", id="kompassi.start.cancel"),
    ]

    def __init__(
        self, first_kind: ReadingKind, today: date, start: Starter, draft: Reading | None = None
    ) -> None:
        super().__init__()
        self.first_kind = first_kind
        self.today = today
        self.start = start
        self.draft = draft

    def compose(self) -> ComposeResult:
        kinds = [k for k in READING_KINDS if (k == "baseline") == (self.first_kind == "baseline")]
        with Vertical(classes="dialog kompassi-form"):
            title = "kompassi.details.title" if self.draft else "kompassi.start.title"
            yield Static(self.t(title), classes="dialog-title")
            yield from field_row(
                self.t("field.kompassi_kind"),
                Select(
                    [(self.t(f"kompassi.kind.{k}"), k) for k in kinds],
                    value=self.draft.kind if self.draft else self.first_kind,
                    allow_blank=False,
                    id="kompassi_kind",
                    compact=True,
                ),
            )
            yield from field_row(
                self.t("field.kompassi_mode"),
                Select(
                    [(self.t(f"kompassi.mode.{m}"), m) for m in READING_MODES],
                    value=self.draft.mode if self.draft else "screen",
                    allow_blank=False,
                    id="kompassi_mode",
                    compact=True,
                ),
            )
            yield from field_row(
                self.t("field.kompassi_filled_on"),
                Input(
                    format_date(self.draft.filled_on if self.draft else self.today),
                    id="kompassi_filled_on",
                    compact=True,
                ),
            )
            yield Static(self.t("kompassi.start.hint"), classes="hint -wrap")

    def on_mount(self) -> None:
        self._show_date()

    @on(Select.Changed, "#kompassi_mode")
    def _show_date(self) -> None:
        # The day is asked only of a paper form: one on screen is filled in today.
        paper = self.query_one("#kompassi_mode", Select).value == "paper"
        self.query_one("#kompassi_filled_on").parent.display = paper  # type: ignore[union-attr]

    @on(Input.Submitted, "#kompassi_filled_on")
    def _date_given(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_start()

    @store_faults_told
    def action_start(self) -> None:
        kind: ReadingKind = self.query_one("#kompassi_kind", Select).value  # type: ignore[assignment]
        mode: ReadingMode = self.query_one("#kompassi_mode", Select).value  # type: ignore[assignment]
        typed = self.query_one("#kompassi_filled_on", Input).value
        errors: list[FieldError] = []
        filled_on: date | None = None
        if mode == "paper":
            try:
                filled_on = parse_date(typed)
            except DateError:
                errors = [FieldError("kompassi_filled_on", "date.error.invalid", {"text": typed})]
        if not errors:
            try:
                reading = self.start(kind, mode, filled_on)
            except ValidationError as exc:
                errors = list(exc.errors)
            except TranslatedError as exc:
                # A draft begun meanwhile (another session): the screen offers that one.
                self.notify(exc.message(self.ctx.lang), severity="warning")
                self.dismiss(None)
                return
            else:
                self.dismiss(reading)
                return
        show_field_errors(self, START_FIELDS, errors, self.ctx.lang)
        focus_first_error(self, START_FIELDS, (e.field for e in errors))

    def action_cancel(self) -> None:
        self.dismiss(None)


class DraftOffer(ScreenContextMixin, ModalScreen[str | None]):
    """The reading left unfinished, offered when the client is opened: "continue" (Enter),
    "discard" (d, asked again) or None (Esc: decide later; it stays)."""

    CSS_PATH = KOMPASSI_CSS
    BINDINGS = [
        Binding("enter", "choose('continue')", "Continue", id="kompassi.draft.continue"),
        Binding("d", "choose('discard')", "Discard", id="kompassi.draft.discard"),
        Binding("escape", "choose(None)", "Later", id="kompassi.draft.later"),
    ]

    def __init__(self, draft: Reading, answered: int, domains: int) -> None:
        super().__init__()
        self.draft = draft
        self.answered = answered
        self.domains = domains

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                self.t("kompassi.draft.title", date=format_date(self.draft.filled_on)),
                classes="dialog-title",
            )
            yield Static(
                self.t("kompassi.draft.body", answered=self.answered, domains=self.domains),
                classes="-wrap",
            )
            yield Static(self.t("kompassi.draft.keys"), id="draft-keys")

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)


class ConfirmDiscardReading(YesNoDialog):
    """Yes throws the unfinished reading away (the only way a draft goes)."""

    BINDINGS = yes_no_bindings("kompassi.discard", "Discard", "Keep")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.t("kompassi.discard.title"), classes="dialog-title")
            yield Static(self.t("kompassi.discard.keys"))
