"""F5's week: the coach's own week opens, weeks move with their ISO numbers, today and
the now line are marked, the day view shows everything, and a date can be jumped to."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, Static

from screens.schedule.calendar_dialogs import JumpDialog
from tui.app import make_app

from ..helpers import screen_text, settled
from .calendar_week import MONDAY, book_week, open_calendar, put_cursor


async def test_the_coachs_week_shows_appointments_states_and_the_absence(
    world, clock, helsinki_desk
):
    book_week(world)
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_calendar(pilot)
        text = screen_text(pilot)
        assert "Virtanen Liisa · vk 49 · 30.11.–6.12.2026" in text
        assert "ma 30.11." in text and "pe 4.12." in text
        assert "09:00 Mä… Anna" in text  # the time and the name fitted to the column
        assert "13:00⊘" in text  # the cancelled appointment keeps its place, marked
        assert "░koulutus" in text  # the absence is an entry of its own
        assert "│TH" in text  # the kind's abbreviation under the name
        assert "08:00◆Työnhaun" in text and "│◆0/20" in text  # the group session hosted


async def test_weeks_move_with_their_iso_numbers_through_week_53(world, clock, helsinki_desk):
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_calendar(pilot, day=None)
        await pilot.press("pagedown")
        await settled(pilot)
        assert "vk 49 · 30.11.–6.12.2026" in screen_text(pilot)
        await pilot.press("pageup", "pageup")
        await settled(pilot)
        assert "vk 47 · 16.11.–22.11.2026" in screen_text(pilot)
        screen._go(to=date(2026, 12, 31))
        await settled(pilot)
        text = screen_text(pilot)
        assert "vk 53 · 28.12.2026–3.1.2027" in text  # 2026 has 53 ISO weeks
        assert "✱Uudenvuoden" in text  # a public holiday named in the day's header
        await pilot.press("pagedown")
        await settled(pilot)
        assert "vk 1 · 4.1.–10.1.2027" in screen_text(pilot)


async def test_today_and_now_are_marked_by_signs(world, clock, helsinki_desk):
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_calendar(pilot, day=None)  # Saturday 28.11.2026 12:30, a day off
        text = screen_text(pilot)
        assert "▶la 28.11." in text  # a Saturday is shown when it is today
        assert "tänään" in text
        now_row = next(line for line in text.splitlines() if line.startswith("12:30"))
        assert "▶──" in now_row  # the now line across today's column


async def test_the_day_view_shows_each_appointment_in_full(world, clock, helsinki_desk):
    book_week(world)
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_calendar(pilot)
        await put_cursor(pilot, screen, MONDAY, 9)
        await pilot.press("v")
        await settled(pilot)
        text = screen_text(pilot)
        assert "Virtanen Liisa · vk 49 · ma 30.11.2026" in text
        assert "09:00–09:45  Mäkinen Anna" in text
        assert "työnhakukeskustelu · käynti · varattu" in text
        assert "» Tuo CV mukaan" in text  # the coach sees their note
        assert "13:00–13:30 ⊘O'Brien Sean" in text
        assert "peruttu · asiakas perui" in text
        assert "08:00–09:00 vapaa" in text  # the free time before the first appointment
        await pilot.press("right")  # the next day in the day view
        await settled(pilot)
        text = screen_text(pilot)
        assert "ti 1.12.2026" in text and "08:30–09:15  Mäki-Jokela Pekka" in text
        await pilot.press("v")
        await settled(pilot)
        assert "30.11.–6.12.2026" in screen_text(pilot)


async def test_a_mistyped_date_is_told_next_to_the_field_and_kept(world, clock, helsinki_desk):
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_calendar(pilot, day=None)
        await pilot.press("g")
        dialog = app.screen
        assert isinstance(dialog, JumpDialog)
        await pilot.press(*"31.13.2026", "enter")
        await pilot.pause()
        assert app.screen is dialog
        error = dialog.query_one("#error-jump_date", Static)
        assert error.has_class("visible") and "31.13.2026" in str(error.render())
        field = dialog.query_one("#jump_date", Input)
        assert field.value == "31.13.2026"  # nothing typed is lost
        field.value = "24.12.2026"
        await pilot.press("enter")
        await settled(pilot)
        text = screen_text(pilot)
        assert "vk 52 · 21.12.–27.12.2026" in text
        assert "✱Jouluaatto" in text


async def test_today_in_the_day_view_offers_the_next_quarter_hour(world, clock, helsinki_desk):
    from datetime import time

    world.store.working_time.set_hours(world.coach, world.coach.id, 6, (time(8), time(16)))
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_calendar(pilot, day=None)  # Saturday 28.11.2026 12:30
        await pilot.press("v")
        await settled(pilot)
        text = screen_text(pilot)
        assert "▶08:00–16:00 vapaa" in text
        assert "─── nyt 12:30 ───" in text
        # A booking from here starts at the next quarter hour, not in the morning gone by.
        assert "Vapaa 12:45 – n varaa tähän aikaan" in text
        assert screen.slot is not None and screen.slot.strftime("%H:%M") == "12:45"


async def test_a_tall_terminal_gets_quarter_hour_rows_and_whole_names(world, clock, helsinki_desk):
    book_week(world)
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_calendar(pilot)
        lines = screen_text(pilot).splitlines()
        assert any(line.startswith("08:15│") for line in lines)
        assert any("09:00 Mäkinen Anna" in line for line in lines)
        # Down from 9.00 passes the rest of Mäkinen's 45 minutes to the free 9.45, then
        # reaches Östman's appointment at 10.00.
        await put_cursor(pilot, screen, MONDAY, 9)
        await pilot.press("down")
        await settled(pilot)
        assert screen.entry is None and screen.slot is not None
        assert screen.slot.strftime("%H:%M") == "09:45"
        await pilot.press("down")
        await settled(pilot)
        assert screen.entry is not None and screen.entry.appointment is not None
        assert screen.entry.appointment.client_name == "Östman Åsa"
