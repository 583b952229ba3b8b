"""Dialogs of the queue: ask before changing a visit someone else has, transfer a visitor
to a colleague, close visits left open."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, OptionList, Static
from textual.widgets.option_list import Option

from store.clients.display import person_label
from store.core.dates import format_date
from store.core.models import Staff
from store.core.text import visible
from store.visits.models import Visit, VisitState
from store.visits.rules import Holder

from ..shell.context import ScreenContextMixin
from ..shell.dialogs import YesNoDialog, yes_no_bindings


class ConfirmOthersVisit(YesNoDialog):
    """Asks before done, left or transfer of a visit a colleague or another desk has in
    hand; yes goes ahead."""

    BINDINGS = [
        *yes_no_bindings("others_visit"),
        Binding("y", "answer(True)", "Yes", show=False, id="others_visit.yes_y"),
        Binding("n", "answer(False)", "No", show=False, id="others_visit.no_n"),
    ]

    def __init__(self, action: str, ticket: str, visitor: str, holder: Holder, staff: str) -> None:
        super().__init__()
        self.action, self.ticket, self.visitor = action, ticket, visitor
        self.holder, self.staff = holder, staff

    def _who(self) -> str:
        if self.holder.staff_id is not None and self.holder.desk is not None:
            return self.t("others.staff_desk", staff=self.staff, desk=self.holder.desk)
        if self.holder.staff_id is not None:
            return self.t("others.staff", staff=self.staff)
        return self.t("others.desk", desk=self.holder.desk)

    def compose(self) -> ComposeResult:
        question = self.t(f"others.{self.action}", ticket=self.ticket, name=self.visitor)
        with Vertical(classes="dialog"):
            yield Static(question, classes="dialog-title", id="others-question")
            yield Static(self._who(), id="others-holder")
            yield Static(self.t("others.keys"), id="others-keys")


class TransferDialog(ScreenContextMixin, ModalScreen[str | None]):
    """Returns the id of the staff member the visitor is handed to."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="transfer.cancel")]

    def __init__(self, ticket: str, visitor: str, site: str, colleagues: list[Staff]) -> None:
        super().__init__()
        self.ticket, self.visitor, self.site = ticket, visitor, site
        self.colleagues = colleagues

    def compose(self) -> ComposeResult:
        title = self.t("transfer.title", ticket=self.ticket, name=self.visitor, site=self.site)
        with Vertical(classes="dialog"):
            yield Static(title, classes="dialog-title", id="transfer-title")
            yield OptionList(
                *(
                    Option(Text(f"{visible(s.display_name)} · {self.t('role.' + s.role)}"), id=s.id)
                    for s in self.colleagues
                ),
                id="transfer-list",
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class LeftOpenDialog(ScreenContextMixin, ModalScreen[tuple[str, VisitState] | None]):
    """Lists visits from earlier days that were never closed; returns (visit id, state)."""

    BINDINGS = [
        # As on the queue: Ctrl+L, never a letter that could start a typed word.
        Binding("ctrl+l", "close_visit('left')", "Left", id="leftopen.left"),
        Binding("escape", "cancel", "Close", id="leftopen.cancel"),
    ]

    def __init__(self, visits: list[Visit]) -> None:
        super().__init__()
        self.visits = visits

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.t("leftopen.title"), classes="dialog-title")
            yield DataTable(id="leftopen-table", cursor_type="row")
            yield Static(self.t("leftopen.hint"), classes="hint -wrap")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in ("date", "ticket", "client", "state"):
            table.add_column(self.t(f"col.{key}"), key=key)
        for visit in self.visits:
            if visit.client_id is None:
                name = "—"
            else:
                name = person_label(
                    visit.first_name or "",
                    visit.last_name or "",
                    visit.client_birth_date,
                    blanked=self.ctx.blanked,
                )
            state = self.t(f"state.{visit.state}", desk=visit.desk or "", name="")
            table.add_row(
                format_date(visit.visit_date), visit.ticket, Text(name), state, key=visit.id
            )
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_close_visit("done")  # Enter on a row

    def action_close_visit(self, state: VisitState) -> None:
        table = self.query_one(DataTable)
        if self.visits:
            self.dismiss((self.visits[table.cursor_row].id, state))

    def action_cancel(self) -> None:
        self.dismiss(None)
