"""The day's report: headline figures, then compact tables in two columns that scroll."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from store.report import DayReport

from ..context import ContextMixin
from ..report_text import (
    channel_label,
    hour_lines,
    left_text,
    nps_text,
    state_label,
    waits_text,
)

HOUR_BAR_WIDTH = 16  # fits beside the hour and its count in half of 80 columns


class DayReportView(ContextMixin, VerticalScroll):
    """Shows a `DayReport` the screen hands it: attributes down, nothing read here."""

    DEFAULT_CSS = """
    DayReportView {
        height: 1fr;
        padding: 0 1;
    }
    DayReportView .report-row {
        height: auto;
        margin-bottom: 1;
    }
    DayReportView .report-cell {
        width: 1fr;
        height: auto;
        padding-right: 2;
    }
    DayReportView #report-summary {
        height: auto;
        margin-bottom: 1;
    }
    """

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

    def _table(self, title_key: str, *columns: tuple[str, str]) -> Table:
        table = Table(
            title=Text(self.t(title_key), style="bold"),
            title_justify="left",
            box=None,
            pad_edge=False,
            show_edge=False,
            header_style="bold",
            expand=False,
        )
        for header, justify in columns:
            table.add_column(header, justify=justify)  # type: ignore[arg-type]
        return table

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

        reasons = self._table(
            "report.by_reason", (t("report.col.reason"), "left"), (t("report.col.count"), "right")
        )
        for reason in report.by_reason:
            reasons.add_row(reason.label(lang), str(reason.count))
        if report.without_reason:
            reasons.add_row(t("report.no_reason"), str(report.without_reason))
        reasons.caption = t("report.reason_note")
        reasons.caption_justify = "left"
        self.query_one("#report-reasons", Static).update(reasons)

        channels = self._table(
            "report.by_channel", (t("report.col.channel"), "left"), (t("report.col.count"), "right")
        )
        for item in report.by_channel:
            channels.add_row(channel_label(item.channel, lang), str(item.count))
        self.query_one("#report-channels", Static).update(channels)

        hours = self._table(
            "report.by_hour", (t("report.col.hour"), "left"), ("", "left"), ("", "right")
        )
        for label, bar, count in hour_lines(report, HOUR_BAR_WIDTH):
            hours.add_row(label, bar, str(count))
        self.query_one("#report-hours", Static).update(hours)

        if report.served:
            served = self._table(
                "report.served",
                (t("report.col.staff"), "left"),
                (t("report.col.done"), "right"),
                (t("report.col.transferred"), "right"),
            )
            for person in report.served:
                served.add_row(person.display_name, str(person.done), str(person.transferred))
            self.query_one("#report-served", Static).update(served)
        else:
            self.query_one("#report-served", Static).update(Text(t("report.served_none")))

        longest = self._table(
            "report.longest",
            (t("report.col.ticket"), "left"),
            (t("report.col.wait"), "right"),
            (t("report.col.state"), "left"),
        )
        for wait in report.longest_waits:
            longest.add_row(
                wait.ticket,
                t("report.minutes", minutes=wait.minutes),
                state_label(wait.state, lang),
            )
        self.query_one("#report-longest", Static).update(longest)
