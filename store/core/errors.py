"""What can go wrong with a database file, and what an sqlite3 error means for the user:
busy, full, read-only, damaged, not a database at all."""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Generator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

import sqlcipher3.dbapi2 as _cipher

from store.core.files import newest_backup
from store.core.i18n import TranslatedError

if TYPE_CHECKING:
    import sqlite_utils

# An encrypted database is read through SQLCipher's driver (see `store.core.db`), whose
# errors are classes of their own: each test below takes either driver's.
SQLITE_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, _cipher.Error)
SQLITE_DATABASE_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError, _cipher.DatabaseError)
SQLITE_INTEGRITY_ERRORS: tuple[type[Exception], ...] = (
    sqlite3.IntegrityError,
    _cipher.IntegrityError,
)
SQLITE_OPERATIONAL_ERRORS: tuple[type[Exception], ...] = (
    sqlite3.OperationalError,
    _cipher.OperationalError,
)


class StoreError(Exception):
    """A problem with the database file that the user must be told about plainly."""


class NotADatabaseError(StoreError):
    pass


class SchemaTooNewError(StoreError):
    pass


class DatabaseFault(StoreError):
    """The database cannot be written just now; nothing was changed, and the same
    action may be tried again once the cause is gone (see `store_fault`). `kind` names
    the cause in the texts that tell of it (`error.<kind>`, `cli.error.<kind>`)."""

    kind: ClassVar[str]


class DatabaseBusy(DatabaseFault):
    """Another process held the write lock longer than the busy timeout."""

    kind = "busy"


class DatabaseDamaged(StoreError, TranslatedError):
    """The file is SQLite's, but a page or its header is damaged (truncated, overwritten):
    nothing can be trusted in it; the message names the newest backup to restore."""

    def __init__(self, path: Path | None) -> None:
        backup = newest_backup(path) if path is not None else None
        if path is None:  # met by a read that does not know its file
            super().__init__("error.damaged_unnamed")
        elif backup is None:
            super().__init__("error.damaged", path=path)
        else:
            super().__init__("error.damaged_backup", path=path, backup=backup)
        self.path = path
        self.backup = backup


class DatabaseIsFolder(NotADatabaseError, TranslatedError):
    """A folder was named where a database file was expected."""

    def __init__(self, path: Path) -> None:
        super().__init__("error.database_is_folder", path=path)


class FolderReadOnly(StoreError, TranslatedError):
    """A read-only open of a WAL database needs its -shm file, which SQLite cannot create
    in a folder this user may not write to."""

    def __init__(self, path: Path) -> None:
        super().__init__("error.folder_read_only", path=path, folder=path.parent)


# SQLite's primary result codes for a damaged file: a page that does not parse
# (SQLITE_CORRUPT), and a header that does not (SQLITE_NOTADB, once ours was checked).
_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26


def is_damage(error: BaseException) -> bool:
    """Whether `error` says the file's pages are damaged (not busy, full or read-only)."""
    if not isinstance(error, SQLITE_DATABASE_ERRORS):
        return False
    code: int = getattr(error, "sqlite_errorcode", -1)
    return code >= 0 and code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def database_file(conn: sqlite3.Connection | _cipher.Connection) -> Path | None:
    """The file a connection reads (for naming it, and its backups, in a message)."""
    try:
        for _seq, name, file in conn.execute("PRAGMA database_list"):
            if name == "main" and file:
                return Path(file)
    except SQLITE_ERRORS:
        pass
    return None


@contextmanager
def damage_reported(
    where: sqlite_utils.Database | str | Path,
) -> Generator[None, None, None]:
    """Reads in the block that meet a damaged page raise `DatabaseDamaged`, naming the
    file (`where`, or the database's) and its newest backup, instead of sqlite3's
    "database disk image is malformed"."""
    try:
        yield
    except SQLITE_DATABASE_ERRORS as exc:
        if not is_damage(exc):
            raise
        path = Path(where) if isinstance(where, str | Path) else database_file(where.conn)
        raise DatabaseDamaged(path) from exc


class DatabaseFull(DatabaseFault):
    """The disk (or the database's size limit) is full."""

    kind = "full"


class DatabaseReadOnly(DatabaseFault):
    """The database file, its folder or its -wal/-shm files cannot be written."""

    kind = "read_only"


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


def file_fault(error: OSError) -> StoreError | OSError:
    """A file or folder of the database that could not be made: the disk is full, or
    this user may not write there; any other OS error as it is."""
    if error.errno == errno.ENOSPC:
        return DatabaseFull(str(error))
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return DatabaseReadOnly(str(error))
    return error


def store_fault(error: BaseException) -> StoreError | None:
    """What `error` from a store call means for the user: the `StoreError` itself, a
    busy, full or read-only database as `DatabaseBusy`, `DatabaseFull` or
    `DatabaseReadOnly`, or None for anything else (a fault in the program).

    The one place that reads SQLite's result codes; `write_transaction` raises its
    answer, and the app and the CLI ask it about errors from reads outside one.
    """
    if isinstance(error, StoreError):
        return error
    if not isinstance(error, SQLITE_ERRORS):
        return None
    if is_damage(error):
        return DatabaseDamaged(None)
    code: int = getattr(error, "sqlite_errorcode", -1)
    primary = code & 0xFF if code >= 0 else -1
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return DatabaseBusy(str(error))
    if primary == _SQLITE_FULL or code == _IOERR_NO_ROOM:
        return DatabaseFull(str(error))
    if primary in (_SQLITE_READONLY, _SQLITE_CANTOPEN, _SQLITE_PERM) or code in _IOERR_NOT_WRITABLE:
        return DatabaseReadOnly(str(error))
    return None


def cannot_make_shm(error: Exception, path: Path) -> bool:
    """A read-only or cannot-open error (SQLITE_READONLY_DIRECTORY, _CANTINIT, CANTOPEN)
    from a database whose folder this user may not write to: its -shm cannot be made."""
    code: int = getattr(error, "sqlite_errorcode", -1)
    primary = code & 0xFF if code >= 0 else -1
    return primary in (_SQLITE_READONLY, _SQLITE_CANTOPEN) and not os.access(
        path.resolve().parent, os.W_OK
    )
