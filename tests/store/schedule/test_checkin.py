"""Check-in at the desk: a booked client queued for their coach at the booked time, in one
transaction; checking in twice refused; no-shows offered from 15 minutes after the start."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from store.core.clock import FixedClock, to_iso
from store.sample.accounts import add_demo_account
from store.schedule.checkin import (
    AlreadyCheckedIn,
    AlreadyInQueue,
    NotLateYet,
    NotToday,
)
from store.schedule.errors import AppointmentClosed, NotYourCalendar
from store.schedule.models import Appointment
from tests.conftest import World
from tests.store.schedule.test_booking import _booking

# Today, Saturday 28.11.2026, 13.00 in Helsinki; the fixed clock reads 12.30 there.
AT_13 = datetime(2026, 11, 28, 11, 0, tzinfo=UTC)


def book(world: World, client: str = "makinen", **changes: object) -> Appointment:
    booking = _booking(world, client, **{"starts_at": AT_13, **changes})
    return world.store.schedule.book(world.reception, booking)


def at(clock: FixedClock, moment: datetime) -> None:
    clock.at = moment


def test_a_check_in_queues_the_client_for_their_coach_at_the_booked_time(
    world: World, clock: FixedClock
) -> None:
    store = world.store
    appointment = book(world)
    at(clock, AT_13 - timedelta(minutes=10))
    [shown] = store.checkin.today_for(world.reception, world.clients["makinen"].id, world.site.id)
    assert shown.id == appointment.id

    visit = store.checkin.check_in(world.reception, appointment.id, world.site.id)

    [queued] = store.visits.queue(world.site.id)
    assert queued.id == visit.id
    assert (queued.channel, queued.state, queued.booked_for) == (
        "appointment",
        "waiting",
        to_iso(AT_13),
    )
    assert queued.assigned_to == world.coach.id
    assert queued.wants_own_coach and queued.reason_codes == ("own_coach",)  # her own coach
    row = store.db.execute(
        "SELECT appointment_id, process_step FROM visit WHERE id = ?", [visit.id]
    ).fetchone()
    assert row == (appointment.id, "job_search_discussion")
    arrived = store.schedule.get(world.reception, appointment.id)
    assert (arrived.status, arrived.visit_id) == ("arrived", visit.id)
    assert [h[6] for h in store.schedule.history(appointment.id)] == ["booked", "arrived"]
    # Both changes are in the access log, under the client's name.
    logged = store.audit.events(client_id=world.clients["makinen"].id)
    assert {(e.entity, e.entity_id) for e in logged} >= {
        ("visit", visit.id),
        ("appointment", appointment.id),
    }


def test_the_booked_time_comes_first_for_the_coach_and_never_for_another_desk(
    world: World, clock: FixedClock
) -> None:
    store = world.store
    appointment = book(world)
    at(clock, AT_13 - timedelta(minutes=30))
    walk_in = store.visits.register(world.reception, world.site.id)
    booked = store.checkin.check_in(world.reception, appointment.id, world.site.id)
    late_walk_in = store.visits.register(world.reception, world.site.id)

    def called(who: object, desk: str) -> str | None:
        visit = store.visits.call_next(who, world.site.id, desk)  # type: ignore[arg-type]
        return visit.id if visit is not None else None

    # Early: nobody calls them before their time, not even their coach.
    assert called(world.coach, "5") == walk_in.id
    store.visits.change_state(world.coach, walk_in.id, "done")
    at(clock, AT_13)
    # At the booked time another desk takes the next walk-in, never the coach's client …
    assert called(world.reception, "1") == late_walk_in.id
    # … and the coach's call takes their booked client first.
    store.visits.register(world.reception, world.site.id)
    assert called(world.coach, "5") == booked.id


def test_checking_in_twice_is_refused_naming_the_ticket_and_writes_nothing(
    world: World, clock: FixedClock
) -> None:
    store = world.store
    appointment = book(world)
    first = store.checkin.check_in(world.reception, appointment.id, world.site.id)
    with pytest.raises(AlreadyCheckedIn) as refused:
        store.checkin.check_in(world.reception, appointment.id, world.site.id)
    assert first.ticket in refused.value.message("fi")
    assert "already" in refused.value.message("en")
    # Served and gone home, the appointment is still checked in: no second ticket.
    store.visits.change_state(world.reception, first.id, "done")
    with pytest.raises(AlreadyCheckedIn):
        store.checkin.check_in(world.reception, appointment.id, world.site.id)
    assert len(store.visits.day_visits(world.site.id, clock.today())) == 1


def test_a_client_already_in_the_queue_is_not_given_a_second_ticket(world: World) -> None:
    store = world.store
    appointment = book(world)
    walk_in = store.visits.register(
        world.reception, world.site.id, client_id=world.clients["makinen"].id
    )
    with pytest.raises(AlreadyInQueue) as refused:
        store.checkin.check_in(world.reception, appointment.id, world.site.id)
    assert walk_in.ticket in refused.value.message("sv")
    assert store.schedule.get(world.reception, appointment.id).status == "booked"


def test_only_todays_open_appointments_are_checked_in(world: World) -> None:
    store = world.store
    monday = book(world, starts_at=AT_13 + timedelta(days=2))
    with pytest.raises(NotToday) as refused:
        store.checkin.check_in(world.reception, monday.id, world.site.id)
    assert "30.11.2026" in refused.value.message("fi")
    cancelled = book(world, "ostman")
    store.schedule.cancel(world.reception, cancelled.id, "by_client")
    with pytest.raises(AppointmentClosed):
        store.checkin.check_in(world.reception, cancelled.id, world.site.id)
    assert store.checkin.today_for(world.reception, world.clients["ostman"].id, world.site.id) == []
    assert store.visits.queue(world.site.id) == []


def test_a_coach_checks_in_only_their_own_teams_clients(world: World) -> None:
    store = world.store
    appointment = book(world)
    other = add_demo_account(store.ctx, "toinen", "Toinen Tiina", "coach", world.site.id)
    with pytest.raises(NotYourCalendar):
        store.checkin.check_in(other, appointment.id, world.site.id)
    assert store.visits.queue(world.site.id) == []
    visit = store.checkin.check_in(world.coach, appointment.id, world.site.id)
    assert visit.assigned_to == world.coach.id


def test_todays_bookings_of_a_client_with_any_coach_at_this_site(world: World) -> None:
    store = world.store
    colleague = add_demo_account(store.ctx, "kollega", "Kollega Kalle", "coach", world.site.id)
    elsewhere = store.sites.create(
        "Työpiste Itä", "Turku", "Varsinais-Suomen työllisyysalue", actor=world.admin
    )
    later = book(world, starts_at=AT_13 + timedelta(hours=2), coach_id=colleague.id)
    first = book(world)
    book(world, starts_at=AT_13 + timedelta(hours=1), site_id=elsewhere.id)
    book(world, starts_at=AT_13 + timedelta(days=1))
    shown = store.checkin.today_for(world.reception, world.clients["makinen"].id, world.site.id)
    assert [(a.id, a.coach_name) for a in shown] == [
        (first.id, "Virtanen Liisa"),
        (later.id, "Kollega Kalle"),
    ]
    # With the colleague, not her own coach: no ★, no "own coach" reason.
    visit = store.checkin.check_in(world.reception, later.id, world.site.id)
    assert (visit.wants_own_coach, visit.reason_codes) == (False, ())


def test_no_show_candidates_from_15_minutes_after_the_start_not_14(
    world: World, clock: FixedClock
) -> None:
    store = world.store
    appointment = book(world)
    book(world, "ostman", starts_at=AT_13 + timedelta(minutes=45), channel="phone")
    at(clock, AT_13 + timedelta(minutes=14))
    assert store.checkin.no_show_candidates(world.reception, world.site.id) == []
    with pytest.raises(NotLateYet) as refused:
        store.checkin.mark_no_show(world.reception, appointment.id)
    assert "klo 13:15" in refused.value.message("fi")
    at(clock, AT_13 + timedelta(minutes=15))
    [late] = store.checkin.no_show_candidates(world.reception, world.site.id)
    assert late.appointment.id == appointment.id
    assert (late.last_name, late.first_name, late.birth_date.year) == ("Mäkinen", "Anna", 1990)
    # A phone appointment never comes to the desk: not offered, even an hour later.
    at(clock, AT_13 + timedelta(hours=2))
    assert [c.appointment.id for c in store.checkin.no_show_candidates(
        world.reception, world.site.id
    )] == [appointment.id]  # fmt: skip


def test_a_checked_in_client_is_never_a_no_show(world: World, clock: FixedClock) -> None:
    store = world.store
    appointment = book(world)
    at(clock, AT_13 + timedelta(minutes=20))
    visit = store.checkin.check_in(world.reception, appointment.id, world.site.id)
    assert store.checkin.no_show_candidates(world.reception, world.site.id) == []
    with pytest.raises(AlreadyCheckedIn) as refused:
        store.checkin.mark_no_show(world.reception, appointment.id)
    assert visit.ticket in refused.value.message("en")


def test_a_no_show_who_comes_after_all_is_checked_in(world: World, clock: FixedClock) -> None:
    store = world.store
    appointment = book(world)
    at(clock, AT_13 + timedelta(minutes=16))
    marked = store.checkin.mark_no_show(world.reception, appointment.id)
    assert marked.status == "no_show"
    assert store.checkin.no_show_candidates(world.reception, world.site.id) == []
    [shown] = store.checkin.today_for(world.reception, world.clients["makinen"].id, world.site.id)
    assert shown.status == "no_show"
    at(clock, AT_13 + timedelta(minutes=25))
    visit = store.checkin.check_in(world.reception, appointment.id, world.site.id)
    assert store.schedule.get(world.reception, appointment.id).visit_id == visit.id
    states = [h[6] for h in store.schedule.history(appointment.id)]
    assert states == ["booked", "no_show", "booked", "arrived"]
