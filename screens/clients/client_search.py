"""Find a client as you type; reused by every screen that starts from a client."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from store.clients.models import ClientMatch
from store.clients.search import SEARCH_LIMIT
from store.clients.validation import mask_hetu
from store.core.dates import format_date

from ..shell.context import ContextMixin
from ..shell.formatting import initials


class ClientSearch(ContextMixin, Vertical):
    """An input, a live result list and a status line.

    Posts `ClientSelected` when a result is chosen and `NewClientRequested` (with what
    was typed) when Enter is pressed and nothing matches.
    """

    DEFAULT_CSS = """
    ClientSearch { height: 1fr; }
    ClientSearch #search-results { height: 1fr; border: none; }
    ClientSearch #search-status { color: $text-muted; height: 1; }
    /* In the narrow desk column the status and its keys wrap instead of being cut. */
    ClientSearch.-compact #search-status { height: auto; }
    """

    BINDINGS = [
        Binding("down", "cursor_down", "↓", show=False, id="search.down"),
        Binding("up", "cursor_up", "↑", show=False, id="search.up"),
    ]

    class ClientSelected(Message):
        def __init__(self, client_id: str) -> None:
            super().__init__()
            self.client_id = client_id

    class NewClientRequested(Message):
        def __init__(self, typed: str) -> None:
            super().__init__()
            self.typed = typed

    def __init__(self, *, id: str | None = None, compact: bool = False) -> None:
        super().__init__(id=id)
        self.matches: list[ClientMatch] = []
        self.compact = compact  # a narrow column: name and birth date only
        self.set_class(compact, "-compact")

    def compose(self) -> ComposeResult:
        # On the desk, letters typed into the queue carry on here, and selecting the text
        # on focus would let the next letter replace them.
        yield Input(
            placeholder=self.t("search.placeholder"),
            id="search-input",
            select_on_focus=not self.compact,
        )
        yield Static(self.t("search.prompt"), id="search-status")
        results = OptionList(id="search-results")
        results.can_focus = False  # until there is something to choose
        yield results

    def on_mount(self) -> None:
        self.watch(self.app, "blanked", self._apply_blanking, init=False)

    def _apply_blanking(self, blanked: bool) -> None:
        # What was typed is often a name, so it is hidden like one.
        self.input.password = blanked
        self._show_matches()

    @property
    def input(self) -> Input:
        return self.query_one("#search-input", Input)

    @property
    def results(self) -> OptionList:
        return self.query_one("#search-results", OptionList)

    def focus_input(self) -> None:
        self.input.focus()

    def type_ahead(self, text: str) -> None:
        """Carry on here with what was typed elsewhere (the desk's queue), and take the focus."""
        box = self.input
        box.value += text
        box.cursor_position = len(box.value)
        box.focus()

    @on(Input.Changed, "#search-input")
    def _search(self, event: Input.Changed) -> None:
        self.matches = self.store.clients.search(event.value)
        self._show_matches()

    def _label(self, match: ClientMatch) -> Text:
        width = 17 if self.compact else 28
        if self.ctx.blanked:
            return Text(initials(match.first_name, match.last_name))
        name = f"{match.last_name} {match.first_name}"
        label = Text.assemble(
            (f"{name[:width]:<{width}} ", "bold"), f"{format_date(match.birth_date):>10}"
        )
        if not self.compact:
            label.append(f"  {mask_hetu(match.hetu) if match.hetu else '':<11}", style="dim")
        return label

    def _show_matches(self) -> None:
        results = self.results
        results.clear_options()
        results.add_options(Option(self._label(m), id=m.id) for m in self.matches)
        # An empty list is no stop for Tab: from an empty search it goes to what is next.
        results.can_focus = bool(self.matches)
        if self.matches:
            results.highlighted = 0
        typed = self.input.value.strip()
        if not typed:
            status = self.t("search.prompt")
        elif not self.matches:
            status = self.t("search.none")
        elif len(self.matches) >= SEARCH_LIMIT:
            status = self.t("search.many", count=SEARCH_LIMIT)
        else:
            status = self.t("search.hits", count=len(self.matches))
        self.query_one("#search-status", Static).update(status)

    def action_cursor_down(self) -> None:
        self.results.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.results.action_cursor_up()

    @on(Input.Submitted, "#search-input")
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        highlighted = self.results.highlighted
        if self.matches and highlighted is not None:
            self.post_message(self.ClientSelected(self.matches[highlighted].id))
        elif event.value.strip() and not self.matches:
            self.post_message(self.NewClientRequested(event.value.strip()))

    @on(OptionList.OptionSelected, "#search-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.ClientSelected(event.option.id))

    def clear(self) -> None:
        self.input.value = ""
