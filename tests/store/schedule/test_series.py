"""Series after one occurrence was moved on its own: "this and the following" still
shifts by the step the user asked for, all or none."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from store.core.clock import to_local
from store.schedule.errors import SeriesClashes
from store.schedule.models import Booking
from tests.conftest import World

MONDAY_10 = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)  # 10:00 in Helsinki


def _local(appointment) -> str:
    return to_local(appointment.starts_at).strftime("%d.%m. %H:%M")


def test_this_and_the_following_shift_by_the_asked_step_after_a_single_move(world: World):
    store, desk = world.store, world.reception
    client_id = world.clients["makinen"].id
    weekly = store.schedule.book_series(desk, Booking(client_id, world.coach.id, MONDAY_10), 1, 4)
    # The first occurrence was moved on its own to the Tuesday of the second week.
    store.schedule.move(desk, weekly[0].id, MONDAY_10 + timedelta(days=8))
    moved = store.schedule.move_following(
        desk, weekly[1].id, MONDAY_10 + timedelta(days=7, hours=1)
    )
    assert sorted(_local(a) for a in moved) == [
        "07.12. 11:00", "08.12. 11:00", "14.12. 11:00", "21.12. 11:00"
    ]  # fmt: skip


def test_a_clash_in_one_following_occurrence_moves_none(world: World):
    store, desk = world.store, world.reception
    client_id = world.clients["makinen"].id
    weekly = store.schedule.book_series(desk, Booking(client_id, world.coach.id, MONDAY_10), 1, 3)
    # Someone else has the coach at 11:00 on the third Monday.
    store.schedule.book(
        desk,
        Booking(
            world.clients["ostman"].id, world.coach.id, MONDAY_10 + timedelta(days=14, hours=1)
        ),
    )
    with pytest.raises(SeriesClashes) as refused:
        store.schedule.move_following(desk, weekly[0].id, MONDAY_10 + timedelta(hours=1))
    assert [n for n, _ in refused.value.clashing] == [2]
    assert [_local(a) for a in store.schedule.series(desk, weekly[0].series_id or "")] == [
        "30.11. 10:00", "07.12. 10:00", "14.12. 10:00"
    ]  # fmt: skip
    history = store.schedule.history(weekly[1].id)
    assert [row[2] for row in history] == ["booked"]
