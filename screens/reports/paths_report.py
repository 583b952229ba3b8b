"""Where paths lead: the paths report for a range of end dates, opened from the day report
(P) for coaches and admins; the same figures as `luotsi report paths`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Static

from store.core.dates import format_date, parse_date
from store.core.i18n import TranslatedError
from store.paths.report import PathsReport, check_range, default_range, paths_report

from ..shell.background import read_in_background
from ..shell.context import ScreenContextMixin
from ..shell.header import LuotsiHeader
from .paths_report_text import (
    outcomes_table,
    sequences_table,
    services_table,
    summary_lines,
    title_text,
)

FIELDS = ("from", "to")


class PathsReportScreen(ScreenContextMixin, Screen[None]):
    CSS_PATH = Path(__file__).parent / "paths_report.tcss"
    BINDINGS = [Binding("escape", "back", "Back", id="paths_report.back")]

    def compose(self) -> ComposeResult:
        yield LuotsiHeader(id="header")
        yield Static("", id="paths-title", classes="screen-title")
        with Horizontal(id="paths-range"):
            for field in FIELDS:
                with Vertical(classes="paths-field"):
                    yield Label(self.t(f"paths_report.{field}"))
                    yield Input(id=f"paths-{field}")
                    yield Static("", id=f"paths-{field}-error", classes="field-error")
            yield Static(self.t("paths_report.hint"), id="paths-hint", classes="hint")
        with VerticalScroll(id="paths-report"):
            yield Static("", id="paths-summary")
            yield Static("", id="paths-outcomes", classes="paths-table")
            yield Static("", id="paths-sequences", classes="paths-table")
            yield Static("", id="paths-services", classes="paths-table")
        yield Footer()

    def on_mount(self) -> None:
        first, last = default_range(self.store.today())
        self.query_one("#paths-from", Input).value = format_date(first)
        self.query_one("#paths-to", Input).value = format_date(last)
        self.query_one("#paths-from", Input).focus()
        self.refresh_report()

    def _say(self, field: str, message: str | None) -> None:
        """A field's problem under it, with a symbol beside the colour; None clears it."""
        error = self.query_one(f"#paths-{field}-error", Static)
        error.update(Text("⚠ " + message) if message else "")
        error.set_class(message is not None, "visible")

    def _range(self) -> tuple[date, date] | None:
        """The typed range, or None with each problem shown under its field."""
        days: dict[str, date] = {}
        for field in FIELDS:
            try:
                days[field] = parse_date(self.query_one(f"#paths-{field}", Input).value)
            except TranslatedError as exc:
                self._say(field, exc.message(self.ctx.lang))
            else:
                self._say(field, None)
        if len(days) < len(FIELDS):
            return None
        try:
            check_range(days["from"], days["to"])
        except TranslatedError as exc:
            self._say("to", exc.message(self.ctx.lang))
            return None
        return days["from"], days["to"]

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.refresh_report()

    def refresh_report(self) -> None:
        chosen = self._range()
        if chosen is None or self.ctx.session is None:
            return
        first, last = chosen
        staff = self.session.staff
        read_in_background(
            self,
            lambda store: paths_report(store.ctx, staff, first, last),
            self.show,
            group="paths-report",
        )

    def show(self, report: PathsReport) -> None:
        lang = self.ctx.lang
        t = self.t
        self.query_one("#paths-title", Static).update(Text(title_text(report, lang)))
        lines = [t("paths_report.site", site=t("paths_report.all_sites"))]
        self.query_one("#paths-summary", Static).update(
            Text("\n".join(lines + summary_lines(report, lang)))
        )
        self.query_one("#paths-outcomes", Static).update(
            outcomes_table(report, lang, t("paths_report.outcomes"))
        )
        self.query_one("#paths-sequences", Static).update(
            sequences_table(report, lang, t("paths_report.sequences"))
        )
        self.query_one("#paths-services", Static).update(
            services_table(report, lang, t("paths_report.services"))
        )
        self.query_one("#paths-report", VerticalScroll).scroll_home(animate=False)

    def action_back(self) -> None:
        self.app.pop_screen()
