"""The migration set every Luotsi database follows, in the order its modules register."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "luotsi"
migrations = Migrations(MIGRATION_SET)


def migration_names() -> list[str]:
    """The names of every migration this version knows, in order."""
    return [migration.name for migration in migrations.pending(Database(memory=True))]
