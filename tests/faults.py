"""Another process holding a database's write lock, for the tests of a busy database."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

# What a second Luotsi (or a `sqlite3` shell) does while it writes: it holds the lock.
# With `exclusive`, it has the file to itself (locking_mode=EXCLUSIVE, as a maintenance
# script may), so that even reading, and so opening, has to wait.
_HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
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
