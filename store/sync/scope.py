"""A coach's check-out as rows: which rows of each synced table it holds, and a content
hash per table to tell whether two databases hold the same rows for it."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from store.core.clock import from_iso, local_moment, to_iso, to_local
from store.core.db import Connection
from store.sync.tables import LOCAL_COLUMNS, SCOPES, SYNCED, WINDOW_DAYS_AHEAD, WINDOW_DAYS_BACK


@dataclass(frozen=True)
class Window:
    """Appointments and group sessions a check-out holds: from `start` (inclusive) to
    `end` (exclusive), as stored (ISO UTC text)."""

    start: str
    end: str

    @staticmethod
    def last_day_of(end: str) -> date:
        """The last local day of a window whose stored `end` is exclusive (the midnight
        after it), as a person reads "bookings up to 1.2.2027"."""
        return to_local(from_iso(end) - timedelta(milliseconds=1)).date()

    @classmethod
    def around(cls, today: date) -> Window:
        return cls(
            to_iso(local_moment(today - timedelta(days=WINDOW_DAYS_BACK))),
            to_iso(local_moment(today + timedelta(days=WINDOW_DAYS_AHEAD + 1))),
        )


def fill_scope(conn: Connection, src: str, coach_id: str, window: Window) -> None:
    """Make `temp.scope_<table>` (the ids the check-out of `coach_id` holds) for every
    synced table of the database attached as `src` ("main" for the connection's own)."""
    params = {"coach": coach_id, "window_from": window.start, "window_to": window.end}
    for scope in SCOPES:
        conn.execute(f"DROP TABLE IF EXISTS temp.scope_{scope.table}")
        conn.execute(
            f"CREATE TEMP TABLE scope_{scope.table} AS SELECT id FROM {src}.{scope.table}"
            f" WHERE {scope.where.format(src=src)}",
            params,
        )
        conn.execute(f"CREATE UNIQUE INDEX temp.scope_{scope.table}_id ON scope_{scope.table}(id)")


def table_columns(conn: Connection, schema: str, table: str) -> list[str]:
    """Every column of `table` in `schema`, local ones too, in order."""
    return [str(row[1]) for row in conn.execute(f"PRAGMA {schema}.table_info({table})")]


def columns_of(conn: Connection, schema: str, table: str) -> list[str]:
    """The columns of `table` in `schema` that travel (not `LOCAL_COLUMNS`), in order."""
    local = LOCAL_COLUMNS.get(table, frozenset())
    return [column for column in table_columns(conn, schema, table) if column not in local]


def synced_row(
    conn: Connection, table: str, row_id: str, columns: Sequence[str]
) -> dict[str, object] | None:
    """The row `row_id` of the synced `table` as this database has it now (a tombstone
    too), its `columns` by name; None if it has none."""
    row = conn.execute(
        f"SELECT {', '.join(columns)} FROM {table} WHERE id = ?", [row_id]
    ).fetchone()
    return None if row is None else dict(zip(columns, row, strict=True))


def content_hashes(conn: Connection, schema: str, *, scoped: bool) -> dict[str, str]:
    """SHA-256 of each synced table's rows (travelling columns, ordered by id), in
    `schema`: only the rows in `temp.scope_<table>` when `scoped` (fill_scope first)."""
    hashes: dict[str, str] = {}
    for table in SYNCED:
        columns = columns_of(conn, schema, table)
        where = f" WHERE id IN (SELECT id FROM temp.scope_{table})" if scoped else ""
        digest = hashlib.sha256()
        for row in conn.execute(
            f"SELECT {', '.join(columns)} FROM {schema}.{table}{where} ORDER BY id"
        ):
            digest.update(json.dumps(list(row), default=json_blob, ensure_ascii=False).encode())
            digest.update(b"\n")
        hashes[table] = digest.hexdigest()
    return hashes


def json_blob(value: object) -> str:
    """JSON's `default` for a row's values: a BLOB as hex."""
    if isinstance(value, bytes):
        return value.hex()
    raise TypeError(type(value).__name__)
