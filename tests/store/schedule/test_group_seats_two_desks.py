"""Two desks adding the last seat of a session at the same moment, as two OS processes on
one database file: exactly one gets the seat, the other a place on the waiting list."""

from __future__ import annotations

import multiprocessing
import queue as queue_module
from datetime import UTC, datetime, timedelta

import pytest

from store.api import Store
from store.core.clock import FixedClock
from tests.conftest import NOW, World
from tests.faults import keys_for_child, learn_keys

SESSIONS = 12
DEADLINE_SECONDS = 60  # a hung desk fails the test instead of hanging the suite
FIRST = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


def _desk(
    path: str, keys, staff_id: str, client_id: str, session_ids: list[str], meet, results
) -> None:
    """One desk's process: for each session, wait for the other desk, then add a client."""
    learn_keys(keys)  # its user logged in
    store = Store.open(path, FixedClock(NOW))
    staff = store.staff.get(staff_id)
    assert staff is not None
    states: list[str] = []
    errors: list[str] = []
    for session_id in session_ids:
        meet.wait(DEADLINE_SECONDS)
        try:
            states.append(store.groups.add(staff, session_id, client_id).state)
        except Exception as exc:  # noqa: BLE001 — the parent asserts on these
            errors.append(f"{type(exc).__name__}: {exc}")
    store.close()
    results.put((staff_id, states, errors))


def test_two_desks_adding_the_last_seat_give_one_seat_and_one_waiting(world: World) -> None:
    groups = world.store.groups
    # Each session has one seat left: the race is for that seat.
    sessions = []
    for number in range(SESSIONS):
        session = groups.create(
            world.reception, f"Info {number}", FIRST + timedelta(hours=number), 30, 2,
            world.site.id,
        )  # fmt: skip
        groups.add(world.reception, session.id, world.clients["obrien"].id)
        sessions.append(session.id)
    world.store.close()  # the desks bring their own connections
    context = multiprocessing.get_context("spawn")
    meet = context.Barrier(2)
    results = context.Queue()
    desks = [
        context.Process(
            target=_desk,
            args=(
                str(world.path),
                keys_for_child(world.path),
                staff.id,
                world.clients[key].id,
                sessions,
                meet,
                results,
            ),
        )
        for staff, key in ((world.reception, "makinen"), (world.coach, "ostman"))
    ]
    for process in desks:
        process.start()
    try:
        reports = [results.get(timeout=DEADLINE_SECONDS) for _ in desks]
    except queue_module.Empty:
        pytest.fail("a desk process did not finish in time")
    finally:
        for process in desks:
            process.join(DEADLINE_SECONDS)
            if process.is_alive():
                process.kill()
    assert [process.exitcode for process in desks] == [0, 0]
    for staff_id, _, errors in reports:
        assert errors == [], f"desk {staff_id} saw: {errors[:3]}"
    store = Store.open(world.path, FixedClock(NOW))
    try:
        for session_id in sessions:
            shown = store.groups.get(session_id)
            listed = store.groups.seats(session_id)
            assert shown is not None
            assert (shown.booked, shown.waiting) == (2, 1)
            assert (len(listed.booked), len(listed.waiting)) == (2, 1)
        won = sum(states.count("booked") for _, states, _ in reports)
        assert won == SESSIONS  # one seat per session, whichever desk got there first
    finally:
        store.close()
