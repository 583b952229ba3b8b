"""Check-in at the office: a laptop's bundle opened, checked and merged into the register in
one write transaction, its conflicts put in the inbox and its access log appended.

A dry run does all of it and rolls it back, so it reports exactly what applying would
write. The same bundle twice writes nothing; a later bundle of the same check-out (bundles
are cumulative) brings only what is new in it: what earlier bundles sent is read back from
their stored changesets and skipped.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, cast

from store.core.audit import append_device_events, log_event
from store.core.auth import require
from store.core.context import Context
from store.core.dates import format_stored_day
from store.core.db import write_transaction
from store.core.migrations import migration_names
from store.core.models import Staff
from store.core.rows import insert_row, update_row
from store.sync import changeset
from store.sync.apply_earlier import Earlier, earlier_values
from store.sync.apply_rows import RowMerger
from store.sync.bundle import Contents, open_contents, read_header
from store.sync.errors import (
    BundleDamaged,
    BundleForAnotherOffice,
    DeviceRevoked,
    IsALaptop,
    SchemaIncompatible,
    SchemaNewer,
    StaleBase,
    UnknownDevice,
)
from store.sync.laptop import laptop_state, office_id
from store.sync.models import ApplyReport, Change, ConflictFound
from store.sync.records import already_recorded, record_conflict
from store.sync.scope import table_columns
from store.sync.tables import SYNCED


@dataclass(frozen=True)
class _Device:
    id: str
    coach_id: str
    bundle_key: bytes


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back, carrying its report."""

    def __init__(self, report: ApplyReport) -> None:
        super().__init__("dry run")
        self.report = report


def apply_bundle(
    ctx: Context, *, data: bytes, name: str, actor: Staff, dry_run: bool = False
) -> ApplyReport:
    """Check a laptop's bundle in (admins): every change lands, or none does."""
    require(actor, "sync.apply")
    if laptop_state(ctx.db) is not None:
        raise IsALaptop(_file_of(ctx))
    header = read_header(data, name)
    if office_id(ctx.db) != header.office_id:
        raise BundleForAnotherOffice(name)
    device = _device(ctx, header.device_id, name)
    contents = open_contents(data, device.bundle_key, name)
    _check_schema(ctx, contents, name)
    try:
        changes = changeset.read(contents.changeset, contents.columns)
    except (KeyError, ValueError) as exc:
        raise BundleDamaged(name) from exc
    report = ApplyReport(
        bundle_id=header.bundle_id,
        device_id=device.id,
        coach_id=device.coach_id,
        base_id=contents.base_id,
        packed_at=contents.packed_at,
        dry_run=dry_run,
        already_applied=False,
    )
    try:
        # Under the write lock: two desks checking the same bundle in at once apply it once.
        with write_transaction(ctx.db):
            seen = ctx.db.execute("SELECT 1 FROM sync_checkin WHERE id = ?", [header.bundle_id])
            if seen.fetchone() is not None:
                return replace(report, already_applied=True)
            _check_base(ctx, device.id, contents, name)
            report = _merge(ctx, report, contents, changes, actor)
            if dry_run:
                raise _DryRun(report)
    except _DryRun as rolled_back:
        return rolled_back.report
    return report


def _file_of(ctx: Context) -> str:
    row = ctx.db.execute("SELECT file FROM pragma_database_list WHERE name = 'main'").fetchone()
    return "" if row is None else str(row[0])


def _device(ctx: Context, device_id: str, name: str) -> _Device:
    row = ctx.db.execute(
        "SELECT id, coach_id, bundle_key, revoked_at FROM sync_device"
        " WHERE id = ? AND deleted_at IS NULL",
        [device_id],
    ).fetchone()
    if row is None:
        raise UnknownDevice(name)
    if row[3] is not None:
        raise DeviceRevoked(name, format_stored_day(str(row[3])))
    try:
        key = bytes.fromhex(str(row[2]))
    except ValueError as exc:
        raise BundleDamaged(name) from exc
    return _Device(str(row[0]), str(row[1]), key)


def _check_schema(ctx: Context, contents: Contents, name: str) -> None:
    """Refuse a newer laptop's bundle; take an older one (its missing columns keep the
    office's values)."""
    known = set(migration_names())
    unknown = [step for step in contents.migrations if step not in known]
    if unknown:
        raise SchemaNewer(name, ", ".join(unknown))
    for table, columns in contents.columns.items():
        if table not in SYNCED:
            raise SchemaIncompatible(name, table, columns[0] if columns else "")
        office = set(table_columns(ctx.db.conn, "main", table))
        for column in columns:
            if column not in office:
                raise SchemaIncompatible(name, table, column)


def _check_base(ctx: Context, device_id: str, contents: Contents, name: str) -> None:
    """A bundle from an older check-out than one already checked in is stale: the laptop
    packed it before it took that newer check-out in."""
    newer = ctx.db.execute(
        "SELECT 1 FROM sync_checkin WHERE device_id = ? AND base_id != ? AND packed_at > ?"
        " AND deleted_at IS NULL LIMIT 1",
        [device_id, contents.base_id, contents.packed_at],
    ).fetchone()
    if newer is not None:
        raise StaleBase(name)


def _earlier(ctx: Context, device_id: str, contents: Contents) -> Earlier:
    """What earlier bundles of the same check-out sent, oldest first."""
    rows = ctx.db.execute(
        "SELECT changeset, summary FROM sync_checkin WHERE device_id = ? AND base_id = ?"
        " AND deleted_at IS NULL ORDER BY packed_at, applied_at",
        [device_id, contents.base_id],
    ).fetchall()
    changesets: list[list[Change]] = []
    for blob, summary in rows:
        columns = _columns_in(summary) or contents.columns
        try:
            changesets.append(changeset.read(bytes(blob), columns))
        except (KeyError, ValueError):
            continue  # a check-in from another schema: its changes are not repeated here
    return earlier_values(changesets)


def _columns_in(summary: object) -> Mapping[str, Sequence[str]] | None:
    try:
        parsed = cast(dict[str, Any], json.loads(str(summary)))
        columns = cast(dict[str, list[str]], parsed["columns"])
    except (ValueError, KeyError, TypeError):
        return None
    return columns


def _merge(
    ctx: Context,
    report: ApplyReport,
    contents: Contents,
    changes: Sequence[Change],
    actor: Staff,
) -> ApplyReport:
    now = ctx.now_iso()
    outcome = RowMerger(ctx, _earlier(ctx, report.device_id, contents), changes).run()
    conflicts: list[ConflictFound] = []
    known = 0
    for found in outcome.found:
        if already_recorded(ctx, report.device_id, found.conflict, found.laptop_row):
            known += 1
            continue
        record_conflict(
            ctx,
            found.conflict,
            device_id=report.device_id,
            checkin_id=report.bundle_id,
            by=actor.id,
            laptop_row=found.laptop_row,
        )
        conflicts.append(found.conflict)
    audit_rows = append_device_events(
        ctx, report.device_id, contents.audit_columns, contents.audit_rows
    )
    per_table = outcome.counts()
    summary = {
        "per_table": {t: [c.inserted, c.updated, c.deleted] for t, c in per_table.items()},
        "merged_fields": outcome.merged_fields,
        "conflicts": len(conflicts),
        "known_conflicts": known,
        "audit_rows": audit_rows,
        # To read this changeset back when a later bundle of the same check-out comes.
        "columns": {t: list(names) for t, names in contents.columns.items()},
    }
    insert_row(
        ctx,
        "sync_checkin",
        {
            "device_id": report.device_id,
            "base_id": contents.base_id,
            "packed_at": contents.packed_at,
            "applied_at": now,
            "applied_by": actor.id,
            "changeset": contents.changeset,
            "summary": json.dumps(summary, ensure_ascii=False),
        },
        by=actor.id,
        at=now,
        row_id=report.bundle_id,
    )
    update_row(ctx, "sync_device", report.device_id, {"last_checkin_at": now}, by=actor.id, at=now)
    written = sum(counts.total for counts in per_table.values())
    log_event(
        ctx,
        staff_id=actor.id,
        action="update",
        entity="sync_checkin",
        entity_id=report.bundle_id,
        purpose=f"device={report.device_id}; rows={written}; conflicts={len(conflicts)}",
        at=now,
    )
    return replace(
        report,
        per_table=per_table,
        merged_fields=outcome.merged_fields,
        conflicts=tuple(conflicts),
        known_conflicts=known,
        audit_rows=audit_rows,
    )
