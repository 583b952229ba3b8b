"""Moving across days and calendars, the states an appointment goes through, and who
sees the coach's notes: each change refused or written with its history and log row."""

from __future__ import annotations

from datetime import timedelta

import pytest

from store.core.auth import PermissionDenied
from store.core.clock import FixedClock
from store.sample.accounts import add_demo_account
from store.schedule.errors import (
    AppointmentClosed,
    InThePast,
    NotToday,
    NotYetStarted,
    NotYourCalendar,
)
from tests.conftest import World
from tests.store.schedule.test_booking import MONDAY_10, _booking


def _log(world: World, appointment_id: str) -> list[str]:
    return [e.action for e in world.store.audit.events(entity_id=appointment_id)]


def test_a_coach_outside_the_team_cannot_take_an_appointment_into_their_calendar(
    world: World,
) -> None:
    store = world.store
    other = add_demo_account(store.ctx, "toinen", "Toinen Tiina", "coach", world.site.id)
    theirs = store.schedule.book(world.reception, _booking(world, coach_id=other.id))
    with pytest.raises(NotYourCalendar):
        store.schedule.move(world.coach, theirs.id, MONDAY_10, coach_id=world.coach.id)
    assert store.schedule.get(world.reception, theirs.id).coach_id == other.id
    assert _log(world, theirs.id) == ["create"]
    # In the same team it moves, and the history says the appointment was edited.
    store.working_time.set_team(world.admin, world.coach.id, "Nuoret")
    store.working_time.set_team(world.admin, other.id, "Nuoret")
    moved = store.schedule.move(world.coach, theirs.id, MONDAY_10, coach_id=world.coach.id)
    assert moved.coach_name == "Virtanen Liisa"
    assert [row[2] for row in store.schedule.history(theirs.id)] == ["booked", "edited"]
    assert _log(world, theirs.id) == ["create", "update"]


def test_moving_to_another_day_keeps_the_length_and_both_times_in_the_history(
    world: World,
) -> None:
    store = world.store
    booked = store.schedule.book(world.reception, _booking(world, minutes=60))
    thursday_14 = MONDAY_10 + timedelta(days=3, hours=4)
    moved = store.schedule.move(world.reception, booked.id, thursday_14)
    assert (moved.starts_at, moved.minutes) == (thursday_14, 60)
    monday = store.schedule.between(
        world.reception, world.coach.id, MONDAY_10, MONDAY_10 + timedelta(hours=8)
    )
    assert monday == []
    [row] = [r for r in store.schedule.history(booked.id) if r[2] == "moved"]
    assert (row[3], row[4]) == ("2026-11-30T08:00:00.000Z", "2026-12-03T12:00:00.000Z")
    # The same time again changes nothing and writes nothing.
    store.schedule.move(world.reception, booked.id, thursday_14)
    assert len(store.schedule.history(booked.id)) == 2
    assert _log(world, booked.id) == ["create", "update"]


def test_a_running_appointment_is_lengthened_but_an_arrived_one_stays_on_its_day(
    world: World, clock: FixedClock
) -> None:
    store = world.store
    booked = store.schedule.book(world.reception, _booking(world))
    clock.at = MONDAY_10 + timedelta(minutes=20)  # the appointment is under way
    store.schedule.set_status(world.reception, booked.id, "arrived")
    longer = store.schedule.move(world.coach, booked.id, booked.starts_at, 75)
    assert longer.minutes == 75
    with pytest.raises(NotToday):
        store.schedule.move(world.reception, booked.id, MONDAY_10 + timedelta(days=1))
    with pytest.raises(InThePast):
        store.schedule.move(world.reception, booked.id, MONDAY_10 - timedelta(minutes=30))
    # Later the same day is fine: the client waits for a room that frees up.
    later = store.schedule.move(world.reception, booked.id, MONDAY_10 + timedelta(hours=1))
    assert later.status == "arrived"


def test_the_states_follow_the_clock_and_a_late_no_show_can_still_arrive(
    world: World, clock: FixedClock
) -> None:
    store = world.store
    booked = store.schedule.book(world.reception, _booking(world))
    # Saturday: Monday's appointment has not begun.
    with pytest.raises(NotToday):
        store.schedule.set_status(world.reception, booked.id, "arrived")
    for early in ("done", "no_show"):
        with pytest.raises(NotYetStarted):
            store.schedule.set_status(world.reception, booked.id, early)  # type: ignore[arg-type]
    assert store.schedule.get(world.reception, booked.id).status == "booked"
    # On the day a call held a little early is marked done; a no-show waits for the start.
    clock.at = MONDAY_10 - timedelta(hours=1)
    call = store.schedule.book(
        world.reception, _booking(world, "ostman", starts_at=MONDAY_10 + timedelta(hours=3))
    )
    with pytest.raises(NotYetStarted):
        store.schedule.set_status(world.coach, call.id, "no_show")
    assert store.schedule.set_status(world.coach, call.id, "done").status == "done"
    clock.at = MONDAY_10 + timedelta(minutes=16)
    store.schedule.set_status(world.reception, booked.id, "no_show")
    clock.at = MONDAY_10 + timedelta(minutes=25)
    arrived = store.schedule.set_status(world.reception, booked.id, "arrived")
    assert arrived.status == "arrived"
    done = store.schedule.set_status(world.coach, booked.id, "done")
    assert done.status == "done"
    # Done is undone the next day too (a slip of the key).
    clock.at = MONDAY_10 + timedelta(days=1)
    assert store.schedule.set_status(world.coach, booked.id, "arrived").status == "arrived"
    statuses = [(r[5], r[6]) for r in store.schedule.history(booked.id) if r[2] == "status"]
    assert statuses == [
        ("booked", "no_show"),
        ("no_show", "arrived"),
        ("arrived", "done"),
        ("done", "arrived"),
    ]
    assert _log(world, booked.id) == ["create"] + ["update"] * 4
    cancelled = store.schedule.book(world.reception, _booking(world, "obrien", starts_at=clock.at))
    store.schedule.cancel(world.reception, cancelled.id, "by_client")
    with pytest.raises(AppointmentClosed):
        store.schedule.set_status(world.reception, cancelled.id, "booked")


def test_notes_are_the_coachs_alone_on_every_read(world: World) -> None:
    store = world.store
    series = store.schedule.book_series(world.coach, _booking(world, note="CV kesken"), 2, 2)
    assert series[0].note == "CV kesken"
    client_id = world.clients["makinen"].id
    far = MONDAY_10 + timedelta(weeks=8)
    for read in (
        [store.schedule.get(world.reception, series[0].id)],
        store.schedule.between(world.reception, world.coach.id, MONDAY_10, far),
        store.schedule.of_client(world.reception, client_id, MONDAY_10, far),
        store.schedule.series(world.reception, series[0].series_id or ""),
        store.schedule.following(world.reception, series[0].id),
    ):
        assert read and all(a.note is None for a in read)
    # Reception's booking form cannot carry a note, and reception cannot write one.
    own = store.schedule.book(
        world.reception, _booking(world, "ostman", starts_at=far, note="salaa")
    )
    assert store.schedule.get(world.coach, own.id).note is None
    with pytest.raises(PermissionDenied):
        store.schedule.set_note(world.reception, own.id, "salaa")
    store.schedule.set_note(world.coach, own.id, "soitettu")
    assert store.schedule.get(world.coach, own.id).note == "soitettu"
    assert store.schedule.history(own.id)[-1][2] == "edited"
