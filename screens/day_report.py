"""The day report screen: today's figures of the user's site, opened from Today (Ctrl+R)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Static

from store.clients.validation import format_date
from store.core.i18n import register
from store.exports.day_report import day_report

from .context import ContextMixin
from .widgets.day_report import DayReportView
from .widgets.header import LuotsiHeader

REFRESH_SECONDS = 60

register(
    {
        "binding.report.back": ("Takaisin", "Tillbaka", "Back"),
        "binding.home.day_report": ("Päivän raportti", "Dagsrapport", "Day report"),
        "report.hint": (
            "Ctrl+R päivän raportti: syyt, kanavat, odotukset, NPS",
            "Ctrl+R dagsrapport: orsaker, kanaler, väntetider, NPS",
            "Ctrl+R day report: reasons, channels, waits, NPS",
        ),
        "report.no_site": (
            "Sinulla ei ole toimipistettä, joten päivän raporttia ei ole.",
            "Du har inget verksamhetsställe, så det finns ingen dagsrapport.",
            "You have no site, so there is no day report.",
        ),
    }
)


class DayReportScreen(ContextMixin, Screen[None]):
    BINDINGS = [Binding("escape", "back", "Back", id="report.back")]

    def compose(self) -> ComposeResult:
        yield LuotsiHeader(id="header")
        yield Static("", id="report-title", classes="screen-title")
        yield DayReportView(id="day-report")
        yield Footer()

    def on_mount(self) -> None:
        self.translate_bindings()
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
        view.show(day_report(self.store.visits, today, site.id), site.name)

    def action_back(self) -> None:
        self.app.pop_screen()
