"""Pack on the laptop: the bundle holds exactly what was changed there since the base,
and the laptop's access log; nothing local (a password hash) travels."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.api import Store
from store.core.auth import PermissionDenied
from store.core.migrations import migrations
from store.core.models import Staff
from store.sync import changeset
from store.sync.bundle import Contents, open_contents, read_header
from store.sync.errors import NotALaptop
from store.sync.laptop import laptop_state, office_id
from store.sync.pack import pack, unpacked_changes
from tests.conftest import World
from tests.store.sync.laptops import card, check_out, open_laptop


def _coach(laptop: Store, world: World) -> Staff:
    coach = laptop.staff.get(world.coach.id)
    assert coach is not None
    return coach


def _contents(world: World, device_id: str, bundle: Path) -> Contents:
    row = world.store.db.execute(
        "SELECT bundle_key FROM sync_device WHERE id = ?", [device_id]
    ).fetchone()
    return open_contents(bundle.read_bytes(), bytes.fromhex(str(row[0])), bundle.name)


def test_a_bundle_holds_exactly_the_edit_made_on_the_laptop(world, tmp_path, clock):
    result = check_out(world, tmp_path)
    laptop = open_laptop(result, clock)
    coach = _coach(laptop, world)
    client = world.clients["makinen"]
    clock.at = clock.at.replace(hour=12)
    laptop.clients.update(coach, client.id, card(client, phone="050 999 8888"))

    packed = pack(laptop.ctx, result.path, out=tmp_path / "day1.bundle", actor=coach)

    header = read_header((tmp_path / "day1.bundle").read_bytes(), "day1.bundle")
    assert (header.office_id, header.device_id, header.bundle_id) == (
        office_id(world.store.db),
        result.device_id,
        packed.bundle_id,
    )
    contents = _contents(world, result.device_id, tmp_path / "day1.bundle")
    assert contents.base_id == result.base_id
    assert contents.packed_by == coach.id
    changes = changeset.read(contents.changeset, contents.columns)
    assert [(c.table, c.op, c.row_id) for c in changes] == [("client", "update", client.id)]
    assert changes[0].new == {
        "phone": "+358509998888",
        "updated_at": "2026-11-28T12:30:00.000Z",
        "updated_by": coach.id,
    }
    assert changes[0].old["phone"] == "+358401234567"
    assert (packed.changes, dict(packed.per_table)) == (1, {"client": 1})
    # The laptop's access log travels whole: the edit's event is in it.
    assert packed.audit_rows == len(contents.audit_rows) > 0
    entity = list(contents.audit_columns).index("client_id")
    assert client.id in {row[entity] for row in contents.audit_rows}


def test_a_laptop_with_no_edits_packs_no_changes(world, tmp_path, clock):
    result = check_out(world, tmp_path)
    laptop = open_laptop(result, clock)

    packed = pack(laptop.ctx, result.path, out=tmp_path / "b.bundle", actor=_coach(laptop, world))

    contents = _contents(world, result.device_id, tmp_path / "b.bundle")
    assert packed.changes == 0
    assert changeset.read(contents.changeset, contents.columns) == []
    assert contents.migrations == [m.name for m in migrations.applied(laptop.db)]
    assert set(contents.columns["staff"]) >= {"username", "password_hash"}


def test_new_rows_made_on_the_laptop_travel_as_inserts(world, tmp_path, clock):
    result = check_out(world, tmp_path)
    laptop = open_laptop(result, clock)
    coach = _coach(laptop, world)
    made = laptop.clients.create(
        coach,
        {
            "first_name": "Uusi",
            "last_name": "Asiakas",
            "birth_date": "1.1.1990",
            "coach_id": coach.id,
        },
    )
    path = laptop.paths.start(coach, made.id)

    packed = pack(laptop.ctx, result.path, out=tmp_path / "b.bundle", actor=coach)

    contents = _contents(world, result.device_id, tmp_path / "b.bundle")
    inserts = {
        (c.table, c.row_id)
        for c in changeset.read(contents.changeset, contents.columns)
        if c.op == "insert"
    }
    assert {("client", made.id), ("service_path", path.id)} <= inserts
    assert packed.per_table["client"] == 1


def test_a_password_changed_on_the_laptop_never_travels(world, tmp_path, clock):
    result = check_out(world, tmp_path)
    laptop = open_laptop(result, clock)
    coach = _coach(laptop, world)
    laptop.staff.set_password(coach, coach.id, "uusi-salasana-123", old_password="demo")

    packed = pack(laptop.ctx, result.path, out=tmp_path / "b.bundle", actor=coach)

    contents = _contents(world, result.device_id, tmp_path / "b.bundle")
    assert packed.changes == 0
    assert b"scrypt" not in contents.changeset


def test_the_laptops_own_check_of_its_log_never_travels(world, tmp_path, clock):
    result = check_out(world, tmp_path)
    laptop = open_laptop(result, clock)
    admin = laptop.staff.get(world.admin.id)
    assert admin is not None
    laptop.audit.verify(admin)  # remembered as a setting, as at the office

    packed = pack(laptop.ctx, result.path, out=tmp_path / "b.bundle", actor=_coach(laptop, world))

    assert packed.changes == 0


def test_unpacked_changes_counts_what_the_last_bundle_did_not_hold(world, tmp_path, clock):
    result = check_out(world, tmp_path)
    laptop = open_laptop(result, clock)
    coach = _coach(laptop, world)
    client = world.clients["makinen"]
    assert unpacked_changes(laptop.ctx, result.path) == 0

    laptop.clients.update(coach, client.id, card(client, phone="050 999 8888"))
    assert unpacked_changes(laptop.ctx, result.path) == 1
    pack(laptop.ctx, result.path, out=tmp_path / "b.bundle", actor=coach)
    assert unpacked_changes(laptop.ctx, result.path) == 0
    state = laptop_state(laptop.db)
    assert state is not None and state.packed_at is not None

    # Undoing a packed edit is a change too: the office has the edit.
    laptop.clients.update(coach, client.id, card(client))
    assert unpacked_changes(laptop.ctx, result.path) >= 1


def test_packing_is_logged_and_replaces_an_older_bundle(world, tmp_path, clock):
    result = check_out(world, tmp_path)
    laptop = open_laptop(result, clock)
    coach = _coach(laptop, world)
    out = tmp_path / "b.bundle"
    first = pack(laptop.ctx, result.path, out=out, actor=coach)
    second = pack(laptop.ctx, result.path, out=out, actor=coach)

    assert read_header(out.read_bytes(), out.name).bundle_id == second.bundle_id
    exports = [e for e in laptop.audit.events() if e.entity == "sync_bundle"]
    assert [(e.action, e.entity_id) for e in exports] == [
        ("export", first.bundle_id),
        ("export", second.bundle_id),
    ]
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


def test_only_a_laptop_packs_and_only_its_coach(world, tmp_path, clock):
    with pytest.raises(NotALaptop):
        pack(world.store.ctx, world.path, out=tmp_path / "b.bundle", actor=world.coach)
    result = check_out(world, tmp_path)
    laptop = open_laptop(result, clock)
    admin = laptop.staff.get(world.admin.id)
    assert admin is not None
    with pytest.raises(PermissionDenied):
        pack(laptop.ctx, result.path, out=tmp_path / "b.bundle", actor=admin)
    assert not (tmp_path / "b.bundle").exists()
