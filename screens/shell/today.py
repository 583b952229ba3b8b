"""The Today screen: today's figures, the client search and, for a coach, the day sheet."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from store.api import TodayCounts
from store.core.audit import LastCheck
from store.core.auth import allowed
from store.core.clock import to_local
from store.core.dates import format_date
from store.core.db import DatabaseFault
from store.schedule.day_sheet import DaySheetRow
from store.visits.models import Visit
from store.visits.register import DeskOccupied, InvalidTransition

from ..clients.client_card import ClientCardScreen
from ..clients.client_search import ClientSearch
from ..reports.day_report import DayReportScreen
from .background import fault_key, read_in_background
from .context import ScreenContextMixin
from .day_sheet import DaySheetTable
from .formatting import format_time
from .header import LuotsiHeader


class TodayScreen(ScreenContextMixin, Screen[None]):
    BINDINGS = [
        Binding("ctrl+f", "find_client", "Find", id="today.find"),
        Binding("ctrl+n", "new_client", "New client", id="today.new_client"),
        # Off the footer, which at 80 columns would push F2 out; the hint line says it.
        Binding("ctrl+r", "day_report", "Day report", id="today.day_report", show=False),
        # A coach's; the day sheet's title says it.
        Binding("ctrl+t", "day_sheet", "Day sheet", id="today.day_sheet", show=False),
    ]

    # How often the day sheet is read again while shown: the desk checks clients in and
    # passes visitors on meanwhile.
    refresh_seconds: float = 20.0

    def compose(self) -> ComposeResult:
        yield LuotsiHeader(id="header")
        yield Static(self.t("today.title"), classes="screen-title")
        # Shown to an admin only when the access log's last check failed or is overdue.
        yield Static("", id="audit-warning", markup=False)
        with Horizontal(id="today-figures"):
            yield Static("", id="figure-registered", classes="figure")
            yield Static("", id="figure-visits", classes="figure")
            yield Static("", id="figure-nps", classes="figure")
            yield Static(self.t("report.hint"), id="report-hint", classes="figure")
        yield ClientSearch(id="client-search")
        with Vertical(id="day-sheet-box"):
            yield Static("", id="day-sheet-title", classes="screen-title")
            yield DaySheetTable(id="day-sheet")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ClientSearch).focus_input()
        self.query_one("#audit-warning").display = False
        self.query_one("#day-sheet-box").display = self._has_day_sheet
        if self._has_day_sheet:
            self.set_interval(self.refresh_seconds, self.refresh_day_sheet)
        self._remove_stale_exports()

    @property
    def _has_day_sheet(self) -> bool:
        """Only a coach has a caseload, and so a day sheet."""
        return self.ctx.session is not None and allowed(self.session.staff, "path.edit")

    def _remove_stale_exports(self) -> None:
        """Temporary files an export killed mid-write left in the export folder (they may
        hold personal data); the next export into a folder also clears that folder."""

        def sweep() -> None:
            from store.exports.files import remove_stale_temporaries

            from ..reports.export_dialog import default_folder

            remove_stale_temporaries(default_folder())

        self.app.run_worker(sweep, thread=True, group="stale-exports", exit_on_error=False)

    def on_screen_resume(self) -> None:
        self.refresh_figures()

    def refresh_figures(self) -> None:
        if self.ctx.session is None:  # resumed on the way out after logging out
            return
        site = self.session.site
        read_in_background(
            self,
            lambda store: store.today_counts(site.id if site else None),
            lambda counts: self._show_figures(counts, site is not None),
            group="today-figures",
        )
        self.refresh_day_sheet()
        if allowed(self.session.staff, "audit.read"):
            read_in_background(
                self,
                lambda store: store.audit.last_check(),
                self._show_audit_check,
                group="today-audit",
            )

    def _show_audit_check(self, check: LastCheck | None) -> None:
        warning = self.query_one("#audit-warning", Static)
        text = ""
        if check is not None and check.broken is not None:
            broken = check.broken
            text = self.t(
                "today.audit_broken",
                day=self._local_day(check.at),
                seq=broken.seq if broken.seq is not None else "-",
                at=self._local_day(broken.at, with_time=True),
            )
        elif check is not None and check.due(self.store.clock.now()):
            text = self.t("today.audit_due", day=self._local_day(check.at))
        warning.update(text)
        warning.display = bool(text)

    @staticmethod
    def _local_day(at: str, *, with_time: bool = False) -> str:
        from store.core.clock import from_iso

        try:
            moment = from_iso(at)
        except ValueError:
            return at
        day = format_date(to_local(moment).date())
        return f"{day} {format_time(moment)}" if with_time else day

    def refresh_day_sheet(self) -> None:
        if self.ctx.session is None or not self._has_day_sheet or not self.is_current:
            return
        staff = self.session.staff
        read_in_background(
            self,
            lambda store: (store.today(), store.day_sheet.rows(staff)),
            self._show_day_sheet,
            group="today-day-sheet",
        )

    def _show_day_sheet(self, read: tuple[date, list[DaySheetRow]]) -> None:
        day, rows = read
        shown_day = format_date(day)
        self.query_one("#day-sheet-title", Static).update(
            self.t("daysheet.title", date=shown_day, count=len(rows))
            if rows
            else self.t("daysheet.empty", date=shown_day)
        )
        self.query_one(DaySheetTable).show(rows)

    def action_day_sheet(self) -> None:
        if self._has_day_sheet:
            self.query_one(DaySheetTable).focus()

    @on(DataTable.RowSelected, "#day-sheet")
    def _act_on_row(self, event: DataTable.RowSelected) -> None:
        """Enter on a row: call the visitor waiting for me, book the review, open the
        client, the session list or the path at the step."""
        row = self.query_one(DaySheetTable).row_for(event.row_key.value)
        if row is None:
            return
        visit = row.to_call
        if visit is not None:
            self._call(visit, row.client_name)
        elif row.kind == "review":
            self._book_review(row)
        elif row.kind == "group_session" and row.session is not None:
            from screens.schedule.groups_screen import GroupSessionsScreen

            self.app.push_screen(
                GroupSessionsScreen(first_day=to_local(row.session.starts_at).date())
            )
        elif row.kind == "work" and row.work is not None:
            from screens.paths.path_screen import ServicePathScreen

            self.app.push_screen(ServicePathScreen(row.work.client_id, row.work.step_id))
        elif row.client_id is not None:
            self.app.push_screen(ClientCardScreen(row.client_id))

    def _call(self, visit: Visit, name: str) -> None:
        """Call the visitor to this terminal's desk, as the desk's Enter does."""
        desk = self.ctx.desk
        try:
            self.store.visits.change_state(self.session.staff, visit.id, "called", desk=desk)
        except InvalidTransition:
            self.notify(self.t("daysheet.call_too_late", ticket=visit.ticket), severity="warning")
        except DeskOccupied as occupied:
            params = {"desk": desk, "ticket": occupied.visit.ticket}
            self.notify(self.t("daysheet.desk_occupied", **params), severity="warning")
        except DatabaseFault as fault:
            self.notify(self.t(fault_key(fault) or "error.busy"), severity="error")
        else:
            self.notify(self.t("daysheet.called", ticket=visit.ticket, name=name, desk=desk))
        self.refresh_day_sheet()

    def _book_review(self, row: DaySheetRow) -> None:
        """The booking dialog at the first free time of the coach and the client."""
        from screens.schedule.booking_dialog import book_at_next_free

        assert row.review is not None and row.client_id is not None
        book_at_next_free(
            self,
            coach_id=self.session.staff.id,
            client_id=row.client_id,
            kind=row.review.kind,
            closed=lambda _: self.refresh_day_sheet(),
        )

    def _show_figures(self, counts: TodayCounts, at_a_site: bool) -> None:
        self.query_one("#figure-registered", Static).update(
            self.t("today.registered_today", count=counts.clients_registered)
        )
        if not at_a_site:
            return
        self.query_one("#figure-visits", Static).update(
            self.t("today.visits_today", count=counts.visits)
            + " · "
            + self.t("today.waiting_now", count=counts.waiting)
        )
        nps = (
            self.t("today.nps", score=f"{counts.nps:+.0f}", n=counts.nps_responses)
            if counts.nps is not None
            else self.t("today.nps_hidden", n=counts.nps_responses)
        )
        self.query_one("#figure-nps", Static).update(nps)

    def action_find_client(self) -> None:
        search = self.query_one(ClientSearch)
        search.clear()
        search.focus_input()

    def action_new_client(self) -> None:
        self.app.push_screen(ClientCardScreen(None))

    def action_day_report(self) -> None:
        self.app.push_screen(DayReportScreen())

    @on(Input.Changed, "#search-input")
    def _searching(self, event: Input.Changed) -> None:
        """While a search is typed, its results share the room with the day sheet evenly."""
        self.set_class(bool(event.value.strip()), "-searching")

    @on(ClientSearch.ClientSelected)
    def _open_client(self, event: ClientSearch.ClientSelected) -> None:
        self.app.push_screen(ClientCardScreen(event.client_id))

    @on(ClientSearch.NewClientRequested)
    def _new_client(self, event: ClientSearch.NewClientRequested) -> None:
        self.app.push_screen(ClientCardScreen(None, typed=event.typed))
