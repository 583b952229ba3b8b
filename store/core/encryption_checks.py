"""What `store.core.encryption` checks before it changes a file, and its refusals: the
passwords given, the file (plain, whole, current, Luotsi's, closed here)."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from store.core import keyring
from store.core.auth import LoginFailed, allowed, dummy_hash, require, verify_password
from store.core.db import SQLITE_HEADER, NotADatabaseError
from store.core.encryption_files import faults_of
from store.core.errors import DatabaseBusy, DatabaseDamaged
from store.core.files import HEADER_BYTES, shorter_than_its_header
from store.core.i18n import TranslatedError
from store.core.keys import KeyFileMissing
from store.core.models import Staff


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


def check_passwords(conn: sqlcipher.Connection, passwords: Mapping[str, str]) -> Staff:
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


def check_current(conn: sqlcipher.Connection, path: Path) -> None:
    import sqlite_utils

    from store.core.migrations import migration_names, migrations

    with faults_of(path):
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if not {"_sqlite_migrations", "staff"} <= tables:
            raise NotADatabaseError(f"{path} is an SQLite database, but not a Luotsi one")
        applied = [m.name for m in migrations.applied(sqlite_utils.Database(conn))]
    if applied != migration_names():
        raise NotCurrent(path)


def check_plain_file(path: Path) -> None:
    if not path.is_file() or path.stat().st_size == 0:
        raise NotADatabaseError(f"{path} is not a Luotsi database")
    with path.open("rb") as handle:
        header = handle.read(HEADER_BYTES)
    if header[: len(SQLITE_HEADER)] != SQLITE_HEADER:
        raise NotADatabaseError(f"{path} is not a Luotsi (SQLite) database")
    if shorter_than_its_header(path, header, path.stat().st_size):
        raise DatabaseDamaged(path)


def refuse_if_open_here(path: Path) -> None:
    # The lock `take_alone` checks is a process's own: this process's connections would
    # not stop it, and the renames would leave them writing to a removed file.
    from store.core.db import open_in_this_process

    if open_in_this_process(path):
        raise DatabaseBusy(f"{path} is open in this process")


def starts_plain(file: Path) -> bool:
    with file.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def require_encrypted(path: Path) -> None:
    """`NotEncrypted` for a plain database; `KeyFileMissing` for one whose key file is gone."""
    path = Path(path)
    if keyring.is_encrypted(path):
        return
    if path.is_file() and path.stat().st_size and not starts_plain(path):
        raise KeyFileMissing(path)
    raise NotEncrypted(path)
