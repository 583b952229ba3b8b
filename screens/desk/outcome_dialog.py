"""How a finished visit ended, asked when the desk marks it done: Enter keeps "resolved"."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.visits.models import DONE_OUTCOMES

from ..shell.context import ScreenContextMixin


class OutcomeDialog(ScreenContextMixin, ModalScreen[str | None]):
    """Returns the chosen outcome (one of `DONE_OUTCOMES`), or None to leave the visit be."""

    BINDINGS = [
        *(
            Binding(str(n), f"choose({n})", str(n), show=False, id=f"outcome.{n}")
            for n in range(1, len(DONE_OUTCOMES) + 1)
        ),
        Binding("escape", "cancel", "Cancel", id="outcome.cancel"),
    ]

    def __init__(self, ticket: str, visitor: str) -> None:
        super().__init__()
        self.ticket, self.visitor = ticket, visitor

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                self.t("outcome.title", ticket=self.ticket, name=self.visitor),
                classes="dialog-title",
            )
            yield OptionList(
                *(
                    Option(f"{n}  {self.t(f'outcome.{code}')}", id=code)
                    for n, code in enumerate(DONE_OUTCOMES, 1)
                ),
                id="outcome-list",
            )
            yield Static(self.t("outcome.hint"), classes="hint -wrap")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0  # resolved, the common case: Enter takes it
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_choose(self, number: int) -> None:
        self.dismiss(DONE_OUTCOMES[number - 1])

    def action_cancel(self) -> None:
        self.dismiss(None)
