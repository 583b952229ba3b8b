"""`luotsi demo` runs on an encrypted copy of the sample: the real path of a desk, from a
locked database to a login that opens a key slot."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from textual.widgets import Input

from screens.shell.today import TodayScreen
from store.api import Store
from store.core import keyring
from store.core.keys import DatabaseLocked
from tui.app import make_app
from tui.cli import SAMPLE_DB, load_cli_strings, prepare_demo

from ..screens.helpers import settled


@pytest.fixture
def demo_copy(tmp_path: Path):
    load_cli_strings()  # as the command's entry point does
    copy = tmp_path / "luotsi-demo.db"
    lines = prepare_demo(copy, "en")
    yield copy, lines
    keyring.forget(copy)


def sample_people() -> list[str]:
    with sqlite3.connect(f"{SAMPLE_DB.as_uri()}?mode=ro", uri=True) as conn:
        rows = conn.execute("SELECT last_name, hetu FROM client WHERE hetu IS NOT NULL LIMIT 50")
        return [text for row in rows for text in row]


def test_the_demos_copy_is_encrypted_and_opens_with_a_demo_login(demo_copy):
    copy, lines = demo_copy
    assert lines[0] == f"Throwaway sample database: {copy} (removed when Luotsi closes)"
    assert "--site 'Työpiste Keskusta'" in lines[1]
    people = sample_people()
    assert people
    assert not copy.read_bytes().startswith(b"SQLite format 3")
    # The copy, its key file and anything beside them (the board's plain side file too,
    # which holds tickets and desks, no names) hold no one's name or identity code.
    for file in copy.parent.iterdir():
        data = file.read_bytes()
        for text in people:
            assert text.encode() not in data and text.encode("utf-16-le") not in data, file
    # Locked, as a desk finds its database when Luotsi starts.
    assert keyring.known_key(copy) is None
    with pytest.raises(DatabaseLocked):
        Store.open(copy)
    keyring.unlock(copy, "valmentaja", "demo")
    store = Store.open(copy)
    try:
        # The history made around today went into the encrypted copy.
        assert store.db.execute("SELECT count(*) FROM visit").fetchone()[0] > 0
        assert store.staff.find("vastaanotto") is not None
    finally:
        store.close()


async def test_the_demo_app_starts_locked_and_a_demo_login_gets_in(demo_copy):
    copy, _ = demo_copy
    app = make_app(copy)
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot)
        assert app.store is None
        login = app.screen
        login.query_one("#username", Input).value = "admin"
        login.query_one("#password", Input).value = "demo"
        login.query_one("#password", Input).focus()
        await pilot.press("enter")
        await settled(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert app.store is not None and app.session is not None
