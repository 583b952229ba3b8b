"""The desk's queue as the store hands it: each open visit's wait, ⚠ from the setting, counts."""

from __future__ import annotations

from datetime import timedelta

from store.core.clock import to_iso


def advance(world, minutes: int) -> None:
    world.store.clock.at += timedelta(minutes=minutes)


def test_waits_are_marked_from_the_sites_threshold_and_closed_visits_only_counted(world):
    visits, site = world.store.visits, world.site.id
    long = visits.register(world.reception, site)
    advance(world, 15)
    short = visits.register(world.reception, site)
    done = visits.register(world.reception, site)
    visits.change_state(world.reception, done.id, "done")
    advance(world, 6)  # long: 21 min, short: 6 min
    queue = visits.desk_queue(site)
    assert [(e.visit.id, e.wait_minutes, e.long_wait) for e in queue.entries] == [
        (long.id, 21, True),
        (short.id, 6, False),
    ]
    assert (queue.waiting, queue.done, queue.left_open) == (2, 1, 0)
    world.store.settings.set(world.admin, "queue.wait_threshold_minutes", "30")
    assert not any(e.long_wait for e in visits.desk_queue(site).entries)


def test_someone_early_for_an_appointment_shows_their_time_and_never_a_long_wait(world):
    visits, site = world.store.visits, world.site.id
    booked = world.store.clock.now() + timedelta(minutes=45)
    visit = visits.register(world.reception, site, channel="appointment", booked_for=to_iso(booked))
    advance(world, 30)
    [entry] = visits.desk_queue(site).entries
    assert (entry.early_for, entry.long_wait) == (booked, False)
    advance(world, 20)  # the booked time has come: a wait like anyone's
    [entry] = visits.desk_queue(site).entries
    assert entry.early_for is None and entry.visit.id == visit.id
    assert (entry.wait_minutes, entry.long_wait) == (50, True)


def test_visits_left_open_on_earlier_days_are_counted_for_the_banner(world):
    visits, site = world.store.visits, world.site.id
    visits.register(world.reception, site)
    advance(world, 24 * 60)
    queue = visits.desk_queue(site)
    assert (queue.entries, queue.left_open) == ((), 1)
