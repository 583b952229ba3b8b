"""Staff members' key slots (see `store.core.keys`), changed in the same step as their
staff rows: an account that is made, gets a new password or is closed gets, has its slot
rewrapped or loses its slot in the transaction that changes its row, and a failure of
either leaves both as they were.

A slot is made before the write lock is taken (`new_slot`: scrypt is slow by design, and
other desks wait on the lock); the key file is written as the last step of the row's
transaction (`slot_transaction`), under the lock, so two admins' changes never overwrite
each other, and it is put back as it was if the transaction's COMMIT then fails. A plain
database has no key file: nothing here changes anything for it.

On an encrypted database only an account with a slot logs in (`has_slot`, asked by the
login): in a new process nobody without one could unlock the file, so the same holds
when someone else has already unlocked it in this one. Accounts made before the database
was encrypted get their slot when an admin sets their password.
"""

from __future__ import annotations

from collections.abc import Generator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from store.core import keyring
from store.core.context import Context
from store.core.db import write_transaction
from store.core.errors import database_file
from store.core.i18n import TranslatedError
from store.core.keys import (
    KeyFile,
    KeyFileError,
    Slot,
    key_file_of,
    read_key_file,
    wrap,
    write_key_file,
)


class KeyFileNotWritten(KeyFileError):
    """The key file could not be written (a full disk, a folder not writable); the staff
    change was rolled back and the key file is as it was."""

    def __init__(self, path: Path, reason: OSError) -> None:
        super().__init__(
            "keys.error.not_written", keys=key_file_of(path), reason=reason.strerror or reason
        )
        self.path = path


class KeyFileChanged(KeyFileError):
    """The database's key changed (a rekey) between making a slot and storing it."""

    def __init__(self, path: Path) -> None:
        super().__init__("keys.error.changed", keys=key_file_of(path))
        self.path = path


class NoKeySlot(TranslatedError):
    """The right password of an active account that has no slot in the encrypted
    database's key file (made before the database was encrypted)."""

    def __init__(self, username: str) -> None:
        super().__init__("auth.error.no_slot", username=username)


@dataclass(frozen=True)
class NewSlot:
    """A slot made ahead of the transaction that stores it, and what it was made for."""

    slot: Slot
    database_id: str
    key: bytes


def _encrypted_file(ctx: Context) -> Path | None:
    path = database_file(ctx.db.conn)
    return path if path is not None and keyring.is_encrypted(path) else None


def new_slot(ctx: Context, username: str, password: str) -> NewSlot | None:
    """`username`'s slot opened by `password`, for `SlotChanges.put`; None for a plain
    database. Slow (scrypt): call it before the write transaction."""
    path = database_file(ctx.db.conn)
    found = keyring.key_for(path) if path is not None else None
    if found is None:
        return None
    key, keys = found
    return NewSlot(wrap(keys, username.strip(), password, key), keys.database_id, key)


def has_slot(ctx: Context, username: str) -> bool:
    """Whether `username` may unlock the database: always for a plain one."""
    path = _encrypted_file(ctx)
    return path is None or read_key_file(path).slot(username.strip()) is not None


@dataclass
class SlotChanges:
    """The slot changes a `slot_transaction` makes as its last step."""

    _put: dict[str, NewSlot] = field(default_factory=dict[str, NewSlot])
    _removed: set[str] = field(default_factory=set[str])

    def put(self, new: NewSlot | None) -> None:
        """Give the slot's user this slot, in place of one they have (None: a plain
        database, nothing to do)."""
        if new is not None:
            self._removed.discard(new.slot.name)
            self._put[new.slot.name] = new

    def remove(self, username: str) -> None:
        """Take `username`'s slot away, if they have one."""
        self._put.pop(username.strip(), None)
        self._removed.add(username.strip())

    def applied_to(self, path: Path, keys: KeyFile) -> KeyFile:
        for name in self._removed:
            keys = keys.without(name)
        for new in self._put.values():
            if new.database_id != keys.database_id or keyring.known_key(path) != new.key:
                raise KeyFileChanged(path)
            keys = keys.with_slot(new.slot)
        return keys


@contextmanager
def slot_transaction(ctx: Context) -> Generator[SlotChanges, None, None]:
    """One write transaction (see `db.write_transaction`) whose last step writes the slot
    changes asked for in it to the key file.

    A failure before that step rolls back and leaves the key file alone; a failure to
    write the key file (`KeyFileNotWritten`, `KeyFileDamaged` …) rolls the rows back;
    a COMMIT that fails after the key file was written puts the key file back as it
    was (`keyring.key_file_change`). Inside an outer transaction (a savepoint) the key
    file is written when the block ends, and the outer transaction's own COMMIT is not
    covered.
    """
    changes = SlotChanges()
    undo = ExitStack()
    path: Path | None = None
    try:
        # `undo` is left after the transaction, so it sees a failed COMMIT too.
        with undo, write_transaction(ctx.db):
            yield changes
            path = _encrypted_file(ctx)
            if path is not None:
                keys = read_key_file(path)
                changed = changes.applied_to(path, keys)
                if changed != keys:
                    undo.enter_context(keyring.key_file_change(path))
                    write_key_file(path, changed)
    except OSError as failed:
        if path is None:
            raise
        raise KeyFileNotWritten(path, failed) from failed
