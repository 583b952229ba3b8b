"""Opening a Luotsi database: the one connection factory, pragmas, backups and migrations.

Threading rule: a connection belongs to the thread that opened it (sqlite3's default
`check_same_thread=True`). The app's event loop owns one connection; a thread worker
that needs the database opens its own with `open_db(path)` and closes it when done.
WAL mode lets those readers and the one writer work side by side.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Generator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

# sqlite_utils and the migrations are imported when a database is first opened, not
# with this module: that keeps about 100 ms off the app's way to its first screen.

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
MMAP_BYTES = 256 * 1024 * 1024


class StoreError(Exception):
    """A problem with the database file that the user must be told about plainly."""


class NotADatabaseError(StoreError):
    pass


class SchemaTooNewError(StoreError):
    pass


class SchemaTooOldError(StoreError):
    """A read-only open of a database that still needs migrating."""


class DatabaseFault(StoreError):
    """The database cannot be written just now; nothing was changed, and the same
    action may be tried again once the cause is gone (see `store_fault`)."""


class DatabaseBusy(DatabaseFault):
    """Another process held the write lock longer than the busy timeout."""


class DatabaseFull(DatabaseFault):
    """The disk (or the database's size limit) is full."""


class DatabaseReadOnly(DatabaseFault):
    """The database file, its folder or its -wal/-shm files cannot be written."""


# SQLite's primary result codes (the low byte of `sqlite_errorcode`).
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6
_SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_PERM = 8, 10, 13, 14, 3
# The I/O errors that mean a file could not be opened, created or removed for writing
# (the -shm or -wal next to a read-only database, or in a read-only folder) ...
_IOERR_NOT_WRITABLE = {
    _SQLITE_IOERR | (18 << 8),  # SQLITE_IOERR_SHMOPEN
    _SQLITE_IOERR | (21 << 8),  # SQLITE_IOERR_SHMMAP
    _SQLITE_IOERR | (10 << 8),  # SQLITE_IOERR_DELETE
}
# ... and the one that means the disk had no room to grow the -shm file.
_IOERR_NO_ROOM = _SQLITE_IOERR | (19 << 8)  # SQLITE_IOERR_SHMSIZE


def store_fault(error: BaseException) -> StoreError | None:
    """What `error` from a store call means for the user: the `StoreError` itself, a
    busy, full or read-only database as `DatabaseBusy`, `DatabaseFull` or
    `DatabaseReadOnly`, or None for anything else (a fault in the program).

    The one place that reads SQLite's result codes; `write_transaction` raises its
    answer, and the app and the CLI ask it about errors from reads outside one.
    """
    if isinstance(error, StoreError):
        return error
    if not isinstance(error, sqlite3.Error):
        return None
    code: int = getattr(error, "sqlite_errorcode", -1)
    primary = code & 0xFF if code >= 0 else -1
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return DatabaseBusy(str(error))
    if primary == _SQLITE_FULL or code == _IOERR_NO_ROOM:
        return DatabaseFull(str(error))
    if primary in (_SQLITE_READONLY, _SQLITE_CANTOPEN, _SQLITE_PERM) or code in _IOERR_NOT_WRITABLE:
        return DatabaseReadOnly(str(error))
    return None


def _check_file(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise NotADatabaseError(f"{path} is not a Luotsi (SQLite) database")


def preflight(path: str | Path) -> str | None:
    """A quick look, with plain sqlite3 and read-only, at whether the app can start on
    `path`: None if so, else "not_a_database", "not_luotsi" or "no_staff".

    The full open (and any migration) happens inside the app after its first paint.
    """
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return "no_staff"
    try:
        _check_file(path)
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except (NotADatabaseError, sqlite3.Error):
        return "not_a_database"
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
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


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    # Reads of the search index through the page cache cost more than mapped pages.
    conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")


def _applied_names(db: sqlite_utils.Database) -> list[str]:
    from store.core.migrations import migrations

    return [m.name for m in migrations.applied(db)]


def _has_tables(db: sqlite_utils.Database) -> bool:
    return bool(db.table_names())


def _backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """Copy the database aside with SQLite's online backup, so WAL content is included."""
    target = path.with_name(f"{path.name}.v{version}.bak")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.v{version}.bak{counter}")
        counter += 1
    with sqlite3.connect(target) as copy:
        conn.backup(copy)
    copy.close()
    return target


def _luotsi_schema(conn: sqlite3.Connection, path: Path) -> tuple[sqlite_utils.Database, list[str]]:
    """Wrap a fresh connection (with its busy timeout) and read which schema
    steps it has; refuses a file that is not SQLite or was migrated by a newer Luotsi."""
    import sqlite_utils

    from store.core.migrations import migration_names

    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db = sqlite_utils.Database(conn)
    try:
        applied = _applied_names(db)
    except sqlite3.DatabaseError as exc:
        # A file locked by another process, or one that may not be read, is no stranger.
        raise store_fault(exc) or NotADatabaseError(
            f"{path} is not a Luotsi (SQLite) database: {exc}"
        ) from exc
    unknown = [name for name in applied if name not in migration_names()]
    if unknown:
        raise SchemaTooNewError(
            f"{path} was created by a newer version of Luotsi "
            f"(unknown schema steps: {', '.join(unknown)}); update Luotsi to open it"
        )
    return db, applied


def open_read_only(path: str | Path) -> sqlite_utils.Database:
    """Open a current database so that nothing can change the file, not even its journal
    mode (for displays such as the waiting-room board, which log nobody in)."""
    from store.core.migrations import migration_names

    path = Path(path)
    _check_file(path)
    if not path.exists():
        raise NotADatabaseError(f"{path} does not exist")
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    try:
        conn.execute("PRAGMA query_only = ON")
        db, applied = _luotsi_schema(conn, path)
        if applied != migration_names():
            raise SchemaTooOldError(f"{path} must be opened by Luotsi once to be updated")
        return db
    except BaseException:
        conn.close()
        raise


def open_db(path: str | Path, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) and migrate the database at `path`.

    Raises `NotADatabaseError` for a file that is not SQLite and `SchemaTooNewError`
    for one migrated by a newer Luotsi; in both cases the file is left untouched.
    """

    from store.core.migrations import migrations

    path = Path(path)
    _check_file(path)
    existed = path.exists() and path.stat().st_size > 0
    path.parent.mkdir(parents=True, exist_ok=True)
    # Autocommit at the driver level: every write goes through `write_transaction`.
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        db, applied = _luotsi_schema(conn, path)
        if not applied and _has_tables(db):
            raise NotADatabaseError(f"{path} is an SQLite database, but not a Luotsi one")
        _configure(conn)
        pending = migrations.pending(db)
        if pending and migrate:
            if existed and applied:
                _backup(conn, path, len(applied))
            migrations.apply(db)
        return db
    except BaseException:
        conn.close()
        raise


@contextmanager
def write_transaction(db: sqlite_utils.Database) -> Generator[sqlite_utils.Database, None, None]:
    """One write transaction; nested calls become savepoints of the outer one.

    BEGIN IMMEDIATE takes the write lock up front, so two processes never deadlock
    upgrading a read lock; the busy timeout makes the second one wait its turn. A busy,
    full or read-only database, at BEGIN, in a statement or at COMMIT, raises
    `DatabaseBusy`, `DatabaseFull` or `DatabaseReadOnly` after a rollback: the file is as
    it was and the same connection can try again.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        db.conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        fault = store_fault(exc)
        if fault is None:
            raise
        raise fault from exc
    try:
        yield db
        db.conn.execute("COMMIT")
    except BaseException as exc:
        # A failed COMMIT (the disk filled while writing) leaves the transaction open:
        # roll it back too, so the file is as it was and the connection can try again.
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        fault = store_fault(exc) if isinstance(exc, sqlite3.Error) else None
        if fault is None:
            raise
        raise fault from exc


def schema_version(db: sqlite_utils.Database) -> int:
    return len(_applied_names(db))


def copy_database(source: str | Path, target: str | Path) -> Path:
    """Copy a database file (for demo runs and tests) without touching the source."""
    target = Path(target)
    shutil.copyfile(source, target)
    return target


__all__ = [
    "DatabaseBusy",
    "DatabaseFault",
    "DatabaseFull",
    "DatabaseReadOnly",
    "NotADatabaseError",
    "SchemaTooNewError",
    "StoreError",
    "copy_database",
    "open_db",
    "open_read_only",
    "SchemaTooOldError",
    "preflight",
    "schema_version",
    "store_fault",
    "write_transaction",
]
