"""The database keys this process has unlocked, and unlocking them.

A database with a key file beside it (see `store.core.keys`) is encrypted; the one
connection factory (`store.core.db`) asks `key_for` which key to open it with, so nothing
else in the program knows whether a file is encrypted. A key is learnt by unlocking a
slot with a staff member's password (`unlock`, at login) or the recovery key
(`unlock_with_recovery`), and kept in this process's memory only, for the thread workers'
own connections, until the process ends or `forget` is called.
"""

from __future__ import annotations

import threading
from collections.abc import Generator
from contextlib import contextmanager
from pathlib import Path

from store.core.auth import LoginFailed
from store.core.keys import (
    RECOVERY_SLOT,
    SALT_BYTES,
    DatabaseLocked,
    KeyFile,
    KeyFileMismatch,
    KeyFileMissing,
    key_file_of,
    new_key,
    new_key_file,
    new_recovery_key,
    new_salt,
    normalise_recovery_key,
    read_key_file,
    spend_like_unwrap,
    unwrap,
    wrap,
    write_key_file,
)

_keys: dict[Path, bytes] = {}
# Each database file's SQLCipher salt, read once: reading the file again while this
# process has a connection to it would drop that connection's locks (see store.core.db).
_file_salts: dict[Path, bytes] = {}
_lock = threading.Lock()
# Whether a database created by `open_db` (a file that is not there yet) is encrypted:
# `luotsi init` says so for each database; the test suite's encrypted run for all of them.
_encrypt_new = False
# The recovery keys of databases encrypted by the policy above (for the suite's run only).
made_recovery_keys: dict[Path, str] = {}


def _own(path: str | Path) -> Path:
    return Path(path).resolve()


def encrypt_new_databases(on: bool) -> None:
    global _encrypt_new
    _encrypt_new = on


def is_encrypted(path: str | Path) -> bool:
    """Whether the database at `path` is (to be) encrypted: it has a key file beside it."""
    return key_file_of(path).exists()


def remember(path: str | Path, key: bytes) -> None:
    with _lock:
        _keys[_own(path)] = key


def forget(path: str | Path) -> None:
    """Drop what this process knows of the database at `path`: its key, and the salt of
    the file (a file replaced by `luotsi encrypt` or `rekey` has a new one)."""
    with _lock:
        _keys.pop(_own(path), None)
        _file_salts.pop(_own(path), None)


def known_key(path: str | Path) -> bytes | None:
    with _lock:
        return _keys.get(_own(path))


def _is_empty(path: Path) -> bool:
    return not path.exists() or path.stat().st_size == 0


def key_for(path: str | Path) -> tuple[bytes, KeyFile] | None:
    """The key (and key file) to open the database at `path` with, or None for a plain
    one. Raises `DatabaseLocked` for an encrypted database nobody has unlocked here,
    `KeyFileMissing` for a database made encrypted whose key file is gone,
    `KeyFileDamaged` and `KeyFileMismatch` for a key file that cannot be its."""
    path = Path(path)
    if not is_encrypted(path):
        if _encrypt_new and _is_empty(path):
            prepare(path)
        else:
            return None
    keys = read_key_file(path)
    check_belongs(path, keys)
    key = known_key(path)
    if key is None:
        raise DatabaseLocked(path)
    return key, keys


def check_belongs(path: Path, keys: KeyFile) -> None:
    """`KeyFileMismatch` unless the database file (if written yet) has the key file's salt."""
    salt = _file_salt(path)
    if salt is not None and salt != keys.db_salt:
        raise KeyFileMismatch(path)


def _file_salt(path: Path) -> bytes | None:
    with _lock:
        known = _file_salts.get(_own(path))
    if known is not None:
        return known
    if _is_empty(path):
        return None
    with path.open("rb") as handle:
        salt = handle.read(SALT_BYTES)
    with _lock:
        _file_salts[_own(path)] = salt
    return salt


def prepare(path: str | Path) -> str:
    """Make a new key, and the key file for a database not yet written at `path`, with a
    recovery slot; the key is kept as unlocked. Returns the recovery key, to be shown
    once; staff slots are added as accounts are made (see `set_slot`)."""
    path = Path(path)
    key, recovery = new_key(), new_recovery_key()
    keys = new_key_file(new_salt())
    keys = keys.with_slot(wrap(keys, RECOVERY_SLOT, recovery, key))
    path.parent.mkdir(parents=True, exist_ok=True)
    write_key_file(path, keys)
    remember(path, key)
    made_recovery_keys[_own(path)] = recovery
    return recovery


def _slot_name(username: str) -> str:
    return username.strip()


def unlock(path: str | Path, username: str, password: str) -> bool:
    """Learn the key of the database at `path` from `username`'s slot; `LoginFailed` for a
    wrong password or a name with no slot (equally slow, never saying which). A plain
    database needs no unlocking."""
    path = Path(path)
    if not is_encrypted(path):
        return False
    keys = read_key_file(path)
    check_belongs(path, keys)
    slot = keys.slot(_slot_name(username))
    if slot is None:
        spend_like_unwrap()
        raise LoginFailed()
    key = unwrap(keys, slot, password)
    if key is None:
        raise LoginFailed()
    remember(path, key)
    return True


class RecoveryKeyWrong(LoginFailed):
    def __init__(self) -> None:
        super(LoginFailed, self).__init__("keys.error.recovery_wrong")


def unlock_with_recovery(path: str | Path, recovery_key: str) -> None:
    """Learn the key from the recovery slot; `RecoveryKeyWrong` if it does not open it."""
    path = Path(path)
    keys = read_key_file(path)
    check_belongs(path, keys)
    slot = keys.slot(RECOVERY_SLOT)
    key = unwrap(keys, slot, normalise_recovery_key(recovery_key)) if slot else None
    if key is None:
        raise RecoveryKeyWrong()
    remember(path, key)


# Slots of staff members ----------------------------------------------------------------


@contextmanager
def key_file_change(path: str | Path) -> Generator[None, None, None]:
    """A block whose slot changes are undone if it fails: the key file is put back as it
    was. Used inside the database transaction that changes the staff row, as its last
    step, so a failure of either leaves both as they were."""
    path = Path(path)
    before = key_file_of(path).read_bytes() if is_encrypted(path) else None
    try:
        yield
    except BaseException:
        if before is not None:
            _restore(path, before)
        raise


def _restore(path: Path, content: bytes) -> None:
    from store.core.keys import parse_key_file

    write_key_file(path, parse_key_file(content))


def _unlocked_keys(path: Path) -> tuple[bytes, KeyFile]:
    found = key_for(path)
    if found is None:
        raise KeyFileMissing(path)
    return found


def set_slot(path: str | Path, username: str, password: str) -> None:
    """Give `username` a slot opened by `password` (a new one, or in place of the old);
    nothing for a plain database."""
    path = Path(path)
    if not is_encrypted(path):
        return
    key, keys = _unlocked_keys(path)
    write_key_file(path, keys.with_slot(wrap(keys, _slot_name(username), password, key)))


def remove_slot(path: str | Path, username: str) -> None:
    """Take `username`'s slot away; nothing for a plain database or a name with none."""
    path = Path(path)
    if not is_encrypted(path):
        return
    keys = read_key_file(path)
    if keys.slot(_slot_name(username)) is not None:
        write_key_file(path, keys.without(_slot_name(username)))


def slot_names(path: str | Path) -> list[str]:
    """The usernames with a slot (for the admin's view and `luotsi encrypt`'s report)."""
    return read_key_file(path).names() if is_encrypted(path) else []
