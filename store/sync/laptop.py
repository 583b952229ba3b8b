"""Which side of the sync a database is: an office register (a `sync_office` row, no
`sync_laptop` row) or a laptop holding one coach's check-out, and the files beside it."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

import os
import shutil
from pathlib import Path

from sqlite_utils import Database

from store.core.files import PRIVATE_MODE
from store.sync.models import LaptopState

_STATE = (
    "SELECT id, office_id, coach_id, base_id, cut_at, window_from, window_to, packed_at,"
    " checked_in_through, bundle_key, packed_hash, packed_audit_seq"
    " FROM sync_laptop WHERE deleted_at IS NULL"
)


def laptop_state(db: Database) -> LaptopState | None:
    """The check-out this database holds; None on an office register."""
    row = db.execute(_STATE).fetchone()
    if row is None:
        return None
    return LaptopState(
        device_id=str(row[0]),
        office_id=str(row[1]),
        coach_id=str(row[2]),
        base_id=str(row[3]),
        cut_at=str(row[4]),
        window_from=str(row[5]),
        window_to=str(row[6]),
        packed_at=None if row[7] is None else str(row[7]),
        checked_in_through=None if row[8] is None else str(row[8]),
        bundle_key=bytes.fromhex(str(row[9])),
        packed_hash=None if row[10] is None else str(row[10]),
        packed_audit_seq=None if row[11] is None else int(row[11]),
    )


def office_id(db: Database) -> str:
    """This register's own id (the one a bundle for it names)."""
    row = db.execute("SELECT id FROM sync_office ORDER BY created_at LIMIT 1").fetchone()
    return str(row[0])


def base_of(path: Path) -> Path:
    """The base a laptop database was cut from: `FILE.base`, beside it, under the same key."""
    path = Path(path)
    return path.with_name(path.name + ".base")


def copy_private(source: Path, target: Path) -> None:
    """A byte copy of a closed file, only its owner's, flushed to disk; never over a file."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE)
    with source.open("rb") as reading, os.fdopen(fd, "wb") as writing:
        shutil.copyfileobj(reading, writing)
        writing.flush()
        os.fsync(writing.fileno())
