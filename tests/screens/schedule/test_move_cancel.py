"""Moving and cancelling through the real app: one occurrence or all following, a clash
named, the old time kept in the history, a reason for every cancellation."""

from __future__ import annotations

from datetime import timedelta

from screens.schedule.booking_dialog import CancelDialog, MoveDialog
from store.core.clock import to_local
from tests.conftest import World

from ..helpers import messages, screen_text
from .booking_helpers import MONDAY_10, booking, fill, line, opened, press


def local_times(appointments) -> list[str]:
    return [to_local(a.starts_at).strftime("%d.%m %H:%M") for a in appointments]


def weekly_series(world: World):
    """Anna every week × 3 from Monday 30.11. at 10."""
    return world.store.schedule.book_series(world.reception, booking(world), 1, 3)


async def test_moving_one_of_a_series_moves_only_it_and_keeps_the_old_time(
    world: World, clock
) -> None:
    first, second, third = weekly_series(world)
    dialog = MoveDialog(second)
    async with opened(world, clock, dialog) as pilot:
        app = pilot.app
        assert "Mäkinen Anna · työnhakukeskustelu · 7.12.2026 klo 10:00–10:45" in screen_text(pilot)
        assert "tämä ja kaikki seuraavat (2)" not in screen_text(pilot)  # closed menu: "vain tämä"
        assert dialog.query_one("#booking-which").value == "one"  # type: ignore[attr-defined]
        fill(dialog, booking_time="12.00")
        await press(pilot, "ctrl+s")
        assert app.screen is not dialog
    series = world.store.schedule.series(world.reception, first.series_id or "")
    assert local_times(series) == ["30.11 10:00", "07.12 12:00", "14.12 10:00"]
    history = world.store.schedule.history(second.id)
    assert [row[2] for row in history] == ["booked", "moved"]
    assert history[-1][3] == "2026-12-07T08:00:00.000Z"  # the old start kept
    assert any("Siirretty: 7.12.2026 klo 12:00" in m for m in messages(app))


async def test_moving_this_and_all_following_shifts_each_by_the_same_time(
    world: World, clock
) -> None:
    first, second, _ = weekly_series(world)
    dialog = MoveDialog(second)
    async with opened(world, clock, dialog) as pilot:
        app = pilot.app
        dialog.query_one("#booking-which").value = "following"  # type: ignore[attr-defined]
        await press(pilot)
        # Only the time shifts for all following: their length and coach are not offered.
        assert dialog.query_one("#booking-minutes").disabled
        assert dialog.query_one("#booking-coach").disabled
        fill(dialog, booking_day="8.12.2026", booking_time="13.00")
        await press(pilot, "ctrl+s")
        assert app.screen is not dialog
    series = world.store.schedule.series(world.reception, first.series_id or "")
    assert local_times(series) == ["30.11 10:00", "08.12 13:00", "15.12 13:00"]


async def test_a_move_onto_a_taken_time_is_refused_naming_it(world: World, clock) -> None:
    store = world.store
    store.schedule.book(
        world.reception, booking(world, "ostman", starts_at=MONDAY_10 + timedelta(hours=2))
    )
    first, _, third = weekly_series(world)
    dialog = MoveDialog(first)
    async with opened(world, clock, dialog) as pilot:
        app = pilot.app
        fill(dialog, booking_time="12.30")
        await press(pilot)
        assert "Valmentajalla on jo työnhakukeskustelu (Östman Åsa)" in line(dialog, "error-when")
        await press(pilot, "ctrl+s")
        assert app.screen is dialog
        # All following: the third would land on Östman's time too (moved there first).
        store.schedule.book(
            world.reception,
            booking(world, "ostman", starts_at=third.starts_at + timedelta(hours=4)),
        )
        dialog.query_one("#booking-which").value = "following"  # type: ignore[attr-defined]
        fill(dialog, booking_time="14.00")
        await press(pilot, "ctrl+s")
        assert app.screen is dialog
        shown = screen_text(pilot)
        assert " 3  ma 14.12.2026 14:00  ✗ valmentajalla työnhakukeskustelu (Östman Åsa)" in shown
        assert "1 aika on varattu" in line(dialog, "error-when")
    series = store.schedule.series(world.reception, first.series_id or "")
    assert local_times(series) == ["30.11 10:00", "07.12 10:00", "14.12 10:00"]


async def test_cancelling_with_a_reason_frees_the_time(world: World, clock) -> None:
    appointment = world.store.schedule.book(world.reception, booking(world))
    dialog = CancelDialog(appointment)
    async with opened(world, clock, dialog) as pilot:
        app = pilot.app
        assert not dialog.query("#booking-which")  # not one of a series
        dialog.query_one("#booking-reason").value = "by_coach"  # type: ignore[attr-defined]
        dialog.query_one("#booking-cancel-note").focus()
        await press(pilot, "sairas", "enter")
        assert app.screen is not dialog
    cancelled = world.store.schedule.get(world.reception, appointment.id)
    assert (cancelled.status, cancelled.cancel_reason, cancelled.cancel_note) == (
        "cancelled",
        "by_coach",
        "sairas",
    )
    assert world.store.schedule.check(booking(world, "ostman").proposal()).ok


async def test_cancelling_this_and_all_following_of_a_series(world: World, clock) -> None:
    first, second, third = weekly_series(world)
    dialog = CancelDialog(second)
    async with opened(world, clock, dialog) as pilot:
        app = pilot.app
        dialog.query_one("#booking-which").value = "following"  # type: ignore[attr-defined]
        await press(pilot, "ctrl+s")
        assert any("2 tapaamista peruttu" in m for m in messages(app))
    states = [a.status for a in world.store.schedule.series(world.reception, first.series_id or "")]
    assert states == ["booked", "cancelled", "cancelled"]
    assert world.store.schedule.get(world.reception, third.id).cancel_reason == "by_client"


async def test_a_swedish_desk_reads_the_move_and_its_refusal_in_swedish(
    world: World, clock
) -> None:
    store = world.store
    store.schedule.book(
        world.reception, booking(world, "ostman", starts_at=MONDAY_10 + timedelta(hours=2))
    )
    appointment = store.schedule.book(world.reception, booking(world))
    dialog = MoveDialog(appointment)
    async with opened(world, clock, dialog, lang="sv") as pilot:
        app = pilot.app
        shown = screen_text(pilot)
        assert "Flytta mötet" in shown
        assert "Mäkinen Anna · samtal om jobbsökning · 30.11.2026 kl. 10:00–10:45" in shown
        fill(dialog, booking_time="12:00")
        await press(pilot)
        assert "Coachen har redan samtal om jobbsökning (Östman Åsa)" in line(dialog, "error-when")
        fill(dialog, booking_time="tolv")
        await press(pilot, "ctrl+s")
        assert "Klockslaget som tt.mm eller tt:mm" in line(dialog, "error-when")
        assert app.focused is dialog.query_one("#booking-time")
