"""The coach's day sheet on Today: one keyboard list of the day (store/schedule/day_sheet.py).

Four columns (time, what, client, state) that fit 80 columns; a wider terminal gives
the room to the what and client columns, so that longer names read in full.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widgets import DataTable

from store.core.dates import format_date
from store.schedule.day_sheet import DaySheetRow

from .context import ContextMixin
from .formatting import format_time

# Fixed columns, and the least and most the two flexible ones take.
TIME_WIDTH = 5
STATE_WIDTH = (21, 28)  # "! myöhässä 30.11.2026"
WHAT_WIDTH = (22, 44)
CLIENT_WIDTH = (18, 34)
_CELL_PADDING = 2  # a DataTable cell's padding, left and right
_SCROLLBAR = 2


def column_widths(table_width: int) -> dict[str, int]:
    """The columns' widths for a table `table_width` cells wide: the least that fits 80
    columns, the rest shared by the what and client columns, then given to the state."""
    room = table_width - 4 * _CELL_PADDING - _SCROLLBAR - TIME_WIDTH
    limits = {"client": CLIENT_WIDTH, "what": WHAT_WIDTH, "state": STATE_WIDTH}
    widths = {key: least for key, (least, _) in limits.items()}
    spare = room - sum(widths.values())
    for key, share in (
        ("client", (spare + 1) // 2),
        ("what", spare),
        ("client", spare),
        ("state", spare),
    ):
        grow = max(0, min(share, spare, limits[key][1] - widths[key]))
        widths[key] += grow
        spare -= grow
    return {"time": TIME_WIDTH, "what": widths["what"], "client": widths["client"],
            "state": widths["state"]}  # fmt: skip


class DaySheetTable(ContextMixin, DataTable[str | Text]):
    """The rows of the day sheet; `row_for(key)` gives the row behind a table row."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(cursor_type="row", **kwargs)  # type: ignore[arg-type]
        self.sheet_rows: dict[str, DaySheetRow] = {}
        self._shown: list[DaySheetRow] = []
        self._width = 0

    def show(self, rows: list[DaySheetRow]) -> None:
        """Draw `rows`, keeping the cursor on the row it was on if it is still listed."""
        current = self.current_key()
        self._shown = rows
        self.clear(columns=True)
        for key, width in column_widths(max(self.size.width, 80)).items():
            self.add_column(self.t(f"daysheet.column.{key}"), width=width, key=key)
        self.sheet_rows = {}
        for row in rows:
            key = row.key
            while key in self.sheet_rows:  # two warnings alike on one step
                key += "+"
            self.sheet_rows[key] = row
            self.add_row(*self._cells(row), key=key)
        if current in self.sheet_rows:
            self.move_cursor(row=self.get_row_index(current), animate=False)

    def current_key(self) -> str | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return key

    def current_row(self) -> DaySheetRow | None:
        key = self.current_key()
        return self.sheet_rows.get(key) if key is not None else None

    def row_for(self, key: str | None) -> DaySheetRow | None:
        return self.sheet_rows.get(key) if key is not None else None

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._width:
            self._width = event.size.width
            self.show(self._shown)

    # The cells ---------------------------------------------------------------------------

    def _cells(self, row: DaySheetRow) -> tuple[str | Text, ...]:
        time = format_time(row.at) if row.at is not None else ""
        what, state = self._what_and_state(row)
        if row.overdue:
            state = Text(state, style="bold")
        return (time, what, row.client_name, state)

    def _what_and_state(self, row: DaySheetRow) -> tuple[str, str]:
        if row.appointment is not None:
            appointment = row.appointment
            what = _capital(self.t(f"schedule.kind.{appointment.kind}"))
            if appointment.channel != "in_person":
                what += f" · {self.t(f'schedule.channel.{appointment.channel}')}"
            return what, self._appointment_state(row)
        if row.session is not None:
            session = row.session
            if session.cancelled:
                state = self.t("schedule.status.cancelled")
            elif session.waiting:
                state = self.t(
                    "daysheet.state.seats_waiting",
                    booked=session.booked,
                    capacity=session.capacity,
                    waiting=session.waiting,
                )
            else:
                state = self.t(
                    "daysheet.state.seats", booked=session.booked, capacity=session.capacity
                )
            return session.title, state
        if row.visit is not None:
            return self.t("daysheet.what.visitor", ticket=row.visit.ticket), self._visit_state(row)
        if row.review is not None:
            kind = self.t(f"schedule.kind.{row.review.kind}")
            what = self.t("daysheet.what.review", kind=kind)
            if row.review.booked is not None:
                return what, self.t("daysheet.state.booked", date=format_date(row.review.booked))
            return what, self._due(row)
        work = row.work
        assert work is not None
        kind_key = "overdue" if work.kind == "ending" and row.overdue else work.kind
        kind = self.t(f"worklist.kind.{kind_key}")
        service = work.service_name(self.ctx.lang)
        what = self.t("daysheet.what.work", kind=kind, service=service) if service else kind
        # The item's own date (a step's end or start), no deadline unless it has passed.
        if row.due is not None and not row.overdue:
            return what, format_date(row.due)
        return what, self._due(row)

    def _appointment_state(self, row: DaySheetRow) -> str:
        assert row.appointment is not None
        visit = row.visit
        if row.appointment.status == "arrived" and visit is not None:
            if visit.state == "called":
                return self.t("daysheet.state.called", desk=visit.desk or "")
            if visit.state == "serving":
                return self.t("daysheet.state.with_you", ticket=visit.ticket)
            return self.t("daysheet.state.arrived", ticket=visit.ticket)
        if row.appointment.status == "arrived":
            return self.t("daysheet.state.arrived", ticket="").rstrip()
        return self.t(f"schedule.status.{row.appointment.status}")

    def _visit_state(self, row: DaySheetRow) -> str:
        visit = row.visit
        assert visit is not None
        if visit.state == "transferred":
            return self.t("daysheet.state.transferred")
        if visit.state == "waiting":
            return self.t("daysheet.state.asks_for_you")
        if visit.state == "called":
            return self.t("daysheet.state.called", desk=visit.desk or "")
        return self.t("daysheet.state.serving")

    def _due(self, row: DaySheetRow) -> str:
        if row.due is None:
            return ""
        key = "daysheet.state.overdue" if row.overdue else "daysheet.state.due"
        return self.t(key, date=format_date(row.due))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
