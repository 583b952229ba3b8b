"""A backup copy of a database in use: whole, consistent, the owner's only, and as
protected as the register itself (an encrypted database's copy is encrypted)."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

from store.core import audit, keyring
from store.core.auth import require
from store.core.context import Context
from store.core.db import export_encrypted, write_transaction
from store.core.errors import database_file
from store.core.files import create_new_private
from store.core.i18n import TranslatedError
from store.core.keys import key_file_of, read_key_file, write_key_file
from store.core.models import Staff


class BackupRefused(TranslatedError):
    """The backup's file cannot be written where it was asked; nothing was written."""


def backup_database(ctx: Context, actor: Staff, target: Path) -> Path:
    """Copy the open database to the new file `target` (an admin's act, in the access log).

    A plain database is copied by SQLite's online backup. An encrypted one is written by
    SQLCipher's export under the same key and salt, and its key file beside it: the copy
    opens with the same passwords and recovery key, and no page of it is ever plaintext
    on disk. Readers and writers may go on meanwhile; the copy is of one moment."""
    require(actor, "database.backup")
    source = database_file(ctx.db.conn)
    if source is None:
        raise BackupRefused("backup.error.no_file")
    if target.exists() or key_file_of(target).exists():
        raise BackupRefused("backup.error.exists", path=target)
    if target.resolve() == source.resolve():
        raise BackupRefused("backup.error.exists", path=target)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        create_new_private(partial)
        found = keyring.key_for(source)
        if found is None:
            import sqlite3

            with closing(sqlite3.connect(partial)) as copy:
                ctx.db.conn.backup(copy)
        else:
            key, keys = found
            export_encrypted(ctx.db.conn, partial, key, keys.db_salt)
            write_key_file(target, read_key_file(source))
        partial.rename(target)
        if found is not None:  # the same key opens the copy; this process knows it
            keyring.remember(target, found[0])
    except FileNotFoundError as exc:
        partial.unlink(missing_ok=True)
        raise BackupRefused("backup.error.folder", path=target.parent) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        key_file_of(target).unlink(missing_ok=True)
        raise
    with write_transaction(ctx.db):
        audit.log_event(
            ctx, staff_id=actor.id, action="export", entity="database", purpose="backup"
        )
    return target
