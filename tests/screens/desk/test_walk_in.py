"""The walk-in desk through the real app: registering, the queue, feedback."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import Input

from screens.clients.client_search import ClientSearch
from screens.clients.new_client_dialog import NewClientDialog
from screens.desk.feedback import FeedbackScreen
from screens.desk.privacy_curtain import PrivacyCurtain
from screens.desk.queue_dialogs import ConfirmOthersVisit, TransferDialog
from screens.desk.queue_table import QueueTable
from screens.desk.reason_picker import ReasonPicker
from screens.desk.walk_in import WalkInScreen
from screens.shell.today import TodayScreen
from store.core.clock import to_iso
from store.sample.accounts import add_demo_account
from store.schedule.models import Booking
from tui.app import make_app

from ..helpers import log_in, messages, open_desk, screen_text, wait_until


def queue_rows(world):
    return world.store.visits.queue(world.site.id)


async def test_returning_client_is_queued_in_seven_keys(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot)
        # From the Today screen: the desk, three letters, the match, reason 1, queue.
        keys = ["f2", *"öst", "enter", "1", "enter"]
        pressed = 0
        for key in keys:
            assert queue_rows(world) == [], f"queued after only {pressed} keys"
            await pilot.press(key)
            pressed += 1
        assert pressed == 7
        [visit] = queue_rows(world)
        assert visit.client_id == world.clients["ostman"].id
        assert visit.reason_codes == ("job_search",)
        assert (visit.ticket, visit.channel, visit.state) == ("A001", "walk_in", "waiting")
        assert "A001 jonossa: Östman Åsa (3.4.1961)" in messages(app)
        row = next(line for line in screen_text(pilot).splitlines() if "A001" in line)
        assert "Östman Åsa" in row and "odottaa" in row


async def test_one_tab_from_an_empty_search_reaches_the_queue(world, clock):
    visit = world.store.visits.register(
        world.reception, world.site.id, client_id=world.clients["makinen"].id
    )
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await open_desk(pilot)
        await pilot.press("tab")
        assert isinstance(app.focused, QueueTable)
        await pilot.press("ctrl+d", "enter")  # the queue's own key: done, resolved
        await pilot.pause()
        assert world.store.visits.get(visit.id).state == "done"
        await pilot.press("shift+tab", *"mäki")
        await pilot.pause()
        await pilot.press("tab")  # with matches on screen, Tab stops at them first
        assert app.focused is not None and app.focused.id == "search-results"


@pytest.mark.parametrize("name", ["pitkä", "dahl", "heikki", "salo"])
async def test_a_name_typed_into_the_queue_goes_to_the_search_and_changes_no_visit(
    world, clock, name
):
    visit = world.store.visits.register(
        world.reception, world.site.id, client_id=world.clients["makinen"].id
    )
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        desk = await open_desk(pilot)
        await pilot.press("f6")  # a called visitor: every queue key could act on it
        desk.query_one(QueueTable).focus()
        await pilot.press(*name)
        await pilot.pause()
        assert desk.query_one(ClientSearch).input.value == name
        assert app.focused is desk.query_one(ClientSearch).input
        assert isinstance(app.screen, WalkInScreen)  # no colleague list either
    assert world.store.visits.get(visit.id).state == "called"
    assert [e.to_state for e in world.store.visits.events(visit.id)] == ["waiting", "called"]


@pytest.mark.parametrize(
    ("key", "state", "said"),
    [
        ("ctrl+d enter", "done", "A001 valmis: asia hoidettu · F9"),
        ("ctrl+l", "left", "A001: poistui · Ctrl+Z peruu"),
        ("ctrl+o", "on_hold", "A001: tauolla · Ctrl+Z peruu"),
    ],
)
async def test_each_queue_key_changes_the_visit_and_ctrl_z_takes_it_back(
    world, clock, key, state, said
):
    visit = world.store.visits.register(
        world.reception, world.site.id, client_id=world.clients["makinen"].id
    )
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        desk = await open_desk(pilot)
        desk.query_one(QueueTable).focus()
        await pilot.press(*key.split())
        await pilot.pause()
        assert world.store.visits.get(visit.id).state == state
        assert any(m.startswith(said) for m in messages(app))
        await pilot.press("ctrl+z")
        await pilot.pause()
        restored = world.store.visits.get(visit.id)
        assert (restored.state, restored.outcome, restored.finished_at) == ("waiting", None, None)
        assert "Peruttu: A001 on taas tilassa ”odottaa”" in messages(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Ei peruttavaa muutosta" in messages(app)


async def test_the_search_status_is_shown_whole_in_the_desk_column(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_desk(pilot)
        await pilot.press(*"xyz")
        await pilot.pause()
        assert "Ei osumia · Enter: uusi asiakas" in screen_text(pilot)  # whole, not cut


async def test_the_channel_menu_speaks_the_users_language(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_desk(pilot)
        await pilot.press("f7", "tab", "enter")  # the channel menu open
        await pilot.pause()
        text = screen_text(pilot)
        assert "sulje valikko" in text and "Dismiss" not in text
        # A walk-in is a walk-in: an appointment's visit comes from its booking.
        assert "puhelin" in text and "ajanvaraus" not in text


async def test_new_client_from_the_no_match_path(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await open_desk(pilot)
        await pilot.press(*"Lindqvist Elin", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, NewClientDialog)
        assert "Ctrl+S tallentaa" in screen_text(pilot)  # the hint wraps, keys and all
        assert dialog.query_one("#last_name", Input).value == "Lindqvist"
        assert dialog.query_one("#first_name", Input).value == "Elin"
        # Required: a HETU or a birth date; an impossible date is caught at its field.
        dialog.query_one("#birth_date", Input).value = "30.2.1999"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Syntymäaika" in str(dialog.query_one("#error-birth_date").render())
        assert dialog.query_one("#first_name", Input).value == "Elin"
        dialog.query_one("#birth_date", Input).value = "28.2.1999"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("2", "enter")
        await pilot.pause()
    [client] = world.store.clients.search("lindqvist")
    [visit] = queue_rows(world)
    assert (visit.client_id, visit.reason_codes) == (client.id, ("cv",))


async def test_a_possible_duplicate_warns_and_one_key_overrides(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await open_desk(pilot)
        await pilot.press(*"Makinen Annika", "enter")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#first_name", Input).value = "ANNA"
        dialog.query_one("#birth_date", Input).value = "1.1.1990"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NewClientDialog)
        assert "Mäkinen Anna" in str(dialog.query_one("#newclient-notice").render())
        await pilot.press("ctrl+s")  # the override
        await pilot.pause()
        assert isinstance(app.screen, WalkInScreen)
    assert len(world.store.clients.search("1.1.1990")) == 2


async def test_a_registered_hetu_is_refused_and_the_existing_client_offered(world, clock):
    anna = world.clients["makinen"]
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await open_desk(pilot)
        await pilot.press(*"Uusinimi Aino", "enter")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#hetu", Input).value = anna.hetu
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Mäkinen Anna" in str(dialog.query_one("#newclient-notice").render())
        await pilot.press("ctrl+o", "enter")
        await pilot.pause()
    [visit] = queue_rows(world)
    assert visit.client_id == anna.id
    assert world.store.clients.search("uusinimi") == []


async def test_anonymous_visit_has_a_reason_and_no_identity(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await open_desk(pilot)
        await pilot.press("f7", "9", "enter")
        await pilot.pause()
    [visit] = queue_rows(world)
    assert (visit.client_id, visit.reason_codes) == (None, ("other",))


async def test_esc_in_the_channel_field_steps_back_to_the_reasons(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        desk = await open_desk(pilot)
        await pilot.press("f7", "2", "tab", "escape")  # from the channel field
        await pilot.pause()
        assert app.screen is desk and desk.has_class("picking")  # still on the desk
        assert isinstance(app.focused, ReasonPicker) and app.focused.chosen == {"cv"}
        await pilot.press("enter")
        await pilot.pause()
    [visit] = queue_rows(world)
    assert (visit.reason_codes, visit.channel, visit.booked_for) == (("cv",), "walk_in", None)


async def test_an_anonymous_visitor_cannot_ask_for_their_own_coach(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        desk = await open_desk(pilot)
        reasons = desk.query_one(ReasonPicker).reasons
        own_coach = next(n for n, r in enumerate(reasons, 1) if r.code == "own_coach")
        await pilot.press("f7", str(own_coach), "enter")
        await pilot.pause()
        assert any(m.startswith("Oman valmentajan tapaaminen vaatii") for m in messages(app))
        assert queue_rows(world) == [] and desk.has_class("picking")  # nothing lost
        await pilot.press(str(own_coach), "9", "enter")
        await pilot.pause()
    [visit] = queue_rows(world)
    assert visit.reason_codes == ("other",) and not visit.wants_own_coach


async def test_call_next_calls_a_booked_time_before_walk_ins_then_the_longest_wait(world, clock):
    visits = world.store.visits
    # A client with a booking at 12.40 (booked 10 minutes ago; it is 12.40 local time now).
    clock.at -= timedelta(minutes=10)
    booking = world.store.schedule.book(
        world.reception,
        Booking(world.clients["obrien"].id, world.coach.id, clock.at + timedelta(minutes=10)),
    )
    first = visits.register(world.reception, world.site.id)
    clock.at += timedelta(minutes=10)
    second = visits.register(world.reception, world.site.id)
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot, "valmentaja")  # the coach's desk: their booked client first
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press(*"o'bri", "enter", "enter")  # found, checked in; arrives last
        await pilot.pause()
        assert world.store.schedule.get(world.coach, booking.id).status == "arrived"
        called = []
        for _ in range(3):
            await pilot.press("f6")
            await pilot.pause()
            visit = next(
                v for v in visits.day_visits(world.site.id, clock.today()) if v.state == "called"
            )
            called.append(visit.ticket)
            visits.change_state(world.reception, visit.id, "done")  # the desk is free again
    assert called == ["A003", first.ticket, second.ticket]


async def test_someone_early_for_an_appointment_shows_their_time_not_a_wait(world, clock):
    booked = clock.at + timedelta(minutes=60)
    world.store.visits.register(
        world.reception, world.site.id, channel="appointment", booked_for=to_iso(booked)
    )
    clock.at += timedelta(minutes=25)  # past the 20-minute mark a walk-in would get
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await open_desk(pilot)
        text = screen_text(pilot)
        # Booked for 11:30 UTC: 13:30 on the desk's Helsinki clock, the machine on UTC.
        assert "→13:30" in text and "⚠" not in text
        await pilot.press("f6")
        await pilot.pause()
        assert "Ei kutsuttavaa: jonossa olevat odottavat" in " ".join(messages(app))


async def test_f6_twice_does_not_call_two_visitors_to_one_desk(world, clock):
    visits = world.store.visits
    first = visits.register(world.reception, world.site.id)
    second = visits.register(world.reception, world.site.id)
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await open_desk(pilot)
        await pilot.press("f6", "f6")
        await pilot.pause()
        assert "Tiskille 1 on jo kutsuttu A001" in " ".join(messages(app))
        assert (visits.get(first.id).state, visits.get(second.id).state) == ("called", "waiting")
        await pilot.press("ctrl+z")  # called by mistake: back to the line, first again
        await pilot.pause()
        assert visits.get(first.id).state == "waiting"
        assert visits.get(first.id).called_at is None


async def test_f6_then_enter_starts_serving_the_called_visitor(world, clock):
    visits = world.store.visits
    held = visits.register(world.reception, world.site.id)  # first row: the cursor's
    visits.change_state(world.reception, held.id, "on_hold")
    waiting = visits.register(world.reception, world.site.id)
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        desk = await open_desk(pilot)
        await pilot.press("f6")
        await pilot.pause()
        table = desk.query_one(QueueTable)
        assert app.focused is table and table.selected_visit is not None
        assert table.selected_visit.id == waiting.id
        await pilot.press("enter")
        await pilot.pause()
    assert (visits.get(waiting.id).state, visits.get(held.id).state) == ("serving", "on_hold")


async def test_f6_while_a_visit_is_being_filled_in_leaves_the_focus_in_the_form(world, clock):
    waiting = world.store.visits.register(world.reception, world.site.id)
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        desk = await open_desk(pilot)
        await pilot.press("f7", "f6")  # a second visitor at the counter, the next one called
        await pilot.pause()
        assert isinstance(app.focused, ReasonPicker) and desk.has_class("picking")
        selected = desk.query_one(QueueTable).selected_visit
        assert selected is not None and selected.id == waiting.id


async def test_f6_while_the_desk_is_occupied_puts_the_cursor_on_the_called_visitor(world, clock):
    visits = world.store.visits
    first = visits.register(world.reception, world.site.id)
    visits.register(world.reception, world.site.id)
    visits.change_state(world.reception, first.id, "called", desk="1")
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        desk = await open_desk(pilot)
        table = desk.query_one(QueueTable)
        table.focus()
        await pilot.press("down", "f6")
        await pilot.pause()
        assert app.focused is table and table.selected_visit is not None
        assert table.selected_visit.id == first.id
        await pilot.press("enter")
        await pilot.pause()
    assert visits.get(first.id).state == "serving"


async def test_left_without_service_from_the_queue(world, clock):
    visit = world.store.visits.register(world.reception, world.site.id)
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        desk = await open_desk(pilot)
        desk.query_one(QueueTable).focus()
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert "A001" not in screen_text(pilot)
    left = world.store.visits.get(visit.id)
    assert (left.state, left.outcome) == ("left", "left_without_service")


@pytest.mark.parametrize("confirm", ["enter", "y"])
async def test_done_on_a_visit_served_at_another_desk_asks_first(world, clock, confirm):
    visits = world.store.visits
    visit = visits.register(world.reception, world.site.id, client_id=world.clients["makinen"].id)
    visits.change_state(world.coach, visit.id, "called", desk="2")
    visits.change_state(world.coach, visit.id, "serving")
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        desk = await open_desk(pilot)
        desk.query_one(QueueTable).focus()
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmOthersVisit)
        text = screen_text(pilot)
        assert "Merkitäänkö A001 Mäkinen Anna (1.1.1990) valmiiksi?" in text
        assert "Käyntiä hoitaa Virtanen Liisa tiskillä 2." in text
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is desk and visits.get(visit.id).state == "serving"
        await pilot.press("ctrl+d", "n")  # n, too, keeps it
        await pilot.pause()
        assert app.screen is desk and visits.get(visit.id).state == "serving"
        await pilot.press("ctrl+d", confirm, "enter")  # yes, then the outcome: resolved
        await pilot.pause()
        assert app.screen is desk
    done = visits.get(visit.id)
    assert (done.state, done.served_by) == ("done", world.coach.id)


async def test_left_and_transfer_of_a_visit_called_to_another_desk_ask_first(world, clock):
    visits = world.store.visits
    visit = visits.register(world.reception, world.site.id)
    visits.change_state(world.reception, visit.id, "called", desk="2")  # another terminal
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        desk = await open_desk(pilot)
        desk.query_one(QueueTable).focus()
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmOthersVisit)
        text = screen_text(pilot)
        assert "Merkitäänkö A001 Nimetön kävijä poistuneeksi?" in text
        assert "Käynti on kutsuttu tiskille 2." in text
        await pilot.press("escape", "ctrl+t")
        await pilot.pause()
        assert "Siirretäänkö A001 Nimetön kävijä kollegalle?" in screen_text(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TransferDialog)
        await pilot.press("escape", "ctrl+o")  # on hold is not asked about
        await pilot.pause()
        assert app.screen is desk
    assert visits.get(visit.id).state == "on_hold"


async def test_enter_on_a_row_moves_the_visit_along(world, clock):
    visit = world.store.visits.register(world.reception, world.site.id)
    app = make_app(world.path, clock=clock, desk="3")
    async with app.run_test() as pilot:
        desk = await open_desk(pilot)
        desk.query_one(QueueTable).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "kutsuttu 3" in screen_text(pilot)
        await pilot.press("enter", "enter", "enter")  # serving, done, resolved
        await pilot.pause()
    states = [e.to_state for e in world.store.visits.events(visit.id)]
    assert states == ["waiting", "called", "serving", "done"]


async def test_the_queue_survives_a_restart(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await open_desk(pilot)
        await pilot.press(*"öst", "enter", "enter")
        await pilot.pause()
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await open_desk(pilot)
        text = screen_text(pilot)
        assert "A001" in text and "Östman Åsa" in text


async def test_visits_from_earlier_days_are_offered_for_closing(world, clock):
    visit = world.store.visits.register(world.reception, world.site.id)
    clock.at += timedelta(days=1)
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        desk = await open_desk(pilot)
        assert "sulkematta 1 käynti ·" in screen_text(pilot)
        await pilot.press("f8", "enter")
        await pilot.pause()
        assert app.screen is desk and "sulkematta" not in screen_text(pilot)
        await pilot.press("f9")  # yesterday's visitor is not here to answer
        await pilot.pause()
        assert app.screen is desk
    assert world.store.visits.get(visit.id).state == "done"
    assert world.store.visits.left_open(world.site.id) == []


async def test_the_left_open_dialog_says_what_each_of_its_keys_does(world, clock):
    world.store.visits.register(world.reception, world.site.id)
    clock.at += timedelta(days=1)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_desk(pilot)
        await pilot.press("f8")
        await pilot.pause()
        # The hint may wrap inside the dialog's frame, but no key loses its meaning.
        words = " ".join(w for w in screen_text(pilot).split() if w != "█")
        assert "Enter merkitsee valmiiksi" in words and "Esc sulkee" in words
        assert "Ctrl+L poistui ilman palvelua" in words
        await pilot.press("p")  # a letter does nothing here either
        await pilot.pause()
        [visit] = world.store.visits.left_open(world.site.id, world.store.today())
        assert visit.state == "waiting"
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert world.store.visits.get(visit.id).state == "left"


async def test_waiting_time_refreshes_by_itself_and_long_waits_get_a_symbol(
    world, clock, monkeypatch
):
    monkeypatch.setattr(WalkInScreen, "REFRESH_SECONDS", 0.05)
    world.store.visits.register(world.reception, world.site.id)
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await open_desk(pilot)
        assert "0 min" in screen_text(pilot) and "⚠" not in screen_text(pilot)
        # No key pressed from here on: the desk's own timer redraws the waits.
        clock.at += timedelta(minutes=19)
        await wait_until(pilot, lambda: "19 min" in screen_text(pilot), "a 19-minute wait")
        assert "⚠" not in screen_text(pilot)
        clock.at += timedelta(minutes=6)
        await wait_until(pilot, lambda: "⚠25 min" in screen_text(pilot), "a marked 25-minute wait")


async def test_transfer_is_offered_only_for_a_visitor_already_met(world, clock):
    visits = world.store.visits
    visit = visits.register(world.reception, world.site.id)
    elsewhere = world.store.sites.create(
        "Työpiste Itä", "Turku", "Varsinais-Suomen työllisyysalue", actor=world.admin
    )
    add_demo_account(world.store.ctx, "itakoutsi", "Itä Ilmari", "coach", elsewhere.id)
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await open_desk(pilot)
        await pilot.press("tab", "ctrl+t")  # still waiting: nobody has met them to pass them on
        await pilot.pause()
        assert isinstance(app.screen, WalkInScreen)  # no colleague list first
        assert "Tätä ei voi tehdä käynnille, jonka tila on ”odottaa”." in messages(app)
        await pilot.press("f6", "ctrl+t")  # called to the desk, then passed on
        await pilot.pause()
        assert isinstance(app.screen, TransferDialog)
        offered = screen_text(pilot)
        assert "Kenelle A001 Nimetön kävijä siirretään? (Työpiste Keskusta)" in offered
        assert "Virtanen Liisa · valmentaja" in offered
        # Only colleagues who serve at this site's desk: not the admin, not another site's coach.
        assert "Aalto Aino" not in offered and "Itä Ilmari" not in offered
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WalkInScreen)
        assert "A001: siirretty: Virtanen Liisa · Ctrl+Z peruu" in messages(app)
        moved = visits.get(visit.id)
        assert (moved.state, moved.assigned_to) == ("transferred", world.coach.id)
        await pilot.press("ctrl+z")
        await pilot.pause()
    back = visits.get(visit.id)
    assert (back.state, back.assigned_to, back.desk) == ("called", None, "1")


async def test_a_transferred_visitor_waits_from_the_transfer(world, clock, monkeypatch):
    monkeypatch.setattr(WalkInScreen, "REFRESH_SECONDS", 0.05)
    visits = world.store.visits
    visit = visits.register(world.reception, world.site.id)
    clock.at += timedelta(minutes=7)
    visits.change_state(world.reception, visit.id, "called", desk="1")
    clock.at += timedelta(minutes=30)  # served, then sent on to the coach
    visits.change_state(world.reception, visit.id, "transferred", to_staff_id=world.coach.id)
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await open_desk(pilot)
        assert "0 min" in screen_text(pilot)  # not the 7 minutes before the first call
        clock.at += timedelta(minutes=21)
        await wait_until(pilot, lambda: "21 min" in screen_text(pilot), "21 minutes since")
        assert "⚠21 min" in screen_text(pilot)


async def test_names_in_the_queue_follow_the_blank_key(world, clock):
    world.store.visits.register(
        world.reception, world.site.id, client_id=world.clients["ostman"].id
    )
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await open_desk(pilot)
        assert "Östman Åsa" in screen_text(pilot)
        await pilot.press("f12")
        await pilot.pause()
        assert "Östman" not in screen_text(pilot) and "Ö. Å." in screen_text(pilot)


async def test_feedback_after_done_is_stored_without_identity(world, clock, monkeypatch):
    monkeypatch.setattr(FeedbackScreen, "THANKS_SECONDS", 0.05)
    client = world.clients["obrien"]
    world.store.clients.update(
        world.admin,
        client.id,
        {
            "first_name": "Sean",
            "last_name": "O'Brien",
            "hetu": client.hetu,
            "phone": "+46 70 123 45 67",
            "service_language": "en",
        },
    )
    world.store.visits.register(
        world.reception, world.site.id, client_id=client.id, reason_codes=["cv"]
    )
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        desk = await open_desk(pilot)
        desk.query_one(QueueTable).focus()
        await pilot.press("ctrl+d", "enter", "f9")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert "recommend" in screen_text(pilot)  # the visitor's language
        assert "Your answer is anonymous" in screen_text(pilot)
        assert "F9" not in screen_text(pilot)  # the desk's own messages are gone
        # Turned to the visitor: no way into the register, no blanking, no quitting.
        await pilot.press("ctrl+p", "f12", "ctrl+q", "f2", "f1")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen) and not app.blanked
        assert app.is_running
        await pilot.press("plus")
        await wait_until(pilot, lambda: isinstance(app.screen, PrivacyCurtain), "the desk back")
        await pilot.press("x")  # the receptionist is back: any key
        await pilot.pause()
        assert isinstance(app.screen, WalkInScreen) and not app.blanked
    rows = world.store.db.execute("SELECT * FROM feedback").fetchall()
    assert len(rows) == 1
    assert 10 in rows[0] and client.id not in rows[0]
    assert world.store.db.execute("SELECT feedback_score FROM visit").fetchall() == [(None,)]


async def test_linked_feedback_tells_the_visitor_and_is_kept_with_the_visit(
    world, clock, monkeypatch
):
    monkeypatch.setattr(FeedbackScreen, "THANKS_SECONDS", 0.05)
    world.store.settings.set(world.admin, "feedback.link_to_visit", "kyllä")
    visit = world.store.visits.register(
        world.reception, world.site.id, client_id=world.clients["makinen"].id
    )
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        desk = await open_desk(pilot)
        desk.query_one(QueueTable).focus()
        await pilot.press("ctrl+d", "enter", "f9")
        await pilot.pause()
        assert "tallennetaan tämän käynnin tietoihin" in screen_text(pilot)
        await pilot.press("s")  # the visitor switches to Swedish before answering
        assert "sparas med uppgifterna om detta besök" in screen_text(pilot)
        await pilot.press("7")
        await wait_until(pilot, lambda: isinstance(app.screen, PrivacyCurtain), "the desk back")
    assert world.store.db.execute(
        "SELECT feedback_score, updated_by FROM visit WHERE id = ?", [visit.id]
    ).fetchall() == [(7, world.reception.id)]


async def test_the_today_screen_shows_nps_only_from_five_answers(world, clock):
    visit = world.store.visits.register(world.reception, world.site.id)
    for score in (10, 9, 9, 2):
        world.store.feedback.record(world.reception, visit, score)
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot)
        assert "liian vähän vastauksia (n = 4)" in screen_text(pilot)
    world.store.feedback.record(world.reception, visit, 10)
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot)
        assert "(NPS) +60 · n = 5" in screen_text(pilot)


async def test_an_admin_pressing_f2_is_told_why_and_stays_on_today(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot, "admin")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        notes = [(n.message, n.severity) for n in app._notifications]
        assert notes == [("Asiointinäkymä on vastaanoton ja valmentajien käytössä.", "warning")]


@pytest.mark.parametrize("username", ["vastaanotto", "valmentaja"])
async def test_reception_and_coaches_pressing_f2_land_on_the_desk(world, clock, username):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot, username)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, WalkInScreen)
        assert "Etsi tai rekisteröi kävijä" in screen_text(pilot)
        assert messages(app) == []
