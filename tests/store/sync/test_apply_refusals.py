"""Check-in refusals and its promises: a damaged, foreign, revoked, newer or stale bundle
writes nothing; an older laptop's is taken; a dry run leaves the file as it was; the
laptop's access log is appended once and the chain still checks."""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path

import pytest

from store.core.audit_chain import CHAINED_COLUMNS, event_hash
from store.core.db import write_transaction
from store.core.rows import update_row
from store.exports.audit_export import export_audit_log
from store.sync.apply import apply_bundle
from store.sync.errors import (
    BundleDamaged,
    BundleForAnotherOffice,
    DeviceRevoked,
    IsALaptop,
    SchemaNewer,
    StaleBase,
)
from tests.conftest import make_hetu
from tests.store.sync.bundles import check_out


def _apply(world, data, **kwargs):
    return apply_bundle(
        world.store.ctx, data=data, name="bundle.luotsi", actor=world.admin, **kwargs
    )


def _count(world, table):
    return world.store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _email(world):
    client_id = world.clients["makinen"].id
    return world.store.db.execute("SELECT email FROM client WHERE id = ?", [client_id]).fetchone()[
        0
    ]


def _edited_laptop(world):
    laptop = check_out(world)
    laptop.edit("client", world.clients["makinen"].id, {"email": "anna@example.fi"}, world.coach.id)
    return laptop


def test_a_bundle_with_one_byte_changed_is_refused_and_nothing_is_written(world):
    data = bytearray(_edited_laptop(world).pack())
    data[len(data) // 2] ^= 0x01
    with pytest.raises(BundleDamaged):
        _apply(world, bytes(data))
    assert _email(world) is None and _count(world, "sync_checkin") == 0


def test_a_bundle_for_another_office_is_refused(world):
    data = _edited_laptop(world).pack(office_id="another-office")
    with pytest.raises(BundleForAnotherOffice) as refused:
        _apply(world, data)
    assert "bundle.luotsi" in refused.value.params.values()
    assert _email(world) is None


def test_a_revoked_laptop_is_refused_with_the_day_it_was_revoked(world):
    laptop = _edited_laptop(world)
    data = laptop.pack()
    with write_transaction(world.store.db):
        update_row(
            world.store.ctx,
            "sync_device",
            laptop.device_id,
            {"revoked_at": "2026-11-28T10:30:00.000Z", "revoked_by": world.admin.id},
            by=world.admin.id,
        )
    with pytest.raises(DeviceRevoked) as refused:
        _apply(world, data)
    assert refused.value.params["revoked_on"] == "28.11.2026"
    assert _email(world) is None and _count(world, "sync_checkin") == 0


def test_a_bundle_from_a_newer_luotsi_is_refused_and_nothing_is_written(world):
    data = _edited_laptop(world).pack(migrations=["0001_register", "0099_from_the_future"])
    with pytest.raises(SchemaNewer) as refused:
        _apply(world, data)
    assert refused.value.params["steps"] == "0099_from_the_future"
    assert _email(world) is None and _count(world, "sync_checkin") == 0


def test_a_bundle_from_an_older_schema_is_applied_and_the_missing_column_keeps_the_office_value(
    world,
):
    client_id = world.clients["makinen"].id
    with write_transaction(world.store.db):
        update_row(world.store.ctx, "client", client_id, {"consent_notes": "office"}, by=None)
    laptop = _edited_laptop(world)

    report = _apply(world, laptop.pack(drop_column=("client", "consent_notes")))

    row = world.store.db.execute(
        "SELECT email, consent_notes FROM client WHERE id = ?", [client_id]
    ).fetchone()
    assert tuple(row) == ("anna@example.fi", "office")
    assert report.per_table["client"].updated == 1


def test_a_bundle_older_than_a_check_out_already_checked_in_is_stale(world):
    laptop = _edited_laptop(world)
    old = laptop.pack()
    laptop.base_id = "a-later-check-out"
    laptop.clock.at += timedelta(hours=1)
    _apply(world, laptop.pack())
    with pytest.raises(StaleBase):
        _apply(world, old)


def _files(path: Path) -> dict[str, bytes]:
    return {
        p.name: p.read_bytes()
        for p in path.parent.iterdir()
        if p.name.startswith(path.name) and p.name != path.name + ".board"
    }


def test_a_dry_run_writes_nothing_and_reports_what_applying_writes(world):
    hetu = make_hetu("020202", "A", 921)
    laptop = check_out(world)
    laptop.edit("client", world.clients["makinen"].id, {"email": "a@example.fi"}, world.coach.id)
    laptop.edit("site", world.site.id, {"name": "Laptop"}, world.coach.id)
    with laptop.store() as store:
        store.clients.create(world.coach, {"last_name": "Laine", "first_name": "E", "hetu": hetu})
    world.store.clients.create(world.admin, {"last_name": "Laine", "first_name": "F", "hetu": hetu})
    data = laptop.pack()
    world.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _files(world.path)

    dry = _apply(world, data, dry_run=True)

    assert _files(world.path) == before
    real = _apply(world, data)
    assert dry.dry_run and not real.dry_run
    assert dry.per_table == real.per_table and dry.per_table["client"].total == 2
    assert dry.conflicts == real.conflicts and len(real.conflicts) == 2
    assert dry.audit_rows == real.audit_rows > 0


def test_the_laptops_access_log_is_appended_once_with_its_device_and_the_chain_checks(world):
    laptop = check_out(world)
    with laptop.store() as store:
        store.clients.open(world.coach, world.clients["makinen"].id, purpose="home visit")
    data = laptop.pack()

    first = _apply(world, data)
    laptop.edit("client", world.clients["makinen"].id, {"email": "a@example.fi"}, world.coach.id)
    second = _apply(world, laptop.pack())

    rows = world.store.db.execute(
        "SELECT action, purpose FROM audit_event WHERE device_id = ? ORDER BY seq",
        [laptop.device_id],
    ).fetchall()
    assert ("view", "home visit") in [tuple(row) for row in rows]
    assert first.audit_rows == len(rows) - second.audit_rows
    assert second.audit_rows == 0  # the row edit itself is not logged by update_row
    check = world.store.audit.check()
    assert check.ok, check.broken


def test_a_laptop_cannot_check_a_bundle_in(world):
    laptop = _edited_laptop(world)
    data = laptop.pack()
    with laptop.store() as store, pytest.raises(IsALaptop) as refused:
        apply_bundle(store.ctx, data=data, name="b.luotsi", actor=world.admin)
    assert refused.value.params["path"] == str(laptop.path.resolve())


def test_an_export_of_the_log_carries_the_device_and_its_hashes_recompute(world, tmp_path):
    laptop = check_out(world)
    with laptop.store() as store:
        store.clients.open(world.coach, world.clients["makinen"].id, purpose="home visit")
    _apply(world, laptop.pack())
    day = world.store.ctx.today()

    result = export_audit_log(world.store.ctx, world.admin, day, day, tmp_path / "log.csv")

    rows = list(csv.DictReader(result.path.read_text(encoding="utf-8").splitlines()))
    from_laptop = [row for row in rows if row["device_id"]]
    assert from_laptop and all(row["device_id"] == laptop.device_id for row in from_laptop)
    for row in rows:
        fields = [int(row["seq"]), *(row[c] or None for c in CHAINED_COLUMNS[1:])]
        assert row["hash"] == event_hash(row["prev_hash"], fields, row["device_id"] or None)
