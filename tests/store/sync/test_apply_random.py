"""Random rounds of edits on a laptop and at the office, a cumulative bundle checked in
(twice) after each: every field the laptop changed is at the office, or in the inbox,
or was there after an earlier round (the office may change it again since)."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from store.core.clock import to_iso
from store.core.db import write_transaction
from store.core.rows import insert_row, soft_delete_row, update_row
from store.sync.apply import apply_bundle
from store.sync.records import COLUMNS, conflict_from_row
from tests.store.sync.bundles import check_out

FIELDS = ("phone", "email", "municipality", "consent_notes", "deleted_at")
_SELECT = f"SELECT id, {', '.join(FIELDS)} FROM client"


def _rows(db):
    return {row[0]: dict(zip(FIELDS, row[1:], strict=True)) for row in db.execute(_SELECT)}


def _edit(rnd, ctx, ids, by, values, at=None):
    client_id = rnd.choice(ids)
    if rnd.random() < 0.1:
        soft_delete_row(ctx, "client", client_id, by=by, at=at)
    else:
        field = rnd.choice(FIELDS[:-1])
        update_row(ctx, "client", client_id, {field: rnd.choice(values)}, by=by, at=at)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_no_laptop_edit_is_lost(world, seed):
    rnd = random.Random(seed)
    laptop = check_out(world)
    base = _rows(world.store.db)
    ids = list(base)
    delivered: set[tuple[str, str, object]] = set()
    for _ in range(3):
        laptop.clock.at += timedelta(minutes=10)
        with laptop.store() as store, write_transaction(store.db):
            for _ in range(rnd.randint(1, 10)):
                if rnd.random() < 0.15:
                    values = {"first_name": "N", "last_name": "L", "birth_date": "1990-01-01"}
                    ids.append(insert_row(store.ctx, "client", values, by=world.coach.id))
                else:
                    _edit(rnd, store.ctx, ids, world.coach.id, ["a", "b", None])
        office_at = to_iso(laptop.clock.at - timedelta(minutes=5))
        with write_transaction(world.store.db):
            for _ in range(rnd.randint(0, 5)):
                known = [i for i in ids if i in base]
                _edit(rnd, world.store.ctx, known, world.admin.id, ["a", "c", None], office_at)
        data = laptop.pack()
        apply_bundle(world.store.ctx, data=data, name="b", actor=world.admin)
        assert apply_bundle(world.store.ctx, data=data, name="b", actor=world.admin).already_applied

        office = _rows(world.store.db)
        inbox = [
            conflict_from_row(row)
            for row in world.store.db.execute(f"SELECT {COLUMNS} FROM sync_conflict")
        ]
        with laptop.store() as store:
            on_laptop = _rows(store.db)
        for client_id, row in on_laptop.items():
            for field, value in row.items():
                if client_id in base and base[client_id][field] == value:
                    continue  # not changed on the laptop
                there = office.get(client_id, {})
                landed = there.get(field) == value or (
                    field == "deleted_at" and (there.get(field) is None) == (value is None)
                )
                kept = any(
                    c.row_id == client_id
                    and (c.column in (field, None) or c.kind != "field")
                    and (c.kind != "field" or c.laptop_value == value)
                    for c in inbox
                )
                if landed or kept:
                    delivered.add((client_id, field, value))
                assert (client_id, field, value) in delivered, (client_id, field, value)
