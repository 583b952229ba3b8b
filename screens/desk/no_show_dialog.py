"""The booked clients who have not arrived 15 minutes after their start (Ctrl+Y on the
desk): Enter marks the highlighted one a no-show, Delete skips them, Esc closes."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from store.clients.display import person_label
from store.schedule.checkin import Expected

from ..shell.context import ScreenContextMixin
from ..shell.formatting import format_time


class NoShowDialog(ScreenContextMixin, ModalScreen[tuple[str, str] | None]):
    """Returns (appointment id, "no_show" or "skip"), or None when closed."""

    BINDINGS = [
        # Letters do nothing here, as in the desk's other lists: a key never acts by accident.
        Binding("delete", "choose('skip')", "Skip", id="noshow.skip"),
        Binding("escape", "cancel", "Close", id="noshow.close"),
    ]

    def __init__(self, late: list[Expected]) -> None:
        super().__init__()
        self.late = late

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.t("noshow.title"), classes="dialog-title")
            yield DataTable(id="noshow-table", cursor_type="row")
            yield Static(self.t("noshow.hint"), classes="hint -wrap")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        # Who and when, with their coach: the kind would not fit beside them in 80 columns.
        for key in ("time", "client", "coach"):
            table.add_column(self.t(f"noshow.col.{key}"), key=key)
        for expected in self.late:
            appointment = expected.appointment
            name = person_label(
                expected.first_name,
                expected.last_name,
                expected.birth_date,
                blanked=self.ctx.blanked,
            )
            table.add_row(
                format_time(appointment.starts_at),
                Text(name),
                Text(appointment.coach_name),
                key=appointment.id,
            )
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_choose("no_show")  # Enter on a row

    def action_choose(self, what: str) -> None:
        table = self.query_one(DataTable)
        if self.late:
            self.dismiss((self.late[table.cursor_row].appointment.id, what))

    def action_cancel(self) -> None:
        self.dismiss(None)
