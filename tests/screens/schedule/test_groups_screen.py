"""Group sessions on screen: a full session's waiting list moving up, and attendance marked
at the door by keys alone."""

from __future__ import annotations

from datetime import UTC, datetime

from textual.widgets import Input

from screens.schedule.group_dialogs import AddPersonDialog, NewSessionDialog
from screens.schedule.group_people import SessionPeopleScreen
from screens.schedule.groups_screen import GroupSessionsScreen
from tests.conftest import World
from tui.app import make_app

from ..helpers import log_in, screen_text, settled, wait_until

# Tuesday 1.12.2026 13:00 in Helsinki (UTC+2); the fixed clock is Saturday 28.11.
TUESDAY_13 = datetime(2026, 12, 1, 11, 0, tzinfo=UTC)


def _info(world: World, capacity: int) -> str:
    session = world.store.groups.create(
        world.reception, "Eläkeinfo", TUESDAY_13, 90, capacity, world.site.id
    )
    return session.id


async def _open_sessions(pilot) -> GroupSessionsScreen:
    await log_in(pilot)
    pilot.app.push_screen(GroupSessionsScreen())
    await settled(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, GroupSessionsScreen)
    return screen


async def _add(pilot, typed: str) -> None:
    """Find a client in the add dialog's search and choose them with Enter."""
    search = pilot.app.screen.query_one("#search-input", Input)
    search.value = typed
    await wait_until(pilot, lambda: typed.split()[0] in screen_text(pilot), f"{typed} found")
    await settled(pilot)
    await pilot.press("enter")
    await settled(pilot)


async def test_a_full_session_sends_people_to_the_waiting_list_which_moves_up(world, clock):
    session_id = _info(world, capacity=2)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_sessions(pilot)
        assert "0/2" in screen_text(pilot)
        await pilot.press("enter")
        await settled(pilot)
        assert isinstance(app.screen, SessionPeopleScreen)
        await pilot.press("a")
        await settled(pilot)
        assert isinstance(app.screen, AddPersonDialog)
        for typed in ("Mäkinen Anna", "Östman", "O'Brien"):
            await _add(pilot, typed)
        assert "O'Brien Sean: tilaisuus on täynnä, lisätty jonoon." in screen_text(pilot)
        # Someone already listed is refused in the dialog, which stays open.
        await _add(pilot, "Östman")
        assert "Asiakkaalla on jo paikka tässä tilaisuudessa." in screen_text(pilot)
        await pilot.press("escape")
        await settled(pilot)
        text = screen_text(pilot)
        assert "Varattu 2/2 · jonossa 1" in text
        assert "jonossa 1." in text  # O'Brien's row: first in the queue
        # Mäkinen (first by name) cancels: O'Brien moves up and is listed for a call.
        await pilot.press("ctrl+home", "x")
        await settled(pilot)
        await pilot.press("enter")
        await settled(pilot)
        text = screen_text(pilot)
        assert "Mäkinen Anna" not in text
        assert "Varattu 2/2 · jonossa 0" in text
        assert "1 noussut jonosta: soita" in text
        assert "☎ soita" in text
        seats = world.store.groups.seats(session_id)
        assert [s.client_name for s in seats.to_call] == ["O'Brien Sean"]
        # The cursor stays on the first row, now O'Brien's: "called".
        people = app.screen
        assert isinstance(people, SessionPeopleScreen)
        assert people.rows[0].client_name == "O'Brien Sean"
        await pilot.press("s")
        await settled(pilot)
        assert "☎" not in screen_text(pilot)
        assert world.store.groups.seats(session_id).to_call == ()
        # Back on the list, the count is the true one.
        await pilot.press("escape")
        await settled(pilot)
        assert "2/2 täynnä" in screen_text(pilot)


async def test_attendance_is_marked_by_keys_the_cursor_moving_down(world, clock):
    session_id = _info(world, capacity=10)
    for key in ("makinen", "maki_jokela", "ostman"):
        world.store.groups.add(world.reception, session_id, world.clients[key].id)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_sessions(pilot)
        await pilot.press("enter")
        await settled(pilot)
        await pilot.press("p", "p", "e")
        await settled(pilot)
        states = {s.client_name: s.state for s in world.store.groups.seats(session_id).booked}
        assert states == {
            "Mäki-Jokela Pekka": "attended",
            "Mäkinen Anna": "attended",
            "Östman Åsa": "no_show",
        }
        text = screen_text(pilot)
        assert "✓ paikalla" in text and "✗ ei saapunut" in text
        assert "paikalla 2" in text


async def test_a_new_session_is_made_in_the_dialog_and_a_bad_time_is_told(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_sessions(pilot)
        assert "Ei tulevia ryhmätilaisuuksia" in screen_text(pilot)
        await pilot.press("n")
        await settled(pilot)
        dialog = app.screen
        assert isinstance(dialog, NewSessionDialog)
        dialog.query_one("#title", Input).value = "Eläkeinfo"
        dialog.query_one("#day", Input).value = "1.12.2026"
        dialog.query_one("#time", Input).value = "kolmelta"
        dialog.query_one("#capacity", Input).value = "160"
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert "Kirjoita kellonaika muodossa 13.00." in screen_text(pilot)
        dialog.query_one("#time", Input).value = "13.00"
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert isinstance(app.screen, GroupSessionsScreen)
        text = screen_text(pilot)
        assert "Eläkeinfo" in text and "0/160" in text and "13:00–14:30" in text


async def test_more_seats_move_the_waiting_list_up_and_fewer_than_booked_are_refused(world, clock):
    session_id = _info(world, capacity=1)
    for key in ("makinen", "ostman"):
        world.store.groups.add(world.reception, session_id, world.clients[key].id)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_sessions(pilot)
        assert "1/1 täynnä" in screen_text(pilot)
        await pilot.press("k")
        await settled(pilot)
        field = app.screen.query_one("#capacity", Input)
        field.value = "0"
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert "Paikkoja on oltava 1–1000." in screen_text(pilot)
        field.value = "2"
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert isinstance(app.screen, GroupSessionsScreen)
        assert "2/2 täynnä" in screen_text(pilot)
    seats = world.store.groups.seats(session_id)
    assert [s.client_name for s in seats.to_call] == ["Östman Åsa"]
