"""The access log of a range of days as CSV for the data-protection officer, chain included.

The file is RFC 4180 CSV in UTF-8: a header, then one event a line in chain order, every
text quoted and an absent value left empty and unquoted (so `""` is an empty text and
nothing at all is NULL). Its columns are the chained fields, `prev_hash` and `hash`
(see `store.core.audit_chain` for how to recompute them), and the acting username for
reading (not part of the chain). The first event's `prev_hash` links to the event before
the range.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from store.core.audit import EXPORT_COLUMNS, AuditLog, log_event
from store.core.auth import require
from store.core.clock import new_id
from store.core.context import Context
from store.core.dates import format_date
from store.core.db import write_transaction
from store.core.models import Staff
from store.exports.files import (
    check_folder,
    durable_commits,
    remove_stale_temporaries,
)
from store.exports.visit_export import ExportError, place_logged, unwritable

HEADER = (*EXPORT_COLUMNS, "username")


@dataclass(frozen=True)
class AuditExportResult:
    path: Path
    rows: int
    sha256: str


def default_file_name(first_day: date, last_day: date) -> str:
    return f"kayttoloki-{first_day.isoformat()}_{last_day.isoformat()}.csv"


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    return '"' + str(value).replace('"', '""') + '"'


def csv_text(rows: list[tuple[object, ...]]) -> bytes:
    lines = [",".join(HEADER), *(",".join(map(_cell, row)) for row in rows)]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8", "surrogatepass")


def export_audit_log(
    ctx: Context, actor: Staff, first_day: date, last_day: date, out: Path | None = None
) -> AuditExportResult:
    """Write the events of the local days [first_day, last_day] to `out` (admins). The
    export is itself logged, committed before the file is written (as a visit export)."""
    require(actor, "audit.read")
    if last_day < first_day:
        raise ExportError(
            "export.error.bad_range", start=format_date(first_day), to=format_date(last_day)
        )
    out = Path(out) if out is not None else Path(default_file_name(first_day, last_day))
    problem = check_folder(out)
    if problem is not None:
        raise unwritable(out, None if out.is_dir() else problem)
    remove_stale_temporaries(out.parent)
    if ctx.db.conn.in_transaction:
        raise RuntimeError("an export commits its log entry itself: call it outside a transaction")

    rows = AuditLog(ctx).rows_between(first_day, last_day)
    data = csv_text(rows)
    digest = hashlib.sha256(data).hexdigest()
    summary = (
        f"{first_day.isoformat()}..{last_day.isoformat()}; rows={len(rows)};"
        f" sha256={digest}; file={out.absolute()}"
    )
    export_id = new_id()
    with durable_commits(ctx.db), write_transaction(ctx.db):
        log_event(
            ctx,
            staff_id=actor.id,
            action="export",
            entity="audit_log",
            entity_id=export_id,
            purpose=summary,
        )
    place_logged(ctx, actor, "audit_log", export_id, [(out, data)])
    return AuditExportResult(out, len(rows), digest)
