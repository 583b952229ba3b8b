"""Encrypting a plain database in place (`luotsi encrypt`), giving an encrypted one a new
key (`luotsi rekey`), and setting an admin's password with the recovery key
(`luotsi recover`). The files' side of it, and its crash safety, is in
`store.core.encryption_files`."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

from collections.abc import Generator, Mapping
from contextlib import closing, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from store.core import audit, keyring
from store.core.auth import LoginFailed, allowed, dummy_hash, require, verify_password
from store.core.clock import Clock
from store.core.context import Context
from store.core.db import (
    ENCRYPTED_PAGE_BYTES,
    SQLITE_HEADER,
    NotADatabaseError,
    open_db,
    write_transaction,
)
from store.core.encryption_files import (
    ENCRYPTING,
    REKEYING,
    backups,
    check_pages,
    connect,
    faults_of,
    folder_locked,
    give_back,
    remove,
    remove_leftovers,
    repair_interrupted,
    salt_of,
    take_alone,
    write_copy,
)
from store.core.encryption_files import replace as replace_file
from store.core.errors import DatabaseBusy, DatabaseDamaged
from store.core.files import HEADER_BYTES, shorter_than_its_header
from store.core.i18n import TranslatedError
from store.core.keys import (
    RECOVERY_SLOT,
    KeyFile,
    KeyFileMissing,
    key_file_of,
    new_key,
    new_key_file,
    new_recovery_key,
    new_salt,
    read_key_file,
    reseal,
    wrap,
    write_key_file,
)
from store.core.models import Staff
from store.core.staff import StaffRepository, check_password


@dataclass(frozen=True)
class Encrypted:
    recovery_key: str  # shown once
    slots: list[str]  # usernames given a slot
    without_slot: list[str]  # active staff with no slot yet (they need a new password)


class EncryptionError(TranslatedError):
    """The encryption of a database was not changed; nothing was."""


class AlreadyEncrypted(EncryptionError):
    def __init__(self, path: Path) -> None:
        super().__init__("encryption.error.already", path=path)


class NotEncrypted(EncryptionError):
    def __init__(self, path: Path) -> None:
        super().__init__("encryption.error.not_encrypted", path=path)


class EncryptionFailed(EncryptionError):
    """The encrypted copy did not check out the same as the original (`file`)."""

    def __init__(self, file: Path) -> None:
        super().__init__("encryption.error.failed", path=file)


class NotCurrent(EncryptionError):
    """A database that a newer Luotsi must update (open it once) before it is encrypted."""

    def __init__(self, path: Path) -> None:
        super().__init__("encryption.error.not_current", path=path)


class RecoveryNeedsAdmin(EncryptionError):
    def __init__(self, username: str) -> None:
        super().__init__("encryption.error.recover_admin", username=username)


_STAFF = "id, username, display_name, role, site_id, language, active, password_hash"


def _staff_and_hash(conn: sqlcipher.Connection, username: str) -> tuple[Staff, str] | None:
    row = conn.execute(
        f"SELECT {_STAFF} FROM staff WHERE username = ? AND deleted_at IS NULL",
        [username.strip()],
    ).fetchone()
    if row is None:
        return None
    staff_id, name, display_name, role, site_id, language, active, stored = row
    return Staff(staff_id, name, display_name, role, site_id, language, bool(active)), stored


def _check_passwords(conn: sqlcipher.Connection, passwords: Mapping[str, str]) -> Staff:
    """Every (username, password) checked against the stored hash, as a login would
    (`LoginFailed` for any wrong one, never saying which); the admin among them who does
    the encrypting (`PermissionDenied` if there is none)."""
    given: list[Staff] = []
    for username, password in passwords.items():
        found = _staff_and_hash(conn, username)
        stored = found[1] if found is not None else dummy_hash()
        if not verify_password(password, stored) or found is None or not found[0].active:
            raise LoginFailed()
        given.append(found[0])
    admins = [staff for staff in given if allowed(staff, "staff.manage")]
    if not given:
        raise LoginFailed()
    if not admins:
        require(given[0], "staff.manage")
    return admins[0]


def _check_current(conn: sqlcipher.Connection, path: Path) -> None:
    import sqlite_utils

    from store.core.migrations import migration_names, migrations

    with faults_of(path):
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if not {"_sqlite_migrations", "staff"} <= tables:
            raise NotADatabaseError(f"{path} is an SQLite database, but not a Luotsi one")
        applied = [m.name for m in migrations.applied(sqlite_utils.Database(conn))]
    if applied != migration_names():
        raise NotCurrent(path)


def _check_plain_file(path: Path) -> None:
    if not path.is_file() or path.stat().st_size == 0:
        raise NotADatabaseError(f"{path} is not a Luotsi database")
    with path.open("rb") as handle:
        header = handle.read(HEADER_BYTES)
    if header[: len(SQLITE_HEADER)] != SQLITE_HEADER:
        raise NotADatabaseError(f"{path} is not a Luotsi (SQLite) database")
    if shorter_than_its_header(path, header, path.stat().st_size):
        raise DatabaseDamaged(path)


def _refuse_if_open_here(path: Path) -> None:
    # The lock `take_alone` checks is a process's own: this process's connections would
    # not stop it, and the renames would leave them writing to a removed file.
    from store.core.db import _open_in_this_process  # pyright: ignore[reportPrivateUsage]

    if _open_in_this_process(path):
        raise DatabaseBusy(f"{path} is open in this process")


def _log(copy: Path, key: bytes, salt: bytes, actor: Staff | None, what: str) -> None:
    """The change in the access log, written into the checked copy, so that it is there
    exactly when the change is."""
    import sqlite_utils

    with closing(connect(copy, key, salt)) as conn:
        db = sqlite_utils.Database(conn)
        ctx = Context(db, Clock())
        with write_transaction(db):
            audit.log_event(
                ctx,
                staff_id=actor.id if actor else None,
                action="update",
                entity="database",
                purpose=what,
            )


@dataclass
class _Copies:
    """The hidden copies made so far, removed unless `done`."""

    database: Path | None = None
    backups: list[tuple[Path, Path]] | None = None  # (copy, backup)

    def all(self) -> list[Path]:
        found = [self.database] if self.database else []
        return found + [copy for copy, _backup in self.backups or []]


@contextmanager
def _copies_removed_on_failure() -> Generator[_Copies, None, None]:
    copies = _Copies()
    try:
        yield copies
    except BaseException:
        for copy in copies.all():
            remove(copy)
        raise


def _copy_backups(
    path: Path, kind: str, key: bytes, salt: bytes, old: tuple[bytes, bytes] | None
) -> list[tuple[Path, Path]]:
    """The backups' checked copies under the new key: each opened plain, or with `old`
    (key, salt). A backup that does not open so is of no use to a restore and would keep
    its old key's worth: it is overwritten and removed instead (see `rekey_database`)."""
    made: list[tuple[Path, Path]] = []
    for backup in backups(path):
        opened = old if old is not None and not _starts_plain(backup) else None
        with closing(connect(backup, *opened) if opened else connect(backup)) as conn:
            try:
                check_pages(conn, backup)
            except DatabaseDamaged:
                if old is None:
                    raise
                remove(backup)
                continue
            copy = write_copy(conn, backup, kind, key, salt)
        if copy is None:
            raise EncryptionFailed(backup)
        made.append((copy, backup))
    return made


def _starts_plain(file: Path) -> bool:
    with file.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


@contextmanager
def _alone_in_folder(path: Path) -> Generator[None, None, None]:
    with folder_locked(path) as locked:
        if not locked:
            raise DatabaseBusy(f"an encryption of a database beside {path} is running")
        yield


def finish_interrupted(path: Path) -> None:
    """Put right what an `encrypt` or `rekey` of the database at `path` that was cut
    short by a crash left (see `store.core.encryption_files`): after a rekey, the key
    file fits no database until this is done. Cheap, and a no-op when nothing was
    interrupted; left alone while an encrypt or rekey is running."""
    path = Path(path)
    with folder_locked(path) as locked:
        if locked:
            repair_interrupted(path)


def encrypt_database(path: Path, passwords: Mapping[str, str]) -> Encrypted:
    """Encrypt the plain database at `path` in place, with a new key: a key file beside it
    with a recovery slot and a slot for each of `passwords` (username → password, each
    checked first; an admin among them). Its migration backups are encrypted with it.

    Refuses, changing nothing: `AlreadyEncrypted`, `LoginFailed`, `PermissionDenied` (no
    admin), `NotADatabaseError`, `NotCurrent`, `DatabaseDamaged`, `DatabaseBusy` (open
    elsewhere), `EncryptionFailed` (a copy did not check out). The key is kept unlocked
    in this process."""
    path = Path(path)
    with _alone_in_folder(path):
        repair_interrupted(path)
        return _encrypt(path, passwords)


def _encrypt(path: Path, passwords: Mapping[str, str]) -> Encrypted:
    if keyring.is_encrypted(path):
        raise AlreadyEncrypted(path)
    _check_plain_file(path)
    _refuse_if_open_here(path)
    conn = connect(path)
    journal_mode: str | None = None
    written_keys = False
    salt = b""
    try:
        _check_current(conn, path)
        admin = _check_passwords(conn, passwords)
        with faults_of(path):
            without = [
                str(row[0])
                for row in conn.execute(
                    "SELECT username FROM staff WHERE active = 1 AND deleted_at IS NULL"
                    " ORDER BY username"
                )
                if row[0] not in {name.strip() for name in passwords}
            ]
        journal_mode = take_alone(conn, path)
        check_pages(conn, path)
        key, salt = new_key(), new_salt()
        with _copies_removed_on_failure() as copies:
            copies.database = write_copy(conn, path, ENCRYPTING, key, salt)
            if copies.database is None:
                raise EncryptionFailed(path)
            copies.backups = _copy_backups(path, ENCRYPTING, key, salt, None)
            _log(copies.database, key, salt, admin, "encrypt")
            recovery = new_recovery_key()
            keys = new_key_file(salt)
            keys = keys.with_slot(wrap(keys, RECOVERY_SLOT, recovery, key))
            for username, password in passwords.items():
                keys = keys.with_slot(wrap(keys, username.strip(), password, key))
            write_key_file(path, keys)
            written_keys = True
            conn.close()  # from here every Luotsi refuses the plaintext (wrong key file)
            remove_leftovers(path)
            replace_file(copies.database, path)
    except BaseException:
        if written_keys and salt_of(path) != salt:  # the copy is not in place
            key_file_of(path).unlink(missing_ok=True)
        elif journal_mode is not None:
            give_back(conn, journal_mode)
        raise
    finally:
        conn.close()
    keyring.remember(path, key)
    for copy, backup in copies.backups or []:
        replace_file(copy, backup)
    return Encrypted(recovery, keys.names(), without)


def rekey_database(path: Path, *, by: Staff | None = None) -> None:
    """Give the encrypted database at `path` a new key and salt (`luotsi rekey`): every
    page and every migration backup encrypted again, every slot (the recovery key's too)
    given the new key, so a copy of the old key or key file opens nothing of it. The key
    must be unlocked in this process (`DatabaseLocked`); `by` is logged as doing it.

    A backup that does not open with the current key (made before a rekey that crashed)
    is overwritten and removed: kept, it would stay readable with an old key."""
    path = Path(path)
    with _alone_in_folder(path):
        repair_interrupted(path)
        _rekey(path, by)


def _rekey(path: Path, by: Staff | None) -> None:
    require_encrypted(path)
    found = keyring.key_for(path)
    if found is None:
        raise NotEncrypted(path)
    old_key, keys = found
    if not path.is_file() or path.stat().st_size % ENCRYPTED_PAGE_BYTES:
        raise DatabaseDamaged(path)
    _refuse_if_open_here(path)
    conn = connect(path, old_key, keys.db_salt)
    journal_mode: str | None = None
    written_keys = False
    salt = b""
    try:
        journal_mode = take_alone(conn, path)
        check_pages(conn, path)
        key, salt = new_key(), new_salt()
        with _copies_removed_on_failure() as copies:
            copies.database = write_copy(conn, path, REKEYING, key, salt)
            if copies.database is None:
                raise EncryptionFailed(path)
            old = (old_key, keys.db_salt)
            copies.backups = _copy_backups(path, REKEYING, key, salt, old)
            _log(copies.database, key, salt, by, "rekey")
            rekeyed = _resealed(keys, salt, key)
            write_key_file(path, rekeyed)
            written_keys = True
            conn.close()
            remove_leftovers(path)
            replace_file(copies.database, path)
    except BaseException:
        if written_keys and salt_of(path) != salt:  # the copy is not in place
            write_key_file(path, keys)
        elif journal_mode is not None:
            give_back(conn, journal_mode)
        raise
    finally:
        conn.close()
    keyring.remember(path, key)
    for copy, backup in copies.backups or []:
        replace_file(copy, backup)


def _resealed(keys: KeyFile, salt: bytes, key: bytes) -> KeyFile:
    return replace(keys, db_salt=salt, slots=tuple(reseal(keys, slot, key) for slot in keys.slots))


def require_encrypted(path: Path) -> None:
    """`NotEncrypted` for a plain database; `KeyFileMissing` for one whose key file is gone."""
    path = Path(path)
    if keyring.is_encrypted(path):
        return
    if path.is_file() and path.stat().st_size and not _starts_plain(path):
        raise KeyFileMissing(path)
    raise NotEncrypted(path)


def unlock_for_recovery(path: Path, recovery_key: str) -> None:
    """Learn the key of the database at `path` from its recovery key (`RecoveryKeyWrong`,
    `NotEncrypted`, the key file's errors); `luotsi recover` asks this before it asks for
    a new password."""
    path = Path(path)
    finish_interrupted(path)
    require_encrypted(path)
    keyring.unlock_with_recovery(path, recovery_key)


def recover(path: Path, recovery_key: str, username: str, new_password: str) -> None:
    """Set a new password for the admin `username` with the database's recovery key
    (`luotsi recover`), and give them a slot opened by it: one transaction, logged in the
    access log as a recovery. `RecoveryKeyWrong`, `RecoveryNeedsAdmin` (not an active
    admin), `StaffError` (a short password): nothing changed."""
    path = Path(path)
    check_password(new_password)
    unlock_for_recovery(path, recovery_key)
    db = open_db(path)
    try:
        ctx = Context(db, Clock())
        staff = StaffRepository(ctx)
        admin = staff.find(username)
        if admin is None or not allowed(admin, "staff.manage"):
            raise RecoveryNeedsAdmin(username.strip())
        name = admin.username
        before = read_key_file(path).slot(name)
        with keyring.key_file_change(path), write_transaction(db):
            staff.set_password(admin, admin.id, new_password)
            audit.log_event(
                ctx,
                staff_id=admin.id,
                action="update",
                entity="staff",
                entity_id=admin.id,
                purpose="recovery",
            )
            # The staff repository may keep the slot with the password itself.
            if read_key_file(path).slot(name) == before:
                keyring.set_slot(path, name, new_password)
    finally:
        db.close()


__all__ = [
    "AlreadyEncrypted",
    "Encrypted",
    "EncryptionError",
    "EncryptionFailed",
    "NotCurrent",
    "NotEncrypted",
    "RecoveryNeedsAdmin",
    "encrypt_database",
    "finish_interrupted",
    "recover",
    "rekey_database",
    "require_encrypted",
    "unlock_for_recovery",
]
