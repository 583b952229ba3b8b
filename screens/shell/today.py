"""The Today screen: today's figures, the client search and, for a coach, the worklist."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from store.api import TodayCounts
from store.core.audit import LastCheck
from store.core.auth import allowed
from store.core.dates import format_date
from store.paths.worklist import WorkItem

from ..clients.client_card import ClientCardScreen
from ..clients.client_search import ClientSearch
from ..reports.day_report import DayReportScreen
from .background import read_in_background
from .context import ScreenContextMixin
from .formatting import format_time
from .header import LuotsiHeader


class TodayScreen(ScreenContextMixin, Screen[None]):
    BINDINGS = [
        Binding("ctrl+f", "find_client", "Find", id="today.find"),
        Binding("ctrl+n", "new_client", "New client", id="today.new_client"),
        # Off the footer, which at 80 columns would push F2 out; the hint line says it.
        Binding("ctrl+r", "day_report", "Day report", id="today.day_report", show=False),
        # A coach's; the worklist's title says it.
        Binding("ctrl+t", "worklist", "Worklist", id="today.worklist", show=False),
    ]

    worklist_items: list[WorkItem] = []

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
        with Vertical(id="worklist-box"):
            yield Static("", id="worklist-title", classes="screen-title")
            yield DataTable(id="worklist", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ClientSearch).focus_input()
        self.query_one("#audit-warning").display = False
        self.query_one("#worklist-box").display = self._has_worklist
        table = self.query_one("#worklist", DataTable)
        # Widths that fit 80 columns with the date in view; longer names are cut.
        for key, width in (("what", 16), ("client", 20), ("service", 24), ("date", 10)):
            table.add_column(self.t(f"worklist.column.{key}"), width=width, key=key)
        self._remove_stale_exports()

    @property
    def _has_worklist(self) -> bool:
        """Only a coach has a caseload, and so a worklist."""
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
        if self._has_worklist:
            staff = self.session.staff
            read_in_background(
                self,
                lambda store: store.paths.worklist(staff),
                self._show_worklist,
                group="today-worklist",
            )
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
        from store.core.clock import from_iso, to_local

        try:
            moment = from_iso(at)
        except ValueError:
            return at
        day = format_date(to_local(moment).date())
        return f"{day} {format_time(moment)}" if with_time else day

    def _show_worklist(self, items: list[WorkItem]) -> None:
        self.worklist_items = items
        lang = self.ctx.lang
        self.query_one("#worklist-title", Static).update(
            self.t("worklist.title", count=len(items)) if items else self.t("worklist.empty")
        )
        table = self.query_one("#worklist", DataTable)
        table.clear()
        today = self.store.today()
        for item in items:
            # A step whose end has passed is listed as ending until someone closes it.
            overdue = item.kind == "ending" and item.due is not None and item.due < today
            table.add_row(
                self.t("worklist.kind.overdue" if overdue else f"worklist.kind.{item.kind}"),
                item.client_name,
                item.service_name(lang),
                format_date(item.due) if item.due else "",
            )

    def action_worklist(self) -> None:
        if self._has_worklist:
            self.query_one("#worklist", DataTable).focus()

    @on(DataTable.RowSelected, "#worklist")
    def _open_work_item(self, event: DataTable.RowSelected) -> None:
        """Enter on an item opens the client's path at its step (F4)."""
        item = self.worklist_items[event.cursor_row]
        from screens.paths.path_screen import ServicePathScreen

        self.app.push_screen(ServicePathScreen(item.client_id, item.step_id))

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

    @on(ClientSearch.ClientSelected)
    def _open_client(self, event: ClientSearch.ClientSelected) -> None:
        self.app.push_screen(ClientCardScreen(event.client_id))

    @on(ClientSearch.NewClientRequested)
    def _new_client(self, event: ClientSearch.NewClientRequested) -> None:
        self.app.push_screen(ClientCardScreen(None, typed=event.typed))
