"""A laptop cut from a test's office and bundles packed from it, made by hand (a byte copy
of the office and its base, a device row at the office, a check-out row on the laptop), so
the check-in's edge cases can be set up in a few lines each."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from store.api import Store
from store.core import keyring
from store.core.audit import EXPORT_COLUMNS
from store.core.clock import FixedClock, from_iso, to_iso
from store.core.db import write_transaction
from store.core.keys import key_file_of
from store.core.migrations import migration_names
from store.core.rows import insert_row, update_row
from store.sync.bundle import Contents, Header, new_bundle_key, seal
from store.sync.changeset import capture
from store.sync.tables import SYNCED

# The laptop works an hour after the office's fixed clock: its edits are the newer ones.
LAPTOP_LEAD = timedelta(hours=1)


@dataclass
class Laptop:
    path: Path
    base: Path
    key: bytes | None  # the database key (the office's: a byte copy), None when plain
    device_id: str
    bundle_key: bytes
    office_id: str
    base_id: str
    clock: FixedClock
    bundles: list[str] = field(default_factory=list[str])

    @contextmanager
    def store(self) -> Iterator[Store]:
        """The laptop's database through Luotsi's own store, closed on leaving (before
        apsw reads it to pack)."""
        store = Store.open(self.path, self.clock)
        try:
            yield store
        finally:
            store.close()

    def edit(self, table: str, row_id: str, changes: Mapping[str, object], by: str) -> None:
        with self.store() as store, write_transaction(store.db):
            update_row(store.ctx, table, row_id, changes, by=by)

    def insert(self, table: str, values: Mapping[str, object], by: str) -> str:
        with self.store() as store, write_transaction(store.db):
            return insert_row(store.ctx, table, values, by=by)

    def pack(
        self,
        *,
        office_id: str | None = None,
        migrations: list[str] | None = None,
        drop_column: tuple[str, str] | None = None,
    ) -> bytes:
        """A bundle of everything since the base (cumulative, as the laptop packs). The
        keywords make the odd ones: for another office, from a newer Luotsi, or from an
        older schema lacking `drop_column` (table, column) on the laptop."""
        with self.store() as store:
            if drop_column is not None:
                store.db.execute(f"ALTER TABLE {drop_column[0]} DROP COLUMN {drop_column[1]}")
            columns = {
                table: [str(r[1]) for r in store.db.execute(f"PRAGMA table_info({table})")]
                for table in SYNCED
            }
            audit_rows = [
                list(row)
                for row in store.db.execute(
                    f"SELECT {', '.join(EXPORT_COLUMNS)} FROM audit_event ORDER BY seq"
                ).fetchall()
            ]
        if drop_column is not None:  # the base as an older laptop's base would be
            with self._base_store() as base:
                base.db.execute(f"ALTER TABLE {drop_column[0]} DROP COLUMN {drop_column[1]}")
        data = capture(self.path, self.base, self.key, SYNCED)
        bundle_id = str(uuid.uuid4())
        self.bundles.append(bundle_id)
        contents = Contents(
            base_id=self.base_id,
            packed_at=to_iso(self.clock.now()),
            packed_by=None,
            migrations=migrations if migrations is not None else migration_names(),
            columns=columns,
            changeset=data,
            audit_columns=EXPORT_COLUMNS,
            audit_rows=audit_rows,
        )
        header = Header(office_id or self.office_id, self.device_id, bundle_id)
        return seal(header, contents, self.bundle_key)

    @contextmanager
    def _base_store(self) -> Iterator[Store]:
        copy = self.base.with_name("base-edit.db")
        shutil.copyfile(self.base, copy)
        if self.key is not None:
            shutil.copyfile(key_file_of(self.path), key_file_of(copy))
            keyring.remember(copy, self.key)
        store = Store.open(copy, self.clock)
        try:
            yield store
        finally:
            store.close()
            shutil.copyfile(copy, self.base)


def check_out(world, name: str = "laptop") -> Laptop:  # noqa: ANN001 (tests' World)
    """A laptop holding a byte copy of the office, checked out to the world's coach. The
    office's store is closed and opened again around the copy (`world.store` is new)."""
    clock = world.store.ctx.clock
    world.store.close()
    laptop = world.path.with_name(f"{name}.db")
    base = world.path.with_name(f"{name}.db.base")
    shutil.copyfile(world.path, laptop)
    shutil.copyfile(world.path, base)
    key = keyring.known_key(world.path)
    if key is not None:
        shutil.copyfile(key_file_of(world.path), key_file_of(laptop))
        keyring.remember(laptop, key)
    world.store = Store.open(world.path, clock)
    office = world.store
    office_id = str(office.db.execute("SELECT id FROM sync_office").fetchone()[0])
    now = office.ctx.now_iso()
    device = Laptop(
        path=laptop,
        base=base,
        key=key,
        device_id=str(uuid.uuid4()),
        bundle_key=new_bundle_key(),
        office_id=office_id,
        base_id=str(uuid.uuid4()),
        clock=FixedClock(from_iso(now) + LAPTOP_LEAD),
    )
    with write_transaction(office.db):
        insert_row(
            office.ctx,
            "sync_device",
            {
                "coach_id": world.coach.id,
                "label": name,
                "bundle_key": device.bundle_key.hex(),
                "base_id": device.base_id,
                "checked_out_at": now,
                "checked_out_by": world.admin.id,
                "window_from": now,
                "window_to": now,
            },
            by=world.admin.id,
            row_id=device.device_id,
        )
    with device.store() as store, write_transaction(store.db):
        insert_row(
            store.ctx,
            "sync_laptop",
            {
                "office_id": office_id,
                "coach_id": world.coach.id,
                "base_id": device.base_id,
                "bundle_key": device.bundle_key.hex(),
                "cut_at": now,
                "window_from": now,
                "window_to": now,
            },
            by=world.admin.id,
            row_id=device.device_id,
        )
    return device
