"""Migration 0004: the lock on a username after failed logins."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

from sqlite_utils import Database

from store.core.migrations.registry import migrations
from store.core.schema import COMMON, run


@migrations(name="0004_login_throttle")
def m0004_login_throttle(db: Database) -> None:
    # Failed logins per typed username, for the lockout: the name is kept only as a slow
    # hash, so neither an unknown name nor a password typed into the name field is stored.
    run(
        db,
        f"""CREATE TABLE login_throttle (
            id TEXT PRIMARY KEY NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            failures INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            {COMMON}
        )""",
    )
