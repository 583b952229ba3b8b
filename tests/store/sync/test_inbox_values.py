"""Values typed into the inbox are written as the field's own screen writes them: a
client's field with the client card's access-log events, a day read as d.m.yyyy, and a
booking's time or a reference never typed by hand; a laptop's change to an office table is
not taken over an office edit made since."""

from __future__ import annotations

import pytest

from store.core.db import write_transaction
from store.core.rows import update_row
from store.sync.inbox import InvalidValue
from store.sync.inbox_pairs import OfficeChangedSince
from tests.conftest import World
from tests.store.sync.inbox_world import TUESDAY_10, add_appointment, add_conflict, row_of


def test_a_typed_client_field_is_in_the_access_log_as_the_client_cards_save_is(
    world: World,
) -> None:
    client = world.clients["makinen"]
    conflict_id = add_conflict(
        world,
        "field",
        "client",
        client.id,
        column="email",
        base=None,
        office="anna@tyo.fi",
        laptop="anna@koti.fi",
        client_id=client.id,
    )

    world.store.inbox.set_value(conflict_id, "anna@example.fi", world.admin)

    events = world.store.db.execute(
        "SELECT staff_id, purpose FROM audit_event WHERE entity = 'client' AND action = 'update'"
        " AND entity_id = ?",
        [client.id],
    ).fetchall()
    assert events == [(world.admin.id, "email")]


def test_a_day_is_typed_as_people_write_it_and_stored_as_a_day(world: World) -> None:
    client_id = world.clients["makinen"].id
    path = world.store.paths.start(world.coach, client_id)
    step = world.store.paths.add_step(
        world.coach, path.id, {"service": "koulutus", "planned_start": "1.8.2027"}
    )
    conflict_id = add_conflict(
        world,
        "field",
        "path_step",
        step.id,
        column="planned_start",
        base="2027-08-01",
        office="2027-08-01",
        laptop="2027-09-01",
        client_id=client_id,
    )

    with pytest.raises(InvalidValue):
        world.store.inbox.set_value(conflict_id, "31.2.2027", world.admin)
    world.store.inbox.set_value(conflict_id, "15.8.2027", world.admin)

    row = row_of(world, "path_step", step.id)
    assert row is not None and row["planned_start"] == "2027-08-15"


def test_a_bookings_time_is_not_typed_by_hand(world: World) -> None:
    client_id = world.clients["makinen"].id
    booking = add_appointment(world, client_id)
    conflict_id = add_conflict(
        world,
        "field",
        "appointment",
        booking,
        column="starts_at",
        base=TUESDAY_10,
        office=TUESDAY_10,
        laptop="2026-12-01T09:00:00.000000Z",
        client_id=client_id,
    )
    conflict = world.store.inbox.get(conflict_id, world.admin)

    assert not world.store.inbox.describe(conflict).can_set_value
    with pytest.raises(InvalidValue) as refused:
        world.store.inbox.set_value(conflict_id, "14:00", world.admin)
    assert refused.value.key == "sync.inbox.value.pick_a_side"
    row = row_of(world, "appointment", booking)
    assert row is not None and row["starts_at"] == TUESDAY_10


def test_a_laptops_change_to_an_office_table_is_not_taken_over_a_later_office_edit(
    world: World,
) -> None:
    site = world.site
    conflict_id = add_conflict(
        world,
        "office_owned",
        "site",
        site.id,
        column="name",
        base=site.name,
        office=site.name,
        laptop="Kirjasto",
    )
    with write_transaction(world.store.db):
        update_row(world.store.ctx, "site", site.id, {"name": "Työpiste Asema"}, by=world.admin.id)

    with pytest.raises(OfficeChangedSince):
        world.store.inbox.take_laptop(conflict_id, world.admin)

    row = row_of(world, "site", site.id)
    assert row is not None and row["name"] == "Työpiste Asema"


def test_deciding_about_a_client_the_office_refused_names_that_client_in_the_log(
    world: World,
) -> None:
    refused_client = "0f6e8a0c-5d2b-4c1e-9f3a-7b8c9d0e1f2a"
    conflict_id = add_conflict(
        world,
        "rejected",
        "client",
        refused_client,
        office="UNIQUE constraint failed",
        client_id=refused_client,
        laptop_row={"id": refused_client, "first_name": "Aino", "last_name": "Laptop"},
    )

    world.store.inbox.keep_office(conflict_id, world.admin)

    (event,) = world.store.db.execute(
        "SELECT client_id, purpose FROM audit_event WHERE entity = 'sync_conflict'"
        " AND entity_id = ?",
        [conflict_id],
    ).fetchall()
    assert event == (None, f"office; client={refused_client}")
