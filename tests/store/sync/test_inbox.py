"""The conflicts inbox: who sees which conflicts, and each decision of each kind written
to the office's rows, in the access log, and refused when made twice."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from store.core.auth import PermissionDenied
from store.core.db import write_transaction
from store.core.models import Staff
from store.core.rows import insert_row, soft_delete_row
from store.sample.accounts import add_demo_account
from store.sync.inbox import (
    AlreadyResolved,
    DecidedAtTheOffice,
    InvalidValue,
    LaptopRowRefused,
    NotForThisConflict,
)
from store.sync.models import ConflictFound, ConflictKind
from store.sync.records import record_conflict
from tests.conftest import World

# Tuesday 1.12.2026 at 10:00 and 11:00 Helsinki time, as stored.
TUESDAY_10 = "2026-12-01T08:00:00.000000Z"
TUESDAY_11 = "2026-12-01T09:00:00.000000Z"


def add_device(world: World, coach: Staff | None = None) -> str:
    """A laptop the office checked out for `coach` (the world's coach by default)."""
    with write_transaction(world.store.db):
        return insert_row(
            world.store.ctx,
            "sync_device",
            {
                "coach_id": (coach or world.coach).id,
                "label": "Läppäri 1",
                "bundle_key": "00" * 32,
                "base_id": "base-1",
                "checked_out_at": "2026-11-20T08:00:00Z",
                "checked_out_by": world.admin.id,
                "window_from": "2026-10-23T22:00:00Z",
                "window_to": "2027-01-24T22:00:00Z",
            },
            by=world.admin.id,
        )


def add_conflict(
    world: World,
    kind: ConflictKind,
    table: str,
    row_id: str,
    *,
    column: str | None = None,
    base: object = None,
    office: object = None,
    laptop: object = None,
    client_id: str | None = None,
    other_row_id: str | None = None,
    laptop_row: Mapping[str, object] | None = None,
    device_id: str | None = None,
) -> str:
    """A conflict as a check-in records one."""
    found = ConflictFound(
        kind, table, row_id, column, base, office, laptop, client_id, other_row_id
    )
    with write_transaction(world.store.db):
        return record_conflict(
            world.store.ctx,
            found,
            device_id=device_id or add_device(world),
            checkin_id="checkin-1",
            by=world.admin.id,
            laptop_row=laptop_row,
        )


def add_appointment(world: World, client_id: str, **values: object) -> str:
    row = {
        "coach_id": world.coach.id,
        "client_id": client_id,
        "kind": "job_search",
        "starts_at": TUESDAY_10,
        "ends_at": TUESDAY_11,
        "site_id": world.site.id,
        "booked_by": world.coach.id,
        **values,
    }
    with write_transaction(world.store.db):
        return insert_row(world.store.ctx, "appointment", row, by=world.coach.id)


def row_of(world: World, table: str, row_id: str) -> dict[str, object] | None:
    cursor = world.store.db.execute(f"SELECT * FROM {table} WHERE id = ?", [row_id])
    row = cursor.fetchone()
    names = [d[0] for d in cursor.description]
    return None if row is None else dict(zip(names, row, strict=True))


def delete(world: World, table: str, row_id: str) -> None:
    with write_transaction(world.store.db):
        soft_delete_row(world.store.ctx, table, row_id, by=world.admin.id)


def resolution_events(world: World, conflict_id: str) -> list[tuple[str, str, str, str | None]]:
    rows = world.store.db.execute(
        "SELECT action, staff_id, purpose, client_id FROM audit_event"
        " WHERE entity = 'sync_conflict' AND entity_id = ? ORDER BY seq",
        [conflict_id],
    ).fetchall()
    return [tuple(row) for row in rows]


# --- field ---------------------------------------------------------------------------------


def _phone_conflict(world: World) -> tuple[str, str]:
    client = world.clients["makinen"]
    conflict_id = add_conflict(
        world,
        "field",
        "client",
        client.id,
        column="phone",
        base="+358401234567",
        office=client.phone,
        laptop="+358409999999",
        client_id=client.id,
    )
    return conflict_id, client.id


def test_taking_the_laptops_value_writes_it_to_the_office_row_stamped_by_the_decider(
    world: World,
) -> None:
    conflict_id, client_id = _phone_conflict(world)
    office_phone = world.store.clients.open(world.admin, client_id).phone

    resolved = world.store.inbox.take_laptop(conflict_id, world.coach)

    row = row_of(world, "client", client_id)
    assert row is not None
    assert row["phone"] == "+358409999999"
    assert row["updated_by"] == world.coach.id
    assert resolved.resolution == "laptop"
    assert resolved.resolved_value == "+358409999999"
    assert resolved.resolved_by == world.coach.id
    assert resolved.resolved_at is not None
    # Every value it was found with stays.
    assert (resolved.base_value, resolved.office_value) == ("+358401234567", office_phone)
    assert resolved.laptop_value == "+358409999999"
    assert resolution_events(world, conflict_id) == [
        ("update", world.coach.id, "laptop", client_id)
    ]


def test_keeping_the_office_value_changes_no_data_row(world: World) -> None:
    conflict_id, client_id = _phone_conflict(world)
    before = row_of(world, "client", client_id)

    resolved = world.store.inbox.keep_office(conflict_id, world.admin)

    assert row_of(world, "client", client_id) == before
    assert resolved.resolution == "office"
    assert before is not None and resolved.resolved_value == before["phone"]
    assert resolution_events(world, conflict_id) == [
        ("update", world.admin.id, "office", client_id)
    ]


def test_a_typed_value_is_cleaned_as_the_client_card_cleans_it(world: World) -> None:
    conflict_id, client_id = _phone_conflict(world)

    resolved = world.store.inbox.set_value(conflict_id, "040 555 1234", world.coach)

    assert row_of(world, "client", client_id)["phone"] == "+358405551234"  # type: ignore[index]
    assert resolved.resolution == "merged"
    assert resolved.resolved_value == "+358405551234"
    assert resolution_events(world, conflict_id) == [
        ("update", world.coach.id, "merged", client_id)
    ]


def test_a_typed_value_the_fields_rules_refuse_is_reported_for_that_field_and_nothing_is_written(
    world: World,
) -> None:
    conflict_id, client_id = _phone_conflict(world)
    before = row_of(world, "client", client_id)

    with pytest.raises(InvalidValue) as refused:
        world.store.inbox.set_value(conflict_id, "puhelin", world.coach)

    assert refused.value.field == "phone"
    assert refused.value.key == "error.phone.characters"
    assert row_of(world, "client", client_id) == before
    assert world.store.inbox.get(conflict_id, world.coach).is_open
    assert resolution_events(world, conflict_id) == []


def test_a_typed_hetu_must_be_a_valid_one_of_this_person(world: World) -> None:
    client = world.clients["makinen"]
    assert client.hetu is not None
    conflict_id = add_conflict(
        world,
        "field",
        "client",
        client.id,
        column="hetu",
        office=client.hetu,
        laptop=client.hetu,
        client_id=client.id,
    )
    wrong_check = client.hetu[:-1] + ("A" if client.hetu[-1] != "A" else "B")

    with pytest.raises(InvalidValue) as refused:
        world.store.inbox.set_value(conflict_id, wrong_check, world.admin)

    assert (refused.value.field, refused.value.key) == ("hetu", "error.hetu.checksum")


def test_a_typed_number_is_stored_as_a_number(world: World) -> None:
    client_id = world.clients["makinen"].id
    with write_transaction(world.store.db):
        path_id = insert_row(
            world.store.ctx, "service_path", {"client_id": client_id}, by=world.coach.id
        )
    conflict_id = add_conflict(
        world,
        "field",
        "service_path",
        path_id,
        column="work_search_obligation",
        base=4,
        office=3,
        laptop=2,
        client_id=client_id,
    )

    with pytest.raises(InvalidValue) as refused:
        world.store.inbox.set_value(conflict_id, "kaksi", world.coach)
    assert refused.value.key == "sync.inbox.value.not_a_number"

    world.store.inbox.set_value(conflict_id, " 1 ", world.coach)
    assert row_of(world, "service_path", path_id)["work_search_obligation"] == 1  # type: ignore[index]


def test_only_a_field_conflict_takes_a_typed_value(world: World) -> None:
    client_id = world.clients["makinen"].id
    appointment_id = add_appointment(world, client_id)
    conflict_id = add_conflict(
        world, "deleted_edited", "appointment", appointment_id, client_id=client_id
    )

    with pytest.raises(NotForThisConflict):
        world.store.inbox.set_value(conflict_id, "x", world.coach)


# --- deletions on one side --------------------------------------------------------------


@pytest.mark.parametrize("held_as", ["laptop_value", "laptop_row"])
def test_taking_a_laptop_edit_of_a_row_the_office_deleted_brings_the_row_back_edited(
    world: World, held_as: str
) -> None:
    client_id = world.clients["makinen"].id
    appointment_id = add_appointment(world, client_id, note="vanha")
    delete(world, "appointment", appointment_id)
    edit = {"note": "Tuo CV mukanasi", "channel": "phone", "updated_by": world.coach.id}
    deleted_at = row_of(world, "appointment", appointment_id)["deleted_at"]  # type: ignore[index]
    # The laptop's changed columns: as the conflict's value, or (as a check-in records
    # it) as the laptop's row beside the office's tombstone.
    if held_as == "laptop_value":
        conflict_id = add_conflict(
            world, "edit_deleted", "appointment", appointment_id, laptop=edit, client_id=client_id
        )
    else:
        conflict_id = add_conflict(
            world,
            "edit_deleted",
            "appointment",
            appointment_id,
            column="deleted_at",
            office=deleted_at,
            client_id=client_id,
            laptop_row=edit,
        )

    world.store.inbox.take_laptop(conflict_id, world.coach)

    row = row_of(world, "appointment", appointment_id)
    assert row is not None
    assert row["deleted_at"] is None
    assert (row["note"], row["channel"]) == ("Tuo CV mukanasi", "phone")
    assert row["updated_by"] == world.coach.id


def test_keeping_the_office_deletion_leaves_the_row_deleted(world: World) -> None:
    client_id = world.clients["makinen"].id
    appointment_id = add_appointment(world, client_id, note="vanha")
    delete(world, "appointment", appointment_id)
    before = row_of(world, "appointment", appointment_id)
    conflict_id = add_conflict(
        world,
        "edit_deleted",
        "appointment",
        appointment_id,
        laptop={"note": "uusi"},
        client_id=client_id,
    )

    world.store.inbox.keep_office(conflict_id, world.coach)

    assert row_of(world, "appointment", appointment_id) == before


def test_taking_a_laptop_edit_of_a_row_the_office_no_longer_has_inserts_the_laptops_row(
    world: World,
) -> None:
    client_id = world.clients["makinen"].id
    laptop_row = {
        "id": "appt-from-laptop",
        "coach_id": world.coach.id,
        "client_id": client_id,
        "kind": "job_search",
        "channel": "video",
        "starts_at": TUESDAY_10,
        "ends_at": TUESDAY_11,
        "status": "booked",
        "note": "Etätapaaminen",
        "created_at": "2026-11-25T07:00:00.000000Z",
        "updated_at": "2026-11-26T07:00:00.000000Z",
        "updated_by": world.coach.id,
        "deleted_at": None,
    }
    conflict_id = add_conflict(
        world,
        "edit_deleted",
        "appointment",
        "appt-from-laptop",
        laptop={"note": "Etätapaaminen"},
        client_id=client_id,
        laptop_row=laptop_row,
    )

    world.store.inbox.take_laptop(conflict_id, world.admin)

    row = row_of(world, "appointment", "appt-from-laptop")
    assert row is not None
    assert (row["channel"], row["note"], row["deleted_at"]) == ("video", "Etätapaaminen", None)
    assert row["created_at"] == "2026-11-25T07:00:00.000000Z"
    assert row["updated_by"] == world.admin.id


def test_taking_a_laptop_deletion_of_a_row_the_office_edited_deletes_it(world: World) -> None:
    client_id = world.clients["makinen"].id
    appointment_id = add_appointment(world, client_id)
    conflict_id = add_conflict(
        world, "deleted_edited", "appointment", appointment_id, client_id=client_id
    )

    world.store.inbox.take_laptop(conflict_id, world.coach)

    row = row_of(world, "appointment", appointment_id)
    assert row is not None and row["deleted_at"] is not None
    assert world.store.inbox.get(conflict_id, world.coach).resolution == "laptop"


def test_keeping_an_office_edit_of_a_row_the_laptop_deleted_keeps_it(world: World) -> None:
    client_id = world.clients["makinen"].id
    appointment_id = add_appointment(world, client_id)
    before = row_of(world, "appointment", appointment_id)
    conflict_id = add_conflict(
        world, "deleted_edited", "appointment", appointment_id, client_id=client_id
    )

    world.store.inbox.keep_office(conflict_id, world.coach)

    assert row_of(world, "appointment", appointment_id) == before


def _orphan(world: World) -> tuple[str, str, str]:
    """A laptop's new appointment for a client the office has deleted since."""
    client_id = world.clients["ostman"].id
    appointment_id = add_appointment(world, client_id)
    delete(world, "client", client_id)
    conflict_id = add_conflict(
        world,
        "parent_deleted",
        "appointment",
        appointment_id,
        column="client_id",
        laptop=client_id,
        client_id=client_id,
        other_row_id=client_id,
    )
    return conflict_id, appointment_id, client_id


def test_taking_the_laptops_side_of_a_deleted_parent_brings_the_parent_back(
    world: World,
) -> None:
    conflict_id, appointment_id, client_id = _orphan(world)

    world.store.inbox.take_laptop(conflict_id, world.admin)

    assert row_of(world, "client", client_id)["deleted_at"] is None  # type: ignore[index]
    assert row_of(world, "appointment", appointment_id)["deleted_at"] is None  # type: ignore[index]
    assert world.store.clients.search("Östman")  # back in the register


def test_keeping_the_office_deletion_of_a_parent_deletes_the_laptops_row_too(
    world: World,
) -> None:
    conflict_id, appointment_id, client_id = _orphan(world)

    world.store.inbox.keep_office(conflict_id, world.admin)

    assert row_of(world, "client", client_id)["deleted_at"] is not None  # type: ignore[index]
    assert row_of(world, "appointment", appointment_id)["deleted_at"] is not None  # type: ignore[index]


# --- rows the office did not take --------------------------------------------------------


def _laptop_booking(world: World, client_id: str, **values: object) -> dict[str, object]:
    return {
        "id": "laptop-booking",
        "coach_id": world.coach.id,
        "client_id": client_id,
        "kind": "initial_interview",
        "channel": "in_person",
        "starts_at": TUESDAY_10,
        "ends_at": TUESDAY_11,
        "site_id": world.site.id,
        "status": "booked",
        "created_at": "2026-11-27T07:00:00.000000Z",
        "updated_at": "2026-11-27T07:00:00.000000Z",
        "updated_by": world.coach.id,
        "deleted_at": None,
        **values,
    }


def test_taking_a_double_booking_writes_the_laptops_booking_beside_the_offices(
    world: World,
) -> None:
    client_id = world.clients["makinen"].id
    office_booking = add_appointment(world, world.clients["obrien"].id)
    laptop_row = _laptop_booking(world, client_id)
    conflict_id = add_conflict(
        world,
        "double_booking",
        "appointment",
        "laptop-booking",
        laptop=laptop_row,
        client_id=client_id,
        other_row_id=office_booking,
        laptop_row=laptop_row,
    )

    world.store.inbox.take_laptop(conflict_id, world.coach)

    row = row_of(world, "appointment", "laptop-booking")
    assert row is not None
    assert (row["client_id"], row["kind"], row["starts_at"]) == (
        client_id,
        "initial_interview",
        TUESDAY_10,
    )
    assert row_of(world, "appointment", office_booking)["deleted_at"] is None  # type: ignore[index]


def test_keeping_the_offices_booking_leaves_the_laptops_out(world: World) -> None:
    client_id = world.clients["makinen"].id
    laptop_row = _laptop_booking(world, client_id)
    conflict_id = add_conflict(
        world,
        "double_booking",
        "appointment",
        "laptop-booking",
        laptop=laptop_row,
        client_id=client_id,
        laptop_row=laptop_row,
    )

    resolved = world.store.inbox.keep_office(conflict_id, world.coach)

    assert row_of(world, "appointment", "laptop-booking") is None
    assert resolved.laptop_row is not None and resolved.laptop_row["kind"] == "initial_interview"


def test_a_row_the_office_refused_is_refused_again_and_nothing_is_written(world: World) -> None:
    client_id = world.clients["makinen"].id
    laptop_row = _laptop_booking(world, client_id, ends_at="2026-12-01T07:00:00.000000Z")
    conflict_id = add_conflict(
        world,
        "rejected",
        "appointment",
        "laptop-booking",
        laptop="CHECK constraint failed: ends_at > starts_at",
        client_id=client_id,
        laptop_row=laptop_row,
    )

    with pytest.raises(LaptopRowRefused) as refused:
        world.store.inbox.take_laptop(conflict_id, world.coach)

    assert refused.value.key == "sync.inbox.refused_again"
    assert row_of(world, "appointment", "laptop-booking") is None
    assert world.store.inbox.get(conflict_id, world.coach).is_open


def test_a_row_the_office_refused_then_goes_in_once_it_fits(world: World) -> None:
    client_id = world.clients["makinen"].id
    laptop_row = _laptop_booking(world, client_id, room_id="room-made-later")
    conflict_id = add_conflict(
        world,
        "rejected",
        "appointment",
        "laptop-booking",
        laptop=laptop_row,
        client_id=client_id,
        laptop_row=laptop_row,
    )
    with pytest.raises(LaptopRowRefused):
        world.store.inbox.take_laptop(conflict_id, world.coach)
    with write_transaction(world.store.db):
        insert_row(
            world.store.ctx,
            "room",
            {"site_id": world.site.id, "name": "Neuvotteluhuone"},
            by=world.admin.id,
            row_id="room-made-later",
        )

    resolved = world.store.inbox.take_laptop(conflict_id, world.coach)

    assert row_of(world, "appointment", "laptop-booking")["room_id"] == "room-made-later"  # type: ignore[index]
    assert resolved.resolved_value == laptop_row


def test_taking_a_laptops_deletion_of_an_office_tables_row_deletes_it(world: World) -> None:
    with write_transaction(world.store.db):
        room_id = insert_row(
            world.store.ctx,
            "room",
            {"site_id": world.site.id, "name": "Huone 2"},
            by=world.admin.id,
        )
    base = row_of(world, "room", room_id)
    conflict_id = add_conflict(world, "office_owned", "room", room_id, laptop_row=base)

    world.store.inbox.take_laptop(conflict_id, world.admin)

    assert row_of(world, "room", room_id)["deleted_at"] is not None  # type: ignore[index]


def test_taking_a_laptops_change_to_an_office_table_writes_it(world: World) -> None:
    with write_transaction(world.store.db):
        room_id = insert_row(
            world.store.ctx,
            "room",
            {"site_id": world.site.id, "name": "Huone 1"},
            by=world.admin.id,
        )
    conflict_id = add_conflict(
        world,
        "office_owned",
        "room",
        room_id,
        column="name",
        base="Huone 1",
        office="Huone 1",
        laptop="Kirjasto",
    )

    world.store.inbox.take_laptop(conflict_id, world.admin)

    assert row_of(world, "room", room_id)["name"] == "Kirjasto"  # type: ignore[index]
    assert resolution_events(world, conflict_id) == [("update", world.admin.id, "laptop", None)]


# --- two records of one HETU --------------------------------------------------------------


def test_keeping_two_records_of_one_hetu_leaves_both_and_the_laptops_without_it(
    world: World,
) -> None:
    office_client = world.clients["makinen"]
    with write_transaction(world.store.db):
        laptop_client = insert_row(
            world.store.ctx,
            "client",
            {
                "first_name": "Anna",
                "last_name": "Mäkinen",
                "birth_date": "1990-01-01",
                "coach_id": world.coach.id,
            },
            by=world.coach.id,
        )
    conflict_id = add_conflict(
        world,
        "same_hetu",
        "client",
        laptop_client,
        column="hetu",
        office=office_client.hetu,
        laptop=office_client.hetu,
        client_id=laptop_client,
        other_row_id=office_client.id,
    )
    with pytest.raises(NotForThisConflict):
        world.store.inbox.take_laptop(conflict_id, world.coach)

    world.store.inbox.keep_office(conflict_id, world.coach)

    assert row_of(world, "client", laptop_client)["hetu"] is None  # type: ignore[index]
    assert row_of(world, "client", laptop_client)["deleted_at"] is None  # type: ignore[index]
    assert row_of(world, "client", office_client.id)["hetu"] == office_client.hetu  # type: ignore[index]


# --- twice, and who ------------------------------------------------------------------------


def test_a_conflict_is_resolved_once(world: World) -> None:
    conflict_id, client_id = _phone_conflict(world)
    world.store.inbox.keep_office(conflict_id, world.coach)
    before = row_of(world, "client", client_id)

    for decide in (
        lambda: world.store.inbox.take_laptop(conflict_id, world.admin),
        lambda: world.store.inbox.keep_office(conflict_id, world.admin),
        lambda: world.store.inbox.set_value(conflict_id, "0401112222", world.admin),
    ):
        with pytest.raises(AlreadyResolved) as refused:
            decide()
        assert refused.value.key == "sync.inbox.already_resolved"

    assert row_of(world, "client", client_id) == before
    assert world.store.inbox.get(conflict_id, world.admin).resolution == "office"
    assert len(resolution_events(world, conflict_id)) == 1


def test_a_coach_sees_their_own_clients_and_their_own_laptops_conflicts_only(
    world: World,
) -> None:
    other_coach = add_demo_account(
        world.store.ctx, "toinen", "Toivonen Toni", "coach", world.site.id
    )
    theirs, _ = _phone_conflict(world)  # the coach's own client, from the coach's laptop
    other_laptop = add_device(world, other_coach)
    about_own_client = add_conflict(
        world,
        "field",
        "client",
        world.clients["makinen"].id,
        column="email",
        laptop="anna@example.fi",
        client_id=world.clients["makinen"].id,
        device_id=other_laptop,
    )
    from_own_laptop = add_conflict(
        world,
        "field",
        "client",
        world.clients["ostman"].id,
        column="email",
        laptop="asa@example.fi",
        client_id=world.clients["ostman"].id,
    )
    not_theirs = add_conflict(
        world,
        "field",
        "client",
        world.clients["obrien"].id,
        column="email",
        laptop="sean@example.ie",
        client_id=world.clients["obrien"].id,
        device_id=other_laptop,
    )
    inbox = world.store.inbox

    seen = {c.id for c in inbox.conflicts(world.coach)}
    assert seen == {theirs, about_own_client, from_own_laptop}
    assert inbox.open_count(world.coach) == 3
    assert {c.id for c in inbox.conflicts(other_coach)} == {about_own_client, not_theirs}
    assert {c.id for c in inbox.conflicts(world.admin)} == {
        theirs,
        about_own_client,
        from_own_laptop,
        not_theirs,
    }
    with pytest.raises(LookupError):
        inbox.get(not_theirs, world.coach)
    with pytest.raises(LookupError):
        inbox.take_laptop(not_theirs, world.coach)
    with pytest.raises(PermissionDenied):
        inbox.conflicts(world.reception)
    with pytest.raises(PermissionDenied):
        inbox.keep_office(theirs, world.reception)

    inbox.keep_office(theirs, world.coach)
    assert inbox.open_count(world.coach) == 2
    assert theirs not in {c.id for c in inbox.conflicts(world.coach)}
    assert theirs in {c.id for c in inbox.conflicts(world.coach, include_resolved=True)}


def test_a_conflict_is_described_with_its_client_masked_and_the_office_row_as_it_is_now(
    world: World,
) -> None:
    conflict_id, client_id = _phone_conflict(world)
    client = world.clients["makinen"]
    assert client.hetu is not None

    context = world.store.inbox.describe(world.store.inbox.get(conflict_id, world.coach))

    assert context.client_name == "Mäkinen Anna"
    assert context.client_hetu == client.hetu[:7] + "***" + client.hetu[10:]
    assert context.office_row is not None and context.office_row["id"] == client_id
    assert context.office_row["phone"] == client.phone
    assert not context.office_deleted
    assert (context.device_label, context.coach_name) == ("Läppäri 1", "Virtanen Liisa")
    assert (context.can_take_laptop, context.can_set_value, context.can_merge) == (
        True,
        True,
        False,
    )


def test_a_laptops_database_shows_its_conflicts_but_decides_none(world: World) -> None:
    conflict_id, client_id = _phone_conflict(world)
    with write_transaction(world.store.db):
        insert_row(
            world.store.ctx,
            "sync_laptop",
            {
                "office_id": "office-1",
                "coach_id": world.coach.id,
                "base_id": "base-1",
                "bundle_key": "00" * 32,
                "cut_at": "2026-11-20T08:00:00Z",
                "window_from": "2026-10-23T22:00:00Z",
                "window_to": "2027-01-24T22:00:00Z",
            },
            by=world.admin.id,
        )
    before = row_of(world, "client", client_id)

    with pytest.raises(DecidedAtTheOffice) as refused:
        world.store.inbox.take_laptop(conflict_id, world.coach)

    assert refused.value.key == "sync.inbox.office_only"
    assert row_of(world, "client", client_id) == before
    assert [c.id for c in world.store.inbox.conflicts(world.coach)] == [conflict_id]


def test_a_typed_text_may_hold_no_control_characters(world: World) -> None:
    client_id = world.clients["makinen"].id
    appointment_id = add_appointment(world, client_id, note="vanha")
    conflict_id = add_conflict(
        world,
        "field",
        "appointment",
        appointment_id,
        column="note",
        office="vanha",
        laptop="uusi",
        client_id=client_id,
    )

    with pytest.raises(InvalidValue) as refused:
        world.store.inbox.set_value(conflict_id, "uusi\x1b[2J", world.coach)
    assert (refused.value.field, refused.value.key) == ("note", "error.text.control")

    world.store.inbox.set_value(conflict_id, "Tuo CV ja todistukset", world.coach)
    assert row_of(world, "appointment", appointment_id)["note"] == "Tuo CV ja todistukset"  # type: ignore[index]
