"""Encrypting a plain database in place, a new key for an encrypted one, and recovery:
on real files, with every file of the folder scanned and hashed."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from store.api import Store
from store.core import keyring
from store.core.auth import LoginFailed, PermissionDenied
from store.core.db import DatabaseBusy, DatabaseDamaged, NotADatabaseError, open_db
from store.core.encryption import (
    AlreadyEncrypted,
    NotEncrypted,
    RecoveryNeedsAdmin,
    encrypt_database,
    recover,
    rekey_database,
)
from store.core.keyring import RecoveryKeyWrong
from store.core.keys import KeyFileMismatch, key_file_of, read_key_file, sqlcipher_key
from store.core.staff import StaffError

ROOT = Path(__file__).resolve().parents[3]
NEW_PASSWORD = "uusi salasana 1"


# Helpers (the CLI's tests use them too) -------------------------------------------------


def snapshot(folder: Path) -> dict[str, str]:
    """Every file in `folder` (hidden ones too) and a hash of its bytes."""
    return {
        file.name: hashlib.sha256(file.read_bytes()).hexdigest()
        for file in sorted(folder.iterdir())
        if file.is_file()
    }


def personal_bytes(world) -> list[bytes]:
    """What a `strings` of a plaintext register would show of the sample's clients."""
    found: list[bytes] = []
    for client in world.clients.values():
        for text in (client.last_name, client.last_name.lower(), client.hetu, client.phone):
            if text:
                found.append(text.encode())
    return found


# The waiting-room board's side file is plain by design and holds no personal data.
BOARD_FILE = ".board"


def leaks(folder: Path, secrets: list[bytes]) -> list[str]:
    """The files of `folder` that hold any of `secrets`, or SQLite's plaintext header."""
    found: list[str] = []
    for file in sorted(folder.iterdir()):
        if not file.is_file():
            continue
        data = file.read_bytes()
        plain = b"SQLite format 3" in data and not file.name.endswith(BOARD_FILE)
        if plain or any(secret in data for secret in secrets):
            found.append(file.name)
    return found


def register_files(folder: Path) -> list[str]:
    """The names of the register's own files in `folder` (not the board's side file)."""
    return sorted(name for name in snapshot(folder) if not name.endswith(BOARD_FILE))


def all_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of the database at `path`, opened as Luotsi opens it."""
    db = open_db(path, migrate=False)
    try:
        tables = [
            row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        return {t: sorted(db.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        db.close()


def without_new_events(rows: dict[str, list[tuple[object, ...]]], count: int) -> dict:
    """`rows` less the newest `count` access-log events (those the change itself logged)."""
    # By seq: an event's last columns are seq, prev_hash, hash and device_id.
    events = sorted(rows["audit_event"], key=lambda row: row[-4])
    return {**rows, "audit_event": sorted(events[: len(events) - count], key=repr)}


def add_backup(path: Path, version: int) -> Path:
    """A migration backup of the plain database at `path`, as a migration leaves one."""
    backup = path.with_name(f"{path.name}.v{version}.bak")
    with sqlite3.connect(path) as source, sqlite3.connect(backup) as copy:
        source.backup(copy)
    source.close()
    copy.close()
    return backup


def opens_with(path: Path, key: bytes, salt: bytes) -> bool:
    conn = sqlcipher.connect(str(path))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {sqlcipher_key(key, salt)}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher.DatabaseError:
        return False
    finally:
        conn.close()


# Fixtures ------------------------------------------------------------------------------


@pytest.fixture
def plain_databases(encrypted_databases: None) -> Iterator[None]:
    """Databases made plain in the suite's encrypted run too: these tests encrypt them."""
    keyring.encrypt_new_databases(False)
    yield


@pytest.fixture
def plain(plain_databases, world):
    """The sample world's database, plain, closed, with two migration backups."""
    world.store.close()
    add_backup(world.path, 9)
    add_backup(world.path, 10)
    return world


@pytest.fixture
def encrypted(plain):
    """The same database encrypted (admin/demo has a slot); its recovery key; no key known."""
    done = encrypt_database(plain.path, {"admin": "demo"})
    keyring.forget(plain.path)
    return plain, done.recovery_key


def last_event(path: Path) -> tuple[object, ...]:
    db = open_db(path, migrate=False)
    try:
        return db.execute(
            "SELECT action, entity, purpose, staff_id FROM audit_event ORDER BY seq DESC LIMIT 1"
        ).fetchone()
    finally:
        db.close()


# Encrypting ----------------------------------------------------------------------------


def test_encrypt_leaves_no_personal_data_readable_in_any_file_and_every_row(plain):
    folder = plain.path.parent
    secrets = personal_bytes(plain)
    assert leaks(folder, secrets), "the scan finds nothing even in the plaintext"
    before = all_rows(plain.path)
    backup_rows = all_rows(plain.path.with_name("luotsi.db.v9.bak"))

    done = encrypt_database(plain.path, {"admin": "demo"})

    assert leaks(folder, secrets) == []
    assert register_files(folder) == [
        "luotsi.db",
        "luotsi.db.keys",
        "luotsi.db.v10.bak",
        "luotsi.db.v9.bak",
    ]
    assert done.slots == ["admin"]
    assert done.without_slot == ["valmentaja", "vastaanotto"]
    assert without_new_events(all_rows(plain.path), 1) == before
    assert last_event(plain.path) == ("update", "database", "encrypt", plain.admin.id)
    # A backup restored by copying it over the database opens with the same key file.
    restored = plain.path.with_name("restored.db")
    restored.write_bytes(plain.path.with_name("luotsi.db.v9.bak").read_bytes())
    key_file_of(restored).write_bytes(key_file_of(plain.path).read_bytes())
    keyring.remember(restored, keyring.known_key(plain.path))
    assert all_rows(restored) == backup_rows


def test_an_encrypted_database_opens_with_the_password_or_the_recovery_key_only(encrypted):
    world, recovery_key = encrypted
    with pytest.raises(keyring.DatabaseLocked):
        Store.open(world.path)
    with pytest.raises(LoginFailed):
        keyring.unlock(world.path, "admin", "wrong password")
    keyring.unlock(world.path, "admin", "demo")
    store = Store.open(world.path)
    [match] = store.clients.search("Mäkinen")
    assert match.id == world.clients["makinen"].id
    store.close()
    keyring.forget(world.path)
    keyring.unlock_with_recovery(world.path, recovery_key.lower().replace("-", " "))
    assert all_rows(world.path)["client"]


def refuse_encrypting(world, passwords):
    encrypt_database(world.path, passwords)


@pytest.mark.parametrize(
    ("passwords", "error"),
    [
        ({"admin": "wrong password"}, LoginFailed),
        ({"nobody": "demo"}, LoginFailed),
        ({"admin": "demo", "valmentaja": "wrong"}, LoginFailed),
        ({"valmentaja": "demo"}, PermissionDenied),
        ({}, LoginFailed),
    ],
)
def test_a_wrong_password_or_no_admin_changes_no_file(plain, passwords, error):
    before = snapshot(plain.path.parent)
    with pytest.raises(error):
        encrypt_database(plain.path, passwords)
    assert snapshot(plain.path.parent) == before
    assert not keyring.is_encrypted(plain.path)


def test_encrypting_again_is_refused_and_changes_no_file(encrypted):
    world, _ = encrypted
    before = snapshot(world.path.parent)
    with pytest.raises(AlreadyEncrypted):
        encrypt_database(world.path, {"admin": "demo"})
    assert snapshot(world.path.parent) == before


def test_a_truncated_or_foreign_file_is_refused_and_left_as_it_was(plain):
    data = plain.path.read_bytes()
    plain.path.write_bytes(data[: len(data) // 2])
    before = snapshot(plain.path.parent)
    with pytest.raises(DatabaseDamaged):
        encrypt_database(plain.path, {"admin": "demo"})
    assert snapshot(plain.path.parent) == before
    other = plain.path.with_name("other.db")
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
    conn.close()
    before = snapshot(plain.path.parent)
    with pytest.raises(NotADatabaseError):
        encrypt_database(other, {"admin": "demo"})
    assert snapshot(plain.path.parent) == before


HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode = WAL")
conn.execute("SELECT count(*) FROM staff").fetchone()
print("ready", flush=True)
sys.stdin.read()
conn.close()
"""


def test_a_database_open_in_another_process_or_this_one_is_busy_and_not_changed(plain):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(plain.path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(DatabaseBusy):
            encrypt_database(plain.path, {"admin": "demo"})
        assert not keyring.is_encrypted(plain.path)
        assert [name for name in os.listdir(plain.path.parent) if name.startswith(".")] == []
    finally:
        holder.communicate("")
    store = Store.open(plain.path)
    try:
        before = snapshot(plain.path.parent)
        with pytest.raises(DatabaseBusy):
            encrypt_database(plain.path, {"admin": "demo"})
        assert snapshot(plain.path.parent) == before
    finally:
        store.close()
    encrypt_database(plain.path, {"admin": "demo"})  # once it is closed


# Rekeying ------------------------------------------------------------------------------


def test_rekey_keeps_every_row_and_what_opened_it_before_opens_nothing(encrypted):
    world, recovery_key = encrypted
    folder = world.path.parent
    keyring.unlock(world.path, "admin", "demo")
    before = all_rows(world.path)
    old_key = keyring.known_key(world.path)
    old_key_file = key_file_of(world.path).read_bytes()
    old_salt = read_key_file(world.path).db_salt

    rekey_database(world.path, by=world.admin)

    new_salt = read_key_file(world.path).db_salt
    assert new_salt != old_salt
    assert without_new_events(all_rows(world.path), 1) == before
    assert last_event(world.path) == ("update", "database", "rekey", world.admin.id)
    assert leaks(folder, personal_bytes(world)) == []
    for file in (world.path, *world.path.parent.glob("luotsi.db.v*.bak")):
        assert file.read_bytes()[:16] == new_salt
        assert not opens_with(file, old_key, new_salt)
    # The same password and recovery key open the new key file.
    keyring.forget(world.path)
    keyring.unlock(world.path, "admin", "demo")
    keyring.forget(world.path)
    keyring.unlock_with_recovery(world.path, recovery_key)
    # A copy of the old key file, put back, is told apart and opens nothing.
    key_file_of(world.path).write_bytes(old_key_file)
    keyring.forget(world.path)
    with pytest.raises(KeyFileMismatch):
        keyring.unlock(world.path, "admin", "demo")


def test_a_removed_users_copy_of_the_old_key_file_opens_nothing_after_a_rekey(encrypted):
    world, _ = encrypted
    keyring.unlock(world.path, "admin", "demo")
    keyring.set_slot(world.path, "valmentaja", "coach's password")
    copy_taken = key_file_of(world.path).read_bytes()
    keyring.remove_slot(world.path, "valmentaja")
    rekey_database(world.path)
    # The coach, removed, unwraps the old key from the copy kept of the old key file ...
    stolen = world.path.with_name("stolen.db")
    stolen.write_bytes(b"")
    key_file_of(stolen).write_bytes(copy_taken)
    keyring.unlock(stolen, "valmentaja", "coach's password")
    old_key = keyring.known_key(stolen)
    # ... which opens neither the database nor any backup now.
    for file in (world.path, *world.path.parent.glob("luotsi.db.v*.bak")):
        assert not opens_with(file, old_key, read_key_file(world.path).db_salt)


def test_rekey_needs_an_encrypted_database_unlocked(plain):
    with pytest.raises(NotEncrypted):
        rekey_database(plain.path)
    encrypt_database(plain.path, {"admin": "demo"})
    keyring.forget(plain.path)
    before = snapshot(plain.path.parent)
    with pytest.raises(keyring.DatabaseLocked):
        rekey_database(plain.path)
    assert snapshot(plain.path.parent) == before


# Recovery ------------------------------------------------------------------------------


def test_recover_sets_the_admins_password_and_slot_and_logs_it(encrypted):
    world, recovery_key = encrypted
    recover(world.path, recovery_key, "admin", NEW_PASSWORD)
    keyring.forget(world.path)
    with pytest.raises(LoginFailed):
        keyring.unlock(world.path, "admin", "demo")
    keyring.unlock(world.path, "admin", NEW_PASSWORD)
    store = Store.open(world.path)
    try:
        assert store.staff.authenticate("admin", NEW_PASSWORD) is not None
        events = store.db.execute(
            "SELECT action, entity, purpose, staff_id FROM audit_event"
            " WHERE purpose IN ('recovery', 'password') ORDER BY seq"
        ).fetchall()
    finally:
        store.close()
    assert events == [
        ("update", "staff", "password", world.admin.id),
        ("update", "staff", "recovery", world.admin.id),
    ]


@pytest.mark.parametrize(
    ("key", "username", "password", "error"),
    [
        ("0000-0000-0000-0000-0000-0000-0000-0000", "admin", NEW_PASSWORD, RecoveryKeyWrong),
        (None, "valmentaja", NEW_PASSWORD, RecoveryNeedsAdmin),
        (None, "nobody", NEW_PASSWORD, RecoveryNeedsAdmin),
        (None, "admin", "short", StaffError),
    ],
)
def test_a_refused_recovery_changes_no_file(encrypted, key, username, password, error):
    world, recovery_key = encrypted
    before = snapshot(world.path.parent)
    with pytest.raises(error):
        recover(world.path, key or recovery_key, username, password)
    assert snapshot(world.path.parent) == before
