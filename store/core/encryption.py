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

from store.core import audit, keyring
from store.core.auth import allowed
from store.core.clock import Clock
from store.core.context import Context
from store.core.db import (
    ENCRYPTED_PAGE_BYTES,
    open_db,
    write_transaction,
)
from store.core.encryption_checks import (
    AlreadyEncrypted,
    EncryptionError,
    EncryptionFailed,
    NotCurrent,
    NotEncrypted,
    RecoveryNeedsAdmin,
    check_current,
    check_passwords,
    check_plain_file,
    refuse_if_open_here,
    require_encrypted,
    starts_plain,
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
from store.core.keys import (
    RECOVERY_SLOT,
    KeyFile,
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
        opened = old if old is not None and not starts_plain(backup) else None
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
    check_plain_file(path)
    refuse_if_open_here(path)
    conn = connect(path)
    journal_mode: str | None = None
    written_keys = False
    salt = b""
    try:
        check_current(conn, path)
        admin = check_passwords(conn, passwords)
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
    _backups_in_place(path, key, copies)
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
    refuse_if_open_here(path)
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
    _backups_in_place(path, key, copies)


def _backups_in_place(path: Path, key: bytes, copies: _Copies) -> None:
    """After the database's copy is in place: this process knows the new file by its new
    key, and the backups' copies take their places."""
    keyring.forget(path)  # what this process knew of the file it replaced
    keyring.remember(path, key)
    for copy, backup in copies.backups or []:
        replace_file(copy, backup)


def _resealed(keys: KeyFile, salt: bytes, key: bytes) -> KeyFile:
    return replace(keys, db_salt=salt, slots=tuple(reseal(keys, slot, key) for slot in keys.slots))


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
