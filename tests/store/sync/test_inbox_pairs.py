"""A laptop's move of a booking is decided whole (start and end together), and taking a
laptop's value is refused once the office has changed the field again since."""

from __future__ import annotations

import pytest

from store.core.db import write_transaction
from store.core.rows import update_row
from store.sync.inbox_pairs import OfficeChangedSince
from tests.conftest import World
from tests.store.sync.inbox_world import (
    TUESDAY_10,
    TUESDAY_11,
    add_appointment,
    add_conflict,
    add_device,
    row_of,
)

LAPTOP_START = "2026-12-01T12:00:00.000000Z"
LAPTOP_END = "2026-12-01T13:00:00.000000Z"
OFFICE_START = "2026-12-01T06:00:00.000000Z"
OFFICE_END = "2026-12-01T07:00:00.000000Z"


def _moved_both_ways(world: World) -> tuple[str, str, str]:
    """A booking the office moved to 8–9 and the laptop to 14–15 (Helsinki)."""
    client_id = world.clients["makinen"].id
    booking = add_appointment(world, client_id, starts_at=OFFICE_START, ends_at=OFFICE_END)
    device = add_device(world)
    start = add_conflict(
        world,
        "field",
        "appointment",
        booking,
        column="starts_at",
        base=TUESDAY_10,
        office=OFFICE_START,
        laptop=LAPTOP_START,
        client_id=client_id,
        device_id=device,
    )
    end = add_conflict(
        world,
        "field",
        "appointment",
        booking,
        column="ends_at",
        base=TUESDAY_11,
        office=OFFICE_END,
        laptop=LAPTOP_END,
        client_id=client_id,
        device_id=device,
    )
    return booking, start, end


def test_taking_the_laptops_start_takes_its_end_too(world: World) -> None:
    booking, start, end = _moved_both_ways(world)

    world.store.inbox.take_laptop(start, world.admin)

    row = row_of(world, "appointment", booking)
    assert row is not None
    assert (row["starts_at"], row["ends_at"]) == (LAPTOP_START, LAPTOP_END)
    other = world.store.inbox.get(end, world.admin)
    assert (other.resolution, other.resolved_by) == ("laptop", world.admin.id)
    assert world.store.inbox.open_count(world.admin) == 0


def test_keeping_the_offices_end_keeps_its_start_too(world: World) -> None:
    booking, start, end = _moved_both_ways(world)

    world.store.inbox.keep_office(end, world.admin)

    row = row_of(world, "appointment", booking)
    assert row is not None
    assert (row["starts_at"], row["ends_at"]) == (OFFICE_START, OFFICE_END)
    assert world.store.inbox.get(start, world.admin).resolution == "office"
    assert world.store.inbox.open_count(world.admin) == 0


def test_a_laptops_value_is_not_taken_over_a_later_office_edit(world: World) -> None:
    booking, start, _end = _moved_both_ways(world)
    later_start = "2026-12-01T07:00:00.000000Z"
    with write_transaction(world.store.db):
        update_row(
            world.store.ctx,
            "appointment",
            booking,
            {"starts_at": later_start, "ends_at": "2026-12-01T08:00:00.000000Z"},
            by=world.coach.id,
        )

    with pytest.raises(OfficeChangedSince) as refused:
        world.store.inbox.take_laptop(start, world.admin)

    assert refused.value.params["now"] == later_start
    row = row_of(world, "appointment", booking)
    assert row is not None and row["starts_at"] == later_start
    assert world.store.inbox.get(start, world.admin).is_open
