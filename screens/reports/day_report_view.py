"""The day's report: headline figures, then compact tables in two columns that scroll."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from store.exports.day_report import DayReport

from ..shell.context import ContextMixin
from .report_text import (
    channels_table,
    hours_table,
    left_text,
    longest_table,
    nps_text,
    reasons_table,
    served_table,
    waits_text,
)

HOUR_BAR_WIDTH = 16  # fits beside the hour and its count in half of 80 columns


class DayReportView(ContextMixin, VerticalScroll):
    """Shows a `DayReport` the screen hands it: attributes down, nothing read here."""

    def compose(self) -> ComposeResult:
        yield Static("", id="report-summary")
        with Horizontal(classes="report-row"):
            yield Static("", id="report-reasons", classes="report-cell")
            yield Static("", id="report-channels", classes="report-cell")
        with Horizontal(classes="report-row"):
            yield Static("", id="report-hours", classes="report-cell")
            yield Static("", id="report-longest", classes="report-cell")
        with Horizontal(classes="report-row"):
            yield Static("", id="report-served", classes="report-cell")

    def show(self, report: DayReport, site_name: str) -> None:
        lang = self.ctx.lang
        t = self.t
        # The headline figures first, full width, so they are seen without scrolling.
        summary = (
            t("report.site", site=site_name) + " · " + t("report.visits", count=report.visits),
            waits_text(report, lang),
            left_text(report, lang) + " · " + nps_text(report, lang),
        )
        self.query_one("#report-summary", Static).update(Text("\n".join(summary)))

        reasons = reasons_table(report, lang, t("report.by_reason"))
        reasons.caption = t("report.reason_note")
        reasons.caption_justify = "left"
        self.query_one("#report-reasons", Static).update(reasons)
        self.query_one("#report-channels", Static).update(
            channels_table(report, lang, t("report.by_channel"))
        )
        self.query_one("#report-hours", Static).update(
            hours_table(report, lang, HOUR_BAR_WIDTH, t("report.by_hour"))
        )
        self.query_one("#report-served", Static).update(
            served_table(report, lang, t("report.served"))
            if report.served
            else Text(t("report.served_none"))
        )
        self.query_one("#report-longest", Static).update(
            longest_table(report, lang, t("report.longest"))
        )
