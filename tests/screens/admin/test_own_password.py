"""Changing one's own password from the palette: the current one first, the new one twice,
for any role; the old password no longer logs in."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from screens.admin.account_dialogs import PasswordDialog
from screens.shell.login import LoginScreen
from screens.shell.today import TodayScreen
from tui.app import make_app

from ..helpers import log_in, messages, screen_text, settled
from .palette import choose_verb
from .test_admin_screen import error_of, fill

NEW_PASSWORD = "oma uusi salasana"


async def open_dialog(pilot, username: str) -> PasswordDialog:
    await log_in(pilot, username)
    await choose_verb(pilot, "vaihda oma", "Vaihda oma salasana")
    assert isinstance(pilot.app.screen, PasswordDialog)
    return pilot.app.screen


@pytest.mark.parametrize("username", ["vastaanotto", "valmentaja", "admin"])
async def test_any_user_changes_their_password_and_the_old_one_stops_working(
    world, clock, username
):
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot, username)
        assert "Nykyinen salasana" in screen_text(pilot)
        assert "vähintään 8 merkkiä" in screen_text(pilot)
        assert dialog.focused is dialog.query_one("#current")
        await pilot.press(*"demo", "enter", *NEW_PASSWORD, "enter", *NEW_PASSWORD, "enter")
        await settled(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert "Salasanasi on vaihdettu." in messages(app)
        app.action_logout()
        await settled(pilot)
        login = app.screen
        fill(login, username=username, password="demo")
        login.query_one("#password").focus()
        await pilot.press("enter")
        await settled(pilot)
        assert isinstance(app.screen, LoginScreen)  # the old password is refused
        await log_in(pilot, username, NEW_PASSWORD)
    me = world.store.staff.find(username)
    purposes = [(e.staff_id, e.purpose) for e in world.store.audit.events(entity_id=me.id)]
    assert (me.id, "password") in purposes


async def test_a_wrong_current_password_is_told_beside_it_and_nothing_typed_is_lost(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot, "admin")  # an admin is asked it too
        typed = {"current": "väärä", "password": NEW_PASSWORD, "repeat": NEW_PASSWORD}
        fill(dialog, **typed)
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert app.screen is dialog
        assert error_of(dialog, "current") == "⚠ nykyinen salasana puuttuu tai on väärä"
        assert dialog.focused is dialog.query_one("#current")
        assert {f: dialog.query_one(f"#{f}", Input).value for f in typed} == typed
        fill(dialog, current="demo", password="lyhyt", repeat="lyhye")
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert error_of(dialog, "current") == ""
        assert "vähintään 8 merkkiä" in error_of(dialog, "password")
        assert "salasanat eivät ole samat" in error_of(dialog, "repeat")
    assert world.store.staff.authenticate("admin", "demo") == world.admin
    assert not [e for e in world.store.audit.events(entity_id=world.admin.id) if e.purpose]
