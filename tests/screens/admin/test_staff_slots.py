"""The admin screen on an encrypted database: a user added there unlocks it with their
own password, a new password takes the old one's place, a closed account's password no
longer opens it, and a key file that cannot be written is said under the form with
everything typed kept."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from textual.widgets import Input

from screens.admin.account_dialogs import NewAccountDialog, PasswordDialog
from store.core import keyring
from store.core.keys import key_file_of
from tests.store.core.slot_helpers import opens_with, unwritable_key_file
from tui.app import make_app

from ..helpers import screen_text, settled
from .test_admin_screen import fill, open_admin, select_user

FIRST = "eka salasana"
SECOND = "toka salasana"


@pytest.fixture(autouse=True)
def encrypted_databases() -> Iterator[None]:
    """The world's database is encrypted, in the suite's plain run too (this overrides
    the suite's fixture of the same name)."""
    keyring.encrypt_new_databases(True)
    yield
    keyring.encrypt_new_databases(False)


async def test_added_reset_and_closed_users_keep_their_keys_in_step(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_admin(pilot)
        await pilot.press("n")
        await settled(pilot)
        assert isinstance(app.screen, NewAccountDialog)
        fill(app.screen, username="koski.k", display_name="Koski Kaisa")
        fill(app.screen, password=FIRST, repeat=FIRST)
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert "Käyttäjä koski.k lisätty." in screen_text(pilot)
        assert opens_with(world.path, "koski.k", FIRST)

        await pilot.press("p")  # the cursor is on the new user
        await settled(pilot)
        assert isinstance(app.screen, PasswordDialog)
        fill(app.screen, password=SECOND, repeat=SECOND)
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert "Käyttäjän koski.k salasana vaihdettu" in screen_text(pilot)
        assert opens_with(world.path, "koski.k", SECOND)
        assert not opens_with(world.path, "koski.k", FIRST)

        await select_user(pilot, "koski.k")
        await pilot.press("d")
        await settled(pilot)
        await pilot.press("enter")
        await settled(pilot)
        assert "Käyttäjän koski.k tili suljettu" in screen_text(pilot)
    assert not opens_with(world.path, "koski.k", SECOND)
    assert opens_with(world.path, "admin", "demo")


async def test_a_key_file_that_cannot_be_written_is_said_and_nothing_typed_is_lost(world, clock):
    before = key_file_of(world.path).read_bytes()
    typed = {
        "username": "koski.k",
        "display_name": "Koski Kaisa",
        "password": FIRST,
        "repeat": FIRST,
    }
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_admin(pilot)
        await pilot.press("n")
        await settled(pilot)
        dialog = app.screen
        fill(dialog, **typed)
        with unwritable_key_file(world.path):
            await pilot.press("ctrl+s")
            await settled(pilot)
        assert app.screen is dialog
        assert key_file_of(world.path).read_bytes() == before
        assert world.store.staff.find("koski.k") is None
        text = screen_text(pilot).replace("\n", " ")
        assert "Avaintiedostoa" in text and "ei voitu kirjoittaa" in text
        assert {f: dialog.query_one(f"#{f}", Input).value for f in typed} == typed
        await pilot.press("ctrl+s")  # the folder is writable again: saved as typed
        await settled(pilot)
        assert "Käyttäjä koski.k lisätty." in screen_text(pilot)
    assert key_file_of(world.path).read_bytes() != before
    assert opens_with(world.path, "koski.k", FIRST)
