"""A coach's own hours and absences: who may set them, and how next free time and the
check's warnings follow them."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from store.core.clock import to_local
from store.sample.accounts import add_demo_account
from store.schedule.hours import BadHours, NotYourHours
from store.schedule.models import Booking
from tests.conftest import World

MONDAY_10 = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)  # 10:00 in Helsinki


def test_own_hours_move_next_free_time_and_the_warning(world: World) -> None:
    store, coach = world.store, world.coach
    client_id = world.clients["makinen"].id
    # Mondays 12–18 from now on.
    store.working_time.set_hours(coach, coach.id, 1, (time(12), time(18)))
    first = store.schedule.next_free(coach.id, client_id, 60)
    assert first is not None and to_local(first).strftime("%a %H:%M") == "Mon 12:00"
    check = store.schedule.check(Booking(client_id, coach.id, MONDAY_10).proposal())
    assert check.ok and check.warnings == ("outside_hours",)
    # Not at work on Mondays at all: Tuesday 8:00, the default.
    store.working_time.set_hours(coach, coach.id, 1, None)
    second = store.schedule.next_free(coach.id, client_id, 60)
    assert second is not None and to_local(second).strftime("%a %H:%M") == "Tue 08:00"


def test_only_the_coach_or_an_admin_sets_hours_and_they_must_end_after_they_start(
    world: World,
) -> None:
    store, coach = world.store, world.coach
    other = add_demo_account(store.ctx, "toinen", "Toinen Tiina", "coach", world.site.id)
    with pytest.raises(NotYourHours):
        store.working_time.set_hours(other, coach.id, 2, (time(9), time(15)))
    with pytest.raises(BadHours):
        store.working_time.set_hours(coach, coach.id, 2, (time(15), time(9)))
    store.working_time.set_hours(world.admin, coach.id, 2, (time(9), time(15)))
    assert store.working_time.hours(coach.id)[2] == (time(9), time(15))
    assert [e.action for e in store.audit.events(entity_id=coach.id)][-1] == "update"


def test_an_afternoon_absence_added_by_reception_leaves_the_morning_free(world: World) -> None:
    store, coach = world.store, world.coach
    client_id = world.clients["makinen"].id
    noon = MONDAY_10 + timedelta(hours=2)
    absence = store.working_time.add_absence(
        world.reception, coach.id, "training", noon, noon + timedelta(hours=4)
    )
    store.schedule.book(world.reception, Booking(client_id, coach.id, MONDAY_10, 120))
    # 8–10 is free; 10–12 is the booking; from 12 the training: Monday 8:00 it is.
    first = store.schedule.next_free(coach.id, world.clients["ostman"].id, 90)
    assert first is not None and to_local(first).strftime("%a %H:%M") == "Mon 08:00"
    # Two hours fit nowhere on Monday: Tuesday.
    second = store.schedule.next_free(coach.id, world.clients["ostman"].id, 150)
    assert second is not None and to_local(second).strftime("%a %H:%M") == "Tue 08:00"
    store.working_time.remove_absence(world.reception, absence)
    third = store.schedule.next_free(
        coach.id, world.clients["ostman"].id, 150, after=MONDAY_10 + timedelta(hours=2)
    )
    assert third is not None and to_local(third).strftime("%a %H:%M") == "Mon 12:00"


def test_team_members_are_listed_and_a_blank_team_is_none(world: World) -> None:
    store = world.store
    other = add_demo_account(store.ctx, "toinen", "Aalto Tiina", "coach", world.site.id)
    assert store.working_time.set_team(world.admin, world.coach.id, " Nuoret ") == "Nuoret"
    store.working_time.set_team(world.admin, other.id, "Nuoret")
    assert store.working_time.members("Nuoret") == [other.id, world.coach.id]
    assert store.working_time.set_team(world.admin, other.id, "   ") is None
    assert store.working_time.members("Nuoret") == [world.coach.id]


def test_a_week_of_hours_is_saved_whole_or_not_at_all(world: World) -> None:
    store, coach = world.store, world.coach
    store.working_time.set_week(coach, coach.id, {1: (time(9), time(17)), 5: None})
    assert store.working_time.hours(coach.id)[1] == (time(9), time(17))
    assert store.working_time.hours(coach.id)[5] is None
    with pytest.raises(BadHours):
        store.working_time.set_week(
            coach, coach.id, {2: (time(7), time(15)), 3: (time(15), time(9))}
        )
    assert store.working_time.hours(coach.id)[2] == (time(8), time(16))  # Tuesday untouched
