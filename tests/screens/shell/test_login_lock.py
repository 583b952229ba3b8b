"""The login form under the store's growing lock, and with an account whose password data is
damaged: a message on the form, never a crash."""

from __future__ import annotations

from datetime import timedelta

import pytest

from screens.shell.login import LoginScreen
from store.api import Store
from store.core.auth import LoginFailed, LoginLocked
from tests.faults import raw_connect
from tui.app import make_app

from ..helpers import log_in, settled


async def submit(pilot, username: str, password: str) -> str:
    login = pilot.app.screen
    login.query_one("#username").value = username
    login.query_one("#password").value = password
    login.query_one("#password").focus()
    await pilot.press("enter")
    await settled(pilot)
    return str(login.query_one("#login-error").render())


async def test_a_longer_lock_is_shown_in_minutes_and_holds_the_right_password(world, clock):
    staff = world.store.staff
    for _ in range(2):
        with pytest.raises(LoginFailed):
            staff.log_in("valmentaja", "wrong")
    with pytest.raises(LoginLocked):
        staff.log_in("valmentaja", "wrong")
    clock.at += timedelta(minutes=1)
    with pytest.raises(LoginLocked):  # the fourth failure in a row: one minute
        staff.log_in("valmentaja", "wrong")
    app = make_app(world.path, clock=clock)  # the app started after the failures
    async with app.run_test() as pilot:
        shown = await submit(pilot, "valmentaja", "demo")
        assert isinstance(app.screen, LoginScreen)
        assert shown == "Liian monta epäonnistunutta yritystä. Yritä uudelleen 1 minuutin kuluttua."
    assert world.store.audit.events(action="login") == []


async def test_a_damaged_account_is_a_message_on_the_form(world, clock):
    world.store.db.execute(
        "UPDATE staff SET password_hash = 'scrypt$16384$8$1$ei-heksaa$' WHERE id = ?",
        [world.coach.id],
    )
    world.store.db.conn.commit()
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        shown = await submit(pilot, "valmentaja", "demo")
        assert isinstance(app.screen, LoginScreen)
        assert shown == (
            "Tilin salasanatiedot ovat vioittuneet. Pyydä ylläpitäjää asettamaan uusi salasana."
        )
        assert app.screen.query_one("#password").value == ""
        # The form stays usable: another account logs in.
        await log_in(pilot, "vastaanotto")
    failed = world.store.audit.events(action="failed_login")
    assert [(e.entity_id, e.purpose) for e in failed] == [(world.coach.id, "damaged")]


async def test_the_form_keeps_drawing_while_the_password_is_checked(world, clock):
    # Another desk holds the write lock: the check waits for it, off the event loop.
    world.store.close()
    other_desk = raw_connect(world.path, isolation_level=None)
    other_desk.execute("BEGIN IMMEDIATE")
    app = make_app(world.path, clock=clock)
    try:
        async with app.run_test() as pilot:
            login = app.screen
            login.query_one("#username").value = "valmentaja"
            login.query_one("#password").value = "demo"
            login.query_one("#password").focus()
            await pilot.press("enter")
            await pilot.pause()
            assert str(login.query_one("#login-error").render()) == "Tarkistetaan…"
            await pilot.press("enter")  # a second Enter is not a second attempt
            await pilot.press("tab", "end", "x")  # and the form takes keys meanwhile
            assert login.query_one("#username").value == "valmentajax"
            other_desk.execute("ROLLBACK")
            await settled(pilot)
            assert not isinstance(app.screen, LoginScreen)
    finally:
        other_desk.close()
    store = Store.open(world.path, clock)
    try:
        assert len(store.audit.events(action="login")) == 1
    finally:
        store.close()
