"""The Kompassi report's headline lines and Rich table, shared by its screen and the CLI."""

from __future__ import annotations

from rich.table import Table

from store.core.dates import format_date
from store.core.i18n import tr
from store.kompassi.report import KompassiReport

from .paths_report_text import cell
from .report_text import number

MINUS = "−"


def change_text(value: float | None, lang: str) -> str:
    """A median change with its sign: "+1,5", "0", "−2"; "< 5" when suppressed."""
    if value is None or value == 0:
        return cell(value, lang)
    sign = "+" if value > 0 else MINUS
    return sign + number(abs(value), lang)


def title_text(report: KompassiReport, lang: str) -> str:
    return tr(
        "kompassi_report.title",
        lang,
        start=format_date(report.first_day),
        end=format_date(report.last_day),
    )


def summary_lines(report: KompassiReport, lang: str, site: str, coach: str) -> list[str]:
    """Whose report it is (`site` and `coach` as named, or "all"), and how many clients."""
    return [
        tr("kompassi_report.site", lang, site=site),
        tr("kompassi_report.coach", lang, coach=coach),
        tr("kompassi_report.clients", lang, count=cell(report.clients, lang)),
    ]


def note_lines(lang: str) -> list[str]:
    return [tr("kompassi_report.bands", lang), tr("kompassi_report.note", lang)]


def domains_table(report: KompassiReport, lang: str, title: str | None = None) -> Table:
    """A row a domain: clients, median change and the shares up, same and down a band."""
    table = Table(title=title, title_justify="left", box=None, pad_edge=False)
    for column in ("domain", "clients", "change", "up", "stayed", "down"):
        justify = "left" if column == "domain" else "right"
        table.add_column(tr(f"kompassi_report.col.{column}", lang), justify=justify)
    for row in report.domains:
        table.add_row(
            row.label(lang),
            cell(row.clients, lang),
            change_text(row.median_change, lang),
            cell(row.up, lang),
            cell(row.stayed, lang),
            cell(row.down, lang),
        )
    return table
