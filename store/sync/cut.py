"""Cutting a laptop database from the office's: a new file made by the migrations, the
office's rows in a coach's scope copied in, and the `sync_laptop` row that says which
check-out it holds. The office file is attached to the new file's connection (the same
SQLite library as the office's own connection, so its locks are shared, never dropped).
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from store.core import keyring
from store.core.clock import Clock
from store.core.context import Context
from store.core.db import Connection, open_db
from store.core.keys import sqlcipher_key
from store.core.rows import insert_row
from store.sync.scope import Window, fill_scope, table_columns
from store.sync.tables import SYNCED

# What a laptop holds of a column in place of the office's value, for rows not its coach's:
# no one's password hash but the coach's own ("!" is no hash: that login is refused).
_LOCAL_VALUES: Mapping[tuple[str, str], str] = {
    ("staff", "password_hash"): "CASE WHEN id = :coach THEN password_hash ELSE '!' END"
}


@dataclass(frozen=True)
class Cut:
    """What a check-out writes into the laptop database at `laptop_path` (which may have
    its key file beside it already: it is then encrypted under that key)."""

    office_path: Path
    laptop_path: Path
    coach_id: str
    device_id: str
    office_id: str
    base_id: str
    bundle_key: str
    window: Window
    actor_id: str
    cut_at: str  # ISO UTC; later than the laptop's check-out before, if any
    clock: Clock


@dataclass(frozen=True)
class CutRows:
    client_ids: Sequence[str]
    rows: Mapping[str, int]  # rows per synced table


def cut_laptop(cut: Cut) -> CutRows:
    """Write the laptop database and close it, its journal folded into the file (so a
    byte copy of it is the whole base)."""
    db = open_db(cut.laptop_path)
    conn = db.conn
    try:
        _attach_office(conn, cut.office_path)
        # The scope's rows may refer to rows outside it (a booking of the coach's with a
        # client deleted since): copied as they are, so the laptop matches the office.
        conn.execute("PRAGMA foreign_keys = OFF")
        # A deferred transaction: BEGIN IMMEDIATE would ask for the office's write lock
        # too, which the check-out's own transaction at the office holds. No one else
        # knows of the new file, so its own write lock is never waited for.
        conn.execute("BEGIN")
        try:
            fill_scope(conn, "office", cut.coach_id, cut.window)
            rows = _copy(conn, cut.coach_id)
            _copy_conflicts(conn, cut.device_id)
            _hold(Context(db, cut.clock), cut)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("PRAGMA foreign_keys = ON")
        client_ids = [str(row[0]) for row in conn.execute("SELECT id FROM main.client")]
        conn.execute("DETACH DATABASE office")
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()
    return CutRows(client_ids, rows)


def _attach_office(conn: Connection, office_path: Path) -> None:
    found = keyring.key_for(office_path)
    if found is None:
        conn.execute("ATTACH DATABASE ? AS office", [str(office_path)])
    else:
        key, keys = found
        conn.execute(
            "ATTACH DATABASE ? AS office KEY " + sqlcipher_key(key, keys.db_salt),
            [str(office_path)],
        )


def _copy(conn: Connection, coach_id: str) -> dict[str, int]:
    """The office's rows in scope, in place of the catalogs the migrations seeded."""
    for table in reversed(SYNCED):
        conn.execute(f"DELETE FROM main.{table}")
    rows: dict[str, int] = {}
    for table in SYNCED:
        columns = table_columns(conn, "main", table)
        values = [_LOCAL_VALUES.get((table, column), column) for column in columns]
        cursor = conn.execute(
            f"INSERT INTO main.{table} ({', '.join(columns)}) SELECT {', '.join(values)}"
            f" FROM office.{table} WHERE id IN (SELECT id FROM temp.scope_{table})",
            {"coach": coach_id},
        )
        rows[table] = cursor.rowcount
    return rows


def _copy_conflicts(conn: Connection, device_id: str) -> None:
    """The laptop's own conflicts, so its coach sees how each was resolved."""
    columns = ", ".join(table_columns(conn, "main", "sync_conflict"))
    conn.execute(
        f"INSERT INTO main.sync_conflict ({columns}) SELECT {columns}"
        " FROM office.sync_conflict WHERE device_id = ?",
        [device_id],
    )


def _hold(ctx: Context, cut: Cut) -> None:
    insert_row(
        ctx,
        "sync_laptop",
        {
            "office_id": cut.office_id,
            "coach_id": cut.coach_id,
            "base_id": cut.base_id,
            "bundle_key": cut.bundle_key,
            "cut_at": cut.cut_at,
            "window_from": cut.window.start,
            "window_to": cut.window.end,
            "checked_in_through": ctx.db.execute(
                "SELECT max(packed_at) FROM office.sync_checkin WHERE device_id = ?",
                [cut.device_id],
            ).fetchone()[0],
        },
        by=cut.actor_id,
        row_id=cut.device_id,
    )
