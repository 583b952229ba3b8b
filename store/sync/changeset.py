"""SQLite's session extension, through apsw (built with SQLite3 Multiple Ciphers, so it
reads the SQLCipher files Luotsi writes): a laptop's changes since its base as one
changeset, and a changeset read back as rows with column names.

apsw brings a second SQLite library into the process. Two libraries must never have the
same file open in one process at once: closing a file in one drops the other's POSIX
locks on it (sqlite.org/howtocorrupt.html §2.2; bench/two_sqlite_libraries.py shows
another process taking the write lock under a live read). So apsw only ever opens files
the app's own driver does not hold: a snapshot made for packing, and the base.
"""

# apsw's stubs leave its Buffer type unknown.
# pyright: reportUnknownMemberType=false, reportUnknownArgumentType=false
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import apsw

from store.sync.models import Change, Op

_OPS: dict[str, Op] = {"INSERT": "insert", "UPDATE": "update", "DELETE": "delete"}


def _open(path: Path, key: bytes | None) -> apsw.Connection:
    conn = apsw.Connection(str(path), flags=apsw.SQLITE_OPEN_READONLY)
    if key is not None:
        conn.pragma("cipher", "sqlcipher")
        conn.pragma("legacy", 4)
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def capture(laptop: Path, base: Path, key: bytes | None, tables: Iterable[str]) -> bytes:
    """The changeset that turns `base` into `laptop` for `tables` (both files under
    `key`, or plain when it is None). Neither file may be open in this process through
    the app's own driver (see the module's docstring)."""
    conn = _open(laptop, key)
    try:
        if key is None:
            conn.execute("ATTACH DATABASE ? AS base", (str(base),))
        else:
            conn.execute(f"ATTACH DATABASE ? AS base KEY \"x'{key.hex()}'\"", (str(base),))
        session = apsw.Session(conn, "main")
        for table in tables:
            session.diff("base", table)
        changeset = session.changeset()
        session.close()
        return changeset
    finally:
        conn.close()


def read(changeset: bytes, columns: Mapping[str, Sequence[str]]) -> list[Change]:
    """The changes in `changeset`, with the column names each table had where it was
    made (`columns`, as a bundle carries them). Raises KeyError for a table not named
    there and ValueError for a change whose column count differs from it."""
    changes: list[Change] = []
    for change in apsw.Changeset.iter(changeset):
        names = columns[change.name]
        if change.column_count != len(names):
            raise ValueError(f"{change.name}: {change.column_count} columns, expected {len(names)}")
        old = _named(names, change.old)
        new = _named(names, change.new)
        row_id = old.get("id", new.get("id"))
        if change.op == "UPDATE":  # the key is not a changed column
            old.pop("id", None)
            new.pop("id", None)
        changes.append(Change(change.name, _OPS[change.op], str(row_id), old, new))
    return changes


def _named(names: Sequence[str], values: tuple[object, ...] | None) -> dict[str, object]:
    if values is None:
        return {}
    return {
        name: value
        for name, value in zip(names, values, strict=True)
        if value is not apsw.no_change
    }
