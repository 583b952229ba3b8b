"""Today's queue at this site: ticket, arrival, live waiting time, client, reasons, state."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from store.core.clock import from_iso
from store.visits.models import Visit
from store.visits.queue import QueueEntry

from ..shell.context import ContextMixin
from ..shell.formatting import format_time, initials


@dataclass(frozen=True)
class QueueView:
    """What the table needs to draw one refresh: the store's entries, and the names the
    desk gives reasons (their digits) and colleagues."""

    entries: tuple[QueueEntry, ...]
    reason_numbers: dict[str, int]
    staff_names: dict[str, str]

    @property
    def visits(self) -> list[Visit]:
        return [entry.visit for entry in self.entries]


# Widths include the one-space gap after each column (the table has no cell padding).
COLUMNS = (
    ("ticket", 5),
    ("arrived", 7),
    ("wait", 8),
    ("client", 13),
    ("reasons", 5),
    ("state", 11),
)


def fit(text: Text, width: int) -> Text:
    """Crop a cell to its column, leaving the gap before the next one."""
    if text.cell_len > width - 1:
        text = text[: width - 2] + Text("…", style=text.style)
    return text


class QueueTable(ContextMixin, DataTable[Text]):
    BINDINGS = [
        Binding("enter", "request('advance')", "Next step", id="queue.advance"),
        # Ctrl combinations, never letters: a name typed here must not change a visit.
        # Terminals deliver these as they are (not as Backspace, Tab or Enter), and the
        # app gives them no other meaning on the desk.
        Binding("ctrl+d", "request('done')", "Done", id="queue.done"),
        Binding("ctrl+l", "request('left')", "Left", id="queue.left"),
        Binding("ctrl+o", "request('hold')", "Hold", id="queue.hold"),
        Binding("ctrl+t", "request('transfer')", "Transfer", id="queue.transfer"),
    ]

    class TypedAhead(Message):
        """A character typed into the queue: meant for the search."""

        def __init__(self, character: str) -> None:
            super().__init__()
            self.character = character

    def on_key(self, event: events.Key) -> None:
        # Typing a name with the queue focused must not act on visits letter by letter:
        # anything printable goes on to the search.
        if event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            self.post_message(self.TypedAhead(event.character))

    class ActionRequested(Message):
        """The user asked to move a visit along; the screen decides and writes."""

        def __init__(self, visit: Visit, action: str) -> None:
            super().__init__()
            self.visit = visit
            self.action = action

    def __init__(self, *, id: str | None = None) -> None:
        # No cell padding: six columns must fit beside the search in 80 columns.
        super().__init__(id=id, cursor_type="row", zebra_stripes=True, cell_padding=0)
        self.view: QueueView | None = None

    def on_mount(self) -> None:
        for key, width in COLUMNS:
            self.add_column(fit(Text(self.t(f"col.{key}")), width), key=key, width=width)
        self.watch(self.app, "blanked", lambda _: self.show(self.view), init=False)

    def _client_cell(self, visit: Visit) -> Text:
        own = "★ " if visit.wants_own_coach else ""
        if visit.client_id is None:
            return Text(own + "—", style="dim")
        if self.ctx.blanked:
            return Text(own + initials(visit.first_name or "", visit.last_name or ""))
        return Text(f"{own}{visit.last_name} {visit.first_name}")

    def _wait_cell(self, entry: QueueEntry) -> Text:
        if entry.early_for is not None:  # early for an appointment: the time, not a wait
            return Text(self.t("queue.booked_at", time=format_time(entry.early_for)), style="dim")
        if entry.long_wait:
            return Text(f"⚠{entry.wait_minutes} min", style="bold reverse")
        return Text(f"{entry.wait_minutes} min")

    def _state_cell(self, visit: Visit, view: QueueView) -> Text:
        name = view.staff_names.get(visit.assigned_to or "", "")
        return Text(self.t(f"state.{visit.state}", desk=visit.desk or "", name=name))

    def show(self, view: QueueView | None) -> None:
        """Redraw from `view`, keeping the cursor on the same visit."""
        self.view = view
        if view is None:
            return
        selected = self.selected_visit
        self.clear()
        for entry in view.entries:
            visit = entry.visit
            numbers = sorted(view.reason_numbers.get(c, 0) for c in visit.reason_codes)
            cells = {
                "ticket": Text(visit.ticket, style="bold"),
                "arrived": Text(format_time(from_iso(visit.arrived_at))),
                "wait": self._wait_cell(entry),
                "client": self._client_cell(visit),
                "reasons": Text(",".join(map(str, numbers))),
                "state": self._state_cell(visit, view),
            }
            self.add_row(*(fit(cells[key], width) for key, width in COLUMNS), key=visit.id)
        if selected is not None:
            self.select_visit(selected.id)

    def select_visit(self, visit_id: str) -> None:
        """Put the cursor on the visit, if the queue shows it."""
        ids = [v.id for v in self.view.visits] if self.view is not None else []
        if visit_id in ids:
            self.move_cursor(row=ids.index(visit_id))

    @property
    def selected_visit(self) -> Visit | None:
        if self.view is None or not self.view.visits or self.row_count == 0:
            return None
        row = min(self.cursor_row, len(self.view.visits) - 1)
        return self.view.visits[row]

    def action_request(self, action: str) -> None:
        visit = self.selected_visit
        if visit is not None:
            self.post_message(self.ActionRequested(visit, action))
