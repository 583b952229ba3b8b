"""Receive on the laptop (the app closed): a refreshed check-out from the office takes the
place of the laptop database, its key file and its base, once the laptop's own changes
have all gone into a bundle. Access-log events the laptop logged after its last pack are
carried into the new database, so its log loses nothing.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from store.core import keyring
from store.core.audit import append_events
from store.core.audit_chain import CHAINED_COLUMNS
from store.core.clock import Clock, from_iso, to_local
from store.core.context import Context
from store.core.dates import format_date
from store.core.db import open_db, write_transaction
from store.core.encryption_files import replace as replace_file
from store.core.encryption_files import take_alone
from store.core.keys import DatabaseLocked, key_file_of
from store.sync.errors import (
    BundleForAnotherOffice,
    NotALaptop,
    StaleBase,
    SyncError,
    UnknownDevice,
    UnpackedChanges,
)
from store.sync.laptop import base_of, copy_private, laptop_state
from store.sync.models import LaptopState
from store.sync.snapshot import capture_laptop, changes_since_pack


class LastPackNotCheckedIn(SyncError):
    """The check-out was cut before the office checked in the laptop's last bundle:
    taking it would drop that bundle's changes from the laptop."""

    def __init__(self, packed_at: str) -> None:
        moment = to_local(from_iso(packed_at))
        super().__init__(
            "sync.error.last_pack_not_checked_in",
            packed_on=format_date(moment.date()),
            packed_time=f"{moment:%H.%M}",
        )


# The carried events keep every field of their own; seq and the links are the new log's.
_CARRIED = CHAINED_COLUMNS[1:]


def receive(checkout_path: Path, laptop_path: Path) -> None:
    """Replace the laptop database at `laptop_path` with the check-out at `checkout_path`
    (a newer one of the same laptop and office). Both keys must be known to this process
    when they are encrypted (`keyring.unlock` with the coach's password)."""
    checkout_path, laptop_path = Path(checkout_path), Path(laptop_path)
    for path in (laptop_path, checkout_path):
        if not path.is_file():  # opening it would make an empty database there
            raise NotALaptop(str(path))
    held, late_events = _laptop(laptop_path)
    encrypted = keyring.is_encrypted(checkout_path)
    files = [laptop_path, *([key_file_of(laptop_path)] if encrypted else []), base_of(laptop_path)]
    new_key = _known_key(checkout_path) if encrypted else None
    work = Path(tempfile.mkdtemp(prefix=f".{laptop_path.name}.", dir=laptop_path.parent))
    staged = work / laptop_path.name
    try:
        copy_private(checkout_path, staged)
        if new_key is not None:
            copy_private(key_file_of(checkout_path), key_file_of(staged))
            keyring.remember(staged, new_key)
        copy_private(base_of(checkout_path), base_of(staged))
        _take_in(staged, checkout_path, held, late_events)
        keyring.forget(laptop_path)
        # Each renamed into place, the old one's bytes overwritten (a plain laptop's held
        # client data), as `luotsi encrypt` replaces a database.
        for target in files:
            replace_file(work / target.name, target)
        if new_key is not None:
            keyring.remember(laptop_path, new_key)
    finally:
        keyring.forget(staged)
        shutil.rmtree(work, ignore_errors=True)


def _known_key(path: Path) -> bytes:
    key = keyring.known_key(path)
    if key is None:
        raise DatabaseLocked(path)
    return key


def _laptop(laptop_path: Path) -> tuple[LaptopState, list[list[object]]]:
    """The check-out the laptop holds and the events it logged since its last pack;
    `UnpackedChanges` if anything changed there since."""
    db = open_db(laptop_path)
    try:
        # The app must be closed: writes of an app still running would go to the old
        # file, replaced under it. Kept to this connection until it closes.
        take_alone(db.conn, laptop_path)
        held = laptop_state(db)
        if held is None:
            raise NotALaptop(str(laptop_path))
        unpacked = changes_since_pack(held, capture_laptop(db, laptop_path))
        if unpacked:
            raise UnpackedChanges(unpacked)
        late = db.execute(
            f"SELECT {', '.join(_CARRIED)} FROM audit_event WHERE seq > ? ORDER BY seq",
            [held.packed_audit_seq or 0],
        ).fetchall()
        return held, [list(row) for row in late]
    finally:
        db.close()


def _take_in(
    staged: Path, checkout_path: Path, held: LaptopState, late_events: list[list[object]]
) -> None:
    """Check the staged copy of the check-out against what the laptop holds, and append
    the laptop's late events to its log."""
    db = open_db(staged)
    try:
        new = laptop_state(db)
        if new is None:
            raise NotALaptop(str(checkout_path))
        if new.office_id != held.office_id:
            raise BundleForAnotherOffice(checkout_path.name)
        if new.device_id != held.device_id:
            raise UnknownDevice(checkout_path.name)
        if new.cut_at <= held.cut_at or new.base_id == held.base_id:
            raise StaleBase(checkout_path.name)
        if held.packed_at is not None and (
            new.checked_in_through is None or new.checked_in_through < held.packed_at
        ):
            raise LastPackNotCheckedIn(held.packed_at)
        if late_events:
            ctx = Context(db, Clock())
            with write_transaction(db):
                append_events(ctx, _CARRIED, late_events, by=None)
    finally:
        db.close()
