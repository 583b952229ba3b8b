"""What `luotsi init` needs besides its questions: whether PATH may be given a database,
its key file for an encrypted one, what is said once it is made, and undoing a new
database that could not be finished."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from store.core import keyring
from store.core.errors import file_fault
from store.core.i18n import tr
from store.core.keys import key_file_of
from store.visits.board_feed import board_file_of

from .cli_common import fail, fail_on_store_fault, open_store


@dataclass(frozen=True)
class Target:
    """The file `luotsi init` is to fill: `new` when there is no database in it yet (no
    file, or an empty one: `was_empty_file`), else a database with nobody in it."""

    path: Path
    new: bool
    was_empty_file: bool


def _staff_count(path: Path, lang: str) -> int:
    store = open_store(path, lang)
    try:
        return store.db.execute("SELECT count(*) FROM staff").fetchone()[0]
    finally:
        store.close()


def init_target(path: Path, lang: str) -> Target:
    """PATH as `luotsi init` may fill it, else exit 2 saying why, with nothing changed:
    a database with users already; an encrypted one this process cannot look into; a
    key file beside no database (left over from another: it must not be overwritten, as
    its database may still turn up)."""
    exists = path.exists()
    empty = not exists or path.stat().st_size == 0
    if keyring.is_encrypted(path) and keyring.known_key(path) is None:
        if empty:
            fail(tr("cli.init.leftover_keys", lang, path=path, keys=key_file_of(path)))
        fail(tr("cli.init.exists_encrypted", lang, path=path))
    if not empty and _staff_count(path, lang) > 0:
        fail(tr("cli.init.exists", lang, path=path))
    return Target(path, new=empty, was_empty_file=exists and empty)


def make_key_file(target: Target, lang: str) -> str:
    """The new database's key and key file (with its recovery slot); returns the recovery
    key. A folder that may not be written, or a full disk, is exit 2 as for the
    database itself."""
    try:
        return keyring.prepare(target.path)
    except OSError as exc:
        fail_on_store_fault(file_fault(exc), lang, target.path)


def undo_new_database(target: Target, made_key_file: bool) -> None:
    """Take away what a failed `init` made of a new database, so that PATH is as it was
    (no file, or an empty one) and no key file is left over with no database to open."""
    path = target.path
    try:
        for end in ("-wal", "-shm", "-journal"):
            path.with_name(path.name + end).unlink(missing_ok=True)
        board_file_of(path).unlink(missing_ok=True)  # the board's side file, if published
        for end in ("-wal", "-shm"):
            path.with_name(board_file_of(path).name + end).unlink(missing_ok=True)
        if target.was_empty_file:
            os.truncate(path, 0)
        else:
            path.unlink(missing_ok=True)
        if made_key_file:
            key_file_of(path).unlink(missing_ok=True)
            keyring.forget(path)
    except OSError:
        pass  # the failure being reported matters more than what could not be tidied


def done_lines(target: Target, username: str, recovery_key: str | None, lang: str) -> list[str]:
    """What `init` says once the database is made; an encrypted database's recovery key,
    grouped for writing down, is in it once and is shown nowhere else, ever."""
    path = target.path
    lines = [tr("cli.init.done", lang, path=path, username=username)]
    if recovery_key is not None:
        lines += [
            "",
            tr("cli.init.recovery_title", lang),
            "",
            f"    {recovery_key}",
            "",
            tr("cli.init.recovery_warning", lang),
        ]
    elif not keyring.is_encrypted(path):
        lines.append(
            tr("cli.init.plain" if target.new else "cli.init.plain_existing", lang, path=path)
        )
    return lines
