"""F5's keys on the selected entry and the coach's time: states written to the database,
a refused change told in the user's language, switching coach, absences, working hours."""

from __future__ import annotations

from datetime import UTC, datetime, time

from textual.widgets import Input, OptionList, Select, Static

from screens.schedule.calendar_dialogs import AbsenceDialog, CoachDialog, HoursDialog
from screens.schedule.calendar_screen import CalendarScreen
from store.sample.accounts import add_demo_account
from store.schedule.models import Booking
from tui.app import make_app

from ..helpers import log_in, messages, screen_text, settled
from .calendar_week import MONDAY, at, book_week, open_calendar, put_cursor

# Monday 30.11.2026 12:00 in Helsinki: the booked week's first day.
MONDAY_NOON = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)


async def test_status_keys_change_the_appointment_in_the_database(world, clock, helsinki_desk):
    week = book_week(world)
    clock.at = MONDAY_NOON  # a client arrives on the appointment's own day
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_calendar(pilot)
        await put_cursor(pilot, screen, MONDAY, 12)
        await pilot.press("up", "up", "up")  # 11.30, 11.00, 10.00 (past the hour-long one)
        await settled(pilot)
        assert screen.entry is not None and screen.entry.id == week.second.id
        await pilot.press("up")
        await settled(pilot)
        assert screen.entry is not None and screen.entry.id == week.first.id
        await pilot.press("a")
        await settled(pilot)
        assert world.store.schedule.get(world.coach, week.first.id).status == "arrived"
        assert "09:00▸M… Anna" in screen_text(pilot)  # the state's sign in the week
        await pilot.press("d")
        await settled(pilot)
        assert world.store.schedule.get(world.coach, week.first.id).status == "done"
        assert "09:00✓M… Anna" in screen_text(pilot)
        history = [row[2] for row in world.store.schedule.history(week.first.id)]
        assert history == ["booked", "edited", "status", "status"]


async def test_a_refused_change_of_state_is_told_in_the_users_language(world, clock, helsinki_desk):
    week = book_week(world)
    clock.at = MONDAY_NOON
    world.store.schedule.set_status(world.coach, week.first.id, "done")
    app = make_app(world.path, clock=clock, lang="sv")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_calendar(pilot)
        await put_cursor(pilot, screen, MONDAY, 9)
        await pilot.press("o")  # done → no-show is not a move the store allows
        await settled(pilot)
        assert "Mötet är redan avslutat eller inställt och kan inte ändras." in messages(app)
        assert world.store.schedule.get(world.coach, week.first.id).status == "done"


async def test_enter_shows_the_appointment_with_its_history(world, clock, helsinki_desk):
    week = book_week(world)
    world.store.schedule.move(world.coach, week.first.id, at(30, 11), 45)
    app = make_app(world.path, clock=clock, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_calendar(pilot)
        await put_cursor(pilot, screen, MONDAY, 11)
        await pilot.press("enter")
        await settled(pilot)
        text = screen_text(pilot)
        assert "Mäkinen Anna" in text and "job-search discussion" in text
        assert "Virtanen Liisa: moved 30.11. 09:00 → 30.11. 11:00" in text
        assert "Tuo CV mukaan" in text
        await pilot.press("escape")
        assert isinstance(app.screen, CalendarScreen)


async def test_reception_chooses_a_coach_and_sees_no_notes(world, clock, helsinki_desk):
    book_week(world)
    other = add_demo_account(world.store.ctx, "toinen", "Heikkinen Hanna", "coach", world.site.id)
    world.store.schedule.book(
        world.reception, Booking(world.clients["ostman"].id, other.id, at(30, 9), 45)
    )
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "vastaanotto")
        await pilot.press("f5")
        await settled(pilot)
        dialog = app.screen
        assert isinstance(dialog, CoachDialog)  # reception chooses whose calendar first
        names = dialog.query_one(OptionList)
        assert [str(names.get_option_at_index(i).prompt) for i in range(2)] == [
            "Heikkinen Hanna",
            "Virtanen Liisa",
        ]
        await pilot.press("down", "enter")
        await settled(pilot)
        screen = app.screen
        assert isinstance(screen, CalendarScreen) and screen.coach_id == world.coach.id
        screen._go(to=MONDAY)
        await settled(pilot)
        await put_cursor(pilot, screen, MONDAY, 9)
        await pilot.press("v")
        await settled(pilot)
        text = screen_text(pilot)
        assert "09:00–09:45  Mäkinen Anna" in text
        assert "Tuo CV" not in text  # only coaches see the notes
        await pilot.press("k")
        await settled(pilot)
        await pilot.press("up", "enter")
        await settled(pilot)
        text = screen_text(pilot)
        assert "Heikkinen Hanna · vk 49" in text and "Östman Åsa" in text
        # The choice is remembered for the rest of the session.
        await pilot.press("escape")
        await pilot.press("f5")
        await settled(pilot)
        assert isinstance(app.screen, CalendarScreen) and app.screen.coach_id == other.id


async def test_an_absence_is_added_from_its_dialog_and_removed(world, clock, helsinki_desk):
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_calendar(pilot)
        await put_cursor(pilot, screen, MONDAY, 10)
        await pilot.press("p")
        dialog = app.screen
        assert isinstance(dialog, AbsenceDialog)
        dialog.query_one("#absence_kind", Select).value = "leave"
        dialog.query_one("#from_time", Input).value = "12.00"
        dialog.query_one("#to_time", Input).value = "11"  # before it starts
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = dialog.query_one("#error-to_time", Static)
        assert "Poissaolon on päätyttävä alkamisensa jälkeen." in str(error.render())
        dialog.query_one("#to_time", Input).value = "15.30"
        await pilot.press("ctrl+s")
        await settled(pilot)
        absences = world.store.working_time.absences_between(world.coach.id, at(30, 0), at(1, 0))
        assert [(a.kind, a.starts_at, a.ends_at) for a in absences] == [
            ("leave", at(30, 12), at(30, 15, 30))
        ]
        assert "░loma" in screen_text(pilot)
        await put_cursor(pilot, screen, MONDAY, 13)
        await pilot.press("delete", "enter")
        await settled(pilot)
        assert world.store.working_time.absences_between(world.coach.id, at(30, 0), at(1, 0)) == []
        assert "░loma" not in screen_text(pilot)


async def test_working_hours_change_the_rows_shown(world, clock, helsinki_desk):
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_calendar(pilot)
        assert not any(line.startswith("07:00") for line in screen_text(pilot).splitlines())
        await pilot.press("h")
        dialog = app.screen
        assert isinstance(dialog, HoursDialog)
        dialog.query_one("#hours_1", Input).value = "7.00-14"
        dialog.query_one("#hours_5", Input).value = "9.00–8.00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = dialog.query_one("#error-hours_5", Static)
        assert "Työajan on päätyttävä alkamisensa jälkeen." in str(error.render())
        dialog.query_one("#hours_5", Input).value = ""  # Fridays off
        await pilot.press("ctrl+s")
        await settled(pilot)
        hours = world.store.working_time.hours(world.coach.id)
        assert hours[1] == (time(7), time(14)) and hours[5] is None
        text = screen_text(pilot)
        assert any(line.startswith("07:00") for line in text.splitlines())
        assert "07:00–14:00" in text and "ei työssä" in text


async def test_reception_is_told_working_hours_are_the_coachs_own(world, clock, helsinki_desk):
    app = make_app(world.path, clock=clock, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "vastaanotto")
        await pilot.press("f5")
        await settled(pilot)
        await pilot.press("end", "enter")  # the only coach, Virtanen Liisa
        await settled(pilot)
        await pilot.press("h")
        await settled(pilot)
        assert isinstance(app.screen, CalendarScreen)
        assert "You can change only your own working hours and absences." in messages(app)


async def test_f5_is_refused_to_an_admin_and_its_keys_are_in_the_help(world, clock, helsinki_desk):
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "admin")
        await pilot.press("f5")
        await settled(pilot)
        assert "Kalenteri on vastaanoton ja valmentajien käytössä." in messages(app)
        assert not isinstance(app.screen, CalendarScreen)
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 40)) as pilot:
        await open_calendar(pilot)
        await pilot.press("f1")
        await settled(pilot)
        assert "Kalenteri (F5): ←→↑↓ liiku · t tänään · v päivä/viikko" in screen_text(pilot)


async def test_the_client_card_opens_and_f12_hides_the_names(world, clock, helsinki_desk):
    from screens.clients.client_card import ClientCardScreen

    week = book_week(world)
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_calendar(pilot)
        await put_cursor(pilot, screen, MONDAY, 9)
        await pilot.press("f12")
        await settled(pilot)
        text = screen_text(pilot)
        assert "Mäkinen" not in text and "Anna" not in text
        assert "09:00 M. A." in text  # initials still tell the clients apart
        await pilot.press("f12", "c")
        await settled(pilot)
        card = app.screen
        assert isinstance(card, ClientCardScreen) and card.client_id == week.first.client_id
