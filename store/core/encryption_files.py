"""The files of changing a database's encryption in place (`store.core.encryption`): the
hidden copies written beside it, checking them, renaming them in over the originals in an
order no crash can spoil, and overwriting what they replace.

The order, for the database `NAME` and its migration backups `NAME.vN.bak`:
1. every copy is written under a hidden name (`.NAME.encrypting`, `.NAME.v9.bak.rekeying`)
   with the new key and salt, checked, and flushed to disk;
2. the key file for the new key is written (atomically): the commit point;
3. the copy of the database is renamed over `NAME`, then each backup's over its backup.
A crash before 2 leaves only hidden copies, removed by the next run. A crash between 2 and
3 leaves a key file that does not fit `NAME` (every Luotsi refuses to open it then, so no
row can be written to the old file meanwhile): `repair_interrupted` takes the key file
back after an `encrypt` (its recovery key was never shown) and renames the checked copy in
after a `rekey`. A crash during 3 leaves copies that fit the key file: renamed in.
"""

from __future__ import annotations

import fcntl
import os
import re
import time
from collections.abc import Generator
from contextlib import closing, contextmanager, suppress
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from store.core import keyring
from store.core.db import use_key
from store.core.errors import SQLITE_ERRORS, DatabaseBusy, DatabaseDamaged, is_damage, store_fault
from store.core.files import backups_of, create_new_private, sync_folder
from store.core.keys import SALT_BYTES, KeyFileError, key_file_of, read_key_file

ENCRYPTING = "encrypting"  # the copies of `luotsi encrypt`
REKEYING = "rekeying"  # the copies of `luotsi rekey`
# How long to wait for another connection to let go before saying the file is in use.
ALONE_TIMEOUT_MS = 1000
_CHUNK = 1024 * 1024
# The copy's check reads every page once: 128 MiB of page cache took the integrity check
# of a 1M-client copy from 260 s to 65 s; more would only raise the peak memory.
CHECK_CACHE_KIB = 128 * 1024


def temp_of(file: Path, kind: str) -> Path:
    """The hidden copy of `file` that `kind` ("encrypting", "rekeying") writes."""
    return file.with_name(f".{file.name}.{kind}")


def _leftovers(file: Path) -> tuple[Path, ...]:
    """The files SQLite may have beside `file`: its journal, -wal and -shm."""
    return tuple(file.with_name(file.name + end) for end in ("-journal", "-wal", "-shm"))


def connect(
    file: Path, key: bytes | None = None, salt: bytes | None = None
) -> sqlcipher.Connection:
    """A SQLCipher connection to `file`: keyed with `key` and `salt` if given, else for a
    plain file. SQLCipher's own log (of a wrong key, say) would print to the terminal: it
    is off from the start."""
    conn = sqlcipher.connect(str(file), isolation_level=None)
    if key is None:
        conn.execute("PRAGMA cipher_log_level = NONE")
    else:
        use_key(conn, key, salt)
        # Every page is decrypted as it is read into the cache: the integrity check of a
        # 60 MB copy took 25 s with SQLite's default 2 MB cache, 7 s with this one.
        conn.execute(f"PRAGMA cache_size = -{CHECK_CACHE_KIB}")
    return conn


def salt_of(file: Path) -> bytes | None:
    """The first 16 bytes of `file` (an encrypted file's salt), or None if it is not there."""
    try:
        with file.open("rb") as handle:
            return handle.read(SALT_BYTES)
    except OSError:
        return None


@contextmanager
def faults_of(path: Path) -> Generator[None, None, None]:
    """SQLite's errors in the block as the store's: a damaged page as `DatabaseDamaged`
    (naming `path`), a busy, full or read-only file as `DatabaseBusy` and the others."""
    try:
        yield
    except SQLITE_ERRORS as exc:
        if is_damage(exc):
            raise DatabaseDamaged(path) from exc
        fault = store_fault(exc)
        if fault is None:
            raise
        raise fault from exc


def take_alone(conn: sqlcipher.Connection, path: Path) -> str:
    """Make `conn` the only connection to its file until it is closed, so that no row is
    written to the original that its copy would miss; returns the journal mode the file
    had, for `give_back`. `DatabaseBusy` if another process has the file open.

    SQLite leaves WAL mode (Luotsi's) only when no other connection has the file open; in
    exclusive locking mode the lock taken then is kept until `conn` closes."""
    with faults_of(path):
        conn.execute(f"PRAGMA busy_timeout = {ALONE_TIMEOUT_MS}")
        (before,) = conn.execute("PRAGMA journal_mode").fetchone()
        conn.execute("PRAGMA main.locking_mode = EXCLUSIVE").fetchall()
        (now,) = conn.execute("PRAGMA journal_mode = DELETE").fetchone()
        if now != "delete":
            raise DatabaseBusy(f"{path} is open in another process")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")
    return str(before)


def give_back(conn: sqlcipher.Connection, journal_mode: str) -> None:
    """Put back the journal mode `take_alone` changed (the change was given up)."""
    # The file is whole either way, and the next open sets WAL again.
    with suppress(*SQLITE_ERRORS):
        conn.execute(f"PRAGMA journal_mode = {journal_mode}").fetchall()


def check_pages(conn: sqlcipher.Connection, path: Path) -> None:
    """`DatabaseDamaged` unless every page of the file reads: a damaged file is not copied."""
    with faults_of(path):
        (result,) = conn.execute("PRAGMA quick_check(1)").fetchone()
    if result != "ok":
        raise DatabaseDamaged(path)


def table_counts(conn: sqlcipher.Connection) -> dict[str, int]:
    """The row count of every table (the search index's own tables too)."""
    names = [
        str(row[0]) for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    ]
    counts: dict[str, int] = {}
    for name in names:
        quoted = '"' + name.replace('"', '""') + '"'
        counts[name] = int(conn.execute(f"SELECT count(*) FROM {quoted}").fetchone()[0])
    return counts


def write_copy(
    source: sqlcipher.Connection, file: Path, kind: str, key: bytes, salt: bytes
) -> Path | None:
    """Copy the database of `source` (the file `file`) to its hidden copy, encrypted with
    `key` and `salt`, and check the copy: SQLite's integrity check, and the same tables
    with the same row counts as `source`. Returns the copy, flushed to disk; None (and
    no copy) if the check failed."""
    copy = temp_of(file, kind)
    remove(copy)
    create_new_private(copy)
    try:
        _export(source, copy, key, salt)
        with closing(connect(copy, key, salt)) as check:
            whole = check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            same = whole and table_counts(check) == table_counts(source)
            if same:  # as Luotsi opens it (the export leaves SQLite's default)
                check.execute("PRAGMA journal_mode = WAL").fetchall()
    except BaseException:
        remove(copy)
        raise
    if not same:
        remove(copy)
        return None
    _flush(copy)
    return copy


def _export(source: sqlcipher.Connection, copy: Path, key: bytes, salt: bytes) -> None:
    """`db.export_encrypted`, with the copy written unsynced: SQLCipher's export commits
    each table on its own, and a flush to disk each (some hundreds) took seconds even for
    a small register. The copy is checked and flushed once before anything depends on it."""
    from store.core.keys import sqlcipher_key

    source.execute(f"ATTACH DATABASE ? AS luotsi_copy KEY {sqlcipher_key(key, salt)}", [str(copy)])
    try:
        source.execute("PRAGMA luotsi_copy.synchronous = OFF")
        source.execute("SELECT sqlcipher_export('luotsi_copy')").fetchall()
    finally:
        source.execute("DETACH DATABASE luotsi_copy")


def _flush(file: Path) -> None:
    fd = os.open(file, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _overwrite(fd: int) -> None:
    """Write zeros over the whole file open as `fd`, and flush them.

    Only best effort: an SSD's controller, and a copy-on-write or log-structured file
    system, write the zeros to fresh blocks and keep the old ones until they are reused,
    so the old bytes may still be read from the raw device. It does take them out of
    reach of anything that reads files (an undelete tool, a later file given the blocks
    on a disk that overwrites in place). The register's real protection is that it is
    encrypted from its creation (`luotsi init`), and the laptop's own disk encryption."""
    size = os.fstat(fd).st_size
    written = 0
    while written < size:
        step = min(_CHUNK, size - written)
        written += os.pwrite(fd, bytes(step), written)
    os.fsync(fd)


def remove(file: Path) -> None:
    """Overwrite `file` with zeros (see `_overwrite`) and remove it, if it is there."""
    try:
        fd = os.open(file, os.O_RDWR)
    except FileNotFoundError:
        return
    try:
        _overwrite(fd)
    finally:
        os.close(fd)
    file.unlink(missing_ok=True)


def replace(copy: Path, file: Path) -> None:
    """Rename `copy` over `file`, then overwrite what `file` held (see `_overwrite`).

    The old file is opened before the rename and overwritten through that descriptor
    after it, so no moment has `file` missing or half-written."""
    try:
        old = os.open(file, os.O_RDWR)
    except FileNotFoundError:
        old = None
    try:
        os.replace(copy, file)
        sync_folder(file.parent)
        if old is not None:
            with suppress(OSError):  # the copy is in place: overwriting is a bonus
                _overwrite(old)
    finally:
        if old is not None:
            os.close(old)


def remove_leftovers(file: Path) -> None:
    """Overwrite and remove `file`'s journal, -wal and -shm: they belong to the file that
    a copy is about to replace (and may hold its pages in plaintext)."""
    for leftover in _leftovers(file):
        remove(leftover)


def _backup_copies(path: Path) -> list[tuple[Path, Path]]:
    """The hidden copies of `path`'s backups in the folder: (copy, the backup it is for)."""
    pattern = re.compile(rf"\.({re.escape(path.name)}\.v\d+\.bak\d*)\.({ENCRYPTING}|{REKEYING})")
    try:
        names = [entry.name for entry in path.parent.iterdir()]
    except OSError:
        return []
    found: list[tuple[Path, Path]] = []
    for name in names:
        match = pattern.fullmatch(name)
        if match is not None:
            found.append((path.with_name(name), path.with_name(match[1])))
    return found


@contextmanager
def folder_locked(path: Path) -> Generator[bool, None, None]:
    """Hold a lock on the database's folder for the block; yields False if another
    process held it for longer than `ALONE_TIMEOUT_MS` (then nothing is locked).

    An `encrypt` or `rekey` holds it from start to end, and `repair_interrupted` acts
    only under it, so that it never takes a running change's copies for a crashed one's.
    On the folder, not a file: SQLite's own locks are on the database's files, and a
    lock file would be one more file left beside the register. The system lets go of it
    when the process ends, however it ends."""
    try:
        fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        yield True  # a folder that cannot be opened: its files cannot be changed either
        return
    try:
        deadline = time.monotonic() + ALONE_TIMEOUT_MS / 1000
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    yield False
                    return
                time.sleep(0.05)
        yield True
    finally:
        os.close(fd)


def repair_interrupted(path: Path) -> None:
    """Put right what an `encrypt` or a `rekey` of `path` that was cut short (a crash, a
    power cut) left behind: see this module's docstring. Call it under `folder_locked`;
    a hidden copy that does not fit the key file is removed."""
    try:
        keys = read_key_file(path)
    except KeyFileError:
        keys = None
    key_salt = keys.db_salt if keys is not None else None
    rekeyed = temp_of(path, REKEYING)
    encrypted = temp_of(path, ENCRYPTING)
    if key_salt is not None and salt_of(path) != key_salt:
        if salt_of(rekeyed) == key_salt:
            remove_leftovers(path)
            replace(rekeyed, path)
            keyring.forget(path)  # the key and salt it knew were the replaced file's
        elif salt_of(encrypted) == key_salt and _is_plain(path):
            key_file_of(path).unlink()
            keyring.forget(path)
            key_salt = None
    for copy in (rekeyed, encrypted):
        remove(copy)
        for leftover in _leftovers(copy):
            remove(leftover)
    database_salt = salt_of(path)
    for copy, backup in _backup_copies(path):
        if key_salt is not None and salt_of(copy) == key_salt == database_salt:
            replace(copy, backup)
        else:
            remove(copy)
        for leftover in _leftovers(copy):
            remove(leftover)


def _is_plain(path: Path) -> bool:
    from store.core.db import SQLITE_HEADER

    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def backups(path: Path) -> list[Path]:
    """The migration backups of `path`, oldest first (the order they are copied in)."""
    return list(reversed(backups_of(path)))
