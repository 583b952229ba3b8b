"""The daily visit log export: one row per visit as CSV, XLSX or JSON, with a manifest."""

from __future__ import annotations

import errno
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from store.core.audit import append_events, log_event
from store.core.auth import require
from store.core.clock import new_id
from store.core.context import Context
from store.core.dates import format_date
from store.core.db import write_transaction
from store.core.i18n import TranslatedError
from store.core.models import Site, Staff
from store.core.sites import SiteRepository
from store.exports.files import (
    check_folder,
    durable_commits,
    place_files,
    remove_stale_temporaries,
)
from store.exports.formats import (
    AT,
    COLUMNS,
    DIALECTS,
    FORMATS,
    IDENTITY_COLUMNS,
    PERSONAL_COLUMNS,
    Dialect,
    Format,
    csv_bytes,
    json_bytes,
    xlsx_bytes,
)
from store.exports.rows import DEFAULT_AGE_BANDS, Instants, day_feedback, visit_rows


class ExportError(TranslatedError):
    """An export that cannot be made; nothing was written. `message(lang)` says why."""


_OS_REASONS = {
    errno.EACCES: "denied",
    errno.EPERM: "denied",
    errno.ENOENT: "no_folder",
    errno.ENOTDIR: "no_folder",
    errno.EISDIR: "is_folder",
    errno.ENOSPC: "full",
    errno.EDQUOT: "full",
    errno.EROFS: "read_only",
}


def unwritable(path: Path, exc: OSError | None = None) -> ExportError:
    """Why `path` cannot be written, in the user's language where the cause is a common one
    (an unusual one keeps the operating system's own words)."""
    reason = "is_folder" if exc is None else _OS_REASONS.get(exc.errno or 0)
    if reason is None and exc is not None:
        return ExportError("export.error.unwritable", path=path, reason=exc.strerror or exc)
    return ExportError(f"export.error.unwritable.{reason}", path=path)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    manifest_path: Path
    rows: int
    sha256: str
    columns: tuple[str, ...]
    personal_columns: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return self.rows == 0


# Parsing and naming -------------------------------------------------------------------


def slug(text: str) -> str:
    """A file-name-safe ASCII form of a site name: "Työpiste Keskusta" → "tyopiste-keskusta"."""
    folded = text.casefold().translate(str.maketrans("äöåü", "aoau"))
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "kaikki"


def default_file_name(site: Site | None, date_from: date, date_to: date, fmt: Format) -> str:
    days = date_from.isoformat()
    if date_to != date_from:
        days += f"_{date_to.isoformat()}"
    return f"kaynnit-{slug(site.name) if site else 'kaikki'}-{days}.{fmt}"


def format_of(path: Path) -> Format | None:
    """The format a file name asks for by its suffix (.csv, .xlsx, .json), if any."""
    suffix = path.suffix.lower().lstrip(".")
    return next((fmt for fmt in FORMATS if fmt == suffix), None)


def columns_for(identities: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The columns of an export and which of them are personal data."""
    if identities:
        return COLUMNS + IDENTITY_COLUMNS, PERSONAL_COLUMNS + IDENTITY_COLUMNS
    return COLUMNS, PERSONAL_COLUMNS


# Writing --------------------------------------------------------------------------------


_EVENT_COLUMNS = ("at", "staff_id", "action", "entity", "entity_id", "client_id", "purpose")


def log_not_written(
    ctx: Context, actor: Staff, entity: str, export_id: str | None, exc: Exception
) -> None:
    """Say in the log that a logged export's file was not written after all (if the
    database still takes it: the export's own error is what the user hears of)."""
    try:
        with write_transaction(ctx.db):
            log_event(
                ctx,
                staff_id=actor.id,
                action="delete",
                entity=entity,
                entity_id=export_id,
                purpose=f"not written: {type(exc).__name__}: {exc}",
            )
    except Exception:  # noqa: BLE001 - the export's own error is the one to report
        pass


def place_logged(
    ctx: Context, actor: Staff, entity: str, export_id: str, files: Sequence[tuple[Path, bytes]]
) -> None:
    """Place the files of an export whose access-log row has already committed; if they
    cannot be placed, log that they were not written and raise (an OS error as
    `ExportError` naming the first file)."""
    try:
        place_files(files)
    except Exception as exc:
        log_not_written(ctx, actor, entity, export_id, exc)
        if isinstance(exc, OSError):
            raise unwritable(files[0][0], exc) from exc
        raise


def export_visits(
    ctx: Context,
    actor: Staff,
    date_from: date,
    date_to: date | None = None,
    site_id: str | None = None,
    fmt: Format = "csv",
    out: Path | None = None,
    dialect: Dialect = "excel",
    identities: bool = False,
    purpose: str | None = None,
    age_bands: Sequence[int] = DEFAULT_AGE_BANDS,
) -> ExportResult:
    """Write the visits of [date_from, date_to] to `out` (and `<out>.manifest.json`).

    The export is in the access log before the file appears, and the file appears whole
    or not at all. Raises `ExportError` (no file written) or `PermissionDenied`.
    """
    require(actor, "export.visits")
    if identities:
        require(actor, "export.identities")
        if not (purpose or "").strip():
            raise ExportError("export.error.purpose_required")
    if fmt not in FORMATS:
        raise ExportError("export.error.bad_format", fmt=fmt)
    if dialect not in DIALECTS:
        raise ExportError("export.error.bad_dialect", dialect=dialect)
    date_to = date_to or date_from
    if date_to < date_from:
        raise ExportError(
            "export.error.bad_range", start=format_date(date_from), to=format_date(date_to)
        )
    site = None
    if site_id is not None:
        site = SiteRepository(ctx).get(site_id)
        if site is None:
            raise ExportError("export.error.unknown_site", site=site_id)
    out = Path(out) if out is not None else Path(default_file_name(site, date_from, date_to, fmt))
    manifest_path = out.with_name(out.name + ".manifest.json")
    for target in (out, manifest_path):
        # Checked before anything is logged: a folder that cannot take the file is a
        # refusal, not an export that was logged and then failed.
        problem = check_folder(target)
        if problem is not None:
            raise unwritable(target, None if target.is_dir() else problem)
    # A crash of an earlier export may have left its temporary files here.
    remove_stale_temporaries(out.parent)

    columns, personal = columns_for(identities)
    instants: Instants = (
        "local" if fmt == "xlsx" or (fmt == "csv" and dialect == "excel") else "iso"
    )
    read = visit_rows(ctx, date_from, date_to, site_id, identities, age_bands, instants)
    rows = read.rows
    feedback = day_feedback(ctx, date_from, date_to, site_id)
    if fmt == "csv":
        data = csv_bytes(rows, columns, dialect)
    elif fmt == "json":
        data = json_bytes(rows, columns)
    else:
        stamp = datetime(date_to.year, date_to.month, date_to.day, tzinfo=UTC)
        data = xlsx_bytes(rows, columns, feedback, stamp)
    digest = hashlib.sha256(data).hexdigest()
    sites = [site.name] if site else sorted({str(row[AT["site"]]) for row in rows})
    manifest = {
        "file": out.name,
        "format": fmt,
        "dialect": dialect if fmt == "csv" else None,
        "rows": len(rows),
        "empty": not rows,
        "date_from": date_from.isoformat(),
        "date_to": date_to.isoformat(),
        "sites": sites,
        "columns": list(columns),
        "personal_columns": list(personal),
        "identities": identities,
        "sha256": digest,
        "generated_by": actor.username,
        "feedback": [
            {"date": fb.day.isoformat(), "site": fb.site, "responses": fb.responses, "nps": fb.nps}
            for fb in feedback
        ],
        "feedback_note": "feedback counts every answer: n and NPS per site-day, NPS hidden"
        " (null) while n < 5. feedback_score is filled only for answers given while feedback"
        " was linked to visits (setting feedback.link_to_visit); anonymous answers are never"
        " linked.",
    }
    manifest_data = (
        json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    ).encode("utf-8")

    # What was exported, for the access log: who asked, why, which days and sites, how
    # many rows, the checksum that identifies the file and where it was to be written.
    kind = "identified" if identities else "pseudonymised"
    note = f"{purpose.strip()}; " if identities and purpose else ""
    summary = (
        f"{note}{kind}; {date_from.isoformat()}..{date_to.isoformat()};"
        f" sites={', '.join(sites) or '-'}; rows={len(rows)}; sha256={digest};"
        f" file={out.absolute()}"
    )
    export_id = new_id()
    # The log entry is committed, to the disk, before any byte of the file is written: a
    # crash then leaves a logged export whose file never arrived, never a file with no
    # log entry. The export itself, then whose data it disclosed (906/2019 § 17): with
    # identities, one row per client in the file.
    if ctx.db.conn.in_transaction:
        raise RuntimeError("an export commits its log entry itself: call it outside a transaction")
    now = ctx.now_iso()
    events = [
        (now, actor.id, "export", "visit_export", export_id, client_id, summary)
        for client_id in [None, *(read.client_ids if identities else ())]
    ]
    with durable_commits(ctx.db), write_transaction(ctx.db):
        append_events(ctx, _EVENT_COLUMNS, events, by=actor.id, at=now)
    place_logged(
        ctx, actor, "visit_export", export_id, [(out, data), (manifest_path, manifest_data)]
    )
    return ExportResult(out, manifest_path, len(rows), digest, columns, personal)
