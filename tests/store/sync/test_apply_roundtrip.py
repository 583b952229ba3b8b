"""Check-in of bundles made as a coach makes them: the real check-out, the laptop opened
as its coach opens it, pack, check-in, a refreshed check-out received, another round."""

from __future__ import annotations

from store.sync.apply import apply_bundle
from store.sync.pack import pack
from store.sync.receive import receive
from tests.store.sync.laptops import card, check_out, later, open_laptop


def _phone_and_name(world, client_id):
    return tuple(
        world.store.db.execute(
            "SELECT phone, first_name FROM client WHERE id = ?", [client_id]
        ).fetchone()
    )


def test_two_rounds_of_laptop_work_reach_the_office(world, tmp_path, clock):
    client = world.clients["makinen"]
    checked_out = check_out(world, tmp_path / "out")
    later(clock)
    laptop = open_laptop(checked_out, clock)
    laptop.clients.update(world.coach, client.id, card(client, phone="040 765 4321"))
    laptop.clients.open(world.coach, client.id, purpose="home visit")
    first = pack(laptop.ctx, checked_out.path, out=tmp_path / "1.luotsi", actor=world.coach)
    laptop.close()
    data = first.path.read_bytes()

    dry = apply_bundle(world.store.ctx, data=data, name="1.luotsi", actor=world.admin, dry_run=True)
    report = apply_bundle(world.store.ctx, data=data, name="1.luotsi", actor=world.admin)

    assert dry.per_table == report.per_table and report.per_table["client"].updated == 1
    assert report.conflicts == () and report.audit_rows >= 1
    assert _phone_and_name(world, client.id) == ("+358407654321", "Anna")

    refreshed = check_out(world, tmp_path / "again", device_id=report.device_id)
    receive(refreshed.path, checked_out.path)
    later(clock)
    laptop = open_laptop(checked_out, clock)
    laptop.clients.update(
        world.coach, client.id, card(client, phone="040 765 4321", first_name="Anni")
    )
    second = pack(laptop.ctx, checked_out.path, out=tmp_path / "2.luotsi", actor=world.coach)
    laptop.close()

    again = apply_bundle(
        world.store.ctx, data=second.path.read_bytes(), name="2.luotsi", actor=world.admin
    )

    assert again.per_table["client"].updated == 1 and again.conflicts == ()
    assert again.merged_fields == 1  # only the name: the phone came with the first round
    assert _phone_and_name(world, client.id) == ("+358407654321", "Anni")
    events = world.store.db.execute(
        "SELECT count(*) FROM audit_event WHERE device_id = ? AND purpose = 'home visit'",
        [report.device_id],
    ).fetchone()[0]
    assert events == 1
    assert world.store.audit.check().ok
