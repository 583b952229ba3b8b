"""The paths report's headline lines and Rich tables, shared by its screen and the CLI."""

from __future__ import annotations

from rich.table import Table

from store.core.dates import format_date
from store.core.i18n import tr
from store.paths.report import SUPPRESSED, PathsReport

from .report_text import number


def cell(value: int | float | None, lang: str) -> str:
    """A figure as shown: "< 5" when suppressed, a share with the language's decimal mark."""
    if value is None:
        return SUPPRESSED
    return number(value, lang) if isinstance(value, float) else str(value)


def title_text(report: PathsReport, lang: str) -> str:
    return tr(
        "paths_report.title",
        lang,
        start=format_date(report.first_day),
        end=format_date(report.last_day),
    )


def summary_lines(report: PathsReport, lang: str) -> list[str]:
    median = cell(report.median_days, lang)
    return [
        tr("paths_report.paths", lang, count=cell(report.paths, lang)),
        tr("paths_report.median", lang, days=median, n=cell(report.median_n, lang)),
        tr("paths_report.small_note", lang),
    ]


def _table(title: str | None, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", box=None, pad_edge=False)
    for index, column in enumerate(columns):
        table.add_column(column, justify="left" if index == 0 else "right")
    return table


def outcomes_table(report: PathsReport, lang: str, title: str | None = None) -> Table:
    def t(key: str) -> str:
        return tr(key, lang)

    table = _table(title, t("paths_report.col.outcome"), t("paths_report.col.paths"),
                   t("paths_report.col.share"))  # fmt: skip
    for row in report.outcomes:
        table.add_row(
            t(f"paths_report.outcome.{row.outcome}"), cell(row.count, lang), cell(row.percent, lang)
        )
    return table


def sequences_table(report: PathsReport, lang: str, title: str | None = None) -> Table:
    table = _table(title, tr("paths_report.col.sequence", lang), tr("paths_report.col.paths", lang))
    for row in report.sequences:
        table.add_row(row.text or tr("paths_report.no_services", lang), str(row.count))
    # Always there, "< 5" when there are fewer (none included): its absence would tell.
    table.add_row(tr("paths_report.other_sequences", lang), cell(report.other_sequences, lang))
    return table


def services_table(report: PathsReport, lang: str, title: str | None = None) -> Table:
    def t(key: str) -> str:
        return tr(key, lang)

    table = _table(title, t("paths_report.col.service"), t("paths_report.col.paths"),
                   t("paths_report.col.employed"), t("paths_report.col.share"))  # fmt: skip
    for row in report.services:
        table.add_row(
            row.label(lang),
            cell(row.paths, lang),
            cell(row.employed, lang),
            cell(row.percent, lang),
        )
    return table
