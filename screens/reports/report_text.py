"""The day report's strings and plain-text pieces, shared by the Today screen and the CLI."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from store.core.i18n import tr
from store.core.text import visible
from store.exports.day_report import DayReport

BAR_WIDTH = 20
BAR_CHAR = "█"


def bar(count: int, largest: int, width: int = BAR_WIDTH) -> str:
    """A bar of █ scaled so `largest` fills `width`; any count above zero shows at least one."""
    if count <= 0 or largest <= 0:
        return ""
    return BAR_CHAR * max(1, round(width * count / largest))


def hour_lines(report: DayReport, width: int = BAR_WIDTH) -> list[tuple[str, str, int]]:
    """(hour label, bar, count) per hour, e.g. ("09", "████", 2)."""
    largest = max((b.count for b in report.by_hour), default=0)
    return [(f"{b.hour:02d}", bar(b.count, largest, width), b.count) for b in report.by_hour]


def number(value: float, lang: str) -> str:
    """8 → "8", 6.5 → "6,5" in Finnish and Swedish."""
    text = f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
    return text if lang == "en" else text.replace(".", ",")


def waits_text(report: DayReport, lang: str) -> str:
    if report.wait_median is None or report.wait_p90 is None:
        return tr("report.waits_none", lang)
    return tr(
        "report.waits",
        lang,
        median=number(report.wait_median, lang),
        p90=report.wait_p90,
        n=report.waits_counted,
    )


def left_text(report: DayReport, lang: str) -> str:
    share = number(report.left_percent, lang)
    return tr("report.left", lang, count=report.left_without_service, share=share)


def nps_text(report: DayReport, lang: str) -> str:
    if report.nps.score is None:
        return tr("report.nps_hidden", lang, n=report.nps.responses)
    return tr("report.nps", lang, score=f"{report.nps.score:+.0f}", n=report.nps.responses)


def channel_label(channel: str, lang: str) -> str:
    return tr(f"channel.{channel}", lang)


def state_label(state: str, lang: str) -> str:
    return tr(f"state.{state}", lang, desk="", name="").strip().rstrip(":")


# The report's tables, the same on the Today screen and in the terminal. Cells are Text,
# never markup, so a name with brackets is shown as typed.


def report_table(*columns: tuple[str, str], title: str | None = None) -> Table:
    table = Table(
        title=Text(title, style="bold") if title else None,
        title_justify="left",
        box=None,
        pad_edge=False,
        show_edge=False,
        header_style="bold",
    )
    for header, justify in columns:
        table.add_column(header, justify=justify)  # type: ignore[arg-type]
    return table


def reasons_table(report: DayReport, lang: str, title: str | None = None) -> Table:
    table = report_table(
        (tr("report.col.reason", lang), "left"),
        (tr("report.col.count", lang), "right"),
        title=title,
    )
    for reason in report.by_reason:
        table.add_row(Text(visible(reason.label(lang))), str(reason.count))
    if report.without_reason:
        table.add_row(Text(tr("report.no_reason", lang)), str(report.without_reason))
    return table


def channels_table(report: DayReport, lang: str, title: str | None = None) -> Table:
    table = report_table(
        (tr("report.col.channel", lang), "left"),
        (tr("report.col.count", lang), "right"),
        title=title,
    )
    for item in report.by_channel:
        table.add_row(Text(channel_label(item.channel, lang)), str(item.count))
    return table


def hours_table(
    report: DayReport, lang: str, width: int = BAR_WIDTH, title: str | None = None
) -> Table:
    table = report_table(
        (tr("report.col.hour", lang), "left"),
        ("", "left"),
        (tr("report.col.count", lang), "right"),
        title=title,
    )
    for label, bar_text, count in hour_lines(report, width):
        table.add_row(label, bar_text, str(count))
    return table


def served_table(report: DayReport, lang: str, title: str | None = None) -> Table:
    table = report_table(
        (tr("report.col.staff", lang), "left"),
        (tr("report.col.done", lang), "right"),
        (tr("report.col.transferred", lang), "right"),
        title=title,
    )
    for person in report.served:
        table.add_row(Text(visible(person.display_name)), str(person.done), str(person.transferred))
    return table


def longest_table(report: DayReport, lang: str, title: str | None = None) -> Table:
    table = report_table(
        (tr("report.col.ticket", lang), "left"),
        (tr("report.col.wait", lang), "right"),
        (tr("report.col.state", lang), "left"),
        title=title,
    )
    for wait in report.longest_waits:
        table.add_row(
            wait.ticket,
            tr("report.minutes", lang, minutes=wait.minutes),
            state_label(wait.state, lang),
        )
    return table
