"""The paths report as a file: CSV for Finnish Excel or XLSX, logged before it is written.

One table of rows, each a figure of the report: its section (outcome, median_days,
sequence, service), its code and label in the user's language, and its numbers. A
suppressed figure is the text "< 5", as on screen; no row names a client or staff member.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from store.core.auth import require
from store.core.clock import new_id
from store.core.context import Context
from store.core.i18n import TranslatedError, tr
from store.core.models import Staff
from store.exports.files import (
    check_folder,
    durable_commits,
    remove_stale_temporaries,
)
from store.exports.formats import Row, csv_bytes
from store.exports.visit_export import place_logged, unwritable
from store.exports.xlsx import workbook_bytes
from store.paths.report import (
    PERMISSION,
    SUPPRESSED,
    PathsReport,
    check_range,
    log_report,
    paths_report,
    range_text,
)

COLUMNS = ("section", "code", "label", "paths", "employed", "percent", "days")
SHEET = "Polut"
FILE_FORMATS = ("csv", "xlsx")


@dataclass(frozen=True)
class PathsReportFile:
    path: Path
    report: PathsReport
    sha256: str


def _figure(value: int | float | None) -> object:
    return SUPPRESSED if value is None else value


def report_rows(report: PathsReport, lang: str) -> list[Row]:
    """The report's figures, one a row in `COLUMNS` order; numbers stay numbers."""
    f = _figure
    rows: list[Row] = [
        ("range", range_text(report.first_day, report.last_day, None), "", f(report.paths),
         None, None, None),
        ("median_days", "", tr("paths_report.col.paths", lang), f(report.median_n), None,
         None, f(report.median_days)),
    ]  # fmt: skip
    for outcome in report.outcomes:
        label = tr(f"paths_report.outcome.{outcome.outcome}", lang)
        rows.append(
            ("outcome", outcome.outcome, label, f(outcome.count), None, f(outcome.percent), None)
        )
    for sequence in report.sequences:
        rows.append(("sequence", sequence.text, "", sequence.count, None, None, None))
    rows.append(("sequence", "", tr("paths_report.other_sequences", lang),
                 f(report.other_sequences), None, None, None))  # fmt: skip
    for service in report.services:
        rows.append(("service", service.service, service.label(lang), f(service.paths),
                     f(service.employed), f(service.percent), None))  # fmt: skip
    return rows


def _excel_text(rows: list[Row]) -> list[Row]:
    """Numbers as Finnish Excel reads them: a decimal comma."""
    return [
        tuple(str(cell).replace(".", ",") if isinstance(cell, float) else cell for cell in row)
        for row in rows
    ]


def file_format(out: Path) -> str:
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in FILE_FORMATS:
        raise TranslatedError("paths_report.error.format", path=out)
    return fmt


def export_paths_report(
    ctx: Context,
    actor: Staff,
    first_day: date,
    last_day: date,
    out: Path,
    site_id: str | None = None,
    lang: str = "fi",
) -> PathsReportFile:
    """Write the paths report to `out` (.csv or .xlsx). The export is in the access log,
    committed before the file is written, as every export is."""
    require(actor, PERMISSION)
    check_range(first_day, last_day)
    out = Path(out)
    fmt = file_format(out)
    problem = check_folder(out)
    if problem is not None:
        raise unwritable(out, None if out.is_dir() else problem)
    remove_stale_temporaries(out.parent)
    if ctx.db.conn.in_transaction:
        raise RuntimeError("an export commits its log entry itself: call it outside a transaction")

    report = paths_report(ctx, actor, first_day, last_day, site_id, action=None)
    rows = report_rows(report, lang)
    if fmt == "csv":
        data = csv_bytes(_excel_text(rows), COLUMNS, "excel")
    else:
        data = workbook_bytes([(SHEET, [COLUMNS, *rows])], ctx.clock.now())
    digest = hashlib.sha256(data).hexdigest()
    export_id = new_id()
    with durable_commits(ctx.db):
        log_report(ctx, actor, "export", first_day, last_day, site_id,
                   f"; sha256={digest}; file={out.absolute()}", entity_id=export_id)  # fmt: skip
    place_logged(ctx, actor, "paths_report", export_id, [(out, data)])
    return PathsReportFile(out, report, digest)
