"""Logging in: the header after success, the access log after failures."""

from __future__ import annotations

from screens.shell.login import LoginScreen
from screens.shell.today import TodayScreen
from tui.app import make_app

from ..helpers import log_in, screen_text, settled


async def test_login_with_keys_shows_site_user_date_and_week(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.press(*"valmentaja", "enter", *"demo", "enter")
        await settled(pilot)
        assert isinstance(app.screen, TodayScreen)
        text = screen_text(pilot)
        assert "Työpiste Keskusta" in text
        assert "Virtanen Liisa" in text
        assert "la 28.11.2026 · vk 48" in text
    actions = [e.action for e in world.store.audit.events(staff_id=world.coach.id)]
    assert actions == ["login"]


async def test_failed_logins_are_logged_without_saying_which_part_was_wrong(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        login = app.screen
        attempts = [("valmentaja", "wrong"), ("nobody", "demo"), ("valmentaja", "")]
        messages = []
        for username, password in attempts:
            login.query_one("#username").value = username
            login.query_one("#password").value = password
            login.query_one("#password").focus()
            await pilot.press("enter")
            await settled(pilot)
            messages.append(str(login.query_one("#login-error").render()))
        assert isinstance(app.screen, LoginScreen)
        assert messages[0] == messages[1] == "Käyttäjätunnus tai salasana on väärä."
        assert "Liian monta epäonnistunutta yritystä" in messages[2]
        # While locked, even the right password does not log in.
        login.query_one("#password").value = "demo"
        login.query_one("#username").value = "valmentaja"
        await pilot.press("enter")
        await settled(pilot)
        assert isinstance(app.screen, LoginScreen)
    failed = world.store.audit.events(action="failed_login")
    assert len(failed) == 3
    # A real account's failures name it; an unknown name is not recorded.
    assert [e.entity_id for e in failed] == [world.coach.id, None, world.coach.id]
    assert world.store.audit.events(action="login") == []


async def test_lang_option_shows_swedish(world, clock):
    app = make_app(world.path, lang="sv", clock=clock)
    async with app.run_test() as pilot:
        assert "Logga in i Luotsi" in screen_text(pilot)


async def test_a_notice_given_to_the_app_is_shown_over_the_login_form(world, clock):
    # The demo's database path and board command: printed lines hide behind the full screen.
    notice = "Kertakäyttöinen esimerkkitietokanta: /tmp/x/luotsi-demo.db"
    app = make_app(world.path, clock=clock, notice=notice)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert [note.message for note in app._notifications] == [notice]
        await log_in(pilot, "vastaanotto")  # the form stays usable beneath it
        assert app.session is not None
        assert list(app._notifications) == []  # gone once the work begins: it hid the queue
