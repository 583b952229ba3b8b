"""Group sessions: the sessions from a day on, with their seats booked of the capacity and
the waiting list's length; Enter opens a session's people."""

from __future__ import annotations

from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from store.core.clock import local_moment, to_local
from store.core.dates import format_date
from store.schedule.models import GroupSession

from ..shell.context import ScreenContextMixin
from ..shell.dialogs import ask
from ..shell.faults import store_faults_told
from ..shell.formatting import format_time
from ..shell.header import LuotsiHeader
from .group_dialogs import GROUPS_CSS, CapacityDialog, ConfirmCancel, NewSessionDialog, SessionDraft
from .group_people import SessionPeopleScreen

# How far ahead the list reaches: info sessions are planned for the coming months.
DAYS_AHEAD = 366
COLUMNS = ("day", "time", "title", "room", "seats", "waiting")


class GroupSessionsScreen(ScreenContextMixin, Screen[None]):
    """Group sessions from `first_day` (default today) on."""

    CSS_PATH = GROUPS_CSS
    BINDINGS = [
        Binding("enter", "open", "Open", id="groups.open"),
        Binding("n", "new", "New session", id="groups.new"),
        Binding("k", "capacity", "Seats", id="groups.capacity"),
        Binding("x", "cancel_session", "Cancel session", id="groups.cancel"),
        Binding("escape", "back", "Back", id="groups.back"),
    ]

    def __init__(self, first_day: date | None = None) -> None:
        super().__init__()
        self.first_day = first_day
        self.sessions: list[GroupSession] = []

    def compose(self) -> ComposeResult:
        yield LuotsiHeader(id="header")
        yield Static("", id="groups-title", classes="screen-title")
        yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield Static("", id="groups-empty", classes="hint")
        yield Static(self.t("groups.keys"), id="groups-keys", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        if self.first_day is None:
            self.first_day = self.store.ctx.today()
        table = self.query_one("#sessions", DataTable)
        for column in COLUMNS:
            table.add_column(self.t(f"groups.col.{column}"), key=column)
        self.query_one("#groups-title", Static).update(
            self.t("groups.title", day=format_date(self.first_day))
        )
        self.refresh_sessions()
        table.focus()

    def on_screen_resume(self) -> None:
        self.refresh_sessions()  # seats taken or freed in the session's own screen

    def refresh_sessions(self, select_id: str | None = None) -> None:
        assert self.first_day is not None
        start = local_moment(self.first_day)
        end = local_moment(self.first_day + timedelta(days=DAYS_AHEAD))
        table = self.query_one("#sessions", DataTable)
        keep = select_id or self._selected_id()
        self.sessions = self.store.groups.between(start, end)
        table.clear()
        for session in self.sessions:
            table.add_row(*self._row(session), key=session.id)
        self.query_one("#groups-empty", Static).update(
            "" if self.sessions else self.t("groups.empty")
        )
        ids = [s.id for s in self.sessions]
        if keep in ids:
            table.move_cursor(row=ids.index(keep))

    def _row(self, session: GroupSession) -> tuple[str, ...]:
        local = to_local(session.starts_at)
        weekday = self.t("weekdays").split()[local.weekday()]
        seats = f"{session.booked}/{session.capacity}"
        if session.cancelled:
            seats = f"✗ {self.t('groups.state.cancelled')}"
        elif session.is_full:
            seats += f" {self.t('groups.state.full')}"
        return (
            f"{weekday} {format_date(local.date())}",
            f"{format_time(session.starts_at)}–{format_time(session.ends_at)}",
            session.title,
            session.room_name or "",
            seats,
            str(session.waiting) if session.waiting else "",
        )

    def _selected_id(self) -> str | None:
        table = self.query_one("#sessions", DataTable)
        if not self.sessions or table.cursor_row < 0:
            return None
        return self.sessions[min(table.cursor_row, len(self.sessions) - 1)].id

    def _selected(self) -> GroupSession | None:
        selected_id = self._selected_id()
        return next((s for s in self.sessions if s.id == selected_id), None)

    # Keys -----------------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#sessions")
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        session = self._selected()
        if session is not None:
            self.app.push_screen(SessionPeopleScreen(session.id))

    def action_new(self) -> None:
        staff = self.session.staff
        site = self.session.site
        site_id = site.id if site is not None else staff.site_id
        created: list[str] = []

        def create(draft: SessionDraft) -> None:
            made = self.store.groups.create(
                staff, draft.title, draft.starts_at, draft.minutes, draft.capacity,
                site_id, room_id=draft.room_id,
                host_id=staff.id if staff.role == "coach" else None,
            )  # fmt: skip
            created.append(made.id)

        def done(saved: bool | None) -> None:
            if saved and created:
                self.refresh_sessions(select_id=created[0])
                self.notify(self.t("groups.created"))

        assert self.first_day is not None
        day = max(self.first_day, self.store.ctx.today())
        rooms = self.store.rooms.list(site_id) if site_id else []
        dialog = NewSessionDialog(create, day, rooms)
        self.app.push_screen(dialog, done)

    def action_capacity(self) -> None:
        session = self._selected()
        if session is None or session.cancelled:
            return
        staff = self.session.staff

        def change(capacity: int) -> None:
            self.store.groups.set_capacity(staff, session.id, capacity)

        def done(saved: bool | None) -> None:
            if saved:
                self.refresh_sessions()

        self.app.push_screen(CapacityDialog(change, session.capacity, session.booked), done)

    def action_cancel_session(self) -> None:
        session = self._selected()
        if session is None or session.cancelled:
            return
        question = ConfirmCancel(
            self.t("groups.cancel_session.title", title=session.title),
            self.t("groups.cancel_session.text", booked=session.booked),
        )
        ask(self.app, question, lambda: self._cancel(session.id))

    @store_faults_told
    def _cancel(self, session_id: str) -> None:
        self.store.groups.cancel(self.session.staff, session_id)
        self.refresh_sessions()

    def action_back(self) -> None:
        self.dismiss(None)
