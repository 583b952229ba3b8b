"""The coach's day sheet: the day's appointments, visitors, sessions, reviews and work, in order."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from store.core.auth import PermissionDenied
from store.core.db import write_transaction
from store.core.rows import insert_row
from store.schedule.models import Booking
from tests.conftest import World

# Saturday 28.11.2026 in Helsinki (UTC+2); the fixed clock stands at 12:30.
AT_13 = datetime(2026, 11, 28, 11, 0, tzinfo=UTC)
AT_14 = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
AT_15 = datetime(2026, 11, 28, 13, 0, tzinfo=UTC)
TODAY = date(2026, 11, 28)


def book(world: World, client: str, at: datetime, **changes: object):
    values: dict[str, object] = {
        "client_id": world.clients[client].id,
        "coach_id": world.coach.id,
        "starts_at": at,
    }
    values.update(changes)
    return world.store.schedule.book(world.reception, Booking(**values))  # type: ignore[arg-type]


def check_in(world: World, appointment) -> str:
    """What the desk's check-in does: a visit queued at the booked time, the appointment
    marked arrived with it."""
    store = world.store
    visit = store.visits.register(
        world.reception,
        world.site.id,
        client_id=appointment.client_id,
        channel="appointment",
        booked_for=store.ctx.now_iso(),
    )
    store.schedule.set_status(world.reception, appointment.id, "arrived", visit_id=visit.id)
    return visit.id


def transfer_to_coach(world: World, client: str) -> str:
    """A walk-in whom reception called and then passed on to the coach."""
    visits = world.store.visits
    visit = visits.register(world.reception, world.site.id, client_id=world.clients[client].id)
    visits.change_state(world.reception, visit.id, "called", desk="1")
    visits.change_state(world.reception, visit.id, "transferred", to_staff_id=world.coach.id)
    return visit.id


def add_session(world: World, title: str, at: datetime, host_id: str) -> str:
    ctx = world.store.ctx
    values = {
        "title": title,
        "host_id": host_id,
        "site_id": world.site.id,
        "starts_at": at.isoformat().replace("+00:00", ".000Z"),
        "ends_at": (at + timedelta(hours=1)).isoformat().replace("+00:00", ".000Z"),
        "capacity": 20,
    }
    with write_transaction(ctx.db):
        return insert_row(ctx, "group_session", values, by=world.admin.id)


def timed(rows):
    """The rows with a time (Mäkinen, on the coach's caseload with no service, is always
    on the worklist)."""
    return [r for r in rows if r.at is not None]


def add_due_step(world: World) -> str:
    """Mäkinen's work trial ends in ten days: an item on the coach's worklist."""
    paths = world.store.paths
    path = paths.start(world.coach, world.clients["makinen"].id)
    step = paths.add_step(world.coach, path.id, {"service": "tyokokeilu", "organiser": "Varikko",
        "planned_start": "1.10.2026", "actual_start": "1.10.2026", "planned_end": "8.12.2026"})  # fmt: skip
    return step.id


def test_the_day_in_time_order_with_the_untimed_after(world: World) -> None:
    store = world.store
    late = book(world, "ostman", AT_15, kind="coaching")
    arrived = book(world, "makinen", AT_13, kind="job_search")
    visit_id = check_in(world, arrived)
    transferred = transfer_to_coach(world, "obrien")
    session = add_session(world, "Eläkeinfo", AT_14, world.coach.id)
    add_session(world, "Someone else's", AT_14, world.reception.id)
    step_id = add_due_step(world)

    rows = store.day_sheet.rows(world.coach, TODAY)

    assert [(r.kind, r.client_name) for r in rows] == [
        ("visitor", "O'Brien Sean"),  # transferred at 12:30, now
        ("appointment", "Mäkinen Anna"),
        ("group_session", ""),
        ("appointment", "Östman Åsa"),
        ("work", "Mäkinen Anna"),
    ]
    visitor, first, group, last, work = rows
    assert visitor.visit is not None and visitor.visit.id == transferred
    assert visitor.to_call == visitor.visit
    assert first.appointment is not None and first.appointment.status == "arrived"
    # The checked-in client is the appointment's row, not a visitor row of their own.
    assert first.visit is not None and first.visit.id == visit_id
    assert first.to_call is not None and first.to_call.id == visit_id
    assert group.session is not None and group.session.id == session
    assert last.appointment is not None and last.appointment.id == late.id
    assert last.to_call is None  # booked, not here yet
    assert work.work is not None and work.work.step_id == step_id and work.due == date(2026, 12, 8)
    assert not work.overdue


def test_a_called_visitor_stays_listed_with_no_call_left_to_make(world: World) -> None:
    store = world.store
    visit_id = transfer_to_coach(world, "obrien")
    store.visits.change_state(world.coach, visit_id, "called", desk="5")
    (row,) = timed(store.day_sheet.rows(world.coach))
    assert row.kind == "visitor" and row.visit is not None and row.visit.state == "called"
    assert row.to_call is None
    store.visits.change_state(world.coach, visit_id, "done")
    assert timed(store.day_sheet.rows(world.coach)) == []


def test_a_visitor_asking_for_their_own_coach_is_listed_for_that_coach_only(world: World) -> None:
    store = world.store
    store.visits.register(
        world.reception, world.site.id, client_id=world.clients["makinen"].id, wants_own_coach=True
    )
    store.visits.register(
        world.reception, world.site.id, client_id=world.clients["ostman"].id, wants_own_coach=True
    )  # Östman has no coach
    store.visits.register(world.reception, world.site.id, client_id=world.clients["obrien"].id)
    rows = timed(store.day_sheet.rows(world.coach))
    assert [(r.kind, r.client_name) for r in rows] == [("visitor", "Mäkinen Anna")]


def test_another_day_and_another_coach_are_not_listed(world: World) -> None:
    store = world.store
    book(world, "makinen", AT_13 + timedelta(days=2))
    assert timed(store.day_sheet.rows(world.coach, TODAY)) == []
    (row,) = timed(store.day_sheet.rows(world.coach, TODAY + timedelta(days=2)))
    assert row.kind == "appointment"
    assert store.day_sheet.rows(world.reception, TODAY + timedelta(days=2)) == []


def test_cancelled_appointments_stay_on_the_sheet_as_cancelled(world: World) -> None:
    store = world.store
    appointment = book(world, "makinen", AT_13)
    store.schedule.cancel(world.reception, appointment.id, "by_client", None)
    (row,) = timed(store.day_sheet.rows(world.coach))
    assert row.appointment is not None and row.appointment.status == "cancelled"
    assert row.to_call is None


def test_an_admin_has_no_day_sheet(world: World) -> None:
    with pytest.raises(PermissionDenied):
        world.store.day_sheet.rows(world.admin)


def test_reviews_come_with_the_worklist_overdue_first(world: World) -> None:
    """Needs `Store.reviews.due` (the reviews helper's): a placeholder on main returns []."""
    store = world.store
    for last, since in (("Laine", "25.11.2026"), ("Koski", "2.11.2026")):
        raw = {"last_name": last, "first_name": "Eero", "birth_date": "2.2.1990",
               "jobseeker_since": since, "unemployed_since": since, "coach_id": world.coach.id}  # fmt: skip
        store.clients.create(world.admin, raw)
    book(world, "ostman", AT_13)
    add_due_step(world)
    rows = store.day_sheet.rows(world.coach, TODAY)
    kinds = [r.kind for r in rows]
    assert kinds[0] == "appointment"
    reviews = [r for r in rows if r.kind == "review"]
    assert {r.client_name for r in reviews} >= {"Laine Eero", "Koski Eero"}
    koski = next(r for r in reviews if r.client_name == "Koski Eero")
    laine = next(r for r in reviews if r.client_name == "Laine Eero")
    assert koski.overdue and not laine.overdue
    assert koski.review is not None and koski.review.kind == "initial_interview"
    # Overdue first; then by the date due, reviews and worklist items together.
    assert rows.index(koski) == 1
    untimed = rows[1:]
    assert all(r.at is None for r in untimed)
    dues = [r.due for r in untimed if not r.overdue and r.due is not None]
    assert dues == sorted(dues)
