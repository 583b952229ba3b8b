"""Today's queue at this site: ticket, arrival, live waiting time, client, reasons, state,
in columns laid out for the width there is."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from store.clients.display import blanked_label, fit_name, name_initials
from store.core.clock import from_iso
from store.core.i18n import has_text
from store.core.text import visible
from store.visits.models import Visit, VisitReason
from store.visits.queue import QueueEntry

from ..shell.context import ContextMixin
from ..shell.formatting import format_time


@dataclass(frozen=True)
class QueueView:
    """What the table needs to draw one refresh: the store's entries, and the reasons and
    colleagues the entries name by code and id."""

    entries: tuple[QueueEntry, ...]
    reasons: dict[str, VisitReason]
    staff_names: dict[str, str]

    @property
    def visits(self) -> list[Visit]:
        return [entry.visit for entry in self.entries]


def state_key(visit: Visit) -> str:
    """The text of a visit's state: a visitor checked in for a booking waits for their
    coach by name, as one transferred to a colleague does (`{name}`, `{desk}` filled in)."""
    if visit.state == "waiting" and visit.assigned_to is not None:
        return "checkin.state.waiting_for"
    return f"state.{visit.state}"


ORDER = ("ticket", "arrived", "wait", "client", "reasons", "state")
# Widths include the one-space gap after each column (the table has no cell padding).
# These four always show; in 80 columns they are all the queue has room for.
REQUIRED = {"ticket": 5, "wait": 8, "client": 15, "state": 11}
# Added, in this order, while the width allows: why someone came matters more than
# when, which the wait already tells.
OPTIONAL = (("reasons", 10), ("arrived", 7))
# A state's word itself ("being served", "kutsuttu 1") is read whole before any optional
# column is added; only who a visitor was transferred to may be cut.
STATE_WORD = 14
# Spare width goes to these, in this order, up to what their cells hold: the name
# first, then the whole state (who a visitor was transferred to), then the reasons.
GROWS = ("client", "state", "reasons")


def column_widths(total: int, needs: Mapping[str, int]) -> dict[str, int]:
    """Each shown column's width in `total` cells, given the widest cell of each (`needs`,
    without the gap)."""
    widths = dict(REQUIRED)
    word = min(needs.get("state", 0) + 1, STATE_WORD)
    if sum(widths.values()) - widths["state"] + word <= total:
        widths["state"] = max(widths["state"], word)
    for key, width in OPTIONAL:
        if sum(widths.values()) + width > total:
            break  # never the arrival time without the reasons
        widths[key] = width
    spare = total - sum(widths.values())
    for key in GROWS:
        if key in widths and spare > 0:
            grow = min(spare, max(needs.get(key, 0) + 1 - widths[key], 0))
            widths[key] += grow
            spare -= grow
    return {key: widths[key] for key in ORDER if key in widths}


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
        # No cell padding: the columns must fit beside the search in 80 columns.
        super().__init__(id=id, cursor_type="row", zebra_stripes=True, cell_padding=0)
        self.view: QueueView | None = None

    def on_mount(self) -> None:
        self.watch(self.app, "blanked", lambda _: self.show(self.view), init=False)

    def on_resize(self, event: events.Resize) -> None:
        self.show(self.view)  # the columns are laid out for the width there is

    def _client_cell(self, visit: Visit, width: int) -> Text:
        own = "★ " if visit.wants_own_coach else ""
        if visit.client_id is None:
            return Text(own + "—", style="dim")
        first, last = visit.first_name or "", visit.last_name or ""
        if self.ctx.blanked:  # the birth year keeps namesakes' initials apart
            born = visit.client_birth_date
            label = blanked_label(first, last, born, None) if born else name_initials(first, last)
            return Text(own + label)
        return Text(own + fit_name(first, last, max(width - 1 - len(own), 1)))

    def _wait_cell(self, entry: QueueEntry) -> Text:
        if entry.early_for is not None:  # early for an appointment: the time, not a wait
            return Text(self.t("queue.booked_at", time=format_time(entry.early_for)), style="dim")
        if entry.long_wait:
            return Text(f"⚠{entry.wait_minutes} min", style="bold reverse")
        return Text(f"{entry.wait_minutes} min")

    def _state_cell(self, visit: Visit, view: QueueView) -> Text:
        name = view.staff_names.get(visit.assigned_to or "", "")
        return Text(self.t(state_key(visit), desk=visit.desk or "", name=name))

    def _reasons_cell(self, visit: Visit, view: QueueView) -> Text:
        known = [view.reasons[code] for code in visit.reason_codes if code in view.reasons]
        known.sort(key=lambda reason: reason.sort_order)  # the picker's order
        return Text(", ".join(self._short_label(reason) for reason in known))

    def _short_label(self, reason: VisitReason) -> str:
        key = f"reason.short.{reason.code}"
        if has_text(key):
            return self.t(key)
        # A reason a site added itself has no short label: its first word stands in.
        return visible(reason.label(self.ctx.lang)).split()[0]

    def _table_width(self, rows: int) -> int:
        overflows = rows + 1 > self.size.height  # the header row as well
        return self.size.width - (self.styles.scrollbar_size_vertical if overflows else 0)

    def show(self, view: QueueView | None) -> None:
        """Redraw from `view`, keeping the cursor on the same visit."""
        self.view = view
        if view is None:
            return
        selected = self.selected_visit
        rows: list[dict[str, Text]] = []
        for entry in view.entries:
            visit = entry.visit
            rows.append(
                {
                    "ticket": Text(visit.ticket, style="bold"),
                    "arrived": Text(format_time(from_iso(visit.arrived_at))),
                    "wait": self._wait_cell(entry),
                    "client": self._client_cell(visit, 200),
                    "reasons": self._reasons_cell(visit, view),
                    "state": self._state_cell(visit, view),
                }
            )
        needs = {key: max((row[key].cell_len for row in rows), default=0) for key in ORDER}
        widths = column_widths(self._table_width(len(rows)), needs)
        self.clear(columns=True)
        for key, width in widths.items():
            self.add_column(fit(Text(self.t(f"col.{key}")), width), key=key, width=width)
        for entry, cells in zip(view.entries, rows, strict=True):
            cells["client"] = self._client_cell(entry.visit, widths["client"])
            self.add_row(
                *(fit(cells[key], width) for key, width in widths.items()), key=entry.visit.id
            )
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
