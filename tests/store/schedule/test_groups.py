"""Group sessions: capacity, the waiting list moving up, attendance, clashes and the log."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from store.core.auth import PermissionDenied
from store.schedule.errors import Clashes, InThePast
from store.schedule.group_errors import (
    AlreadyListed,
    CapacityBelowBooked,
    NotSeated,
    SeatClosed,
    SessionCancelled,
)
from store.schedule.models import Booking, GroupSession
from tests.conftest import World

# Tuesday 1.12.2026 13:00 in Helsinki (UTC+2); the fixed clock is Saturday 28.11.
TUESDAY_13 = datetime(2026, 12, 1, 11, 0, tzinfo=UTC)
PEOPLE = ("makinen", "maki_jokela", "ostman", "obrien")


def _session(world: World, capacity: int = 2, **changes: object) -> GroupSession:
    values: dict[str, object] = {
        "title": "Eläkeinfo",
        "starts_at": TUESDAY_13,
        "minutes": 90,
        "capacity": capacity,
        "site_id": world.site.id,
        "host_id": world.coach.id,
    }
    values.update(changes)
    return world.store.groups.create(world.reception, **values)  # type: ignore[arg-type]


def test_a_full_session_sends_the_next_people_to_the_waiting_list_in_order(world: World) -> None:
    groups = world.store.groups
    session = _session(world)
    states = [groups.add(world.reception, session.id, world.clients[k].id).state for k in PEOPLE]
    assert states == ["booked", "booked", "waiting", "waiting"]
    shown = groups.get(session.id)
    assert shown is not None
    assert (shown.booked, shown.capacity, shown.waiting, shown.is_full) == (2, 2, 2, True)
    listed = groups.seats(session.id)
    assert [s.client_name for s in listed.booked] == ["Mäki-Jokela Pekka", "Mäkinen Anna"]
    assert [s.client_name for s in listed.waiting] == ["Östman Åsa", "O'Brien Sean"]
    assert listed.to_call == ()


def test_a_cancelled_seat_moves_the_first_waiting_person_up_to_be_called(world: World) -> None:
    groups = world.store.groups
    session = _session(world)
    seats = {k: groups.add(world.reception, session.id, world.clients[k].id) for k in PEOPLE}
    moved = groups.cancel_seat(world.reception, seats["makinen"].id)
    assert moved is not None
    assert moved.client_name == "Östman Åsa"
    assert (moved.state, moved.to_call) == ("booked", True)
    listed = groups.seats(session.id)
    assert [s.client_name for s in listed.to_call] == ["Östman Åsa"]
    assert [s.client_name for s in listed.waiting] == ["O'Brien Sean"]
    assert "Mäkinen Anna" not in [s.client_name for s in listed.booked]
    shown = groups.get(session.id)
    assert shown is not None and (shown.booked, shown.waiting) == (2, 1)
    # Called: off the list of people to call, still in the session.
    called = groups.mark_called(world.reception, moved.id)
    assert (called.to_call, called.state) == (False, "booked")
    assert groups.seats(session.id).to_call == ()
    # Leaving the waiting list moves nobody up.
    assert groups.cancel_seat(world.reception, seats["obrien"].id) is None
    assert groups.seats(session.id).waiting == ()


def test_a_larger_capacity_moves_people_up_and_a_smaller_never_drops_a_seat(world: World) -> None:
    groups = world.store.groups
    session = _session(world, capacity=1)
    for key in PEOPLE[:3]:
        groups.add(world.reception, session.id, world.clients[key].id)
    assert groups.set_capacity(world.admin, session.id, 2).booked == 2
    with pytest.raises(CapacityBelowBooked) as refused:
        groups.set_capacity(world.admin, session.id, 1)
    assert "2" in refused.value.message("fi")
    listed = groups.seats(session.id)
    assert len(listed.booked) == 2 and len(listed.waiting) == 1
    assert [s.client_name for s in listed.to_call] == ["Mäki-Jokela Pekka"]


def test_attendance_is_marked_for_seats_and_can_be_set_back(world: World) -> None:
    groups = world.store.groups
    session = _session(world, capacity=1)
    seat = groups.add(world.coach, session.id, world.clients["makinen"].id)
    waiting = groups.add(world.coach, session.id, world.clients["ostman"].id)
    assert groups.mark(world.coach, seat.id, "attended").state == "attended"
    assert groups.mark(world.coach, seat.id, "no_show").state == "no_show"
    # A no-show still had the seat: nobody moves up, the count stays true.
    shown = groups.get(session.id)
    assert shown is not None and shown.booked == 1
    with pytest.raises(SeatClosed):
        groups.cancel_seat(world.coach, seat.id)
    with pytest.raises(NotSeated):
        groups.mark(world.coach, waiting.id, "attended")
    assert groups.mark(world.coach, seat.id, "booked").state == "booked"


def test_a_client_is_listed_once_and_not_where_they_have_something_else(world: World) -> None:
    groups = world.store.groups
    session = _session(world, capacity=1)
    groups.add(world.reception, session.id, world.clients["makinen"].id)
    groups.add(world.reception, session.id, world.clients["ostman"].id)
    with pytest.raises(AlreadyListed) as seated:
        groups.add(world.reception, session.id, world.clients["makinen"].id)
    assert "paikka" in seated.value.message("fi")
    with pytest.raises(AlreadyListed) as waiting:
        groups.add(world.reception, session.id, world.clients["ostman"].id)
    assert "jonossa" in waiting.value.message("fi")
    # O'Brien has an appointment with the coach in the middle of the session.
    world.store.schedule.book(
        world.reception,
        Booking(world.clients["obrien"].id, world.coach.id, TUESDAY_13 + timedelta(hours=2)),
    )
    other = _session(world, host_id=None, starts_at=TUESDAY_13 + timedelta(hours=1, minutes=30))
    with pytest.raises(Clashes) as clash:
        groups.add(world.reception, other.id, world.clients["obrien"].id)
    assert clash.value.clashes[0].rule == "client"
    assert "13:00–13:45" not in clash.value.message("fi")  # local time, not UTC
    assert "15:00–15:45" in clash.value.message("fi")
    # A seat holds the client's time for an appointment too; a waiting place does not.
    with pytest.raises(Clashes) as seat_clash:
        world.store.schedule.book(
            world.reception,
            Booking(world.clients["makinen"].id, world.admin.id, TUESDAY_13),
        )
    assert [c.rule for c in seat_clash.value.clashes] == ["client"]
    assert "Eläkeinfo" in seat_clash.value.message("fi")


def test_the_host_and_the_room_are_not_double_booked(world: World) -> None:
    _session(world)
    with pytest.raises(Clashes) as host:
        _session(world, title="Toinen", starts_at=TUESDAY_13 + timedelta(minutes=30))
    assert host.value.clashes[0].rule == "coach"
    assert "Eläkeinfo" in host.value.message("fi")
    with pytest.raises(InThePast):
        _session(world, starts_at=TUESDAY_13 - timedelta(days=7))


def test_the_room_is_not_double_booked_and_is_offered_by_name(world: World) -> None:
    hall = world.store.rooms.add(world.admin, world.site.id, "Sali", 200).id
    assert [r.name for r in world.store.rooms.list(world.site.id)] == ["Sali"]
    first = _session(world, host_id=None, room_id=hall)
    assert first.room_name == "Sali"
    with pytest.raises(Clashes) as room:
        _session(world, host_id=None, room_id=hall, starts_at=TUESDAY_13 + timedelta(hours=1))
    assert room.value.clashes[0].rule == "room"
    # An appointment in the hall during the session is refused too.
    with pytest.raises(Clashes):
        world.store.schedule.book(
            world.reception,
            Booking(world.clients["makinen"].id, world.coach.id, TUESDAY_13, room_id=hall),
        )


def test_a_cancelled_session_takes_no_one_and_frees_the_host(world: World) -> None:
    groups = world.store.groups
    session = _session(world)
    groups.cancel(world.reception, session.id)
    with pytest.raises(SessionCancelled):
        groups.add(world.reception, session.id, world.clients["makinen"].id)
    _session(world, title="Uusi aika")  # the host's time is free again


def test_permissions_and_the_access_log(world: World) -> None:
    groups = world.store.groups
    session = _session(world)
    seat = groups.add(world.reception, session.id, world.clients["makinen"].id)
    with pytest.raises(PermissionDenied):
        groups.add(world.admin, session.id, world.clients["ostman"].id)
    groups.mark(world.coach, seat.id, "attended")
    events = world.store.audit.events(entity_id=seat.id)
    assert [(e.action, e.entity, e.client_id) for e in events] == [
        ("create", "group_seat", world.clients["makinen"].id),
        ("update", "group_seat", world.clients["makinen"].id),
    ]
    assert [e.action for e in world.store.audit.events(entity_id=session.id)] == ["create"]
