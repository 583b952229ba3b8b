"""The inbox's decisions on rows deleted on one side, rows whose parent the office
deleted, rows the office did not take (a double booking, a refused row), office tables
changed on a laptop and two records of one HETU, each read back from the office's rows."""

from __future__ import annotations

import pytest

from store.core.db import write_transaction
from store.core.rows import insert_row
from store.sync.inbox import LaptopRowRefused, NotForThisConflict
from tests.conftest import World
from tests.store.sync.inbox_world import (
    TUESDAY_10,
    TUESDAY_11,
    add_appointment,
    add_conflict,
    delete,
    laptop_record,
    resolution_events,
    row_of,
    same_hetu,
)

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
    laptop_client = laptop_record(world)
    conflict_id = same_hetu(world, laptop_client)
    with pytest.raises(NotForThisConflict):
        world.store.inbox.take_laptop(conflict_id, world.coach)

    world.store.inbox.keep_office(conflict_id, world.coach)

    assert row_of(world, "client", laptop_client)["hetu"] is None  # type: ignore[index]
    assert row_of(world, "client", laptop_client)["deleted_at"] is None  # type: ignore[index]
    assert row_of(world, "client", office_client.id)["hetu"] == office_client.hetu  # type: ignore[index]
