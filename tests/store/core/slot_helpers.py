"""What the key slots' tests share: whether a password opens an encrypted database as a
new process would, and a key file that cannot be written."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from store.core import keyring
from store.core.auth import LoginFailed
from store.core.db import open_db
from store.core.keys import key_file_of


def opens_with(path: Path, username: str, password: str) -> bool:
    """Whether `password` unlocks the database at `path` as a process that has not
    unlocked it yet would: the key learnt from the slot alone, then the file opened."""
    known = keyring.known_key(path)
    keyring.forget(path)
    try:
        keyring.unlock(path, username, password)
    except LoginFailed:
        return False
    else:
        open_db(path).close()
        return True
    finally:  # the test's own store goes on with the key it had
        if known is not None:
            keyring.remember(path, known)


@contextmanager
def unwritable_key_file(path: Path) -> Iterator[None]:
    """The key file of the database at `path` cannot be replaced while in the block: the
    temporary file it is written to first is a folder (root ignores a read-only folder,
    but not this)."""
    keys = key_file_of(path)
    partial = keys.with_name(f".{keys.name}.partial")
    partial.mkdir()
    (partial / "keep").write_text("x")
    try:
        yield
    finally:
        (partial / "keep").unlink()
        partial.rmdir()
