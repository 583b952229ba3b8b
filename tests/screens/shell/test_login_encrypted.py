"""Logging in to an encrypted database: the form paints before anything is unlocked, the
login opens the user's key slot, and a wrong password never reaches SQLCipher."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from screens.shell.login import LoginScreen
from screens.shell.today import TodayScreen
from store.core import keyring
from store.core.clock import to_iso
from store.core.keys import key_file_of
from store.core.unlock_log import REFUSED_AT_SLOT
from tui.app import make_app

from ..helpers import screen_text, settled

WRONG_FI = "Käyttäjätunnus tai salasana on väärä."
LOCKED_FI = "Liian monta epäonnistunutta yritystä"


@pytest.fixture
def locked(request, clock):
    """The `world`, its database encrypted and each account given its key slot (password
    "demo"), and this process knowing no key: as a desk finds it when Luotsi starts."""
    keyring.encrypt_new_databases(True)
    world = request.getfixturevalue("world")
    assert keyring.is_encrypted(world.path)
    for username in ("admin", "vastaanotto", "valmentaja"):
        keyring.set_slot(world.path, username, "demo")
    keyring.forget(world.path)  # `world.store` keeps its own, already keyed, connection
    yield world
    keyring.forget(world.path)


async def submit(pilot, username: str, password: str) -> str:
    login = pilot.app.screen
    login.query_one("#username", Input).value = username
    login.query_one("#password", Input).value = password
    login.query_one("#password", Input).focus()
    await pilot.press("enter")
    await settled(pilot)
    return str(login.query_one("#login-error").render()) if login.is_attached else ""


async def test_the_form_paints_and_a_wrong_password_is_refused_at_the_slot(locked, clock, capfd):
    app = make_app(locked.path, clock=clock)
    async with app.run_test() as pilot:
        await settled(pilot)  # past the moment a plain database would be opened
        assert "Kirjaudu Luotsiin" in screen_text(pilot)
        assert app.is_running and app.store is None
        shown = await submit(pilot, "valmentaja", "väärä")
        assert shown == WRONG_FI  # the same words as on a plain database
        login = app.screen
        assert isinstance(login, LoginScreen)
        assert login.query_one("#username", Input).value == "valmentaja"
        assert login.query_one("#password", Input).value == ""
        # Refused by the slot: the database was never opened, its key never learnt.
        assert app.store is None and keyring.known_key(locked.path) is None
    # Nothing of SQLCipher's (or anyone's) on the terminal.
    assert capfd.readouterr().err == ""


async def test_the_right_password_unlocks_and_opens_the_store(locked, clock, capfd):
    app = make_app(locked.path, clock=clock)
    async with app.run_test(size=(100, 24)) as pilot:
        await submit(pilot, "valmentaja", "demo")
        assert isinstance(app.screen, TodayScreen)
        assert app.store is not None
        assert "Virtanen Liisa" in screen_text(pilot)
        assert [m.last_name for m in app.store.clients.search("Mäkinen")] == ["Mäkinen"]
    assert capfd.readouterr().err == ""
    assert [e.action for e in locked.store.audit.events(staff_id=locked.coach.id)] == ["login"]


async def test_three_wrong_passwords_lock_this_terminal(locked, clock):
    app = make_app(locked.path, clock=clock)
    async with app.run_test() as pilot:
        shown = [await submit(pilot, name, "väärä") for name in ("valmentaja", "x", "admin")]
        assert shown[:2] == [WRONG_FI, WRONG_FI]
        assert LOCKED_FI in shown[2]
        # While the lock lasts, even the right password is not checked.
        assert LOCKED_FI in await submit(pilot, "valmentaja", "demo")
        assert isinstance(app.screen, LoginScreen) and app.store is None


async def test_refused_attempts_reach_the_access_log_with_the_next_login(locked, clock):
    app = make_app(locked.path, clock=clock)
    async with app.run_test() as pilot:
        await submit(pilot, "valmentaja", "väärä")
        await submit(pilot, "salasana123", "demo")  # a password typed as the name
        # The database could not be written: nothing is in its access log yet.
        assert locked.store.audit.events(action="failed_login") == []
        await submit(pilot, "vastaanotto", "demo")
        assert isinstance(app.screen, TodayScreen)
    failed = locked.store.audit.events(action="failed_login")
    # As the login's own failures: a real account's attempt names it, another name nothing.
    assert [(e.entity_id, e.purpose, e.staff_id) for e in failed] == [
        (locked.coach.id, REFUSED_AT_SLOT, None),
        (None, REFUSED_AT_SLOT, None),
    ]
    assert {e.at for e in failed} == {to_iso(clock.now())}  # when they were refused
    [login] = locked.store.audit.events(action="login")
    assert login.staff_id == locked.reception.id
    # Written once: the next login has nothing left to add.
    assert len(app.refused_logins) == 0


async def test_once_unlocked_a_wrong_password_is_logged_at_once(locked, clock):
    app = make_app(locked.path, clock=clock)
    async with app.run_test() as pilot:
        await submit(pilot, "vastaanotto", "demo")
        app.action_logout()
        await settled(pilot)
        assert isinstance(app.screen, LoginScreen)
        assert await submit(pilot, "valmentaja", "väärä") == WRONG_FI
    [failed] = locked.store.audit.events(action="failed_login")
    assert failed.entity_id == locked.coach.id


async def test_a_damaged_key_file_at_login_is_said_under_the_form(locked, clock):
    app = make_app(locked.path, clock=clock)
    async with app.run_test() as pilot:
        await settled(pilot)
        key_file_of(locked.path).write_text("{ei avaintiedosto")
        shown = await submit(pilot, "valmentaja", "demo")
        assert shown.startswith("Tietokannan ") and "avaintiedosto" in shown
        assert "vioittunut" in shown
        login = app.screen
        assert isinstance(login, LoginScreen) and app.is_running
        # Nothing typed is lost: Enter tries again once the key file is put back.
        assert login.query_one("#username", Input).value == "valmentaja"
        assert login.query_one("#password", Input).value == "demo"


async def test_a_key_file_of_another_database_ends_the_app_with_why(locked, clock, tmp_path):
    other = tmp_path / "toinen.db"
    keyring.prepare(other)
    key_file_of(locked.path).write_bytes(key_file_of(other).read_bytes())
    app = make_app(locked.path, lang="en", clock=clock)
    async with app.run_test() as pilot:
        await settled(pilot)
        told = " ".join(str(m) for m in app._exit_renderables)
    assert app.return_code == 2
    assert "belongs to another database" in told


async def test_a_database_cut_short_after_the_start_is_said_under_the_form(locked, clock):
    locked.store.close()  # no connection of this process keeps the file from being checked
    app = make_app(locked.path, lang="sv", clock=clock)
    async with app.run_test() as pilot:
        await settled(pilot)
        with locked.path.open("r+b") as file:
            file.truncate(locked.path.stat().st_size - 100)
        shown = await submit(pilot, "valmentaja", "demo")
        assert "skadad" in shown  # Swedish, as the app was asked to speak
        assert isinstance(app.screen, LoginScreen) and app.is_running and app.store is None
        assert app.screen.query_one("#password", Input).value == "demo"


def test_an_encrypted_login_derives_the_password_key_once(locked, clock, monkeypatch):
    """The slot that opens with the password proves it: the login does not run scrypt
    a second time on the stored hash (each takes most of a second at the real cost), and
    still lands in the access log as a login."""
    import hashlib

    from screens.shell.login import sign_in
    from store.core import auth

    real_scrypt = hashlib.scrypt
    password_keys: list[int] = []

    def counting(*args, **kwargs):
        if kwargs.get("n") == auth.HASH_COST.n:  # the name key of the lockout is cheaper
            password_keys.append(1)
        return real_scrypt(*args, **kwargs)

    monkeypatch.setattr(hashlib, "scrypt", counting)
    staff = sign_in(locked.path, clock, "valmentaja", "demo", None)
    assert staff.username == "valmentaja"
    assert len(password_keys) == 1
    logins = locked.store.db.execute(
        "SELECT count(*) FROM audit_event WHERE action = 'login' AND staff_id = ?", [staff.id]
    ).fetchone()[0]
    assert logins == 1
