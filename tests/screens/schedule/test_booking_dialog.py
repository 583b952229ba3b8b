"""The booking dialog through the real app: typed by keys, refusing a taken time by name,
next free time on Ctrl+N, a series previewed before saving, a weekend asking once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from screens.schedule.booking_dialog import BookingDialog
from screens.schedule.time_dialog import BookAnyway
from screens.shell.dialogs import ConfirmDiscard
from store.core.clock import to_local
from store.sample.accounts import add_demo_account
from tests.conftest import World

from ..helpers import messages, screen_text
from .booking_helpers import MONDAY_10, TUESDAY_10, booking, fill, line, opened, press

LATER = MONDAY_10 + timedelta(days=120)


def booked(world: World, client: str = "makinen"):
    return world.store.schedule.of_client(
        world.reception, world.clients[client].id, MONDAY_10 - timedelta(days=2), LATER
    )


async def test_a_receptionist_books_anna_for_tuesday_at_ten_by_keys(world: World, clock) -> None:
    dialog = BookingDialog(coach_id=world.coach.id)
    results: list[object] = []
    async with opened(world, clock, dialog, answered=results.append) as pilot:
        app = pilot.app
        # The client by the shared search, the day as a weekday's name, the time as "10".
        await press(pilot, "mäkinen", "enter")
        assert "Mäkinen Anna" in screen_text(pilot)
        assert app.focused is dialog.query_one("#booking-day")
        await press(pilot, "ti", "enter", "10")
        assert "✓ Vapaa: ti 1.12.2026 klo 10:00–10:45" in line(dialog, "booking-warnings")
        await press(pilot, "ctrl+s")
    [appointment] = booked(world)
    assert results == [appointment]
    assert appointment.starts_at == TUESDAY_10
    assert (appointment.minutes, appointment.kind, appointment.channel) == (
        45,
        "job_search",
        "in_person",
    )
    assert appointment.coach_id == world.coach.id and appointment.site_id == world.site.id
    assert any("Varattu: Mäkinen Anna 1.12.2026 klo 10:00" in m for m in messages(app))


@pytest.mark.parametrize("rule", ["coach", "client", "room"])
async def test_a_double_booking_is_refused_naming_what_holds_the_time(
    world: World, clock, rule: str
) -> None:
    store = world.store
    other_coach = add_demo_account(store.ctx, "valmentaja2", "Koski Kalle", "coach", world.site.id)
    room = store.rooms.add(world.admin, world.site.id, "Neuvotteluhuone 2")
    if rule == "coach":  # the coach already meets Östman; now Anna with the same coach
        store.schedule.book(world.reception, booking(world, "ostman"))
        dialog = BookingDialog(coach_id=world.coach.id, client_id=world.clients["makinen"].id)
        expected = "Valmentajalla on jo työnhakukeskustelu (Östman Åsa) 30.11.2026 klo 10:00–10:45"
    elif rule == "client":  # Anna already meets her own coach; now with another coach
        store.schedule.book(world.reception, booking(world, "makinen"))
        dialog = BookingDialog(coach_id=other_coach.id, client_id=world.clients["makinen"].id)
        expected = "Asiakkaalla on jo työnhakukeskustelu 30.11.2026 klo 10:00–10:45"
    else:  # Östman and her coach hold the room; Anna with another coach in the same room
        store.schedule.book(world.reception, booking(world, "ostman", room_id=room.id))
        dialog = BookingDialog(coach_id=other_coach.id, client_id=world.clients["makinen"].id)
        expected = "Huone on varattu: työnhakukeskustelu (Östman Åsa) 30.11.2026 klo 10:00–10:45"
    async with opened(world, clock, dialog) as pilot:
        app = pilot.app
        if rule == "room":
            dialog.query_one("#booking-room").value = room.id  # type: ignore[attr-defined]
        fill(dialog, booking_day="30.11.2026", booking_time="10.15")
        await press(pilot)
        assert expected in line(dialog, "error-when")
        assert expected.split(" 30.11")[0] in screen_text(pilot)  # the line wraps there
        await press(pilot, "ctrl+s")
        assert app.screen is dialog  # refused: the form stays, with what was typed
        assert dialog.query_one("#booking-time").value == "10.15"  # type: ignore[attr-defined]
        assert app.focused is dialog.query_one("#booking-time")
    assert len(booked(world, "makinen")) == (1 if rule == "client" else 0)
    assert len(store.schedule.between(world.reception, other_coach.id, MONDAY_10, LATER)) == 0


async def test_a_desk_quicker_by_a_moment_gets_the_slot_and_the_form_says_who(
    world: World, clock
) -> None:
    dialog = BookingDialog(coach_id=world.coach.id, client_id=world.clients["makinen"].id)
    async with opened(world, clock, dialog) as pilot:
        app = pilot.app
        fill(dialog, booking_day="30.11.2026", booking_time="10.00")
        await press(pilot)
        assert "✓ Vapaa" in line(dialog, "booking-warnings")
        # Another desk books the coach for Östman before this one saves.
        world.store.schedule.book(world.reception, booking(world, "ostman"))
        await press(pilot, "ctrl+s")
        assert app.screen is dialog
        assert "Valmentajalla on jo työnhakukeskustelu (Östman Åsa)" in line(dialog, "error-when")
    assert booked(world) == []


async def test_next_free_time_fills_the_date_and_time_and_again_gives_the_next(
    world: World, clock
) -> None:
    store = world.store
    store.schedule.book(
        world.reception, booking(world, "ostman", starts_at=MONDAY_10 - timedelta(hours=2))
    )
    dialog = BookingDialog(coach_id=world.coach.id, client_id=world.clients["makinen"].id)
    async with opened(world, clock, dialog) as pilot:
        fill(dialog, booking_day="30.11.2026")
        await press(pilot, "ctrl+n")
        # 8.00–8.45 is Östman's: the first free quarter hour after it.
        assert dialog.query_one("#booking-day").value == "30.11.2026"  # type: ignore[attr-defined]
        assert dialog.query_one("#booking-time").value == "08:45"  # type: ignore[attr-defined]
        assert "✓ Vapaa" in line(dialog, "booking-warnings")
        await press(pilot, "ctrl+n")
        assert dialog.query_one("#booking-time").value == "09:00"  # type: ignore[attr-defined]
        # From now (a Saturday) on: Monday morning.
        fill(dialog, booking_day="", booking_time="")
        await press(pilot, "ctrl+n")
        assert dialog.query_one("#booking-day").value == "30.11.2026"  # type: ignore[attr-defined]
        assert dialog.query_one("#booking-time").value == "08:45"  # type: ignore[attr-defined]


async def test_next_free_time_says_so_when_there_is_none_within_three_months(
    world: World, clock
) -> None:
    start = datetime(2026, 11, 28, 0, 0, tzinfo=UTC)
    world.store.working_time.add_absence(
        world.coach, world.coach.id, "leave", start, start + timedelta(days=120)
    )
    dialog = BookingDialog(coach_id=world.coach.id, client_id=world.clients["makinen"].id)
    async with opened(world, clock, dialog) as pilot:
        await press(pilot, "ctrl+n")
        assert "Vapaata aikaa ei löydy kolmen kuukauden sisällä" in line(dialog, "error-when")
        assert dialog.query_one("#booking-day").value == ""  # type: ignore[attr-defined]


async def test_a_series_with_one_clash_is_shown_before_saving_and_saved_at_another_time(
    world: World, clock
) -> None:
    store = world.store
    # Östman holds the coach on Tuesday 15.12. at 10: the series' second occurrence.
    store.schedule.book(
        world.reception, booking(world, "ostman", starts_at=TUESDAY_10 + timedelta(weeks=2))
    )
    dialog = BookingDialog(coach_id=world.coach.id, client_id=world.clients["makinen"].id)
    async with opened(world, clock, dialog) as pilot:
        app = pilot.app
        fill(dialog, booking_day="1.12.2026", booking_time="10.00")
        dialog.query_one("#booking-every").focus()
        await press(pilot, "2", "tab", "6")
        shown = screen_text(pilot)
        assert " 1  ti 1.12.2026 10:00  ✓ vapaa" in shown
        assert " 2  ti 15.12.2026 10:00  ✗ valmentajalla työnhakukeskustelu (Östman Åsa)" in shown
        assert "1 aika on varattu" in line(dialog, "error-booking-every")
        await press(pilot, "ctrl+s")
        assert app.screen is dialog
        assert booked(world) == []  # nothing of the series saved
        dialog.query_one("#booking-time").focus()
        fill(dialog, booking_time="11.00")
        await press(pilot)
        assert "✗" not in screen_text(pilot)
        await press(pilot, "ctrl+s")
        assert app.screen is not dialog
    series = booked(world)
    assert len(series) == 6 and len({a.series_id for a in series}) == 1
    assert [to_local(a.starts_at).strftime("%d.%m %H:%M") for a in series[:2]] == [
        "01.12 11:00",
        "15.12 11:00",
    ]


async def test_a_weekend_time_is_booked_only_after_one_confirmation(world: World, clock) -> None:
    dialog = BookingDialog(coach_id=world.coach.id, client_id=world.clients["makinen"].id)
    async with opened(world, clock, dialog) as pilot:
        app = pilot.app
        fill(dialog, booking_day="5.12.2026", booking_time="10.00")
        await press(pilot)
        assert "Aika on viikonloppuna." in line(dialog, "booking-warnings")
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, BookAnyway)
        assert "5.12.2026 10:00: ! Aika on viikonloppuna." in screen_text(pilot)
        await press(pilot, "escape")  # back to the form: nothing saved, nothing lost
        assert app.screen is dialog and booked(world) == []
        assert dialog.query_one("#booking-day").value == "5.12.2026"  # type: ignore[attr-defined]
        await press(pilot, "ctrl+s", "enter")
        assert app.screen is not dialog
    [appointment] = booked(world)
    assert to_local(appointment.starts_at).strftime("%d.%m.%Y %H:%M") == "05.12.2026 10:00"


async def test_a_public_holiday_is_named_and_a_past_time_refused(world: World, clock) -> None:
    dialog = BookingDialog(coach_id=world.coach.id, client_id=world.clients["makinen"].id)
    async with opened(world, clock, dialog) as pilot:
        app = pilot.app
        fill(dialog, booking_day="24.12.2026", booking_time="10.00")
        await press(pilot)
        assert "Aika on arkipyhänä (Jouluaatto)" in line(dialog, "booking-warnings")
        fill(dialog, booking_day="27.11.2026")
        await press(pilot)
        assert "Aika on jo mennyt" in line(dialog, "error-when")
        await press(pilot, "ctrl+s")
        assert app.screen is dialog and booked(world) == []
        fill(dialog, booking_day="31.2.2026")
        await press(pilot, "ctrl+s")
        assert "Päivä muodossa p.k.vvvv" in line(dialog, "error-when")
        assert app.focused is dialog.query_one("#booking-day")


async def test_esc_asks_before_dropping_what_was_typed(world: World, clock) -> None:
    dialog = BookingDialog(coach_id=world.coach.id, client_id=world.clients["makinen"].id)
    async with opened(world, clock, dialog) as pilot:
        app = pilot.app
        await press(pilot, "ti")
        await press(pilot, "escape")
        assert isinstance(app.screen, ConfirmDiscard)
        await press(pilot, "escape")  # keep editing
        assert app.screen is dialog
        assert dialog.query_one("#booking-day").value == "ti"  # type: ignore[attr-defined]
        await press(pilot, "escape", "enter")
        assert app.screen is not dialog
    assert booked(world) == []


async def test_only_a_coach_has_the_note_field_and_the_note_is_saved(world: World, clock) -> None:
    dialog = BookingDialog(coach_id=world.coach.id, client_id=world.clients["makinen"].id)
    async with opened(world, clock, dialog, "valmentaja") as pilot:
        fill(dialog, booking_day="30.11.2026", booking_time="10.00", booking_note="CV mukaan")
        dialog.query_one("#booking-kind").value = "initial_interview"  # type: ignore[attr-defined]
        await press(pilot, "ctrl+s")
    [appointment] = world.store.schedule.between(world.coach, world.coach.id, MONDAY_10, LATER)
    assert (appointment.note, appointment.kind) == ("CV mukaan", "initial_interview")
    reception_dialog = BookingDialog(coach_id=world.coach.id)
    async with opened(world, clock, reception_dialog) as pilot:
        assert not reception_dialog.query("#booking-note")


async def test_f12_turns_the_names_on_the_form_into_initials(world: World, clock) -> None:
    world.store.schedule.book(world.reception, booking(world, "ostman"))
    dialog = BookingDialog(coach_id=world.coach.id, client_id=world.clients["makinen"].id)
    async with opened(world, clock, dialog) as pilot:
        fill(dialog, booking_day="30.11.2026", booking_time="10.00")
        await press(pilot)
        assert "(Östman Åsa)" in line(dialog, "error-when")
        await press(pilot, "f12")
        shown = screen_text(pilot)
        assert "Östman" not in shown and "Mäkinen" not in shown
        assert "(Ö. Å.)" in line(dialog, "error-when")
        assert "M. A. (1990)" in shown
        await press(pilot, "f12")
        assert "Mäkinen Anna (1.1.1990)" in screen_text(pilot)


async def test_ctrl_l_chooses_another_client(world: World, clock) -> None:
    dialog = BookingDialog(coach_id=world.coach.id, client_id=world.clients["makinen"].id)
    async with opened(world, clock, dialog) as pilot:
        fill(dialog, booking_day="30.11.2026", booking_time="10.00")
        await press(pilot, "ctrl+l", "östman", "enter")
        assert "Östman Åsa (3.4.1961)" in screen_text(pilot)
        await press(pilot, "ctrl+s")
    [appointment] = booked(world, "ostman")
    assert appointment.starts_at == MONDAY_10 and booked(world) == []
