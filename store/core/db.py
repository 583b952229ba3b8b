"""Opening a Luotsi database: the one connection factory, pragmas, backups and migrations.

Threading rule: a connection belongs to the thread that opened it (sqlite3's default
`check_same_thread=True`). The app's event loop owns one connection; a thread worker
that needs the database opens its own with `open_db(path)` and closes it when done.
WAL mode lets those readers and the one writer work side by side.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
import weakref
from collections.abc import Generator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3.dbapi2 as sqlcipher

from store.core import keyring
from store.core.errors import (
    SQLITE_DATABASE_ERRORS,
    SQLITE_ERRORS,
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseFault,
    DatabaseFull,
    DatabaseIsFolder,
    DatabaseReadOnly,
    FolderReadOnly,
    NotADatabaseError,
    SchemaTooNewError,
    StoreError,
    damage_reported,
    database_file,
    file_fault,
    is_damage,
    store_fault,
)
from store.core.files import (
    HEADER_BYTES,
    PRIVATE_MODE,
    backups_of,
    create_new_private,
    create_private,
    make_private,
    newest_backup,
    prune_backups,
    shorter_than_its_header,
)

if TYPE_CHECKING:
    import sqlite_utils

# sqlite_utils and the migrations are imported when a database is first opened, not
# with this module: that keeps about 100 ms off the app's way to its first screen.

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
MMAP_BYTES = 256 * 1024 * 1024
# SQLCipher decrypts each page as it is read into the page cache (memory-mapped pages
# would be ciphertext): an encrypted database keeps more of them there. At 1M clients
# search p95 was 1.5x plain with 128 MiB and 0.95x with 256 MiB (bench/encryption.py);
# the cache holds only pages actually read (about +42 MiB in that run).
ENCRYPTED_CACHE_KIB = 256 * 1024
ENCRYPTED_PAGE_BYTES = 4096  # SQLCipher 4's default; an encrypted file is whole pages


class _Connection(sqlite3.Connection):
    """A connection that says whether it is still open (see `open_in_this_process`)."""

    is_open = True

    def close(self) -> None:
        self.is_open = False
        super().close()


class _CipherConnection(sqlcipher.Connection):
    """The same, through SQLCipher's driver, for an encrypted database."""

    is_open = True

    def close(self) -> None:
        self.is_open = False
        super().close()


Connection = sqlite3.Connection | sqlcipher.Connection


def use_key(conn: Connection, key: bytes, salt: bytes | None) -> None:
    """Give a SQLCipher connection its key before its first read. SQLCipher's own log of
    a wrong key goes to stderr, which is the user's screen: it is turned off first."""
    from store.core.keys import sqlcipher_key

    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {sqlcipher_key(key, salt)}")


# POSIX file locks belong to a process, not to a file descriptor: closing any descriptor
# of the database file drops every lock this process's connections hold on it. Another
# process closing its own connection may then take itself for the last one and checkpoint
# and delete the -wal under ours (sqlite.org/howtocorrupt.html, §2.2). So the file is read
# directly (its header checked) only while this process has no connection open to it.
_connections: dict[Path, weakref.WeakSet[_Connection | _CipherConnection]] = {}
_connections_lock = threading.Lock()


def _connect(path: Path, target: str | Path, *, uri: bool = False) -> Connection:
    """A connection to the database file `path` (opened as `target`), known to
    `open_in_this_process` until it is closed: through SQLCipher with the key this
    process has unlocked if the file is encrypted (see `store.core.keyring`), else
    through Python's own sqlite3."""
    found = keyring.key_for(path)
    conn: _Connection | _CipherConnection
    if found is None:
        conn = sqlite3.connect(target, uri=uri, isolation_level=None, factory=_Connection)
    else:
        key, keys = found
        conn = sqlcipher.connect(
            str(target), uri=uri, isolation_level=None, factory=_CipherConnection
        )
        use_key(conn, key, keys.db_salt)
    with _connections_lock:
        _connections.setdefault(path.resolve(), weakref.WeakSet()).add(conn)
    return conn


def open_in_this_process(path: Path) -> bool:
    with _connections_lock:
        return any(conn.is_open for conn in _connections.get(path.resolve(), ()))


def check_file(path: Path) -> None:
    if path.is_dir():
        raise DatabaseIsFolder(path)
    if not path.exists() or path.stat().st_size == 0:
        return
    if open_in_this_process(path):
        return  # checked when it was first opened; reading it now would drop our locks
    if keyring.is_encrypted(path):
        # No header to read: every byte is ciphertext, in whole pages.
        if path.stat().st_size % ENCRYPTED_PAGE_BYTES:
            raise DatabaseDamaged(path)
        return
    with path.open("rb") as handle:
        header = handle.read(HEADER_BYTES)
    if header[: len(SQLITE_HEADER)] != SQLITE_HEADER:
        raise NotADatabaseError(f"{path} is not a Luotsi (SQLite) database")
    if shorter_than_its_header(path, header, path.stat().st_size):
        raise DatabaseDamaged(path)


def _configure(conn: Connection, *, encrypted: bool) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    # Sorts and temporary indexes stay in memory: never plaintext in a temporary file.
    conn.execute("PRAGMA temp_store = MEMORY")
    if encrypted:
        conn.execute(f"PRAGMA cache_size = -{ENCRYPTED_CACHE_KIB}")
    else:
        # Reads of the search index through the page cache cost more than mapped pages.
        conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")


def _applied_names(db: sqlite_utils.Database) -> list[str]:
    from store.core.migrations import migrations

    return [m.name for m in migrations.applied(db)]


def _has_tables(db: sqlite_utils.Database) -> bool:
    return bool(db.table_names())


def _backup(conn: Connection, path: Path, version: int) -> Path:
    """Copy the database aside with SQLite's online backup, so WAL content is included;
    the copy is the owner's only, and only the newest `KEPT_BACKUPS` are kept.

    The copy is written under a hidden name and renamed into place once whole: a copy
    cut short by a crash would read as an empty database and push a good backup out of
    the kept three. A cut-short copy of an earlier run is removed first."""
    partial = path.with_name(f".{path.name}.v{version}.bak.partial")
    for leftover in (partial, partial.with_name(partial.name + "-journal")):
        leftover.unlink(missing_ok=True)
    create_new_private(partial)
    found = keyring.key_for(path)
    if found is None:
        with closing(sqlite3.connect(partial)) as copy:
            conn.backup(copy)  # type: ignore[arg-type]
    else:
        export_encrypted(conn, partial, found[0], found[1].db_salt)
    counter = 0
    while True:
        target = path.with_name(f"{path.name}.v{version}.bak{counter or ''}")
        if not target.exists():
            break
        counter += 1
    partial.rename(target)
    prune_backups(path)
    return target


def export_encrypted(conn: Connection, target: Path, key: bytes, salt: bytes) -> None:
    """Write the whole database of `conn` (plain or encrypted) to the new file `target`,
    encrypted with `key` and SQLCipher's `salt`, by SQLCipher's own `sqlcipher_export`:
    the plaintext never touches the disk. `conn` must be a SQLCipher connection."""
    from store.core.keys import sqlcipher_key

    conn.execute(
        "ATTACH DATABASE ? AS luotsi_export KEY " + sqlcipher_key(key, salt), [str(target)]
    )
    try:
        conn.execute("SELECT sqlcipher_export('luotsi_export')").fetchall()
    finally:
        conn.execute("DETACH DATABASE luotsi_export")


def _check_pages(conn: Connection, path: Path) -> None:
    """Refuse a damaged file before it is backed up and migrated: its backup would push
    a good one out of the kept three. `quick_check` reads every page (about 0.2 s for
    16 MB), which a migration, done once per update of Luotsi, can afford."""
    with damage_reported(path):
        (result,) = conn.execute("PRAGMA quick_check(1)").fetchone()
    if result != "ok":
        raise DatabaseDamaged(path)


def _luotsi_schema(conn: Connection, path: Path) -> tuple[sqlite_utils.Database, list[str]]:
    """Wrap a fresh connection (with its busy timeout) and read which schema
    steps it has; refuses a file that is not SQLite or was migrated by a newer Luotsi."""
    import sqlite_utils

    from store.core.migrations import migration_names

    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db = sqlite_utils.Database(conn)
    try:
        applied = _applied_names(db)
    except SQLITE_DATABASE_ERRORS as exc:
        # `_check_file` found SQLite's header, so pages SQLite cannot read are damage;
        # a file locked by another process, or one that may not be read, is no stranger.
        if is_damage(exc):
            raise DatabaseDamaged(path) from exc
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


def open_db(path: str | Path, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) and migrate the database at `path`.

    Raises `NotADatabaseError` for a file that is not SQLite and `SchemaTooNewError`
    for one migrated by a newer Luotsi; in both cases the file is left untouched.
    """

    from store.core.migrations import migrations

    path = Path(path)
    check_file(path)
    existed = path.exists() and path.stat().st_size > 0
    try:
        if not existed:
            path.parent.mkdir(parents=True, exist_ok=True)
            create_private(path)
        for own in (path, *(path.with_name(path.name + end) for end in ("-wal", "-shm"))):
            make_private(own)
    except OSError as exc:
        raise file_fault(exc) from exc
    # Autocommit at the driver level: every write goes through `write_transaction`.
    conn = _connect(path, path)
    try:
        db, applied = _luotsi_schema(conn, path)
        if not applied and _has_tables(db):
            raise NotADatabaseError(f"{path} is an SQLite database, but not a Luotsi one")
        _configure(conn, encrypted=keyring.is_encrypted(path))
        pending = migrations.pending(db)
        if pending and migrate:
            if existed and applied:
                _check_pages(conn, path)
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
    except SQLITE_ERRORS as exc:
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
        fault = store_fault(exc) if isinstance(exc, SQLITE_ERRORS) else None
        if fault is None:
            raise
        raise fault from exc


def schema_version(db: sqlite_utils.Database) -> int:
    return len(_applied_names(db))


def copy_database(source: str | Path, target: str | Path) -> Path:
    """Copy a database file that nothing is writing to (the sample for a demo run, tests)
    without touching the source; the copy is the owner's only, from its first byte.
    A database in use is copied with SQLite's backup instead (see README)."""
    source, target = Path(source), Path(target)
    from store.core.keys import key_file_of

    pairs = [(source, target)]
    if keyring.is_encrypted(source):  # the copy opens with the same key file and key
        pairs.append((key_file_of(source), key_file_of(target)))
    for reading_path, writing_path in pairs:
        with open(reading_path, "rb") as reading:
            fd = os.open(writing_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_MODE)
            os.fchmod(fd, PRIVATE_MODE)
            with os.fdopen(fd, "wb") as writing:
                shutil.copyfileobj(reading, writing)
    key = keyring.known_key(source)
    if key is not None:
        keyring.remember(target, key)
    return target


__all__ = [
    "DatabaseBusy",
    "DatabaseDamaged",
    "DatabaseIsFolder",
    "FolderReadOnly",
    "backups_of",
    "database_file",
    "damage_reported",
    "is_damage",
    "newest_backup",
    "prune_backups",
    "DatabaseFault",
    "DatabaseFull",
    "DatabaseReadOnly",
    "NotADatabaseError",
    "SchemaTooNewError",
    "StoreError",
    "copy_database",
    "open_db",
    "schema_version",
    "store_fault",
    "write_transaction",
]
