"""Check-in at the desk through the real app: the booking shown with the found client, one
key to queue them for their coach, and the no-show offer 15 minutes after the start."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from screens.desk.no_show_dialog import NoShowDialog
from screens.desk.queue_table import QueueTable
from screens.desk.walk_in import WalkInScreen
from store.schedule.models import Booking
from tui.app import make_app

from ..helpers import log_in, messages, open_desk, screen_text, wait_until

# Today, Saturday 28.11.2026, 13.00 in Helsinki; the fixed clock reads 12.30 there.
AT_13 = datetime(2026, 11, 28, 11, 0, tzinfo=UTC)


def book(world, client: str, starts_at: datetime = AT_13, **changes):
    booking = Booking(world.clients[client].id, world.coach.id, starts_at, **changes)
    return world.store.schedule.book(world.reception, booking)


def queue_rows(world):
    return world.store.visits.queue(world.site.id)


async def test_a_booked_client_is_checked_in_with_one_key_and_queued_for_their_coach(world, clock):
    appointment = book(world, "ostman")
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await log_in(pilot)
        # From the Today screen: the desk, three letters, the match; the booking is shown.
        for key in ("f2", *"öst", "enter"):
            await pilot.press(key)
        await pilot.pause()
        shown = screen_text(pilot)
        assert "Varaus tänään · Enter: saapui" in shown
        assert "13:00–13:45 Virtanen Liisa · työnhakukeskustelu" in shown
        assert queue_rows(world) == []
        await pilot.press("enter")  # the sixth key: checked in
        await pilot.pause()
        [visit] = queue_rows(world)
        assert (visit.client_id, visit.channel, visit.assigned_to) == (
            world.clients["ostman"].id,
            "appointment",
            world.coach.id,
        )
        assert "A001 saapunut: Östman Åsa (3.4.1961) · klo 13:00 Virtanen Liisa" in messages(app)
        row = next(line for line in screen_text(pilot).splitlines() if "A001" in line)
        # Early: the booked time instead of a wait, and whom they wait for.
        assert "→13:00" in row and "Östman Åsa" in row and "odottaa: Virtanen" in row
        desk = app.screen
        assert isinstance(desk, WalkInScreen) and not desk.has_class("picking")
        assert desk.query_one(QueueTable).selected_visit == visit
        # Found again, they are not queued twice.
        await pilot.press(*"öst", "enter")
        await pilot.pause()
        assert "Östman Åsa (3.4.1961) on jo jonossa (A001)." in messages(app)
    arrived = world.store.schedule.get(world.reception, appointment.id)
    assert (arrived.status, arrived.visit_id) == ("arrived", visit.id)


async def test_a_digit_on_the_booking_makes_it_a_walk_in_visit_instead(world, clock):
    appointment = book(world, "ostman", AT_13 + timedelta(hours=3))
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await open_desk(pilot)
        # Hours early for the booking, here for a CV: reason 2, queued as a walk-in.
        await pilot.press(*"öst", "enter", "2", "enter")
        await pilot.pause()
    [visit] = queue_rows(world)
    assert (visit.channel, visit.reason_codes, visit.booked_for) == ("walk_in", ("cv",), None)
    assert world.store.schedule.get(world.reception, appointment.id).status == "booked"


async def test_esc_on_the_booking_cancels_and_a_client_without_one_gets_the_reasons(world, clock):
    book(world, "ostman")
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        desk = await open_desk(pilot)
        await pilot.press(*"öst", "enter", "escape")
        await pilot.pause()
        assert not desk.has_class("picking") and queue_rows(world) == []
        await pilot.press("ctrl+u", *"o'bri", "enter")  # the search keeps what was typed
        await pilot.pause()
        assert "Varaus tänään" not in screen_text(pilot)
        assert app.focused is not None and app.focused.id == "reasons"


async def test_the_coachs_call_takes_the_checked_in_client_and_reception_never_does(world, clock):
    clock.at -= timedelta(minutes=40)
    booked = book(world, "makinen", AT_13 - timedelta(hours=1))  # 12.00: its time has come
    clock.at += timedelta(minutes=40)
    visit = world.store.checkin.check_in(world.reception, booked.id, world.site.id)
    walk_in = world.store.visits.register(world.reception, world.site.id)
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await open_desk(pilot)  # reception
        await pilot.press("f6")
        await pilot.pause()
    assert world.store.visits.get(walk_in.id).state == "called"
    assert world.store.visits.get(visit.id).state == "waiting"


async def test_a_late_client_is_offered_as_a_no_show_at_15_minutes(world, clock, monkeypatch):
    monkeypatch.setattr(WalkInScreen, "REFRESH_SECONDS", 0.05)
    appointment = book(world, "ostman")
    clock.at = AT_13 + timedelta(minutes=14)
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await open_desk(pilot)
        assert "ei ole saapunut" not in screen_text(pilot)
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert "Kukaan varattu asiakas ei ole myöhässä." in messages(app)
        # No key pressed: the desk's own refresh brings the offer at 13.15.
        clock.at = AT_13 + timedelta(minutes=15)
        offer = "⚠ 1 varattu asiakas ei ole saapunut · Ctrl+Y käsittele"
        await wait_until(pilot, lambda: offer in screen_text(pilot), "the no-show offer")
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert isinstance(app.screen, NoShowDialog)
        listed = screen_text(pilot)
        assert "13:00" in listed and "Östman Åsa (3.4.1961)" in listed
        assert "Virtanen Liisa" in listed and "Enter: ei saapunut" in listed
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WalkInScreen)  # none left to ask about
        assert "13:00 Östman Åsa (3.4.1961): ei saapunut" in messages(app)
        assert "ei ole saapunut" not in screen_text(pilot)
    assert world.store.schedule.get(world.reception, appointment.id).status == "no_show"


async def test_delete_skips_a_late_client_and_the_rest_are_still_offered(world, clock):
    first = book(world, "ostman")
    second = book(world, "makinen", AT_13 + timedelta(minutes=45))
    clock.at = AT_13 + timedelta(hours=1)
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await open_desk(pilot)
        assert "⚠ 2 varattua asiakasta ei ole saapunut" in screen_text(pilot)
        await pilot.press("ctrl+y", "delete")  # the first skipped: the list comes back
        await pilot.pause()
        assert isinstance(app.screen, NoShowDialog)
        assert "Östman" not in screen_text(pilot) and "Mäkinen Anna" in screen_text(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert "⚠ 1 varattu asiakas ei ole saapunut" in screen_text(pilot)
    statuses = {world.store.schedule.get(world.reception, a.id).status for a in (first, second)}
    assert statuses == {"booked"}  # skipping writes nothing


@pytest.mark.parametrize(
    ("lang", "booked", "checked_in"),
    [
        ("sv", "Bokning i dag · Enter: har anlänt", "A001 har anlänt: Östman Åsa"),
        ("en", "Booked today · Enter: checks in", "A001 checked in: Östman Åsa"),
    ],
)
async def test_check_in_speaks_the_users_language(world, clock, lang, booked, checked_in):
    book(world, "ostman")
    app = make_app(world.path, clock=clock, lang=lang)
    async with app.run_test() as pilot:
        await open_desk(pilot)
        await pilot.press(*"öst", "enter")
        await pilot.pause()
        assert booked in screen_text(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert any(m.startswith(checked_in) for m in messages(app))
