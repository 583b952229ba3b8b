"""The shell: command palette verbs, help, the language setting, logging out."""

from __future__ import annotations

import re

from textual.command import CommandPalette
from textual.widgets import Input

from screens.clients.client_card import ClientCardScreen
from screens.desk.walk_in import WalkInScreen
from screens.reports.day_report import DayReportScreen
from screens.shell.dialogs import ConfirmDiscard, HelpScreen
from screens.shell.login import LoginScreen
from screens.shell.today import TodayScreen
from tui.app import make_app

from ..helpers import log_in, screen_text, wait_until


def offered_verbs(pilot) -> list[str]:
    """The palette's verbs on screen: the lines that end in the key doing the same."""
    lines = screen_text(pilot).splitlines()
    return [line.strip() for line in lines if re.search(r"\((Ctrl\+\w|F\d+)\)\s*$", line)]


async def test_palette_verb_new_client_opens_an_empty_card(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert "Hae komentoa" in screen_text(pilot)
        await pilot.press(*"uusi asiakas")
        # The palette searches as it likes: wait until it offers this verb alone.
        verb = ["Uusi asiakas  (Ctrl+N)"]
        await wait_until(pilot, lambda: offered_verbs(pilot) == verb, "the verb alone")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ClientCardScreen)
        assert app.screen.client_id is None


async def test_f1_opens_help_and_escape_closes_it(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(pilot)
        assert "F12" in text and "F6 kutsu seuraava" in text and "Ctrl+Z peru muutos" in text
        assert "Esc sulkee" in text  # the whole help fits 80×24
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


async def test_the_help_holds_the_keys_of_the_screens_the_user_may_open(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot)  # reception: the walk-in desk, neither Kompassi nor paths
        await pilot.press("f1")
        await pilot.pause()
        text = screen_text(pilot)
        assert "F6 kutsu seuraava" in text and "Kompassi (F3)" not in text
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "valmentaja")
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("f1")  # on F3: its keys first, the rest of a long help scrolls
        await pilot.pause()
        text = screen_text(pilot)
        assert "Kompassi (F3): n mittaus" in text and "Esc sulkee" in text
        assert text.index("Kompassi (F3)") < text.index("F6 kutsu seuraava")
        scroll = app.screen.query_one("#help-scroll")
        assert scroll.max_scroll_y > 0  # more than 80×24 holds, reachable by scrolling
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_changing_language_is_remembered_for_the_user(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot)
        app.set_language("sv")
        await pilot.pause()
        assert "Nya klienter i dag" in screen_text(pilot)
        assert "Sök" in screen_text(pilot)  # footer label of Ctrl+F
    assert world.store.staff.get(world.reception.id).language == "sv"
    # Next login comes up in Swedish without any option.
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot)
        assert "Nya klienter i dag" in screen_text(pilot)


async def test_changing_language_on_the_desk_stays_on_the_desk(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot)
        await pilot.press("f2")
        await pilot.pause()
        app.set_language("en")
        await pilot.pause()
        assert isinstance(app.screen, WalkInScreen)
        assert "Find or register the visitor" in screen_text(pilot)


async def test_logout_with_unsaved_card_asks_first(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot)
        app.push_screen(ClientCardScreen(world.clients["ostman"].id))
        await pilot.pause()
        app.screen.query_one("#municipality", Input).value = "Naantali"
        app.action_logout()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDiscard)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#municipality", Input).value == "Naantali"
        app.screen.query_one("#municipality", Input).value = ""
        app.action_logout()
        await pilot.pause()
        assert isinstance(app.screen, LoginScreen)
        assert app.session is None


async def test_quitting_with_an_unsaved_card_asks_first(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot)
        app.push_screen(ClientCardScreen(world.clients["ostman"].id))
        await pilot.pause()
        app.screen.query_one("#municipality", Input).value = "Naantali"
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDiscard)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running
        assert app.screen.query_one("#municipality", Input).value == "Naantali"
        await pilot.press("ctrl+q", "enter")
        await pilot.pause()
        assert not app.is_running


async def test_a_database_from_a_newer_luotsi_ends_the_app_with_a_message(world, clock):
    world.store.db.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('luotsi', '9999_future', '2030-01-01')"
    )
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        # The database is opened just after the login form is painted.
        await wait_until(pilot, lambda: not app.is_running, "the app to end")
        # What Textual prints to the terminal once the app has closed.
        exit_message = " ".join(str(m) for m in app._exit_renderables)
    assert app.return_code == 2
    assert "newer version of Luotsi" in exit_message


async def test_palette_verb_day_report_opens_the_report(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot)
        await pilot.press("ctrl+p", *"raportti")
        verb = ["Päivän raportti  (Ctrl+R)"]
        await wait_until(pilot, lambda: offered_verbs(pilot) == verb, "the verb alone")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DayReportScreen)
