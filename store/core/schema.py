"""What every migration shares: the columns every table carries and running statements."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

from sqlite_utils import Database

# Columns every table carries (conventions: UUID text key, times in ISO 8601 UTC,
# soft delete so other devices can learn about a deletion).
COMMON = """
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT,
    deleted_at TEXT
"""


def sql_in(values: tuple[str, ...]) -> str:
    """`values` as the list of an SQL `IN (…)` (a CHECK of allowed values)."""
    return ", ".join(f"'{v}'" for v in values)


def run(db: Database, *statements: str) -> None:
    # One statement at a time: executescript() would commit the migration's transaction.
    for statement in statements:
        db.execute(statement)
