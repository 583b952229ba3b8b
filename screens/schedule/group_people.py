"""One group session's people: the booked seats by name with their attendance, the waiting
list in order, and who moved up and is still to be called. Marking is one key a person,
the cursor moving down, so a whole list is marked at the door by keys alone."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from store.clients.display import name_initials
from store.core.auth import PermissionDenied
from store.core.clock import to_local
from store.core.dates import format_date
from store.core.db import StoreError
from store.core.i18n import TranslatedError
from store.schedule.groups import Attendance, SeatList
from store.schedule.models import GroupSession, Seat

from ..shell.background import describe_error
from ..shell.context import ScreenContextMixin
from ..shell.dialogs import ask
from ..shell.formatting import format_time
from ..shell.header import LuotsiHeader
from .group_dialogs import GROUPS_CSS, AddPersonDialog, ConfirmCancel

COLUMNS = ("number", "name", "phone", "state", "call")


class SessionPeopleScreen(ScreenContextMixin, Screen[None]):
    """The people of the session `session_id`."""

    CSS_PATH = GROUPS_CSS
    BINDINGS = [
        Binding("p", "mark('attended')", "Attended", id="groups.attended"),
        Binding("e", "mark('no_show')", "No-show", id="groups.no_show"),
        Binding("v", "mark('booked')", "Booked", id="groups.booked", show=False),
        Binding("s", "called", "Called", id="groups.called"),
        Binding("a", "add", "Add", id="groups.add"),
        Binding("x", "cancel_seat", "Cancel seat", id="groups.cancel_seat"),
        Binding("escape", "back", "Back", id="groups.people.back"),
    ]

    def __init__(self, session_id: str) -> None:
        super().__init__()
        self.session_id = session_id
        self.rows: list[Seat] = []
        self.group: GroupSession | None = None

    def compose(self) -> ComposeResult:
        yield LuotsiHeader(id="header")
        yield Static("", id="people-title", classes="screen-title")
        yield Static("", id="people-facts")
        yield DataTable(id="people", cursor_type="row", zebra_stripes=True)
        yield Static(self.t("groups.people.keys"), id="people-keys", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#people", DataTable)
        for column in COLUMNS:
            table.add_column(self.t(f"groups.col.{column}"), key=column)
        self.watch(self.app, "blanked", lambda _: self.refresh_people(), init=False)
        self.refresh_people()
        table.focus()

    # Drawing --------------------------------------------------------------------------------

    def refresh_people(self, select_id: str | None = None) -> None:
        group = self.store.groups.get(self.session_id)
        if group is None:
            return
        self.group = group
        listed = self.store.groups.seats(self.session_id)
        table = self.query_one("#people", DataTable)
        keep = select_id or self._selected_id()
        row_at = table.cursor_row
        self.rows = [*listed.booked, *listed.waiting]
        table.clear()
        for number, seat in enumerate(listed.booked, start=1):
            table.add_row(*self._row(str(number), seat), key=seat.id)
        for place, seat in enumerate(listed.waiting, start=1):
            table.add_row(*self._row(f"J{place}", seat, place), key=seat.id)
        self._show_facts(group, listed)
        ids = [s.id for s in self.rows]
        if keep in ids:
            table.move_cursor(row=ids.index(keep))
        elif self.rows:
            table.move_cursor(row=min(max(row_at, 0), len(self.rows) - 1))

    def _show_facts(self, group: GroupSession, listed: SeatList) -> None:
        local = to_local(group.starts_at)
        weekday = self.t("weekdays").split()[local.weekday()]
        when = f"{weekday} {format_date(local.date())} {format_time(group.starts_at)}–"
        when += format_time(group.ends_at)
        title = " · ".join(p for p in (group.title, when, group.room_name or "") if p)
        if group.cancelled:
            title = f"✗ {self.t('groups.state.cancelled')}: {title}"
        self.query_one("#people-title", Static).update(title)
        facts = self.t(
            "groups.people.facts",
            booked=group.booked,
            capacity=group.capacity,
            waiting=group.waiting,
            attended=sum(1 for s in listed.booked if s.state == "attended"),
        )
        if listed.to_call:
            facts += "  ☎ " + self.t("groups.people.to_call", count=len(listed.to_call))
        self.query_one("#people-facts", Static).update(facts)

    def _shown_name(self, seat: Seat) -> str:
        return name_initials("", seat.client_name) if self.ctx.blanked else seat.client_name

    def _row(self, number: str, seat: Seat, place: int = 0) -> tuple[str, ...]:
        if seat.state == "waiting":
            state = self.t("groups.seat.waiting", place=place)
        else:
            mark = {"attended": "✓ ", "no_show": "✗ "}.get(seat.state, "")
            state = mark + self.t(f"groups.seat.{seat.state}")
        call = f"☎ {self.t('groups.seat.to_call')}" if seat.to_call else ""
        phone = "" if self.ctx.blanked else (seat.phone or "")
        return (number, self._shown_name(seat), phone, state, call)

    def _selected_id(self) -> str | None:
        seat = self._selected()
        return seat.id if seat else None

    def _selected(self) -> Seat | None:
        table = self.query_one("#people", DataTable)
        if not self.rows or not 0 <= table.cursor_row < len(self.rows):
            return None
        return self.rows[table.cursor_row]

    def _told(self, call: Callable[[], object]) -> bool:
        """Run a store call; a refusal is told in the user's language, nothing raised."""
        try:
            call()
        except (TranslatedError, PermissionDenied, StoreError) as refused:
            self.notify(describe_error(refused, self.ctx.lang), severity="error")
            return False
        return True

    # Keys -----------------------------------------------------------------------------------

    def action_mark(self, state: Attendance) -> None:
        seat = self._selected()
        if seat is None:
            return
        staff = self.session.staff
        if not self._told(lambda: self.store.groups.mark(staff, seat.id, state)):
            return
        table = self.query_one("#people", DataTable)
        at = table.cursor_row
        self.refresh_people(select_id=seat.id)
        table.move_cursor(row=min(at + 1, len(self.rows) - 1))

    def action_called(self) -> None:
        seat = self._selected()
        if seat is None or not seat.to_call:
            return
        staff = self.session.staff
        if self._told(lambda: self.store.groups.mark_called(staff, seat.id)):
            self.refresh_people(select_id=seat.id)

    def action_add(self) -> None:
        group = self.group
        if group is None or group.cancelled:
            return
        staff = self.session.staff

        def add(client_id: str) -> str:
            seat = self.store.groups.add(staff, self.session_id, client_id)
            self.refresh_people(select_id=seat.id)
            key = "groups.added.waiting" if seat.state == "waiting" else "groups.added.seat"
            return self.t(key, name=self._shown_name(seat))

        self.app.push_screen(AddPersonDialog(add, self.t("groups.add.title", title=group.title)))

    def action_cancel_seat(self) -> None:
        seat = self._selected()
        if seat is None or seat.state not in ("booked", "waiting"):
            return
        key = (
            "groups.cancel_seat.waiting" if seat.state == "waiting" else "groups.cancel_seat.title"
        )
        question = ConfirmCancel(self.t(key, name=self._shown_name(seat)))
        ask(self.app, question, lambda: self._cancel_seat(seat))

    def _cancel_seat(self, seat: Seat) -> None:
        staff = self.session.staff
        moved: list[Seat | None] = []
        if not self._told(lambda: moved.append(self.store.groups.cancel_seat(staff, seat.id))):
            return
        self.refresh_people()
        up = moved[0] if moved else None
        if up is not None:
            self.notify(self.t("groups.moved_up", name=self._shown_name(up), phone=up.phone or "–"))

    def action_back(self) -> None:
        self.dismiss(None)
