"""Choose any two finished Kompassi readings to compare, keyboard only: two lists of the
readings (d.m.yyyy and kind), Tab between them, Enter to compare; or their numbers, "1"
then "3"."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from store.core.dates import format_date
from store.kompassi.models import KompassiView

from ..shell.context import ScreenContextMixin

FIRST = "compare-first"
SECOND = "compare-second"


class CompareDialog(ScreenContextMixin, ModalScreen[tuple[str, str] | None]):
    """Returns (older id, newer id) of the two readings chosen, or None when cancelled.
    Starts on the baseline and the latest; the caller draws the comparison."""

    CSS_PATH = Path(__file__).with_name("compare.tcss")
    BINDINGS = [
        Binding("ctrl+s", "confirm", "Compare", id="compare.confirm", priority=True),
        Binding("escape", "cancel", "Cancel", id="compare.cancel"),
        *(
            Binding(str(n), f"pick({n})", str(n), show=False, id=f"compare.{n}")
            for n in range(1, 10)
        ),
    ]

    def __init__(self, view: KompassiView) -> None:
        super().__init__()
        self.readings = view.readings  # finished only, oldest first

    def _options(self) -> list[Option]:
        return [
            Option(
                self.t("kompassi.compare.option", number=n, date=format_date(r.filled_on),
                       kind=self.t(f"kompassi.picture.kind_long.{r.kind}")),
                id=r.id,
            )
            for n, r in enumerate(self.readings, 1)
        ]  # fmt: skip

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="compare-dialog"):
            yield Static(self.t("kompassi.compare.title"), classes="dialog-title")
            with Horizontal(id="compare-lists"):
                for list_id, title in ((FIRST, "first"), (SECOND, "second")):
                    with Vertical(classes="compare-column"):
                        yield Label(self.t(f"kompassi.compare.{title}"))
                        yield OptionList(*self._options(), id=list_id)
            yield Static("", id="compare-error", classes="field-error")
            yield Static(self.t("kompassi.compare.hint"), classes="hint -wrap")

    def on_mount(self) -> None:
        first, second = self._lists()
        first.highlighted = 0
        second.highlighted = len(self.readings) - 1
        first.focus()
        if len(self.readings) < 2:
            self._show(self.t("kompassi.compare.too_few"))

    def _lists(self) -> tuple[OptionList, OptionList]:
        return self.query_one(f"#{FIRST}", OptionList), self.query_one(f"#{SECOND}", OptionList)

    @on(OptionList.OptionHighlighted)
    def _moved(self) -> None:
        self._show("")

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == FIRST:
            self._lists()[1].focus()  # Enter on the first list goes on to the second
        else:
            self.action_confirm()

    def action_pick(self, number: int) -> None:
        """The reading numbered `number` in the list with focus: "1", "3" compares the
        first and the third."""
        if number > len(self.readings):
            return
        first, second = self._lists()
        if second.has_focus:
            second.highlighted = number - 1
            self.action_confirm()
        else:
            first.highlighted = number - 1
            second.focus()

    def action_confirm(self) -> None:
        first, second = self._lists()
        if first.highlighted is None or second.highlighted is None or len(self.readings) < 2:
            self._show(self.t("kompassi.compare.too_few"))
            return
        if first.highlighted == second.highlighted:
            self._show(self.t("kompassi.compare.same"))
            return
        older, newer = sorted((first.highlighted, second.highlighted))
        self.dismiss((self.readings[older].id, self.readings[newer].id))

    def _show(self, message: str) -> None:
        line = self.query_one("#compare-error", Static)
        line.update(Content(f"⚠ {message}" if message else ""))
        line.set_class(bool(message), "visible")

    def action_cancel(self) -> None:
        self.dismiss(None)
