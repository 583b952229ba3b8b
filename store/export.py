"""The daily visit log export: one row per visit as CSV, XLSX or JSON, with a manifest."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from . import rules
from .audit import log_event
from .auth import require
from .clock import new_id
from .db import write_transaction
from .export_formats import (
    AT,
    COLUMNS,
    FORMATS,
    IDENTITY_COLUMNS,
    PERSONAL_COLUMNS,
    DayFeedback,
    Dialect,
    Format,
    Row,
    csv_bytes,
    json_bytes,
    xlsx_bytes,
)
from .i18n import TranslatedError, register
from .models import Site, Staff
from .visits import nps_of

if TYPE_CHECKING:
    from .api import Store

PSEUDONYM_SETTING = "export.pseudonym_secret"
PSEUDONYM_HEX_DIGITS = 16
# Lower bounds of the age bands; the first band is "<25", the last "65+".
DEFAULT_AGE_BANDS: tuple[int, ...] = (25, 30, 50, 55, 60, 65)

register(
    {
        "export.error.bad_date": (
            "päivämäärä ”{text}” ei kelpaa; anna se muodossa 28.11.2026 tai 2026-11-28",
            "datumet ”{text}” duger inte; ange det som 28.11.2026 eller 2026-11-28",
            "the date “{text}” is not valid; give it as 28.11.2026 or 2026-11-28",
        ),
        "export.error.bad_range": (
            "loppupäivä {to} on ennen alkupäivää {start}",
            "slutdatumet {to} är före startdatumet {start}",
            "the end date {to} is before the start date {start}",
        ),
        "export.error.unknown_site": (
            "toimipistettä ”{site}” ei löydy (tai nimi sopii useaan)",
            "verksamhetsstället ”{site}” hittas inte (eller namnet passar flera)",
            "no single site matches “{site}”",
        ),
        "export.error.unwritable": (
            "tiedostoa {path} ei voi kirjoittaa: {reason}",
            "filen {path} kan inte skrivas: {reason}",
            "cannot write the file {path}: {reason}",
        ),
        "export.error.bad_format": (
            "tuntematon muoto ”{fmt}”; valitse csv, xlsx tai json",
            "okänt format ”{fmt}”; välj csv, xlsx eller json",
            "unknown format “{fmt}”; choose csv, xlsx or json",
        ),
        "export.error.purpose_required": (
            "tunnistetiedot vaativat käyttötarkoituksen (--purpose)",
            "identitetsuppgifter kräver ett ändamål (--purpose)",
            "identities need a stated purpose (--purpose)",
        ),
    }
)


class ExportError(TranslatedError):
    """An export that cannot be made; nothing was written. `message(lang)` says why."""


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


def parse_day(text: str) -> date:
    """A day written as d.m.yyyy (Finnish) or yyyy-mm-dd (ISO 8601)."""
    cleaned = text.strip()
    try:
        if re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}", cleaned):
            day, month, year = (int(part) for part in cleaned.split("."))
            return date(year, month, day)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", cleaned):
            return date.fromisoformat(cleaned)
    except ValueError:
        pass
    raise ExportError("export.error.bad_date", text=text)


def find_site(store: Store, text: str) -> Site:
    """A site by its id, its exact name, or a part of its name that fits only one."""
    site = store.find_site(text)
    if site is None:
        raise ExportError("export.error.unknown_site", site=text)
    return site


def slug(text: str) -> str:
    """A file-name-safe ASCII form of a site name: "Työpiste Keskusta" → "tyopiste-keskusta"."""
    folded = text.casefold().translate(str.maketrans("äöåü", "aoau"))
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "kaikki"


def default_file_name(site: Site | None, date_from: date, date_to: date, fmt: Format) -> str:
    days = date_from.isoformat()
    if date_to != date_from:
        days += f"_{date_to.isoformat()}"
    return f"kaynnit-{slug(site.name) if site else 'kaikki'}-{days}.{fmt}"


def columns_for(identities: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The columns of an export and which of them are personal data."""
    if identities:
        return COLUMNS + IDENTITY_COLUMNS, PERSONAL_COLUMNS + IDENTITY_COLUMNS
    return COLUMNS, PERSONAL_COLUMNS


# Pseudonyms and age bands ---------------------------------------------------------------


def pseudonym_secret(store: Store) -> bytes:
    """This installation's key for pseudonyms, made on first use and never shown."""
    with write_transaction(store.db):
        row = store.db.execute(
            "SELECT value FROM setting WHERE key = ? AND deleted_at IS NULL", [PSEUDONYM_SETTING]
        ).fetchone()
        if row is None:
            now = store._now()
            value = secrets.token_hex(32)
            store.db.execute(
                "INSERT INTO setting (id, key, value, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?)",
                [new_id(), PSEUDONYM_SETTING, value, now, now],
            )
            return bytes.fromhex(value)
    return bytes.fromhex(row[0])


def pseudonym(secret: bytes, client_id: str) -> str:
    """The same client always gets the same pseudonym; without the key it leads nowhere."""
    digest = hmac.new(secret, client_id.encode(), hashlib.sha256).hexdigest()
    return digest[:PSEUDONYM_HEX_DIGITS]


def age_band(age: int, bands: Sequence[int] = DEFAULT_AGE_BANDS) -> str:
    """'<25', '25-29', … '65+' for the lower bounds (25, 30, 50, 55, 60, 65)."""
    if age < bands[0]:
        return f"<{bands[0]}"
    for low, high in zip(bands, bands[1:], strict=False):
        if low <= age < high:
            return f"{low}-{high - 1}"
    return f"{bands[-1]}+"


# Reading the visits -----------------------------------------------------------------------

# How the arrived/called/finished instants come out of SQLite: local 24-hour HH:MM for
# people (Finnish Excel, XLSX), ISO 8601 UTC to the second for machines (RFC 4180, JSON).
# SQLite's 'localtime' uses the same C library time zone as Python's astimezone().
Instants = Literal["local", "iso"]
_INSTANT_SQL: dict[str, str] = {
    "local": "strftime('%H:%M', {0}, 'localtime')",
    "iso": "strftime('%Y-%m-%dT%H:%M:%SZ', {0})",
}


def _export_select(instants: Instants, identities: bool) -> str:
    arrived, called, finished = (
        _INSTANT_SQL[instants].format(f"v.{column}_at")
        for column in ("arrived", "called", "finished")
    )
    # Every column read costs: a month is 20 000 rows, so names only when they are asked for.
    names = ", c.first_name, c.last_name, c.hetu, c.phone" if identities else ""
    return f"""
    SELECT v.id, v.visit_date, s.name, v.ticket, v.channel, {arrived}, {called}, {finished},
        -- whole minutes, from milliseconds so that float error never loses one
        max(0, CAST(round((julianday(v.called_at) - julianday(v.arrived_at)) * 86400000)
            AS INTEGER) / 60000),
        max(0, CAST(round((julianday(v.finished_at) - julianday(v.called_at)) * 86400000)
            AS INTEGER) / 60000),
        v.process_step, v.outcome, st.username, v.client_id, c.birth_date,
        c.unemployed_since, c.mother_tongue, v.appointment_id, v.feedback_score{names}
    FROM visit v
    JOIN site s ON s.id = v.site_id
    LEFT JOIN staff st ON st.id = v.served_by
    LEFT JOIN client c ON c.id = v.client_id
    WHERE v.deleted_at IS NULL AND v.visit_date BETWEEN ? AND ?
"""


# One query for every reason of the range: a subquery per visit costs twice the time.
_REASONS_SELECT = """
    SELECT l.visit_id, r.code FROM visit v
    JOIN visit_reason_link l ON l.visit_id = v.id AND l.deleted_at IS NULL
    JOIN visit_reason r ON r.id = l.reason_id
    WHERE v.deleted_at IS NULL AND v.visit_date BETWEEN ? AND ?
"""


def _rows(
    store: Store,
    date_from: date,
    date_to: date,
    site_id: str | None,
    identities: bool,
    bands: Sequence[int],
    instants: Instants,
) -> list[Row]:
    """The visits as tuples in `columns_for(identities)` order (tuples, not dicts: a month
    of a busy site is 20 000 rows). Reason codes and labels are tuples shared by every
    visit with the same reasons."""
    params: list[object] = [date_from.isoformat(), date_to.isoformat()]
    site_filter = ""
    if site_id is not None:
        site_filter = " AND v.site_id = ?"
        params.append(site_id)
    codes_of: dict[str, tuple[str, ...]] = {}
    for visit_id, code in store.db.execute(
        _REASONS_SELECT + site_filter + " ORDER BY r.sort_order", params
    ):
        codes_of[visit_id] = codes_of.get(visit_id, ()) + (code,)
    label_of = {r.code: r.labels[0] for r in store.visits.reasons()}
    reasons: dict[tuple[str, ...], tuple[tuple[str, ...], tuple[str, ...]]] = {(): ((), ())}
    for codes in set(codes_of.values()):
        reasons[codes] = (codes, tuple(label_of.get(code, code) for code in codes))
    # The keyed hash state is set up once and copied per client: half the cost of hmac.new.
    keyed = hmac.new(pseudonym_secret(store), digestmod=hashlib.sha256)
    # Per client, however often they came: pseudonym, birth date, the day they become
    # long-term unemployed, foreign language. Age and unemployment change with the day.
    people: dict[str, tuple[str, date, date | None, bool]] = {}
    band_of = [age_band(age, bands) for age in range(150)]
    youth, young_adult = rules.AgeBands().youth, rules.AgeBands().young_adult
    no_client = (None,) * 6
    days: dict[str, date] = {}
    rows: list[Row] = []
    sql = _export_select(instants, identities) + site_filter
    sql += " ORDER BY v.visit_date, s.name, v.ticket_number"
    for record in store.db.execute(sql, params):
        # `_export_select`: id and day; site … served_by (the visit's own columns);
        # client_id … feedback_score; then the names, with --identities only.
        visit_id, day_text, visit = record[0], record[1], record[2:13]
        client_id, birth, unemployed, tongue, appointment, feedback = record[13:19]
        day = days.get(day_text) or days.setdefault(day_text, date.fromisoformat(day_text))
        if client_id:
            who = people.get(client_id)
            if who is None:
                digest = keyed.copy()
                digest.update(client_id.encode())
                who = people[client_id] = (
                    digest.hexdigest()[:PSEUDONYM_HEX_DIGITS],
                    date.fromisoformat(birth),
                    rules.long_term_unemployed_from(date.fromisoformat(unemployed))
                    if unemployed
                    else None,
                    rules.is_foreign_language(tongue),
                )
            pseudonym_text, birth_date, long_term_from, foreign = who
            age = rules.age_on(birth_date, day)
            client: tuple[object, ...] = (
                pseudonym_text,
                band_of[age] if age < len(band_of) else age_band(age, bands),
                age < youth,
                age < young_adult,
                long_term_from is not None and day >= long_term_from,
                foreign,
            )
        else:
            client = no_client
        row = (day, *visit[:8], *reasons[codes_of.get(visit_id, ())], *visit[8:], *client,
               appointment, feedback)  # fmt: skip
        rows.append(row + record[19:] if identities else row)
    return rows


def day_feedback(
    store: Store, date_from: date, date_to: date, site_id: str | None
) -> list[DayFeedback]:
    """Each site-day's feedback count and NPS, from every answer: the anonymous ones
    cannot be matched to a visit, so this is the only place they appear."""
    sql = (
        "SELECT f.visit_date, s.name, f.score FROM feedback f JOIN site s ON s.id = f.site_id"
        " WHERE f.deleted_at IS NULL AND f.visit_date BETWEEN ? AND ?"
    )
    params: list[object] = [date_from.isoformat(), date_to.isoformat()]
    if site_id is not None:
        sql += " AND f.site_id = ?"
        params.append(site_id)
    scores: dict[tuple[str, str], list[int]] = {}
    for day_text, site_name, score in store.db.execute(sql, params):
        scores.setdefault((day_text, site_name), []).append(score)
    result = []
    for (day_text, site_name), values in sorted(scores.items()):
        nps = nps_of(values)
        result.append(
            DayFeedback(date.fromisoformat(day_text), site_name, nps.responses, nps.score)
        )
    return result


# Writing --------------------------------------------------------------------------------


def _temp_beside(target: Path, data: bytes) -> Path:
    """Write `data` to a new temporary file in `target`'s folder (same file system, so
    the final rename is atomic)."""
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def export_visits(
    store: Store,
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

    The file appears whole or not at all, and the export is written to the access log.
    Raises `ExportError` (nothing written) or `PermissionDenied`.
    """
    require(actor, "export.visits")
    if identities:
        require(actor, "export.identities")
        if not (purpose or "").strip():
            raise ExportError("export.error.purpose_required")
    if fmt not in FORMATS:
        raise ExportError("export.error.bad_format", fmt=fmt)
    date_to = date_to or date_from
    if date_to < date_from:
        raise ExportError("export.error.bad_range", start=date_from, to=date_to)
    site = None
    if site_id is not None:
        site = store.get_site(site_id)
        if site is None:
            raise ExportError("export.error.unknown_site", site=site_id)
    out = Path(out) if out is not None else Path(default_file_name(site, date_from, date_to, fmt))
    if out.is_dir():
        raise ExportError("export.error.unwritable", path=out, reason="is a directory")

    columns, personal = columns_for(identities)
    instants: Instants = (
        "local" if fmt == "xlsx" or (fmt == "csv" and dialect == "excel") else "iso"
    )
    rows = _rows(store, date_from, date_to, site_id, identities, age_bands, instants)
    feedback = day_feedback(store, date_from, date_to, site_id)
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
        ],  # fmt: skip
        "feedback_note": "feedback counts every answer: n and NPS per site-day, NPS hidden"
        " (null) while n < 5. feedback_score is filled only for answers given while feedback"
        " was linked to visits (setting feedback.link_to_visit); anonymous answers are never"
        " linked.",
    }
    manifest_data = (
        json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    ).encode("utf-8")
    manifest_path = out.with_name(out.name + ".manifest.json")

    temps: list[Path] = []
    placed: Path | None = None
    try:
        temps.append(_temp_beside(out, data))
        temps.append(_temp_beside(manifest_path, manifest_data))
        kind = "identified" if identities else "pseudonymised"
        note = f"{purpose.strip()}; " if identities and purpose else ""
        summary = f"{note}{kind}; rows={len(rows)}; sha256={digest}"
        export_id = new_id()
        now = store._now()
        # The log rows and the rename stand or fall together: a failed rename rolls the
        # log back, and a file never appears without its log row.
        with write_transaction(store.db):
            log_event(store.db, now, staff_id=actor.id, action="export",
                      entity="visit_export", entity_id=export_id, purpose=summary)  # fmt: skip
            if identities:
                # Whose data was disclosed (906/2019 § 17), one row per client.
                for client_id in _client_ids(store, date_from, date_to, site_id):
                    log_event(store.db, now, staff_id=actor.id, action="export",
                              entity="visit_export", entity_id=export_id,
                              client_id=client_id, purpose=summary)  # fmt: skip
            os.replace(temps[0], out)
            placed = out
            os.replace(temps[1], manifest_path)
    except OSError as exc:
        for leftover in temps:
            leftover.unlink(missing_ok=True)
        if placed is not None:
            placed.unlink(missing_ok=True)  # its manifest could not follow it
        raise ExportError("export.error.unwritable", path=out, reason=exc.strerror or exc) from exc
    except BaseException:
        for leftover in temps:
            leftover.unlink(missing_ok=True)
        raise
    return ExportResult(out, manifest_path, len(rows), digest, columns, personal)


def _client_ids(store: Store, date_from: date, date_to: date, site_id: str | None) -> list[str]:
    sql = (
        "SELECT DISTINCT client_id FROM visit WHERE deleted_at IS NULL AND client_id IS NOT NULL"
        " AND visit_date BETWEEN ? AND ?"
    )
    params: list[object] = [date_from.isoformat(), date_to.isoformat()]
    if site_id is not None:
        sql += " AND site_id = ?"
        params.append(site_id)
    return [client_id for (client_id,) in store.db.execute(sql + " ORDER BY client_id", params)]
