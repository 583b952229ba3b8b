"""The office's laptops: listed with what is pending, found by what an admin types, and
revoked when one is lost (with what it took along)."""

from __future__ import annotations

import pytest

from store.core.auth import PermissionDenied
from store.core.db import write_transaction
from store.core.rows import insert_row, update_row
from store.sync.devices import AlreadyRevoked, DeviceAmbiguous, DeviceNotFound, NoRevokeReason
from store.sync.models import ConflictFound
from store.sync.records import record_conflict
from store.sync.scope import Window

DEVICE_ID = "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b"


def add_device(world, *, device_id: str = DEVICE_ID, label: str | None = "Läppäri 1") -> str:
    window = Window.around(world.store.today())
    ctx = world.store.ctx
    with write_transaction(ctx.db):
        return insert_row(
            ctx,
            "sync_device",
            {
                "coach_id": world.coach.id,
                "label": label,
                "bundle_key": "00" * 32,
                "base_id": "base-1",
                "checked_out_at": ctx.now_iso(),
                "checked_out_by": world.admin.id,
                "window_from": window.start,
                "window_to": window.end,
            },
            by=world.admin.id,
            row_id=device_id,
        )


def test_the_list_shows_each_laptop_with_its_coach_and_what_is_pending(world):
    device_id = add_device(world)
    [device] = world.store.devices.list(world.admin)
    assert device.id == device_id
    assert device.coach_name == "Virtanen Liisa"
    assert device.label == "Läppäri 1"
    assert device.pending  # checked out, never checked in
    assert device.revoked_at is None
    assert device.open_conflicts == 0


def test_a_checkin_after_the_checkout_leaves_nothing_pending_and_conflicts_are_counted(world):
    device_id = add_device(world)
    ctx = world.store.ctx
    found = ConflictFound(
        "field", "client", world.clients["makinen"].id, "phone", "1", "2", "3",
        client_id=world.clients["makinen"].id,
    )  # fmt: skip
    with write_transaction(ctx.db):
        update_row(ctx, "sync_device", device_id, {"last_checkin_at": "2099-01-01T00:00:00.000Z"},
                   by=world.admin.id)  # fmt: skip
        record_conflict(ctx, found, device_id=device_id, checkin_id="c1", by=world.admin.id)
    device = world.store.devices.get(device_id)
    assert not device.pending
    assert device.open_conflicts == 1


def test_only_an_admin_lists_or_revokes_laptops(world):
    add_device(world)
    for who in (world.coach, world.reception):
        with pytest.raises(PermissionDenied):
            world.store.devices.list(who)
        with pytest.raises(PermissionDenied):
            world.store.devices.revoke(DEVICE_ID, who, "lost")
    assert world.store.devices.get(DEVICE_ID).revoked_at is None


def test_a_laptop_is_found_by_its_label_or_the_start_of_its_id(world):
    add_device(world)
    devices = world.store.devices
    assert devices.find("läppäri 1").id == DEVICE_ID
    assert devices.find(DEVICE_ID[:6]).id == DEVICE_ID
    assert devices.find(DEVICE_ID.upper()).id == DEVICE_ID
    with pytest.raises(DeviceNotFound) as short:
        devices.find(DEVICE_ID[:5])  # too short to be a prefix
    assert "6" in short.value.message("en")
    with pytest.raises(LookupError):
        devices.find("Läppäri 2")


def test_two_laptops_answering_to_one_prefix_must_be_told_apart(world):
    add_device(world)
    add_device(world, device_id=DEVICE_ID[:8] + "-0000-0000-0000-000000000000", label=None)
    with pytest.raises(DeviceAmbiguous) as many:
        world.store.devices.find(DEVICE_ID[:8])
    assert "2 kannettavaa" in many.value.message("fi")
    assert world.store.devices.find(DEVICE_ID[:10]).id == DEVICE_ID


def test_revoking_says_whose_data_the_laptop_held_and_is_logged(world):
    add_device(world)
    report = world.store.devices.revoke(DEVICE_ID, world.admin, "  lost on the bus ")
    assert report.device.revoked_at is not None
    assert report.device.revoked_by == world.admin.id
    assert report.last_checkin_at is None
    assert report.unsent_since == report.checked_out_at
    # The coach's own client, not the others.
    assert [c.name for c in report.clients] == ["Mäkinen Anna"]
    row = world.store.db.execute(
        "SELECT revoke_reason FROM sync_device WHERE id = ?", [DEVICE_ID]
    ).fetchone()
    assert row[0] == "lost on the bus"
    logged = world.store.db.execute(
        "SELECT action, staff_id FROM audit_event WHERE entity = 'sync_device' AND entity_id = ?",
        [DEVICE_ID],
    ).fetchall()
    assert logged == [("update", world.admin.id)]


def test_revoking_twice_or_without_a_reason_is_refused_and_changes_nothing(world):
    add_device(world)
    with pytest.raises(NoRevokeReason):
        world.store.devices.revoke(DEVICE_ID, world.admin, "   ")
    assert world.store.devices.get(DEVICE_ID).revoked_at is None
    first = world.store.devices.revoke(DEVICE_ID, world.admin, "lost")
    with pytest.raises(AlreadyRevoked) as again:
        world.store.devices.revoke(DEVICE_ID, world.admin, "stolen")
    assert "28.11.2026" in again.value.message("en")
    assert world.store.devices.get(DEVICE_ID).revoked_at == first.device.revoked_at
    events = world.store.db.execute(
        "SELECT count(*) FROM audit_event WHERE entity = 'sync_device'"
    ).fetchone()[0]
    assert events == 1
