"""Find a client as you type; reused by every screen that starts from a client."""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from store.clients.display import blanked_label, fit_name
from store.clients.models import ClientMatch
from store.clients.search import SEARCH_LIMIT
from store.clients.validation import mask_hetu
from store.core.dates import format_date

from ..shell.context import ContextMixin
from ..shell.faults import store_faults_told

DATE_WIDTH = 10  # 31.12.1999
HETU_WIDTH = 11
GAP = "  "
# The identity code joins a row only when the name still has this much room beside it.
NAME_WIDTH_WITH_HETU = 26


def result_label(match: ClientMatch, width: int, *, blanked: bool, number: int) -> Text:
    """One result on one line of `width` cells: the name (its surname end cut first), the
    birth date and, where it fits, the masked identity code. Blanked: the row number to
    read aloud, initials, birth year and the code's last character."""
    if blanked:
        label = blanked_label(match.first_name, match.last_name, match.birth_date, match.hetu)
        return Text.assemble((f"{number:>2}", "bold"), GAP, label)
    name_width = width - len(GAP) - DATE_WIDTH
    # Decided by the width alone, so that every row's birth date is in the same place.
    show_hetu = name_width - len(GAP) - HETU_WIDTH >= NAME_WIDTH_WITH_HETU
    if show_hetu:
        name_width -= len(GAP) + HETU_WIDTH
    name = fit_name(match.first_name, match.last_name, max(name_width, 1))
    label = Text.assemble(
        (f"{name:<{name_width}}", "bold"), GAP, f"{format_date(match.birth_date):>{DATE_WIDTH}}"
    )
    if show_hetu and match.hetu:
        label.append(GAP + mask_hetu(match.hetu), style="dim")
    return label


class ResultList(OptionList):
    """The results; digits move the highlight to the row of that number (the number a
    blanked list shows), so a row can be chosen without reading a name aloud."""

    class ChoiceNeeded(Message):
        """Enter with no row highlighted: nothing is chosen for the user."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.typed_number = ""

    def action_select(self) -> None:
        if self.highlighted is None:
            self.post_message(self.ChoiceNeeded())
            return
        super().action_select()

    def on_key(self, event: events.Key) -> None:
        if not (event.character and event.character.isdigit()):
            self.typed_number = ""
            return
        event.stop()
        typed = self.typed_number + event.character
        if not (0 < int(typed) <= self.option_count):
            typed = event.character  # a fresh number, not a continuation
        self.typed_number = typed if 0 < int(typed) <= self.option_count else ""
        if self.typed_number:
            self.highlighted = int(self.typed_number) - 1


class ClientSearch(ContextMixin, Vertical):
    """An input, a live result list and a status line.

    Posts `ClientSelected` when a result is chosen and `NewClientRequested` (with what
    was typed) when Enter is pressed and nothing matches. Of several results none is
    chosen until the user moves to one: Enter alone then asks them to choose.
    """

    DEFAULT_CSS = """
    ClientSearch { height: 1fr; }
    ClientSearch #search-results { height: 1fr; border: none; }
    ClientSearch #search-status { color: $text-muted; height: 1; }
    ClientSearch #search-status.-choose { color: $warning; text-style: bold; }
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
        self.compact = compact  # a column beside other work: the status wraps
        self.set_class(compact, "-compact")
        self._drawn_width = 0

    def compose(self) -> ComposeResult:
        # On the desk, letters typed into the queue carry on here, and selecting the text
        # on focus would let the next letter replace them.
        yield Input(
            placeholder=self.t("search.placeholder"),
            id="search-input",
            select_on_focus=not self.compact,
        )
        yield Static(self.t("search.prompt"), id="search-status")
        results = ResultList(id="search-results")
        results.can_focus = False  # until there is something to choose
        yield results

    def on_mount(self) -> None:
        self.watch(self.app, "blanked", self._apply_blanking, init=False)

    def _apply_blanking(self, blanked: bool) -> None:
        # What was typed is often a name, so it is hidden like one.
        self.input.password = blanked
        self._draw_rows(self.results.highlighted)
        self._show_status()

    def on_resize(self, event: events.Resize) -> None:
        if self._row_width() != self._drawn_width:
            self._draw_rows(self.results.highlighted)

    @property
    def input(self) -> Input:
        return self.query_one("#search-input", Input)

    @property
    def results(self) -> ResultList:
        return self.query_one("#search-results", ResultList)

    @property
    def status(self) -> Static:
        return self.query_one("#search-status", Static)

    def focus_input(self) -> None:
        self.input.focus()

    def type_ahead(self, text: str) -> None:
        """Carry on here with what was typed elsewhere (the desk's queue), and take the focus."""
        box = self.input
        box.value += text
        box.cursor_position = len(box.value)
        box.focus()

    @on(Input.Changed, "#search-input")
    @store_faults_told
    def _search(self, event: Input.Changed) -> None:
        self.matches = self.store.clients.search(event.value)
        self._show_matches()

    def _row_width(self) -> int:
        results = self.results
        # The scrollbar's column is kept free, so a long list does not cut every row.
        width = results.content_region.width - results.styles.scrollbar_size_vertical
        return max(width, 20)

    def _draw_rows(self, highlighted: int | None) -> None:
        """Draw the results for the width there is, with row `highlighted` chosen."""
        results = self.results
        width = self._drawn_width = self._row_width()
        blanked = self.ctx.blanked
        results.clear_options()
        results.add_options(
            Option(result_label(m, width, blanked=blanked, number=n), id=m.id)
            for n, m in enumerate(self.matches, 1)
        )
        results.highlighted = highlighted

    def _show_matches(self) -> None:
        # The only result is the one Enter takes; of several, the user picks one.
        self._draw_rows(0 if len(self.matches) == 1 else None)
        # An empty list is no stop for Tab: from an empty search it goes to what is next.
        self.results.can_focus = bool(self.matches)
        self._show_status()

    def _show_status(self, *, choose: bool = False) -> None:
        typed = self.input.value.strip()
        keys = "blanked" if self.ctx.blanked else "plain"
        if not typed:
            status = self.t("search.prompt")
        elif not self.matches:
            status = self.t("search.none")
        elif choose:
            status = self.t(f"search.choose.{keys}", count=len(self.matches))
        elif len(self.matches) >= SEARCH_LIMIT:
            status = self.t("search.many", count=SEARCH_LIMIT)
        elif len(self.matches) == 1:
            status = self.t("search.single")
        else:
            status = self.t(f"search.hits.{keys}", count=len(self.matches))
        self.status.set_class(choose, "-choose")
        self.status.update(status)

    @on(ResultList.ChoiceNeeded)
    def _choice_needed(self, event: ResultList.ChoiceNeeded) -> None:
        event.stop()
        self._show_status(choose=True)

    @on(OptionList.OptionHighlighted, "#search-results")
    def _moved(self) -> None:
        if self.status.has_class("-choose"):
            self._show_status()  # chosen now: the warning has done its work

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
        elif self.matches:
            self._show_status(choose=True)  # never the first of several by default
        elif event.value.strip():
            self.post_message(self.NewClientRequested(event.value.strip()))

    @on(OptionList.OptionSelected, "#search-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.ClientSelected(event.option.id))

    def clear(self) -> None:
        self.input.value = ""
