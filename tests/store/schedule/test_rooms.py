"""A site's rooms: listed by name, added by those who manage the schedule, logged."""

from __future__ import annotations

import pytest

from store.core.auth import PermissionDenied
from store.core.text import TextRefused
from store.schedule.rooms import RoomRefused
from tests.conftest import World


def test_rooms_are_added_listed_by_name_and_logged(world: World) -> None:
    store = world.store
    second = store.rooms.add(world.reception, world.site.id, "Neuvotteluhuone 2", 6)
    first = store.rooms.add(world.coach, world.site.id, "  Aula  ")
    assert first.name == "Aula" and first.capacity is None
    assert [r.name for r in store.rooms.list(world.site.id)] == ["Aula", "Neuvotteluhuone 2"]
    assert store.rooms.get(second.id) == second
    events = store.audit.events(entity_id=second.id)
    assert [(e.action, e.entity, e.staff_id) for e in events] == [
        ("create", "room", world.reception.id)
    ]
    other_site = store.sites.create(
        "Työpiste Itä", "Turku", "Varsinais-Suomen työllisyysalue", world.admin
    )
    assert store.rooms.list(other_site.id) == []


def test_a_room_name_the_site_has_an_empty_name_or_a_bad_capacity_is_refused(
    world: World,
) -> None:
    store = world.store
    store.rooms.add(world.admin, world.site.id, "Aula")
    with pytest.raises(RoomRefused) as taken:
        store.rooms.add(world.admin, world.site.id, "aula")
    assert "aula" in taken.value.message("fi")
    with pytest.raises(RoomRefused):
        store.rooms.add(world.admin, world.site.id, "   ")
    with pytest.raises(RoomRefused):
        store.rooms.add(world.admin, world.site.id, "Sali", 0)
    with pytest.raises(TextRefused):
        store.rooms.add(world.admin, world.site.id, "=SUM(A1)")
    assert [r.name for r in store.rooms.list(world.site.id)] == ["Aula"]


def test_a_closed_account_adds_no_room(world: World) -> None:
    world.store.staff.deactivate(world.admin, world.coach.id)
    with pytest.raises(PermissionDenied):
        world.store.rooms.add(world.coach, world.site.id, "Aula")
    assert world.store.rooms.list(world.site.id) == []
