"""The day report screen: today's figures of the user's site, opened from Today (Ctrl+R)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Static

from store.core.auth import allowed
from store.core.dates import format_date
from store.exports.day_report import day_report

from ..shell.background import read_in_background
from ..shell.context import ScreenContextMixin
from ..shell.header import LuotsiHeader
from .day_report_view import DayReportView
from .paths_report import PathsReportScreen

REFRESH_SECONDS = 60


class DayReportScreen(ScreenContextMixin, Screen[None]):
    BINDINGS = [
        Binding("escape", "back", "Back", id="report.back"),
        # Off the footer, which at 80 columns would push F12 out; the palette offers it.
        Binding("p", "paths_report", "Paths report", id="report.paths", show=False),
        Binding("k", "kompassi_report", "Kompassi report", id="report.kompassi", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield LuotsiHeader(id="header")
        yield Static("", id="report-title", classes="screen-title")
        yield DayReportView(id="day-report")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DayReportView).focus()  # arrows and PgUp/PgDn scroll at once
        self.set_interval(REFRESH_SECONDS, self.refresh_report)

    def on_screen_resume(self) -> None:
        self.refresh_report()

    def refresh_report(self) -> None:
        if self.ctx.session is None:
            return
        today = self.store.today()
        self.query_one("#report-title", Static).update(
            self.t("report.title", date=format_date(today))
        )
        site = self.session.site
        view = self.query_one(DayReportView)
        if site is None:
            view.display = False
            self.query_one("#report-title", Static).update(self.t("report.no_site"))
            return
        read_in_background(
            self,
            lambda store: day_report(store.visits, store.feedback, today, site.id),
            lambda report: view.show(report, site.name),
            group="day-report",
        )

    def action_paths_report(self) -> None:
        if not allowed(self.session.staff, "path.report"):
            self.notify(self.t("paths_report.refused"), severity="warning")
            return
        self.app.push_screen(PathsReportScreen())

    def action_kompassi_report(self) -> None:
        if not allowed(self.session.staff, "kompassi.report"):
            self.notify(self.t("kompassi_report.refused"), severity="warning")
            return
        from .kompassi_report import KompassiReportScreen  # loaded when first asked for

        self.app.push_screen(KompassiReportScreen())

    def action_back(self) -> None:
        self.app.pop_screen()
