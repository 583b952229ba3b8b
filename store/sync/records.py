"""Writing and reading `sync_conflict` rows: what a check-in records and the inbox shows."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, cast

from store.core.context import Context
from store.core.rows import insert_row
from store.sync.models import Conflict, ConflictFound, ConflictKind, Resolution

COLUMNS = (
    "id, device_id, checkin_id, table_name, row_id, column_name, kind, base_value,"
    " office_value, laptop_value, laptop_row, other_row_id, client_id, detected_at,"
    " resolution, resolved_value, resolved_by, resolved_at"
)


def encode(value: object) -> str:
    """A column's value as stored in a conflict: JSON (bytes as {"hex": …})."""
    if isinstance(value, bytes):
        return json.dumps({"hex": value.hex()})
    return json.dumps(value, ensure_ascii=False)


def decode(text: object) -> object:
    if text is None:
        return None
    value = json.loads(str(text))
    if isinstance(value, dict) and set(cast(dict[str, Any], value)) == {"hex"}:
        return bytes.fromhex(str(cast(dict[str, Any], value)["hex"]))
    return cast(object, value)


def record_conflict(
    ctx: Context,
    found: ConflictFound,
    *,
    device_id: str,
    checkin_id: str,
    by: str | None,
    laptop_row: Mapping[str, object] | None = None,
) -> str:
    """One conflict into the inbox (inside the check-in's transaction); returns its id."""
    return insert_row(
        ctx,
        "sync_conflict",
        {
            "device_id": device_id,
            "checkin_id": checkin_id,
            "table_name": found.table,
            "row_id": found.row_id,
            "column_name": found.column,
            "kind": found.kind,
            "base_value": encode(found.base_value),
            "office_value": encode(found.office_value),
            "laptop_value": encode(found.laptop_value),
            "laptop_row": None if laptop_row is None else encode(dict(laptop_row)),
            "other_row_id": found.other_row_id,
            "client_id": found.client_id,
            "detected_at": ctx.now_iso(),
        },
        by=by,
    )


def already_recorded(
    ctx: Context,
    device_id: str,
    found: ConflictFound,
    laptop_row: Mapping[str, object] | None = None,
) -> bool:
    """Whether this laptop sent this very conflict before (same row, column, kind, laptop
    value and laptop row): a bundle packed again from the same base repeats it. A new edit
    of a row kept whole in a conflict (edited on the laptop, deleted at the office) is a
    new conflict: its laptop value is null either way, its row is not."""
    row = ctx.db.execute(
        "SELECT 1 FROM sync_conflict WHERE table_name = ? AND row_id = ?"
        " AND column_name IS ? AND kind = ? AND device_id = ? AND laptop_value = ?"
        " AND laptop_row IS ? AND deleted_at IS NULL LIMIT 1",
        [
            found.table,
            found.row_id,
            found.column,
            found.kind,
            device_id,
            encode(found.laptop_value),
            None if laptop_row is None else encode(dict(laptop_row)),
        ],
    ).fetchone()
    return row is not None


def conflict_from_row(row: Sequence[object]) -> Conflict:
    laptop_row = decode(row[10])
    return Conflict(
        id=str(row[0]),
        device_id=str(row[1]),
        checkin_id=str(row[2]),
        table=str(row[3]),
        row_id=str(row[4]),
        column=None if row[5] is None else str(row[5]),
        kind=cast(ConflictKind, row[6]),
        base_value=decode(row[7]),
        office_value=decode(row[8]),
        laptop_value=decode(row[9]),
        laptop_row=cast(dict[str, object], laptop_row) if isinstance(laptop_row, dict) else None,
        other_row_id=None if row[11] is None else str(row[11]),
        client_id=None if row[12] is None else str(row[12]),
        detected_at=str(row[13]),
        resolution=cast(Resolution | None, row[14]),
        resolved_value=decode(row[15]),
        resolved_by=None if row[16] is None else str(row[16]),
        resolved_at=None if row[17] is None else str(row[17]),
    )
