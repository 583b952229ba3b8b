"""Whether the app can start on a database file: a quick look before the first paint,
read-only and without a key (the full open, and any migration, come after it)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from store.core import keyring
from store.core.db import BUSY_TIMEOUT_MS, ENCRYPTED_PAGE_BYTES, check_file, open_in_this_process
from store.core.errors import (
    SQLITE_DATABASE_ERRORS,
    DatabaseBusy,
    DatabaseDamaged,
    NotADatabaseError,
    cannot_make_shm,
    is_damage,
    store_fault,
)


def preflight(path: str | Path) -> str | None:
    """A quick look, with plain sqlite3 and read-only, at whether the app can start on
    `path`: None if so, else "folder", "not_a_database", "damaged", "folder_read_only"
    (no -shm can be made beside it), "busy" (another process has it to itself),
    "not_luotsi" or "no_staff".

    The full open (and any migration) happens inside the app after its first paint.
    """
    path = Path(path)
    if path.is_dir():
        return "folder"
    if keyring.is_encrypted(path):
        return _preflight_encrypted(path)
    if not path.exists() or path.stat().st_size == 0:
        return "no_staff"
    try:
        check_file(path)
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
        )
    except DatabaseDamaged:
        return "damaged"
    except (NotADatabaseError, sqlite3.Error):
        return "not_a_database"
    try:
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        except SQLITE_DATABASE_ERRORS as exc:
            # Our header check passed, so a page SQLite cannot read is damage.
            if is_damage(exc):
                return "damaged"
            if isinstance(store_fault(exc), DatabaseBusy):
                return "busy"
            return "folder_read_only" if cannot_make_shm(exc, path) else "not_a_database"
        if not {"_sqlite_migrations", "staff"} <= tables:
            return "not_luotsi"
        staff = conn.execute(
            "SELECT count(*) FROM staff WHERE active = 1 AND deleted_at IS NULL"
        ).fetchone()[0]
        return None if staff else "no_staff"
    except sqlite3.Error:
        return "not_a_database"
    finally:
        conn.close()


def _preflight_encrypted(path: Path) -> str | None:
    """`preflight` for an encrypted database, which cannot be read before a login: its key
    file must be whole and its own ("keys_damaged", "keys_mismatch"), the file whole pages
    ("damaged"), some staff member must have a slot ("no_staff"), a -shm must be there or
    can be made ("folder_read_only"), and no other process may have it to itself ("busy")."""
    from store.core.keys import KeyFileMismatch, read_key_file

    try:
        keys = read_key_file(path)
        keyring.check_belongs(path, keys)
    except KeyFileMismatch:
        return "keys_mismatch"
    except keyring.KeyFileMissing:  # gone between the look and the read
        return "keys_damaged"
    except Exception:
        return "keys_damaged"
    if not path.exists() or path.stat().st_size == 0 or not keys.names():
        return "no_staff"
    if path.stat().st_size % ENCRYPTED_PAGE_BYTES:
        return "damaged"
    # An encrypted database is always WAL (see `_configure`): it is read through a -shm
    # file, which cannot be made in a folder this user may not write to.
    shm = path.with_name(path.name + "-shm")
    if not shm.exists() and not os.access(path.resolve().parent, os.W_OK):
        return "folder_read_only"
    return "busy" if _held_by_another_process(path) else None


def _held_by_another_process(path: Path) -> bool:
    """Whether another process has the file to itself (locking_mode=EXCLUSIVE): SQLite
    asks for its lock before it reads a byte, so this needs no key. Not asked while this
    process has a connection to the file (closing this one would drop that one's locks)."""
    if open_in_this_process(path):
        return False
    try:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
        )
    except sqlite3.Error:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:  # without the key, "not a database" once the lock is had
        return isinstance(store_fault(exc), DatabaseBusy)
    finally:
        conn.close()
    return False
