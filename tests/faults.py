"""Another process holding a database's write lock, for the tests of a busy database;
and the database file reached around the store, whether it is plain or encrypted: by a
test that tampers with it, and by a child process (another desk, a killed writer)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from store.core import keyring
from store.core.db import use_key
from store.core.keys import read_key_file

# The keys a child process is to know, by database path (hex), in its environment.
CHILD_KEYS = "LUOTSI_TEST_KEYS"


def raw_connect(
    path: str | Path, *, keys_of: str | Path | None = None, **kwargs: Any
) -> sqlite3.Connection:
    """A connection to the database at `path` that is not the store's (no pragmas, no
    migrations): as another program, or someone tampering with the file, would have. An
    encrypted file is opened through SQLCipher with the key this process has unlocked; a
    plain one (or a new file, when nothing asked for it to be encrypted) with sqlite3.
    `keys_of` names the database whose key opens `path` (a migration backup of it);
    `kwargs` are sqlite3.connect's (`uri=True` with a `file:` URI as `path`)."""
    if keys_of is None:
        keys_of = Path(unquote(urlparse(str(path)).path)) if kwargs.get("uri") else Path(path)
    key = keyring.known_key(keys_of) if keyring.is_encrypted(keys_of) else None
    if key is None:
        return sqlite3.connect(path, **kwargs)
    conn = sqlcipher.connect(str(path), **kwargs)
    use_key(conn, key, read_key_file(keys_of).db_salt)
    return conn  # type: ignore[return-value]  (the same DB-API, as typings/ says)


def as_dict(cursor: Any, row: tuple[Any, ...]) -> dict[str, Any]:
    """A `row_factory` giving each row as a dict by column, on either driver's connection."""
    return {column[0]: value for column, value in zip(cursor.description, row, strict=True)}


def keys_for_child(*paths: str | Path) -> dict[str, str]:
    """The keys this process has unlocked for the databases at `paths`, for a child
    process (another desk, a killed writer) to learn with `learn_keys`: as a desk whose
    user logged in has them. Empty for plain databases."""
    return {
        str(Path(path).resolve()): key.hex()
        for path in paths
        if (key := keyring.known_key(path)) is not None
    }


def learn_keys(keys: dict[str, str]) -> None:
    for path, key in keys.items():
        keyring.remember(path, bytes.fromhex(key))


def child_env(*paths: str | Path, env: dict[str, str] | None = None) -> dict[str, str]:
    """The environment (`env`, or this process's) for a child process started with
    `UNLOCK_IN_CHILD` that opens the databases at `paths`, with their keys."""
    base = dict(os.environ if env is None else env)
    # The child imports this module from the checkout, whatever folder it runs in.
    paths_before = [base["PYTHONPATH"]] if base.get("PYTHONPATH") else []
    python_path = os.pathsep.join([str(Path(__file__).resolve().parents[1]), *paths_before])
    keys = json.dumps(keys_for_child(*paths))
    return {**base, CHILD_KEYS: keys, "PYTHONPATH": python_path}


def unlock_from_environment() -> None:
    """In a child process started with `child_env`: learn the keys it was given."""
    learn_keys(json.loads(os.environ.get(CHILD_KEYS, "{}")))


# The first line of a child's `-c` code that opens a database given in `child_env`.
UNLOCK_IN_CHILD = "from tests.faults import unlock_from_environment; unlock_from_environment()\n"

# What a second Luotsi (or a `sqlite3` shell) does while it writes: it holds the lock.
# With `exclusive`, it has the file to itself (locking_mode=EXCLUSIVE, as a maintenance
# script may), so that even reading, and so opening, has to wait.
_HOLDER = (
    UNLOCK_IN_CHILD
    + """
import sys
from tests.faults import raw_connect
conn = raw_connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "exclusive":
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("CREATE TABLE held_by_another_process (x)")
else:
    conn.execute("BEGIN IMMEDIATE")
print("held", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""
)

# How long our side waits for the lock in these tests: the 5 s of production would
# only make the suite slower, and the waiting itself is SQLite's.
SHORT_BUSY_TIMEOUT_MS = 50


class WriteLock:
    """A second process that takes the write lock of `path` and keeps it until released."""

    def __init__(self, path: Path, *, exclusive: bool = False) -> None:
        self.path = path
        self.exclusive = exclusive
        self.process: subprocess.Popen[str] | None = None

    def hold(self) -> None:
        assert self.process is None
        self.process = subprocess.Popen(
            [sys.executable, "-c", _HOLDER, str(self.path), "exclusive" * self.exclusive],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=child_env(self.path),
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline() == "held\n"

    def release(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        assert process.stdin is not None
        process.stdin.write("\n")
        process.stdin.close()
        assert process.wait(timeout=30) == 0

    @contextmanager
    def held(self) -> Iterator[None]:
        self.hold()
        try:
            yield
        finally:
            self.release()


@contextmanager
def write_lock_on(
    path: Path, monkeypatch: pytest.MonkeyPatch, *, exclusive: bool = False
) -> Iterator[WriteLock]:
    """A `WriteLock` on `path`, released at the end; our side's busy timeout is short."""
    monkeypatch.setattr("store.core.db.BUSY_TIMEOUT_MS", SHORT_BUSY_TIMEOUT_MS)
    lock = WriteLock(path, exclusive=exclusive)
    try:
        yield lock
    finally:
        lock.release()
