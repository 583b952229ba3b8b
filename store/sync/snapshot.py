"""A laptop's changes since its base: a private snapshot of the live database, made
through the store's own connection (SQLite's backup, under the same key and salt), handed to SQLite's session extension (apsw) with the
base, and deleted.

apsw never sees the live file (see `store.sync.changeset`): only the snapshot, which no
connection of the app's driver holds any more, and the base.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import tempfile
from collections.abc import Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlite_utils import Database

from store.core import keyring
from store.core.db import Connection, use_key
from store.core.keys import KeyFile, sqlcipher_key
from store.sync import changeset
from store.sync.laptop import base_of
from store.sync.models import Change, LaptopState
from store.sync.scope import json_blob, table_columns
from store.sync.tables import BOOKKEEPING, LOCAL_COLUMNS, SCOPES, SYNCED


@dataclass(frozen=True)
class Captured:
    changeset: bytes
    columns: Mapping[str, Sequence[str]]  # every column of each synced table, in order
    changes: Sequence[Change]

    @property
    def digest(self) -> str:
        """SHA-256 of the changes themselves (not of the changeset's bytes, whose order of
        rows may differ between two captures of the same changes)."""
        rows = sorted(
            json.dumps(
                [c.table, c.op, c.row_id, sorted(c.old.items()), sorted(c.new.items())],
                default=json_blob,
                ensure_ascii=False,
            )
            for c in self.changes
        )
        return hashlib.sha256("\n".join(rows).encode()).hexdigest()


def capture_laptop(db: Database, laptop_path: Path) -> Captured:
    """What changed in the laptop database open as `db` (at `laptop_path`) since its base.

    Local columns (a password hash) never travel: in the snapshot they are put back as
    the base has them, and a row changed in nothing else keeps the base's bookkeeping."""
    found = keyring.key_for(laptop_path)
    key = None if found is None else found[0]
    base = base_of(laptop_path)
    folder = Path(tempfile.mkdtemp(prefix="luotsi-pack-"))  # mode 0700
    try:
        snapshot = folder / "snapshot.db"
        conn = db.conn
        _backup(conn, snapshot, found)
        _keep_local(conn, snapshot, base, found)
        data = changeset.capture(snapshot, base, key, SYNCED)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    columns = {table: table_columns(conn, "main", table) for table in SYNCED}
    return Captured(data, columns, changeset.read(data, columns))


def _backup(conn: Connection, snapshot: Path, found: tuple[bytes, KeyFile] | None) -> None:
    """SQLite's online backup into the new file `snapshot`, under the live file's key and
    salt when it has one (a page copy: 0.06 s for 2 MB where `sqlcipher_export`, which
    rebuilds every table and index, took 2 s)."""
    if found is None:
        with closing(sqlite3.connect(snapshot)) as plain:
            conn.backup(plain)  # type: ignore[arg-type]
        return
    with closing(sqlcipher.connect(str(snapshot))) as encrypted:
        use_key(encrypted, found[0], found[1].db_salt)
        conn.backup(encrypted)  # type: ignore[arg-type]


def changes_since_pack(state: LaptopState, captured: Captured) -> int:
    """How many changes `captured` holds that the laptop's last bundle did not: all of
    them if it never packed, 0 if nothing changed since. Only the last bundle's digest is
    kept, so once anything changed, every change since the base counts."""
    packed = state.packed_hash
    if packed == captured.digest:
        return 0
    # A change packed and then undone on the laptop leaves nothing to count, yet the
    # office holds it: it still needs a bundle.
    return max(len(captured.changes), 0 if packed is None else 1)


def _keep_local(
    conn: Connection, snapshot: Path, base: Path, found: tuple[bytes, KeyFile] | None
) -> None:
    """Local columns of the snapshot as the base has them (see `capture_laptop`), rows
    outside every check-out's scope left out, and the snapshot's journal folded in, so apsw reads it as a single read-only file."""
    key = "" if found is None else " KEY " + sqlcipher_key(found[0])
    conn.execute(f"ATTACH DATABASE ? AS luotsi_snapshot{key}", [str(snapshot)])
    conn.execute(f"ATTACH DATABASE ? AS luotsi_base{key}", [str(base)])
    try:
        conn.execute("PRAGMA luotsi_snapshot.journal_mode = DELETE")
        for table, local in LOCAL_COLUMNS.items():
            _restore_local(conn, table, local)
        for scope in SCOPES:
            if scope.by_content:  # a row no check-out holds (an audit setting)
                conn.execute(f"DELETE FROM luotsi_snapshot.{scope.table} WHERE NOT ({scope.where})")
    finally:
        conn.execute("DETACH DATABASE luotsi_base")
        conn.execute("DETACH DATABASE luotsi_snapshot")


def _restore_local(conn: Connection, table: str, local: frozenset[str]) -> None:
    columns = table_columns(conn, "main", table)
    snap = f"luotsi_snapshot.{table}"
    conn.execute(
        f"UPDATE {snap} SET "
        + ", ".join(f"{column} = b.{column}" for column in local)
        + f" FROM luotsi_base.{table} AS b WHERE b.id = {snap}.id"
    )
    conn.execute(
        f"UPDATE {snap} SET "
        + ", ".join(f"{column} = '!'" for column in local)
        + f" WHERE id NOT IN (SELECT id FROM luotsi_base.{table})"
    )
    same = " AND ".join(
        f"{snap}.{column} IS b.{column}"
        for column in columns
        if column not in BOOKKEEPING and column not in local
    )
    conn.execute(
        f"UPDATE {snap} SET "
        + ", ".join(f"{column} = b.{column}" for column in sorted(BOOKKEEPING))
        + f" FROM luotsi_base.{table} AS b WHERE b.id = {snap}.id AND {same}"
    )
