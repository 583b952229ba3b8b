"""Kompassi (F3): choose the client, see their readings and picture, and enter a reading
by keys, saved as a draft on every answer."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, OptionList, Static
from textual.widgets.option_list import Option

from store.clients.display import full_name, name_initials
from store.core.auth import PermissionDenied
from store.core.clock import from_iso, to_local
from store.core.dates import format_date
from store.kompassi.models import KompassiView, OpenDraft, Reading, ReadingKind, ReadingMode
from store.kompassi.repository import NotYourClient

from ..clients.client_search import ClientSearch
from ..shell.context import ScreenContextMixin
from ..shell.dialogs import ask
from ..shell.faults import reporting_store_faults, store_faults_told
from ..shell.header import LuotsiHeader
from .picture_view import KompassiPicture
from .reading_entry import ReadingEntry, other_part
from .reading_grid import reading_row
from .start_dialog import KOMPASSI_CSS, ConfirmDiscardReading, DraftOffer, StartDialog

# Keys of the client's readings, off while a reading is typed in.
OPEN = frozenset({"new", "compare", "suggestions", "picture_text"})
READING_COLUMNS = ("date", "kind", "mode", "version", "answered")


class KompassiScreen(ScreenContextMixin, Screen[None]):
    """Opens `client_id`'s Kompassi, or lets the coach find a client (or a draft) first."""

    CSS_PATH = KOMPASSI_CSS
    BINDINGS = [
        Binding("n", "new", "New", id="kompassi.new"),
        Binding("v", "compare", "Compare", id="kompassi.compare"),
        Binding("e", "suggestions", "Suggestions", id="kompassi.suggestions"),
        Binding("t", "picture_text", "As text", id="kompassi.text", show=False),
        Binding("ctrl+f", "choose_client", "Other client", id="kompassi.choose", show=False),
        Binding("escape", "back", "Back", id="kompassi.back"),
    ]

    def __init__(self, client_id: str | None = None) -> None:
        super().__init__()
        self.client_id = client_id
        self.view: KompassiView | None = None
        self.entering: Reading | None = None  # the draft being typed in
        self.client_names: tuple[str, str] | None = None  # first and last name
        self.drafts: list[OpenDraft] = []  # the coach's readings in progress

    def compose(self) -> ComposeResult:
        yield LuotsiHeader(id="header")
        yield Static(self.t("kompassi.find"), id="kompassi-title", classes="screen-title")
        yield Static("", id="kompassi-facts")
        with Vertical(id="kompassi-choose"):
            yield Static("", id="stale-title", classes="hint")
            yield OptionList(id="stale-drafts")
            yield ClientSearch(id="kompassi-search")
        with Vertical(id="kompassi-body"):
            yield DataTable(id="readings", cursor_type="row", zebra_stripes=True)
            yield Static("", id="readings-empty")
            yield KompassiPicture(id="picture")
        yield ReadingEntry(id="kompassi-entry")
        yield Static(self.t("kompassi.keys"), id="kompassi-keys", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#readings", DataTable)
        for column in READING_COLUMNS:
            table.add_column(self.t(f"kompassi.readings.{column}"), key=column)
        self.watch(self.app, "blanked", lambda _: self._show_names(), init=False)
        if self.client_id is None:
            self._show_search()
        else:
            self.open_client(self.client_id)

    # Choosing the client ----------------------------------------------------------------

    @store_faults_told
    def _show_search(self, refused: str = "") -> None:
        self.view = None
        self.entering = None
        self.set_class(False, "-open")
        self.set_class(False, "-entering")
        self.query_one("#kompassi-title", Static).update(self.t("kompassi.find"))
        self._show_facts(refused)
        self.drafts = self.store.kompassi.open_drafts(self.session.staff)
        self._show_names()
        self.query_one(ClientSearch).focus_input()

    def _client_label(self, first_name: str, last_name: str) -> str:
        named = name_initials if self.ctx.blanked else full_name
        return named(first_name, last_name)

    def _show_names(self) -> None:
        """The names on screen, as initials while the screen is blanked (F12)."""
        draft_list = self.query_one("#stale-drafts", OptionList)
        draft_list.clear_options()
        for draft in self.drafts:
            started = format_date(to_local(from_iso(draft.started_at)).date())
            name = self._client_label(draft.first_name, draft.last_name)
            label = self.t("kompassi.drafts.row", name=name, date=started, answered=draft.answered)
            if draft.stale:
                label = self.t("kompassi.drafts.stale", row=label)
            draft_list.add_option(Option(Content(label), id=draft.client_id))
        title = self.query_one("#stale-title", Static)
        stale = sum(1 for draft in self.drafts if draft.stale)
        key = "kompassi.drafts.title.stale" if stale else "kompassi.drafts.title"
        title.update(self.t(key, count=len(self.drafts), stale=stale) if self.drafts else "")
        title.display = bool(self.drafts)
        draft_list.display = bool(self.drafts)
        if self.drafts:
            draft_list.highlighted = 0  # Shift+Tab from the search, then Enter
        self._show_title()

    @on(OptionList.OptionSelected, "#stale-drafts")
    def _stale_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        draft = next((d for d in self.drafts if d.client_id == event.option.id), None)
        if draft is not None:
            self.client_names = (draft.first_name, draft.last_name)
            self.open_client(draft.client_id)

    def action_choose_client(self) -> None:
        if self.entering is not None:
            self._leave_entry()
        self.client_id = self.client_names = None
        self._show_search()

    @on(ClientSearch.ClientSelected)
    def _client_chosen(self, event: ClientSearch.ClientSelected) -> None:
        event.stop()
        match = next(
            (m for m in self.query_one(ClientSearch).matches if m.id == event.client_id), None
        )
        self.client_names = None if match is None else (match.first_name, match.last_name)
        self.open_client(event.client_id)

    @on(ClientSearch.NewClientRequested)
    def _no_client(self, event: ClientSearch.NewClientRequested) -> None:
        event.stop()  # a reading is for a registered client: the search says none matched

    @store_faults_told
    def open_client(self, client_id: str) -> None:
        """Open the client's readings (logged); another coach's client is refused, and
        nothing of their answers is shown. An unfinished reading is offered at once."""
        try:
            view = self.store.kompassi.open(self.session.staff, client_id)
        except (NotYourClient, PermissionDenied) as exc:
            refusal = "kompassi.error.not_your_client"
            message = self.t(refusal if isinstance(exc, NotYourClient) else "kompassi.not_allowed")
            self.notify(message, severity="warning")
            self.client_id = self.client_names = None
            self._show_search(refused="⚠ " + message)
            return
        if view.client is not None:
            self.client_names = (view.client.first_name, view.client.last_name)
        self.client_id = client_id
        self.set_class(True, "-open")
        self._show(view)
        self.query_one("#readings", DataTable).focus()
        if view.draft is not None:
            self._offer_draft(view.draft)

    def _offer_draft(self, draft: Reading) -> None:
        assert self.view is not None
        instrument = self.view.instruments[draft.instrument_id]
        answered = sum(1 for a in draft.answers if a.answered)

        def chosen(choice: str | None) -> None:
            if choice == "continue":
                self._enter(draft)
            elif choice == "discard":
                ask(self.app, ConfirmDiscardReading(), reporting_store_faults(self, discard))

        def discard() -> None:
            self.store.kompassi.discard(self.session.staff, draft.id)
            self._reload()
            self.notify(self.t("kompassi.discarded"))

        self.app.push_screen(DraftOffer(draft, answered, len(instrument.domains)), chosen)

    # Drawing ----------------------------------------------------------------------------

    def _show(self, view: KompassiView) -> None:
        self.view = view
        self._show_title()
        table = self.query_one("#readings", DataTable)
        table.clear()
        for reading in reversed(view.readings):  # the latest first
            table.add_row(
                *reading_row(reading, view.instrument_of(reading), self.t), key=reading.id
            )
        table.display = bool(view.readings)
        empty = self.query_one("#readings-empty", Static)
        none = "kompassi.no_readings.draft" if view.draft else "kompassi.no_readings"
        empty.update("" if view.readings else self.t(none))
        empty.display = not view.readings
        picture = self.query_one(KompassiPicture)
        picture.show(view)
        picture.display = bool(view.readings)

    def _show_title(self) -> None:
        if self.view is None:
            return
        name = self._client_label(*self.client_names) if self.client_names else ""
        self.query_one("#kompassi-title", Static).update(
            Content(self.t("kompassi.title.client", name=name))
        )
        draft = self.view.draft
        facts = ""
        if draft is not None and self.entering is None:
            facts = self.t("kompassi.draft.waiting", date=format_date(draft.filled_on))
        self._show_facts(facts)

    def _show_facts(self, text: str) -> None:
        facts = self.query_one("#kompassi-facts", Static)
        facts.update(text)
        facts.display = bool(text)

    def _reload(self) -> None:
        assert self.client_id is not None
        self._show(self.store.kompassi.view(self.session.staff, self.client_id))

    # Entering a reading -----------------------------------------------------------------

    def _enter(self, reading: Reading) -> None:
        assert self.view is not None
        self.entering = reading
        self.set_class(True, "-entering")
        self._show_title()
        self.query_one(ReadingEntry).begin(self.view.instruments[reading.instrument_id], reading)

    @on(ReadingEntry.Finished)
    def _finished(self, event: ReadingEntry.Finished) -> None:
        self._leave_entry()
        done = event.reading
        kind = self.t(f"kompassi.kind.{done.kind}")
        self.notify(self.t("kompassi.finished", kind=kind, date=format_date(done.filled_on)))

    @on(ReadingEntry.Paused)
    def _paused(self) -> None:
        # Every answer is in the draft already: leaving loses nothing.
        self._leave_entry()
        self.notify(self.t("kompassi.draft.kept"))

    @store_faults_told
    def _leave_entry(self) -> None:
        self.entering = None
        self.set_class(False, "-entering")
        self._reload()
        self.query_one("#readings", DataTable).focus()

    # Keys -------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in OPEN:
            return self.view is not None and self.entering is None
        return True

    def action_new(self) -> None:
        """Continue the draft there is, else start a reading (baseline first)."""
        view = self.view
        if view is None or self.client_id is None:
            return
        if view.draft is not None:
            self._enter(view.draft)
            return
        client_id = self.client_id

        def start(kind: ReadingKind, mode: ReadingMode, filled_on: date | None) -> Reading:
            return self.store.kompassi.start(self.session.staff, client_id, kind, mode, filled_on)

        def started(reading: Reading | None) -> None:
            self._reload()
            if reading is not None:
                self._enter(reading)
            elif self.view is not None and self.view.draft is not None:
                self._offer_draft(self.view.draft)

        first = self.store.kompassi.next_kind(client_id)
        dialog = StartDialog(first, self.store.today(), start)
        self.app.push_screen(dialog, reporting_store_faults(self, started))

    def _back_from_part(self, _: object = None) -> None:
        self._reload()

    def action_compare(self) -> None:
        """Choose two readings to set side by side in the picture."""
        view = self.view
        if view is None or len(view.readings) < 2:
            self.notify(self.t("kompassi.compare.too_few"), severity="warning")
            return
        self.query_one(KompassiPicture).action_compare()

    def action_picture_text(self) -> None:
        """The picture as plain sentences (for a screen reader), or as bars again."""
        self.query_one(KompassiPicture).action_toggle_text()

    def action_suggestions(self) -> None:
        """The services the latest reading's low domains suggest."""
        view = self.view
        if view is None or self.client_id is None or not view.readings:
            self.notify(self.t("kompassi.suggestions.no_reading"), severity="warning")
            return
        suggestions = other_part(self, "suggestions_screen", "SuggestionsScreen")
        if suggestions is None:
            return
        screen = suggestions(self.client_id, view.readings[-1].id)
        self.app.push_screen(screen, reporting_store_faults(self, self._back_from_part))

    def action_back(self) -> None:
        picture = self.query_one(KompassiPicture)
        if picture.picture is not None and picture.picture.compared:
            picture.action_default()  # first back to the baseline, previous and latest
            return
        self.dismiss(None)
