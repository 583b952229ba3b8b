"""The admin screen: adding, resetting, changing and closing accounts, adding sites, and
who may open it; every change through the store, so it is in the access log."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import DataTable, Input, Select

from screens.admin.account_dialogs import (
    ConfirmDeactivate,
    NewAccountDialog,
    PasswordDialog,
    RoleDialog,
    SiteDialog,
)
from screens.admin.admin_screen import AdminScreen
from screens.desk.walk_in import WalkInScreen
from screens.shell.login import LoginScreen
from screens.shell.today import TodayScreen
from store.core.auth import LoginLocked
from tui.app import make_app

from ..helpers import log_in, messages, screen_text, settled
from .palette import choose_verb

NEW_PASSWORD = "uusi salasana"


async def open_admin(pilot) -> AdminScreen:
    await log_in(pilot, "admin")
    await choose_verb(pilot, "käyttäjät ja", "Käyttäjät ja toimipisteet")
    assert isinstance(pilot.app.screen, AdminScreen)
    return pilot.app.screen


def fill(screen, **values: str) -> None:
    for field, value in values.items():
        screen.query_one(f"#{field}").value = value


def error_of(screen, field: str) -> str:
    return str(screen.query_one(f"#error-{field}").render())


async def select_user(pilot, username: str) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, AdminScreen)
    row = [s.username for s in screen.accounts].index(username)
    screen.query_one("#staff-table", DataTable).move_cursor(row=row)
    await pilot.pause()


async def test_admin_adds_a_reception_user_who_then_logs_in_and_reaches_the_desk(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        admin_screen = await open_admin(pilot)
        assert "Nieminen Noora" in screen_text(pilot)
        await pilot.press("n")
        await settled(pilot)
        dialog = app.screen
        assert isinstance(dialog, NewAccountDialog)
        assert "vähintään 8 merkkiä" in screen_text(pilot)  # the rule, beside the field
        assert dialog.query_one("#role", Select).value == "reception"
        assert dialog.query_one("#site_id", Select).value == world.site.id
        fill(dialog, username="koski.k", display_name="Koski Kaisa")
        dialog.query_one("#password", Input).focus()
        await pilot.press(*NEW_PASSWORD, "enter", *NEW_PASSWORD, "enter")
        await settled(pilot)
        assert app.screen is admin_screen
        text = screen_text(pilot)
        assert "Käyttäjä koski.k lisätty." in text
        assert "Koski Kaisa" in text and "✓ käytössä" in text
        await pilot.press("escape")
        await settled(pilot)
        assert isinstance(app.screen, TodayScreen)
        app.action_logout()
        await settled(pilot)
        assert isinstance(app.screen, LoginScreen)
        await log_in(pilot, "koski.k", NEW_PASSWORD)
        await pilot.press("f2")
        await settled(pilot)
        assert isinstance(app.screen, WalkInScreen)
    new = world.store.staff.find("koski.k")
    assert new is not None and (new.role, new.site_id) == ("reception", world.site.id)
    [made] = world.store.audit.events(entity_id=new.id, action="create")
    assert made.staff_id == world.admin.id


async def test_bad_inputs_are_told_beside_their_fields_and_nothing_typed_is_lost(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_admin(pilot)
        await pilot.press("n")
        await settled(pilot)
        dialog = app.screen
        typed = {
            "username": "Koski Kaisa",
            "display_name": "Koski Kaisa",
            "password": "lyhyt",
            "repeat": "lyhyt",
        }
        fill(dialog, **typed)
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert app.screen is dialog
        # Every field's problem at once, each beside its field.
        assert "käyttäjätunnus ”Koski Kaisa” ei kelpaa" in error_of(dialog, "username")
        assert "vähintään 8 merkkiä" in error_of(dialog, "password")
        assert dialog.focused is dialog.query_one("#username")
        fill(dialog, username="koski.k", password=NEW_PASSWORD, repeat=NEW_PASSWORD + "x")
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert error_of(dialog, "username") == error_of(dialog, "password") == ""
        assert error_of(dialog, "repeat") == "⚠ salasanat eivät ole samat"
        assert "salasanat eivät ole samat" in screen_text(pilot)
        fill(dialog, username="vastaanotto", repeat=NEW_PASSWORD)
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert app.screen is dialog
        assert "käyttäjätunnus vastaanotto on jo käytössä" in error_of(dialog, "username")
        values = {f: dialog.query_one(f"#{f}", Input).value for f in typed}
        assert values == {
            "username": "vastaanotto",
            "display_name": "Koski Kaisa",
            "password": NEW_PASSWORD,
            "repeat": NEW_PASSWORD,
        }
        # Esc with something typed asks first; keeping on editing keeps it all.
        await pilot.press("escape")
        await settled(pilot)
        await pilot.press("escape")
        await settled(pilot)
        assert app.screen is dialog
        assert dialog.query_one("#display_name", Input).value == "Koski Kaisa"
    assert world.store.staff.find("koski.k") is None


async def test_resetting_a_locked_users_password_lets_them_in_at_once(world, clock):
    for _ in range(3):
        world.store.staff.authenticate("valmentaja", "väärä")
    with pytest.raises(LoginLocked):
        world.store.staff.log_in("valmentaja", "demo")
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_admin(pilot)
        await select_user(pilot, "valmentaja")
        await pilot.press("p")
        await settled(pilot)
        dialog = app.screen
        assert isinstance(dialog, PasswordDialog)
        assert "Uusi salasana käyttäjälle valmentaja" in screen_text(pilot)
        fill(dialog, password=NEW_PASSWORD, repeat=NEW_PASSWORD)
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert "Käyttäjän valmentaja salasana vaihdettu" in screen_text(pilot)
        app.action_logout()
        await settled(pilot)
        await log_in(pilot, "valmentaja", NEW_PASSWORD)  # no wait for the lock to end
    events = world.store.audit.events(entity_id=world.coach.id)
    assert (world.admin.id, "update", "password") in [
        (e.staff_id, e.action, e.purpose) for e in events
    ]


async def test_changing_a_role_is_shown_and_logged(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_admin(pilot)
        await select_user(pilot, "vastaanotto")
        await pilot.press("r")
        await settled(pilot)
        assert isinstance(app.screen, RoleDialog)
        await pilot.press("down", "enter")  # from reception to coach
        await settled(pilot)
        assert "Käyttäjän vastaanotto rooli on nyt valmentaja." in screen_text(pilot)
    assert world.store.staff.find("vastaanotto").role == "coach"
    purposes = [e.purpose for e in world.store.audit.events(entity_id=world.reception.id)]
    assert "role:coach" in purposes


async def test_deactivating_asks_first_and_keeps_the_users_history(world, clock):
    visit = world.store.visits.register(world.reception, world.site.id)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_admin(pilot)
        await select_user(pilot, "vastaanotto")
        await pilot.press("d")
        await settled(pilot)
        assert isinstance(app.screen, ConfirmDeactivate)
        assert "säilyvät" in screen_text(pilot)
        await pilot.press("escape")  # no: nothing changes
        await settled(pilot)
        assert world.store.staff.find("vastaanotto").active
        await pilot.press("d")
        await settled(pilot)
        await pilot.press("enter")
        await settled(pilot)
        text = screen_text(pilot)
        assert "Käyttäjän vastaanotto tili suljettu" in text
        assert "✕ suljettu" in text and "Nieminen Noora" in text  # still listed
    closed = world.store.staff.find("vastaanotto")
    assert closed is not None and not closed.active
    assert world.store.staff.authenticate("vastaanotto", "demo") is None
    assert world.store.visits.get(visit.id) is not None
    assert world.store.audit.events(staff_id=world.reception.id)  # their own log rows stay
    [closing] = [
        e
        for e in world.store.audit.events(entity_id=world.reception.id)
        if e.purpose == "deactivate"
    ]
    assert closing.staff_id == world.admin.id


async def test_a_refused_change_is_said_and_nothing_changes(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_admin(pilot)
        await select_user(pilot, "admin")
        await pilot.press("d")
        await settled(pilot)
        await pilot.press("enter")
        await settled(pilot)
        assert "omaa tiliä ei voi sulkea" in screen_text(pilot)
    assert world.store.staff.find("admin").active


async def test_admin_adds_a_site_and_a_blank_field_is_told(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_admin(pilot)
        await pilot.press("t")
        await settled(pilot)
        dialog = app.screen
        assert isinstance(dialog, SiteDialog)
        fill(dialog, name="Työpiste Itä", municipality="Kuopio")
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert "työllisyysalue tarvitaan" in error_of(dialog, "employment_area")
        assert error_of(dialog, "name") == ""
        assert dialog.query_one("#name", Input).value == "Työpiste Itä"
        fill(dialog, employment_area="Kuopion työllisyysalue")
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert isinstance(app.screen, AdminScreen)
        text = screen_text(pilot)
        assert "Toimipiste Työpiste Itä lisätty." in text and "Kuopio" in text
    [site] = [s for s in world.store.sites.all() if s.name == "Työpiste Itä"]
    [made] = world.store.audit.events(entity_id=site.id)
    assert (made.staff_id, made.action) == (world.admin.id, "create")


@pytest.mark.parametrize("username", ["vastaanotto", "valmentaja"])
async def test_only_an_admin_opens_the_admin_screen(world, clock, username):
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, username)
        await choose_verb(pilot, "käyttäjät ja", "Käyttäjät ja toimipisteet")
        assert isinstance(app.screen, TodayScreen)
        assert messages(app) == ["Vain ylläpitäjä voi hallita käyttäjiä ja toimipisteitä."]


async def test_an_admin_demoted_meanwhile_cannot_open_it(world, clock):
    second = world.store.staff.create(
        "toinen", "Toinen Tuula", "admin", NEW_PASSWORD, world.site.id, actor=world.admin
    )
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "admin")
        world.store.staff.set_role(second, world.admin.id, "coach")
        clock.at += timedelta(minutes=1)
        await choose_verb(pilot, "käyttäjät ja", "Käyttäjät ja toimipisteet")
        assert isinstance(app.screen, TodayScreen)
        assert any("Vain ylläpitäjä" in note for note in messages(app))
