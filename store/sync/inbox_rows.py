"""The office rows a conflict talks about, read and written for the inbox: the row as the
office has it now, the laptop's values written to it, a value typed by hand converted and
checked as the store checks that field."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import cast

from store.clients.repository import check_client
from store.clients.validation import (
    CLIENT_FIELDS,
    CONSENT_NOTES_MAX_LENGTH,
    ValidationError,
    check_text,
)
from store.core.context import Context
from store.core.dates import DateError, parse_date
from store.core.rows import insert_rows, update_row
from store.sync.errors import SyncError
from store.sync.models import Conflict
from store.sync.scope import columns_of, synced_row
from store.sync.tables import BOOKKEEPING, SYNCED

# Never written from a laptop's values: the row's identity and who changed it last (the
# person deciding the conflict is who changes it now).
_NOT_WRITTEN = BOOKKEEPING | {"id"}

_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ISO_MOMENT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T")


def typed_by_hand(column: str, *values: object) -> bool:
    """Whether a value of `column` is one a person may type: not a reference to another
    row, and not a moment (stored as UTC text; a booking's time is picked, not typed).
    `values` are what the column holds on either side."""
    if column == "id" or column.endswith("_id"):
        return False
    return not any(isinstance(value, str) and _ISO_MOMENT.match(value) for value in values)


class InvalidValue(SyncError):
    """A value typed for a field that the field's rules refuse; `field` names the field the
    message belongs next to."""

    def __init__(self, field: str, key: str, **params: object) -> None:
        super().__init__(key, **params)
        self.field = field


def _columns(ctx: Context, table: str) -> list[str]:
    if table not in SYNCED:
        raise LookupError(table)
    return columns_of(ctx.db.conn, "main", table)


def office_row(ctx: Context, table: str, row_id: str) -> dict[str, object] | None:
    """The row as the office has it now (a tombstone too), or None if it has none."""
    if table not in SYNCED:
        return None
    return synced_row(ctx.db.conn, table, row_id, _columns(ctx, table))


def _travelling(ctx: Context, table: str, values: Mapping[str, object]) -> dict[str, object]:
    """`values` of the office table's own columns that a laptop's side may write."""
    columns = set(_columns(ctx, table)) - _NOT_WRITTEN
    return {name: value for name, value in values.items() if name in columns}


def write_laptop_values(
    ctx: Context, conflict: Conflict, *, by: str | None, extra: Mapping[str, object]
) -> bool:
    """The laptop's side of `conflict` written to the office's row: the laptop's whole row
    where the conflict kept one (inserted if the office has no such row), else its changed
    value(s). False when there was nothing to write to (the office's row is gone and the
    conflict holds no whole row)."""
    table, row_id = conflict.table, conflict.row_id
    exists = office_row(ctx, table, row_id) is not None
    if conflict.laptop_row is not None:
        values = _travelling(ctx, table, conflict.laptop_row)
        if exists:
            update_row(ctx, table, row_id, {**values, **extra}, by=by)
        else:
            created = conflict.laptop_row.get("created_at") or ctx.now_iso()
            row = {"id": row_id, "created_at": created, **values, **extra}
            insert_rows(ctx, table, list(row), [list(row.values())], by=by)
        return True
    if not exists:
        return False
    if conflict.column is not None:
        changes: dict[str, object] = {conflict.column: conflict.laptop_value}
    elif isinstance(conflict.laptop_value, dict):
        changes = _travelling(ctx, table, cast(dict[str, object], conflict.laptop_value))
    else:
        changes = {}
    update_row(ctx, table, row_id, {**changes, **extra}, by=by)
    return True


def parent_of(ctx: Context, conflict: Conflict) -> tuple[str, str] | None:
    """The row a `parent_deleted` conflict's row refers to, as (table, id), if the office
    has it: found through the row's foreign key (`column` when the conflict names it)."""
    parent_id = conflict.other_row_id
    if parent_id is None or conflict.table not in SYNCED:
        return None
    keys = ctx.db.execute(f"PRAGMA foreign_key_list({conflict.table})").fetchall()
    for key in keys:
        parent_table, column = str(key[2]), str(key[3])
        if conflict.column is not None and column != conflict.column:
            continue
        if parent_table not in SYNCED:
            continue
        found = ctx.db.execute(f"SELECT 1 FROM {parent_table} WHERE id = ?", [parent_id]).fetchone()
        if found is not None:
            return parent_table, parent_id
    return None


def typed_value(ctx: Context, table: str, row_id: str, column: str, text: str) -> object:
    """`text` as typed for `column`, converted to the column's type (empty: no value; a
    day as d.m.yyyy or yyyy-mm-dd); a client's field cleaned and checked as the client card
    does (`InvalidValue`)."""
    if table == "client" and column in CLIENT_FIELDS:
        value = client_card_with(ctx, row_id, column, text)[column]
        return value.isoformat() if isinstance(value, date) else value
    if table not in SYNCED:
        raise LookupError(table)
    declared = {
        str(row[1]): str(row[2]).upper()
        for row in ctx.db.execute(f"PRAGMA table_info({table})").fetchall()
    }
    if column not in declared or column in _NOT_WRITTEN:
        raise LookupError(column)
    row = office_row(ctx, table, row_id)
    now = None if row is None else row.get(column)
    if not typed_by_hand(column, now):
        raise InvalidValue(column, "sync.inbox.value.pick_a_side")
    stripped = text.strip()
    if not stripped:
        return None
    if isinstance(now, str) and _ISO_DAY.fullmatch(now):
        try:
            return parse_date(stripped).isoformat()
        except DateError as exc:
            raise InvalidValue(column, exc.key, **exc.params) from None
    if "INT" in declared[column]:
        try:
            return int(stripped)
        except ValueError:
            raise InvalidValue(column, "sync.inbox.value.not_a_number") from None
    if "REAL" in declared[column]:
        try:
            return float(stripped.replace(",", "."))
        except ValueError:
            raise InvalidValue(column, "sync.inbox.value.not_a_number") from None
    try:
        # No control or invisible character, and no longer than the longest form field.
        return check_text(text, column, CONSENT_NOTES_MAX_LENGTH)
    except ValidationError as exc:
        error = exc.errors[0]
        raise InvalidValue(error.field, error.key, **error.params) from None


def client_card_with(ctx: Context, client_id: str, column: str, text: str) -> dict[str, object]:
    """The client's card as the office has it with `text` in `column`, checked whole (a
    HETU must match the birth date and belong to no other client), cleaned as the client
    card saves it."""
    row = office_row(ctx, "client", client_id)
    if row is None:
        raise LookupError(client_id)
    raw = {name: "" if row[name] is None else str(row[name]) for name in CLIENT_FIELDS}
    raw[column] = text
    try:
        values = check_client(ctx, raw, client_id=client_id)
    except ValidationError as exc:
        error = next((e for e in exc.errors if e.field == column), exc.errors[0])
        raise InvalidValue(error.field, error.key, **error.params) from None
    return values
