"""Check-in at the office, case by case: a real office database (`world`), a laptop cut
from it (tests/store/sync/bundles.py), edits on both sides, the bundle applied."""

from __future__ import annotations

from datetime import timedelta

from store.core.clock import to_iso
from store.core.db import write_transaction
from store.core.rows import insert_row, soft_delete_row, update_row
from store.sync.apply import apply_bundle
from store.sync.records import COLUMNS, conflict_from_row
from tests.conftest import make_hetu
from tests.store.sync.bundles import check_out


def _office_edit(world, table, row_id, changes):
    """An edit at the office half an hour after the check-out (the laptop's are later)."""
    at = to_iso(world.store.ctx.clock.now() + timedelta(minutes=30))
    with write_transaction(world.store.db):
        update_row(world.store.ctx, table, row_id, changes, by=world.admin.id, at=at)


def _row(world, table, row_id, *columns):
    return world.store.db.execute(
        f"SELECT {', '.join(columns)} FROM {table} WHERE id = ?", [row_id]
    ).fetchone()


def _apply(world, data, **kwargs):
    return apply_bundle(
        world.store.ctx, data=data, name="bundle.luotsi", actor=world.admin, **kwargs
    )


def _inbox(world):
    rows = world.store.db.execute(f"SELECT {COLUMNS} FROM sync_conflict ORDER BY rowid")
    return [conflict_from_row(row) for row in rows.fetchall()]


def test_a_field_changed_on_both_sides_is_a_conflict_and_the_office_value_stays(world):
    client = world.clients["makinen"]
    laptop = check_out(world)
    laptop.edit(
        "client", client.id, {"phone": "040 555 0001", "email": "anna@example.fi"}, world.coach.id
    )
    _office_edit(world, "client", client.id, {"phone": "050 999 9999"})

    report = _apply(world, laptop.pack())

    assert _row(world, "client", client.id, "phone", "email") == ("050 999 9999", "anna@example.fi")
    assert report.merged_fields == 1
    (conflict,) = _inbox(world)
    assert (conflict.kind, conflict.column) == ("field", "phone")
    assert (conflict.base_value, conflict.office_value, conflict.laptop_value) == (
        "+358401234567",
        "050 999 9999",
        "040 555 0001",
    )
    assert conflict.client_id == client.id and conflict.is_open


def test_other_fields_changed_on_each_side_are_both_kept_with_the_later_stamp(world):
    client = world.clients["makinen"]
    laptop = check_out(world)
    laptop.edit("client", client.id, {"email": "anna@example.fi"}, world.coach.id)
    _office_edit(world, "client", client.id, {"phone": "050 999 9999"})

    report = _apply(world, laptop.pack())

    row = _row(world, "client", client.id, "phone", "email", "updated_by", "updated_at")
    assert row[:3] == ("050 999 9999", "anna@example.fi", world.coach.id)
    assert row[3] > world.store.ctx.now_iso()  # the laptop's edit came later
    assert report.conflicts == () and report.per_table["client"].updated == 1
    assert _inbox(world) == []


def test_an_edit_of_a_row_the_office_deleted_is_a_conflict_and_stays_deleted(world):
    client = world.clients["makinen"]
    laptop = check_out(world)
    laptop.edit("client", client.id, {"email": "anna@example.fi"}, world.coach.id)
    world.store.clients.delete(world.admin, client.id)

    _apply(world, laptop.pack())

    assert _row(world, "client", client.id, "email")[0] is None
    (conflict,) = _inbox(world)
    assert conflict.kind == "edit_deleted"
    assert conflict.laptop_row is not None and conflict.laptop_row["email"] == "anna@example.fi"


def test_a_later_edit_of_a_row_the_office_deleted_reaches_the_inbox_too(world):
    client = world.clients["makinen"]
    laptop = check_out(world)
    laptop.edit("client", client.id, {"email": "anna@example.fi"}, world.coach.id)
    world.store.clients.delete(world.admin, client.id)
    _apply(world, laptop.pack())
    laptop.edit("client", client.id, {"phone": "040 3"}, world.coach.id)

    second = _apply(world, laptop.pack())
    again = _apply(world, laptop.pack())

    assert [c.kind for c in second.conflicts] == ["edit_deleted"]
    rows = [c.laptop_row for c in _inbox(world)]
    assert len(rows) == 2 and rows[-1] is not None
    assert (rows[-1]["phone"], rows[-1]["email"]) == ("040 3", "anna@example.fi")
    assert again.conflicts == ()


def test_a_deletion_on_the_laptop_of_a_row_the_office_edited_is_a_conflict(world):
    client = world.clients["makinen"]
    laptop = check_out(world)
    with laptop.store() as store, write_transaction(store.db):
        soft_delete_row(store.ctx, "client", client.id, by=world.coach.id)
    _office_edit(world, "client", client.id, {"phone": "050 999 9999"})

    _apply(world, laptop.pack())

    assert _row(world, "client", client.id, "deleted_at", "phone") == (None, "050 999 9999")
    (conflict,) = _inbox(world)
    assert (conflict.kind, conflict.column) == ("deleted_edited", "deleted_at")


def test_a_deletion_on_the_laptop_of_a_row_nobody_else_touched_is_taken(world):
    client = world.clients["makinen"]
    laptop = check_out(world)
    with laptop.store() as store, write_transaction(store.db):
        soft_delete_row(store.ctx, "client", client.id, by=world.coach.id)

    _apply(world, laptop.pack())

    assert _row(world, "client", client.id, "deleted_at")[0] is not None
    assert _inbox(world) == []


def test_two_new_clients_with_one_hetu_are_both_kept_and_one_conflict_names_both(world):
    hetu = make_hetu("020202", "A", 921)
    laptop = check_out(world)
    with laptop.store() as store:
        on_laptop = store.clients.create(
            world.coach, {"last_name": "Laine", "first_name": "Eeva", "hetu": hetu}
        )
    at_office = world.store.clients.create(
        world.admin, {"last_name": "Laine", "first_name": "Eva", "hetu": hetu}
    )

    report = _apply(world, laptop.pack())

    assert _row(world, "client", on_laptop.id, "first_name", "hetu") == ("Eeva", None)
    assert _row(world, "client", at_office.id, "hetu")[0] == hetu
    (conflict,) = _inbox(world)
    assert conflict.kind == "same_hetu"
    assert (conflict.client_id, conflict.other_row_id) == (on_laptop.id, at_office.id)
    assert conflict.laptop_value == hetu
    assert report.per_table["client"].inserted == 1


def test_a_new_row_under_a_row_the_office_deleted_is_kept_and_named(world):
    client = world.clients["makinen"]
    laptop = check_out(world)
    path_id = laptop.insert(
        "service_path",
        {"client_id": client.id, "coach_id": world.coach.id, "goal": "Työ"},
        world.coach.id,
    )
    world.store.clients.delete(world.admin, client.id)

    _apply(world, laptop.pack())

    assert _row(world, "service_path", path_id, "goal")[0] == "Työ"
    (conflict,) = _inbox(world)
    assert (conflict.kind, conflict.column) == ("parent_deleted", "client_id")
    assert conflict.other_row_id == client.id and conflict.client_id == client.id


def _booking(world, starts, ends):
    return {
        "coach_id": world.coach.id,
        "client_id": world.clients["makinen"].id,
        "kind": "coaching",
        "starts_at": starts,
        "ends_at": ends,
    }


def test_a_laptop_booking_over_an_office_booking_is_not_written_but_kept_whole(world):
    laptop = check_out(world)
    mine = laptop.insert(
        "appointment",
        _booking(world, "2026-12-01T08:30:00.000Z", "2026-12-01T09:30:00.000Z"),
        world.coach.id,
    )
    with write_transaction(world.store.db):
        theirs = insert_row(
            world.store.ctx,
            "appointment",
            _booking(world, "2026-12-01T08:00:00.000Z", "2026-12-01T09:00:00.000Z"),
            by=world.admin.id,
        )

    report = _apply(world, laptop.pack())

    assert _row(world, "appointment", mine, "id") is None
    (conflict,) = _inbox(world)
    assert conflict.kind == "double_booking" and conflict.other_row_id == theirs
    assert conflict.laptop_row is not None
    assert conflict.laptop_row["starts_at"] == "2026-12-01T08:30:00.000Z"
    assert "appointment" not in report.per_table


def test_a_laptop_booking_over_an_office_no_show_is_taken(world):
    laptop = check_out(world)
    mine = laptop.insert(
        "appointment",
        _booking(world, "2026-12-01T08:30:00.000Z", "2026-12-01T09:30:00.000Z"),
        world.coach.id,
    )
    with write_transaction(world.store.db):
        insert_row(
            world.store.ctx,
            "appointment",
            {
                **_booking(world, "2026-12-01T08:00:00.000Z", "2026-12-01T09:00:00.000Z"),
                "status": "no_show",
            },
            by=world.admin.id,
        )

    report = _apply(world, laptop.pack())

    assert _row(world, "appointment", mine, "starts_at") == ("2026-12-01T08:30:00.000Z",)
    assert report.conflicts == ()


def test_a_laptop_change_to_an_office_table_is_a_conflict_never_written(world):
    laptop = check_out(world)
    laptop.edit("site", world.site.id, {"name": "Työpiste Laptop"}, world.coach.id)

    _apply(world, laptop.pack())

    assert _row(world, "site", world.site.id, "name")[0] == "Työpiste Keskusta"
    (conflict,) = _inbox(world)
    assert (conflict.kind, conflict.column, conflict.laptop_value) == (
        "office_owned",
        "name",
        "Työpiste Laptop",
    )


def test_the_same_bundle_twice_writes_nothing_the_second_time(world):
    client = world.clients["makinen"]
    laptop = check_out(world)
    laptop.edit("client", client.id, {"email": "anna@example.fi"}, world.coach.id)
    data = laptop.pack()
    first = _apply(world, data)
    events = world.store.db.execute("SELECT count(*) FROM audit_event").fetchone()[0]

    again = _apply(world, data)

    assert not first.already_applied and again.already_applied
    assert again.per_table == {} and again.conflicts == ()
    assert world.store.db.execute("SELECT count(*) FROM audit_event").fetchone()[0] == events
    assert world.store.db.execute("SELECT count(*) FROM sync_checkin").fetchone()[0] == 1


def test_a_later_bundle_of_the_same_check_out_brings_only_what_is_new(world):
    client = world.clients["makinen"]
    laptop = check_out(world)
    laptop.edit("client", client.id, {"email": "anna@example.fi", "phone": "040 1"}, world.coach.id)
    _office_edit(world, "client", client.id, {"phone": "050 999 9999"})
    _apply(world, laptop.pack())
    # The office changes the email the first bundle brought; the laptop edits another field.
    _office_edit(world, "client", client.id, {"email": "office@example.fi"})
    laptop.edit("client", client.id, {"municipality": "Turku"}, world.coach.id)

    second = _apply(world, laptop.pack())

    row = _row(world, "client", client.id, "email", "phone", "municipality")
    assert row == ("office@example.fi", "050 999 9999", "Turku")
    assert second.conflicts == () and second.known_conflicts == 0
    assert second.merged_fields == 1
    assert len(_inbox(world)) == 1  # the phone, from the first bundle only


def test_a_laptop_edit_after_a_conflict_is_a_conflict_again_but_never_twice(world):
    client = world.clients["makinen"]
    laptop = check_out(world)
    laptop.edit("client", client.id, {"phone": "040 1"}, world.coach.id)
    _office_edit(world, "client", client.id, {"phone": "050 999 9999"})
    _apply(world, laptop.pack())
    laptop.edit("client", client.id, {"email": "x@example.fi"}, world.coach.id)

    second = _apply(world, laptop.pack())
    laptop.edit("client", client.id, {"phone": "040 2"}, world.coach.id)
    third = _apply(world, laptop.pack())

    assert second.conflicts == () and second.merged_fields == 1
    assert [c.laptop_value for c in third.conflicts] == ["040 2"]
    assert [c.laptop_value for c in _inbox(world)] == ["040 1", "040 2"]


def test_a_field_the_laptop_put_back_after_an_earlier_bundle_is_put_back_at_the_office(world):
    client = world.clients["makinen"]
    laptop = check_out(world)
    laptop.edit(
        "client", client.id, {"email": "a@example.fi", "municipality": "Turku"}, world.coach.id
    )
    _apply(world, laptop.pack())
    laptop.edit("client", client.id, {"email": None}, world.coach.id)

    second = _apply(world, laptop.pack())

    assert _row(world, "client", client.id, "email", "municipality") == (None, "Turku")
    assert second.per_table["client"].updated == 1 and second.conflicts == ()


def test_a_row_an_earlier_bundle_brought_and_the_laptop_removed_since_is_removed(world):
    client = world.clients["makinen"]
    laptop = check_out(world)
    path_id = laptop.insert("service_path", {"client_id": client.id, "goal": "Työ"}, world.coach.id)
    _apply(world, laptop.pack())
    with laptop.store() as store, write_transaction(store.db):
        store.db.execute("DELETE FROM service_path WHERE id = ?", [path_id])

    second = _apply(world, laptop.pack())

    assert _row(world, "service_path", path_id, "id") is None
    assert second.per_table["service_path"].deleted == 1


def test_a_row_the_office_refuses_is_kept_whole_in_a_rejected_conflict(world):
    laptop = check_out(world)
    mine = laptop.insert(
        "appointment",
        _booking(world, "2026-12-01T08:30:00.000Z", "2026-12-01T09:30:00.000Z"),
        world.coach.id,
    )
    change = laptop.insert(
        "appointment_change",
        {"appointment_id": mine, "at": "2026-11-28T11:30:00.000Z", "change": "booked"},
        world.coach.id,
    )
    with write_transaction(world.store.db):
        insert_row(
            world.store.ctx,
            "appointment",
            _booking(world, "2026-12-01T08:00:00.000Z", "2026-12-01T09:00:00.000Z"),
            by=world.admin.id,
        )

    _apply(world, laptop.pack())

    kinds = {(c.kind, c.table): c for c in _inbox(world)}
    rejected = kinds[("rejected", "appointment_change")]
    assert rejected.laptop_row is not None and rejected.laptop_row["appointment_id"] == mine
    assert rejected.row_id == change and rejected.client_id == world.clients["makinen"].id
    assert ("double_booking", "appointment") in kinds


def test_a_conflict_on_a_row_under_a_client_names_that_client(world):
    client = world.clients["makinen"]
    ctx = world.store.ctx
    with write_transaction(world.store.db):
        path_id = insert_row(ctx, "service_path", {"client_id": client.id}, by=world.admin.id)
        service_id = world.store.db.execute("SELECT id FROM service LIMIT 1").fetchone()[0]
        step_id = insert_row(
            ctx,
            "path_step",
            {
                "path_id": path_id,
                "position": 1,
                "service_id": service_id,
                "planned_start": "2026-12-01",
            },
            by=world.admin.id,
        )
    laptop = check_out(world)
    laptop.edit("path_step", step_id, {"goal": "Laptop"}, world.coach.id)
    _office_edit(world, "path_step", step_id, {"goal": "Office"})

    _apply(world, laptop.pack())

    (conflict,) = _inbox(world)
    assert (conflict.table, conflict.column, conflict.client_id) == ("path_step", "goal", client.id)
