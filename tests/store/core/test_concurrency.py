"""Two desks on one database file at once, as two OS processes: tickets never repeat,
no ticket is skipped, nobody is called twice, and no "database is locked" gets through."""

from __future__ import annotations

import multiprocessing
import queue as queue_module
from pathlib import Path

import pytest

from store.api import Store
from tests.faults import keys_for_child, learn_keys, raw_connect

VISITS_PER_DESK = 60
# Both desks meet at a barrier every ten visitors and then race for the write lock
# together: left to the scheduler, one process can finish before the other starts.
MEET_EVERY = 10
DEADLINE_SECONDS = 60  # a hung desk fails the test instead of hanging the suite


def _desk(path: str, keys, staff_id: str, site_id: str, desk: str, meet, results) -> None:
    """One desk's process: register visitors as fast as it can, calling every second one."""
    learn_keys(keys)  # its user logged in
    store = Store.open(path)
    staff = store.staff.get(staff_id)
    tickets: list[str] = []
    called: list[str] = []
    errors: list[str] = []
    for number in range(VISITS_PER_DESK):
        if number % MEET_EVERY == 0:
            meet.wait(DEADLINE_SECONDS)
        try:
            tickets.append(store.visits.register(staff, site_id, reason_codes=["cv"]).ticket)
            if number % 2:
                visit = store.visits.call_next(staff, site_id, desk)
                if visit is not None:
                    called.append(visit.id)
                    # Seen to at once, so the desk is free for its next call.
                    store.visits.change_state(staff, visit.id, "done")
        except Exception as exc:  # noqa: BLE001 — the parent asserts on these
            errors.append(f"{type(exc).__name__}: {exc}")
    store.close()
    results.put((desk, tickets, called, errors))


@pytest.fixture
def two_desks(world) -> tuple[Path, list[tuple[str, list[str], list[str], list[str]]]]:
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
                world.site.id,
                desk,
                meet,
                results,
            ),
        )
        for staff, desk in ((world.reception, "1"), (world.coach, "2"))
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
    return world.path, sorted(reports)


def test_two_desks_never_share_skip_or_lose_a_ticket(two_desks):
    path, reports = two_desks
    for desk, _, _, errors in reports:
        assert errors == [], f"desk {desk} saw: {errors[:3]}"
    owners = {int(ticket[1:]): desk for desk, tickets, _, _ in reports for ticket in tickets}
    assert sum(len(tickets) for _, tickets, _, _ in reports) == 2 * VISITS_PER_DESK
    assert sorted(owners) == list(range(1, 2 * VISITS_PER_DESK + 1))  # no repeats, no gaps

    with raw_connect(path) as conn:
        rows = conn.execute("SELECT ticket_number, ticket FROM visit ORDER BY 1").fetchall()
        assert [number for number, _ in rows] == list(range(1, 2 * VISITS_PER_DESK + 1))
        assert all(ticket == f"A{number:03d}" for number, ticket in rows)
        first_events = conn.execute(
            "SELECT v.ticket, count(e.id) FROM visit v LEFT JOIN visit_event e"
            " ON e.visit_id = v.id AND e.from_state IS NULL AND e.to_state = 'waiting'"
            " GROUP BY v.id"
        ).fetchall()
        assert {count for _, count in first_events} == {1}, "a visit without its arrival"
        logged = conn.execute(
            "SELECT count(*) FROM audit_event WHERE entity = 'visit' AND action = 'create'"
        ).fetchone()[0]
        assert logged == 2 * VISITS_PER_DESK
        calls = conn.execute(
            "SELECT visit_id, count(*) FROM visit_event WHERE to_state = 'called' GROUP BY 1"
        ).fetchall()
    assert all(count == 1 for _, count in calls), "a visitor was called twice"
    called = [visit_id for _, _, ids, _ in reports for visit_id in ids]
    assert len(called) == len(set(called)) == len(calls) == VISITS_PER_DESK


def test_tickets_follow_arrival_and_are_called_in_that_order(two_desks):
    path, _ = two_desks
    with raw_connect(path) as conn:
        arrivals = [
            at for (at,) in conn.execute("SELECT arrived_at FROM visit ORDER BY ticket_number")
        ]
        called = [
            number
            for (number,) in conn.execute(
                "SELECT v.ticket_number FROM visit_event e JOIN visit v ON v.id = e.visit_id"
                " WHERE e.to_state = 'called' ORDER BY e.rowid"
            )
        ]
    assert arrivals == sorted(arrivals), "a later ticket has an earlier arrival time"
    assert called == sorted(called), "a later ticket was called before an earlier one"
