"""Reading visits for the export: one tuple per visit in column order, pseudonymised."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from store.clients import rules
from store.core.clock import local_clock_times
from store.core.context import Context
from store.core.db import StoreError, damage_reported, database_file, write_transaction
from store.core.figures import minutes_between
from store.core.files import newest_backup
from store.core.i18n import TranslatedError
from store.core.rows import insert_row
from store.exports.formats import DayFeedback, Row
from store.visits.rules import nps_of

PSEUDONYM_SETTING = "export.pseudonym_secret"
PSEUDONYM_HEX_DIGITS = 16
PSEUDONYM_SECRET_BYTES = 32
# What `pseudonym_secret` makes; anything shorter would make pseudonyms easier to undo.
_SECRET_PATTERN = re.compile(f"(?:[0-9a-fA-F]{{2}}){{{PSEUDONYM_SECRET_BYTES},}}")
# A letter first: Excel reads an all-digit text such as 4203917755108826, or one like
# 12e45, as a number and loses it.
PSEUDONYM_PREFIX = "p"
# Lower bounds of the age bands; the first band is "<25", the last "65+".
DEFAULT_AGE_BANDS: tuple[int, ...] = (25, 30, 50, 55, 60, 65)


# Pseudonyms and age bands ---------------------------------------------------------------


class PseudonymKeyDamaged(StoreError, TranslatedError):
    """The stored pseudonym key is not one `pseudonym_secret` made (not hex, or too short):
    no export is made, since a new key would give every client a new pseudonym and a
    short one would make them easy to undo. The message names the newest backup, which
    holds the key as it was."""

    def __init__(self, path: Path | None) -> None:
        backup = newest_backup(path) if path is not None else None
        if backup is None:
            super().__init__("error.pseudonym_key_damaged", setting=PSEUDONYM_SETTING)
        else:
            super().__init__(
                "error.pseudonym_key_damaged_backup", setting=PSEUDONYM_SETTING, backup=backup
            )


def pseudonym_secret(ctx: Context) -> bytes:
    """This installation's key for pseudonyms, made on first use and never shown;
    `PseudonymKeyDamaged` if the stored one is not a key this function made."""
    sql = "SELECT value FROM setting WHERE key = ? AND deleted_at IS NULL"
    row = ctx.db.execute(sql, [PSEUDONYM_SETTING]).fetchone()
    if row is None:
        # Made under the write lock, checked again: two first exports agree on one key.
        with write_transaction(ctx.db):
            row = ctx.db.execute(sql, [PSEUDONYM_SETTING]).fetchone()
            if row is None:
                row = (secrets.token_hex(PSEUDONYM_SECRET_BYTES),)
                insert_row(ctx, "setting", {"key": PSEUDONYM_SETTING, "value": row[0]}, by=None)
    value: object = row[0]
    if not isinstance(value, str) or _SECRET_PATTERN.fullmatch(value) is None:
        raise PseudonymKeyDamaged(database_file(ctx.db.conn))
    return bytes.fromhex(value)


def age_band(age: int, bands: Sequence[int] = DEFAULT_AGE_BANDS) -> str:
    """'<25', '25-29', … '65+' for the lower bounds (25, 30, 50, 55, 60, 65)."""
    if age < bands[0]:
        return f"<{bands[0]}"
    for low, high in zip(bands, bands[1:], strict=False):
        if low <= age < high:
            return f"{low}-{high - 1}"
    return f"{bands[-1]}+"


# Reading the visits -----------------------------------------------------------------------

# How the arrived/called/finished instants are exported: the installation's 24-hour
# HH:MM for people (Finnish Excel, XLSX), ISO 8601 UTC to the second for machines
# (RFC 4180, JSON). Local times are worked out in Python (`local_clock_times`): SQLite's
# 'localtime' would read the machine's zone, not the installation's.
Instants = Literal["local", "iso"]
_INSTANT_SQL: dict[str, str] = {
    "local": "{0}",
    "iso": "strftime('%Y-%m-%dT%H:%M:%SZ', {0})",
}


def export_select(instants: Instants, identities: bool) -> str:
    arrived, called, finished = (
        _INSTANT_SQL[instants].format(f"v.{column}_at")
        for column in ("arrived", "called", "finished")
    )
    # Every column read costs: a month is 20 000 rows, so names only when they are asked for.
    names = ", c.first_name, c.last_name, c.hetu, c.phone" if identities else ""
    return f"""
    SELECT v.id, v.visit_date, s.name, v.ticket, v.channel, {arrived}, {called}, {finished},
        v.arrived_at, v.called_at, v.finished_at, v.process_step, v.outcome, st.username, c.id, c.birth_date,
        c.unemployed_since, c.mother_tongue, v.appointment_id, v.feedback_score{names}
    FROM visit v
    JOIN site s ON s.id = v.site_id
    LEFT JOIN staff st ON st.id = v.served_by
    -- a deleted client's visits stay, but nothing of the client: no pseudonym, no facts
    LEFT JOIN client c ON c.id = v.client_id AND c.deleted_at IS NULL
    WHERE v.deleted_at IS NULL AND v.visit_date BETWEEN ? AND ?
"""


# One query for every reason of the range: a subquery per visit costs twice the time.
_REASONS_SELECT = """
    SELECT l.visit_id, r.code FROM visit v
    JOIN visit_reason_link l ON l.visit_id = v.id AND l.deleted_at IS NULL
    JOIN visit_reason r ON r.id = l.reason_id
    WHERE v.deleted_at IS NULL AND v.visit_date BETWEEN ? AND ?
"""


@dataclass(frozen=True)
class VisitRows:
    rows: list[Row]
    client_ids: list[str]  # whose data the rows hold, for the access log


def visit_rows(
    ctx: Context,
    date_from: date,
    date_to: date,
    site_id: str | None,
    identities: bool,
    bands: Sequence[int],
    instants: Instants,
) -> VisitRows:
    """The visits as tuples in `columns_for(identities)` order (tuples, not dicts: a month
    of a busy site is 20 000 rows). Reason codes and labels are tuples shared by every
    visit with the same reasons. A damaged page raises `DatabaseDamaged`."""
    with damage_reported(ctx.db):
        return _visit_rows(ctx, date_from, date_to, site_id, identities, bands, instants)


def _visit_rows(
    ctx: Context,
    date_from: date,
    date_to: date,
    site_id: str | None,
    identities: bool,
    bands: Sequence[int],
    instants: Instants,
) -> VisitRows:
    params: list[object] = [date_from.isoformat(), date_to.isoformat()]
    site_filter = ""
    if site_id is not None:
        site_filter = " AND v.site_id = ?"
        params.append(site_id)
    codes_of: dict[str, tuple[str, ...]] = {}
    for visit_id, code in ctx.db.execute(
        _REASONS_SELECT + site_filter + " ORDER BY r.sort_order", params
    ):
        codes_of[visit_id] = codes_of.get(visit_id, ()) + (code,)
    # Every reason, retired ones too: old visits keep the label they were recorded with.
    label_of = dict(ctx.db.execute("SELECT code, label_fi FROM visit_reason").fetchall())
    reasons: dict[tuple[str, ...], tuple[tuple[str, ...], tuple[str, ...]]] = {(): ((), ())}
    for codes in set(codes_of.values()):
        reasons[codes] = (codes, tuple(label_of.get(code, code) for code in codes))
    # The keyed hash state is set up once and copied per client: half the cost of hmac.new.
    keyed = hmac.new(pseudonym_secret(ctx), digestmod=hashlib.sha256)
    # Per client, however often they came: pseudonym, birth date, the day they become
    # long-term unemployed, foreign language. Age and unemployment change with the day.
    people: dict[str, tuple[str, date, date | None, bool]] = {}
    band_of = [age_band(age, bands) for age in range(150)]
    youth, young_adult = rules.AgeBands().youth, rules.AgeBands().young_adult
    no_client = (None,) * 6
    days: dict[str, date] = {}
    rows: list[Row] = []
    clock_time = local_clock_times() if instants == "local" else None
    sql = export_select(instants, identities) + site_filter
    sql += " ORDER BY v.visit_date, s.name, v.ticket_number"
    for record in ctx.db.execute(sql, params):
        # `export_select`: id and day; site … served_by (the visit's own columns, with the
        # stored instants the minutes come from); client id … feedback_score; then the
        # names, with --identities only.
        visit_id, day_text, visit = record[0], record[1], record[2:14]
        arrived, called, finished = visit[6:9]
        client_id, birth, unemployed, tongue, appointment, feedback = record[14:20]
        day = days.get(day_text) or days.setdefault(day_text, date.fromisoformat(day_text))
        if client_id:
            who = people.get(client_id)
            if who is None:
                digest = keyed.copy()
                digest.update(client_id.encode())
                who = people[client_id] = (
                    PSEUDONYM_PREFIX + digest.hexdigest()[:PSEUDONYM_HEX_DIGITS],
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
        shown = visit[3:6]
        if clock_time is not None:
            shown = (
                clock_time(arrived),
                clock_time(called) if called else None,
                clock_time(finished) if finished else None,
            )
        row = (
            day,
            *visit[:3],
            *shown,
            minutes_between(arrived, called) if called else None,
            minutes_between(called, finished) if called and finished else None,
            *reasons[codes_of.get(visit_id, ())],
            *visit[9:],
            *client,
            appointment,
            feedback,
        )
        rows.append(row + record[20:] if identities else row)
    return VisitRows(rows, sorted(people))


def day_feedback(
    ctx: Context, date_from: date, date_to: date, site_id: str | None
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
    with damage_reported(ctx.db):
        for day_text, site_name, score in ctx.db.execute(sql, params):
            scores.setdefault((day_text, site_name), []).append(score)
    result: list[DayFeedback] = []
    for (day_text, site_name), values in sorted(scores.items()):
        nps = nps_of(values)
        result.append(
            DayFeedback(date.fromisoformat(day_text), site_name, nps.responses, nps.score)
        )
    return result
