"""Booking, moving, states and cancelling: the spine of the coach's calendar."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from store.core.auth import PermissionDenied
from store.core.clock import to_local
from store.sample.accounts import add_demo_account
from store.schedule.errors import (
    AppointmentClosed,
    Clashes,
    InThePast,
    NotYourCalendar,
    SeriesClashes,
)
from store.schedule.models import Booking
from tests.conftest import World

# Monday 30.11.2026 10:00 in Helsinki (UTC+2); the fixed clock is Saturday 28.11.
MONDAY_10 = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def _booking(world: World, client: str = "makinen", **changes: object) -> Booking:
    values: dict[str, object] = {
        "client_id": world.clients[client].id,
        "coach_id": world.coach.id,
        "starts_at": MONDAY_10,
    }
    values.update(changes)
    return Booking(**values)  # type: ignore[arg-type]


def test_a_booking_is_stored_with_its_history_and_access_log_row(world: World) -> None:
    store = world.store
    appointment = store.schedule.book(world.reception, _booking(world, kind="initial_interview"))
    assert appointment.minutes == 45
    assert appointment.status == "booked"
    assert appointment.client_name == "Mäkinen Anna"
    assert [row[2] for row in store.schedule.history(appointment.id)] == ["booked"]
    events = store.audit.events(entity_id=appointment.id)
    assert [e.action for e in events] == ["create"]


def test_the_same_coach_the_same_client_and_the_same_room_are_refused(world: World) -> None:
    store = world.store
    first = store.schedule.book(world.reception, _booking(world))
    # The same coach, another client, overlapping by 15 minutes.
    with pytest.raises(Clashes) as refused:
        store.schedule.book(
            world.reception, _booking(world, "ostman", starts_at=MONDAY_10 + timedelta(minutes=30))
        )
    assert refused.value.clashes[0].rule == "coach"
    assert refused.value.clashes[0].entry_id == first.id
    assert "Mäkinen Anna" in refused.value.message("fi")
    assert "työnhakukeskustelu" in refused.value.message("fi")
    assert "12.00–12.45" not in refused.value.message("fi")
    assert "10:00–10:45" in refused.value.message("fi")
    # Back to back is no clash.
    store.schedule.book(
        world.reception, _booking(world, "ostman", starts_at=MONDAY_10 + timedelta(minutes=45))
    )
    assert (
        len(
            store.schedule.between(
                world.reception, world.coach.id, MONDAY_10, MONDAY_10 + timedelta(days=1)
            )
        )
        == 2
    )


def test_a_time_in_the_past_is_an_error_and_a_weekend_a_warning(world: World) -> None:
    store = world.store
    with pytest.raises(InThePast):
        store.schedule.book(
            world.reception, _booking(world, starts_at=MONDAY_10 - timedelta(days=3))
        )
    sunday = MONDAY_10 - timedelta(days=1)
    check = store.schedule.check(_booking(world, starts_at=sunday).proposal())
    assert check.ok
    assert set(check.warnings) == {"weekend", "outside_hours"}
    independence_day_2027 = datetime(2027, 12, 6, 8, 0, tzinfo=UTC)  # a Monday
    check = store.schedule.check(_booking(world, starts_at=independence_day_2027).proposal())
    assert check.warnings == ("holiday",)
    assert check.holiday_name == "Itsenäisyyspäivä"


def test_moving_keeps_the_old_time_in_the_history_and_cancel_frees_the_time(world: World) -> None:
    store = world.store
    appointment = store.schedule.book(world.reception, _booking(world))
    later = MONDAY_10 + timedelta(hours=2)
    moved = store.schedule.move(world.reception, appointment.id, later)
    assert moved.starts_at == later
    history = store.schedule.history(appointment.id)
    assert history[-1][2] == "moved"
    assert history[-1][3] == "2026-11-30T08:00:00.000Z"
    store.schedule.cancel(world.reception, appointment.id, "by_client")
    with pytest.raises(AppointmentClosed):
        store.schedule.move(world.reception, appointment.id, MONDAY_10)
    # The time is free again.
    store.schedule.book(world.reception, _booking(world, "ostman", starts_at=later))


def test_only_coaches_see_notes_and_a_coach_books_only_for_their_team(world: World) -> None:
    store = world.store
    appointment = store.schedule.book(world.coach, _booking(world, note="Puhuu CV:stä"))
    assert appointment.note == "Puhuu CV:stä"
    assert store.schedule.get(world.reception, appointment.id).note is None
    with pytest.raises(PermissionDenied):
        store.schedule.book(world.admin, _booking(world, "ostman"))
    other = add_demo_account(store.ctx, "toinen", "Toinen Tiina", "coach", world.site.id)
    with pytest.raises(NotYourCalendar):
        store.schedule.book(world.coach, _booking(world, "ostman", coach_id=other.id))
    store.db.execute(
        "UPDATE staff SET team = 'Nuoret' WHERE id IN (?, ?)", [world.coach.id, other.id]
    )
    assert (
        store.schedule.book(world.coach, _booking(world, "ostman", coach_id=other.id)).coach_name
        == "Toinen Tiina"
    )


def test_a_series_with_one_clash_saves_nothing_and_names_the_occurrence(world: World) -> None:
    store = world.store
    # Someone else already has the coach on the third Monday.
    store.schedule.book(
        world.reception, _booking(world, "ostman", starts_at=MONDAY_10 + timedelta(weeks=4))
    )
    preview = store.schedule.preview_series(_booking(world), every_weeks=2, count=6)
    assert [check.ok for _, check in preview] == [True, True, False, True, True, True]
    with pytest.raises(SeriesClashes) as refused:
        store.schedule.book_series(world.reception, _booking(world), every_weeks=2, count=6)
    assert [n for n, _ in refused.value.clashing] == [2]
    client_id = world.clients["makinen"].id
    assert (
        store.db.execute(
            "SELECT count(*) FROM appointment WHERE client_id = ?", [client_id]
        ).fetchone()[0]
        == 0
    )
    booked = store.schedule.book_series(
        world.reception, _booking(world, starts_at=MONDAY_10 + timedelta(hours=2)), 2, 6
    )
    assert len({a.series_id for a in booked}) == 1
    # Across the change to summer time (28.3.2027) the wall-clock time stays 12:00.
    spring = store.schedule.book_series(
        world.reception, _booking(world, starts_at=datetime(2027, 3, 15, 10, 0, tzinfo=UTC)), 2, 3
    )
    assert [to_local(a.starts_at).hour for a in spring] == [12, 12, 12]
    moved = store.schedule.move_following(
        world.reception, booked[3].id, booked[3].starts_at + timedelta(days=1)
    )
    assert [a.starts_at.weekday() for a in moved] == [1, 1, 1]
    assert store.schedule.get(world.reception, booked[2].id).starts_at.weekday() == 0
    cancelled = store.schedule.cancel_following(world.reception, booked[4].id, "by_coach")
    assert [a.status for a in cancelled] == ["cancelled", "cancelled"]


def test_next_free_time_skips_taken_slots_the_weekend_and_holidays(world: World) -> None:
    store = world.store
    client_id = world.clients["makinen"].id
    # From Saturday noon the first slot is Monday 8:00.
    first = store.schedule.next_free(world.coach.id, client_id, 45)
    assert first is not None and to_local(first).strftime("%a %d.%m %H:%M") == "Mon 30.11 08:00"
    store.schedule.book(world.reception, _booking(world, "ostman", starts_at=first))
    second = store.schedule.next_free(world.coach.id, client_id, 45)
    assert second is not None and to_local(second).strftime("%H:%M") == "08:45"
    # An absence on the whole of Monday moves it to Tuesday.
    store.working_time.add_absence(
        world.coach, world.coach.id, "training", first, first + timedelta(hours=9)
    )
    third = store.schedule.next_free(world.coach.id, client_id, 45)
    assert third is not None and to_local(third).strftime("%a %H:%M") == "Tue 08:00"
    # Independence Day 2026 (Sunday 6.12.) is no working day anyway; Christmas Eve is a
    # public holiday in the library: the first free slot from 24.12. is Monday 28.12.
    christmas = store.schedule.next_free(
        world.coach.id, client_id, 45, after=datetime(2026, 12, 24, 6, 0, tzinfo=UTC)
    )
    assert christmas is not None and to_local(christmas).date().isoformat() == "2026-12-28"
