"""The services a finished Kompassi reading suggests (F3, key e): each low domain with its
score and band, the service it suggests and what the coach decided. Accepting plans the
service on the client's service path (F4 shows it); rejecting keeps an optional reason."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.clients.validation import ValidationError
from store.core.auth import PermissionDenied
from store.core.dates import format_date
from store.core.i18n import TranslatedError
from store.kompassi.models import Instrument, Reading, Suggestion
from store.paths.models import Service

from ..shell.context import ScreenContextMixin
from ..shell.faults import reporting_store_faults, store_faults_told
from .suggestion_dialogs import AcceptDialog, RejectDialog

LIST = "suggestion-list"


class SuggestionsScreen(ScreenContextMixin, ModalScreen[bool]):
    """Returns True when a decision was made (the caller reloads what it shows). The
    store checks access again on every decision."""

    CSS_PATH = "suggestions.tcss"
    BINDINGS = [
        Binding("a", "accept", "Accept", id="suggestions.accept"),
        Binding("r", "reject", "Reject", id="suggestions.reject"),
        Binding("escape", "back", "Back", id="suggestions.back"),
    ]

    def __init__(self, client_id: str, reading_id: str) -> None:
        super().__init__()
        self.client_id = client_id
        self.reading_id = reading_id
        self.suggestions: list[Suggestion] = []
        self.decided = False
        self.reading: Reading | None = None
        self.instrument: Instrument | None = None
        self.services: dict[str, Service] = {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="suggestions-dialog"):
            yield Static(
                self.t("kompassi.suggestions.title"), classes="dialog-title", id="suggestions-title"
            )
            yield OptionList(id=LIST)
            yield Static("", id="suggestions-empty", classes="-wrap")
            yield Static("", id="suggestions-notice", classes="-wrap")
            yield Static(self.t("kompassi.suggestions.hint"), classes="hint -wrap")

    def on_mount(self) -> None:
        self._load()
        self.query_one(f"#{LIST}", OptionList).focus()

    # Showing -------------------------------------------------------------------------

    @store_faults_told
    def _load(self, keep: int | None = None) -> None:
        staff = self.session.staff
        try:
            self.suggestions = self.store.kompassi_suggestions.suggestions(staff, self.reading_id)
        except PermissionDenied:
            self._refused(self.t("kompassi.error.not_your_client"))
            return
        except TranslatedError as refused:
            self._refused(refused.message(self.ctx.lang))
            return
        self.reading = self.store.kompassi.reading(self.reading_id)
        self.instrument = self.store.instruments.get(self.reading.instrument_id)
        self.services = self.store.catalog.services_by_code()
        self.query_one("#suggestions-title", Static).update(
            self.t(
                "kompassi.suggestions.title.reading",
                kind=self.t(f"kompassi.suggestions.kind.{self.reading.kind}"),
                day=format_date(self.reading.filled_on),
            )
        )
        options = self.query_one(f"#{LIST}", OptionList)
        options.clear_options()
        previous: str | None = None
        prompts: list[Option] = []
        for index, suggestion in enumerate(self.suggestions):
            prompts.append(Option(self._prompt(suggestion, previous), id=str(index)))
            previous = suggestion.domain_code
        options.add_options(prompts)
        options.display = bool(self.suggestions)
        empty = self.query_one("#suggestions-empty", Static)
        empty.update("" if self.suggestions else self.t("kompassi.suggestions.none"))
        empty.display = not self.suggestions
        if self.suggestions:
            options.highlighted = min(keep or 0, len(self.suggestions) - 1)

    def _refused(self, message: str) -> None:
        self.suggestions = []
        self.query_one(f"#{LIST}", OptionList).display = False
        self._notice(message, error=True)

    def _prompt(self, suggestion: Suggestion, previous_domain: str | None) -> Content:
        """The domain, its score and band word (once for a domain's services); the service
        ("not decided" beside it), or under it the decision and any reason given."""
        assert self.instrument is not None
        service, domain = self._names(suggestion)
        band = next((b for b in self.instrument.bands if b.code == suggestion.band_code), None)
        heading = Content.assemble(
            (domain, "bold"),
            f"  {suggestion.score}",
            f" {band.label(self.ctx.lang)}" if band else "",
        )
        line = Content.assemble("  → ", service)
        if suggestion.decision is None:
            line += Content.assemble("   ", (self.t("kompassi.suggestions.open"), "dim"))
        parts = [line] if suggestion.domain_code == previous_domain else [heading, line]
        if suggestion.decision is not None:
            decided = Content.assemble("      ", (self._decision_text(suggestion), "italic"))
            if suggestion.reason:
                decided += Content(f": “{suggestion.reason}”")
            parts.append(decided)
        return Content("\n").join(parts)

    def _decision_text(self, suggestion: Suggestion) -> str:
        if suggestion.decision == "accepted" and suggestion.step_id:
            # The step as it is now: the coach may have started or cancelled it in F4.
            step = self.store.paths.step(suggestion.step_id)
            status = self.t(f"path.status.{step.status}")
            return self.t(
                "kompassi.suggestions.accepted", status=status, day=format_date(step.start)
            )
        return self.t("kompassi.suggestions.rejected")

    def _notice(self, message: str, error: bool = False) -> None:
        notice = self.query_one("#suggestions-notice", Static)
        notice.update(Content(f"⚠ {message}" if error and message else message))
        notice.set_class(error, "-error")
        notice.display = bool(message)

    # Deciding ------------------------------------------------------------------------

    def _chosen(self) -> tuple[int, Suggestion] | None:
        """The highlighted suggestion still open, else None (and the user told why)."""
        index = self.query_one(f"#{LIST}", OptionList).highlighted
        if index is None or not self.suggestions:
            return None
        suggestion = self.suggestions[index]
        if suggestion.decision is not None:
            self._notice(
                self.t(f"kompassi.suggestion.error.already_{suggestion.decision}"), error=True
            )
            return None
        return index, suggestion

    def _names(self, suggestion: Suggestion) -> tuple[str, str]:
        """The service's name and the domain's, in the user's language."""
        lang = self.ctx.lang
        service = self.services.get(suggestion.service_code)
        domain = self.instrument.domain(suggestion.domain_code) if self.instrument else None
        return (
            service.name(lang) if service else suggestion.service_code,
            domain.label(lang) if domain else suggestion.domain_code,
        )

    @on(OptionList.OptionSelected, f"#{LIST}")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_accept()

    def action_accept(self) -> None:
        self._ask("accept")

    def action_reject(self) -> None:
        self._ask("reject")

    def _ask(self, kind: str) -> None:
        """Ask the start date (accept) or the reason (reject) of the highlighted one."""
        chosen = self._chosen()
        if chosen is None:
            return
        index, suggestion = chosen
        service, domain = self._names(suggestion)
        about = self.t("kompassi.suggestions.about", domain=domain, score=suggestion.score)
        title = self.t(f"kompassi.suggestions.{kind}.title", service=service)
        dialog: AcceptDialog | RejectDialog = (
            AcceptDialog(title, about, self.store.today())
            if kind == "accept"
            else RejectDialog(title, about)
        )

        def given(answer: date | str | None) -> None:
            if answer is not None:
                self._decide(index, suggestion, service, answer)

        self.app.push_screen(dialog, reporting_store_faults(self, given))

    def _decide(self, index: int, suggestion: Suggestion, service: str, answer: date | str) -> None:
        """Accept from the day `answer`, or reject for the reason `answer` ("" for none)."""
        decide = self.store.kompassi_suggestions
        which = (
            self.session.staff,
            self.reading_id,
            suggestion.domain_code,
            suggestion.service_code,
        )
        try:
            if isinstance(answer, date):
                decide.accept(*which, answer)
                message = self.t(
                    "kompassi.suggestions.accepted.notice", service=service, day=format_date(answer)
                )
            else:
                decide.reject(*which, answer)
                message = self.t("kompassi.suggestions.rejected.notice", service=service)
        except (TranslatedError, PermissionDenied, ValidationError) as refused:
            self._after_refusal(index, refused)
            return
        self.decided = True
        self._load(index)
        # Said on the screen, not in a toast that would cover the list.
        self._notice(message)

    def _after_refusal(self, index: int, refused: Exception) -> None:
        """Decided at another desk meanwhile, or the path changed: show the list as it is
        now, with the store's reason."""
        self._load(index)
        if isinstance(refused, TranslatedError):
            self._notice(refused.message(self.ctx.lang), error=True)
        elif isinstance(refused, ValidationError):
            self._notice(refused.errors[0].message(self.ctx.lang), error=True)
        else:
            self._notice(self.t("kompassi.error.not_your_client"), error=True)

    def action_back(self) -> None:
        self.dismiss(self.decided)
