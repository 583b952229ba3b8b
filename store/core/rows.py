"""The one row writer: every insert, update and soft delete stamps the row's UUID, its
`created_at`/`updated_at` times and `updated_by`, so sync and audit have one place to hook in.

Callers hold the transaction (`write_transaction`); table and column names are the
store's own constants, never user input.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from store.core.clock import new_id
from store.core.context import Context

_NAME = re.compile(r"[a-z_][a-z0-9_]*")


def _names(*names: str) -> None:
    for name in names:
        if not _NAME.fullmatch(name):
            raise ValueError(f"not a table or column name: {name!r}")


def insert_row(
    ctx: Context,
    table: str,
    values: Mapping[str, object],
    *,
    by: str | None,
    at: str | None = None,
    row_id: str | None = None,
) -> str:
    """Insert one row stamped with a new UUID (or `row_id`), `at` (default now) as its
    created and updated time, and `by` as `updated_by`; returns the id."""
    at = at or ctx.now_iso()
    row = {"id": row_id or new_id(), **values, "created_at": at, "updated_at": at}
    row["updated_by"] = by
    _names(table, *row)
    ctx.db.execute(
        f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
        list(row.values()),
    )
    return str(row["id"])


_STAMPS = ("created_at", "updated_at", "updated_by")


def insert_rows(
    ctx: Context,
    table: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    by: str | None,
    at: str | None = None,
) -> None:
    """Insert many rows of `columns` values in one statement (imports, sample data), each
    stamped like `insert_row`: a new UUID, `at` and `by`. A stamp named in `columns` ("id",
    "created_at", "updated_at", "updated_by") is the row's own instead, for rows that bring
    their history with them, such as a simulated day of visits."""
    at = at or ctx.now_iso()
    own_ids = "id" in columns
    stamps = {"created_at": at, "updated_at": at, "updated_by": by}
    added = [name for name in _STAMPS if name not in columns]
    names = [*([] if own_ids else ["id"]), *columns, *added]
    _names(table, *names)
    tail = tuple(stamps[name] for name in added)
    if own_ids:
        stamped: Iterable[Sequence[object]] = ((*values, *tail) for values in rows)
    else:
        stamped = ((new_id(), *values, *tail) for values in rows)
    ctx.db.conn.executemany(
        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
        stamped,
    )


def update_row(
    ctx: Context,
    table: str,
    row_id: str,
    changes: Mapping[str, object],
    *,
    by: str | None,
    at: str | None = None,
) -> None:
    """Write `changes` to one row, stamping `updated_at` and `updated_by`."""
    at = at or ctx.now_iso()
    _names(table, *changes)
    assignments = "".join(f"{column} = ?, " for column in changes)
    ctx.db.execute(
        f"UPDATE {table} SET {assignments}updated_at = ?, updated_by = ? WHERE id = ?",
        [*changes.values(), at, by, row_id],
    )


def soft_delete_row(
    ctx: Context, table: str, row_id: str, *, by: str | None, at: str | None = None
) -> None:
    """Mark a row deleted (a tombstone other devices can learn about), never remove it."""
    at = at or ctx.now_iso()
    update_row(ctx, table, row_id, {"deleted_at": at}, by=by, at=at)


def upsert_row(
    ctx: Context,
    table: str,
    key: Mapping[str, object],
    values: Mapping[str, object],
    *,
    by: str | None,
    at: str | None = None,
) -> None:
    """Insert a row, or update the one with the same unique `key` columns (reviving it
    if it was deleted); the first row's id and creation time stay."""
    at = at or ctx.now_iso()
    row = {"id": new_id(), **key, **values, "created_at": at, "updated_at": at}
    row["updated_by"] = by
    _names(table, *row)
    updates = [*values, "updated_at", "updated_by"]
    ctx.db.execute(
        f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})"
        f" ON CONFLICT ({', '.join(key)}) DO UPDATE SET "
        + ", ".join(f"{column} = excluded.{column}" for column in updates)
        + ", deleted_at = NULL",
        list(row.values()),
    )
