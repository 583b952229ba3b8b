"""The app on a laptop's check-out: the header says so, the walk-in desk (the office's)
does not open, and the coach packs the changes into a bundle from F7 or the palette."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from screens.desk.walk_in import WalkInScreen
from screens.shell.header import LuotsiHeader
from screens.shell.today import TodayScreen
from screens.sync.sync_dialogs import PackDialog
from screens.sync.sync_screen import SyncScreen
from store.api import Store
from tests.conftest import WORLD_CLIENTS
from tui.app import make_app

from ..admin.palette import choose_verb
from ..helpers import log_in, messages, screen_text, settled, wait_until
from .laptop_files import NEW_PHONE, check_out


@pytest.fixture
def laptop(world, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A coach's laptop database, checked out of the world's office, in the coach's home;
    the office's store is closed, as it is on another machine."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    path = check_out(world, tmp_path / "laptop").path
    world.store.close()
    return path


def edit_on_laptop(world, laptop: Path, clock) -> None:
    store = Store.open(laptop, clock)
    try:
        raw = {**WORLD_CLIENTS["makinen"], "coach_id": world.coach.id, "phone": NEW_PHONE}
        store.clients.update(world.coach, world.clients["makinen"].id, raw)
    finally:
        store.close()


async def test_the_header_says_it_is_the_coachs_laptop_and_when_it_was_checked_out(
    world, clock, laptop
):
    app = make_app(laptop, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "valmentaja")
        header = str(app.screen.query_one(LuotsiHeader).render())
        assert "Kannettava · Virtanen Liisa · otettu 28.11.2026" in header


async def test_the_walk_in_desk_is_the_offices_and_does_not_open_on_a_laptop(world, clock, laptop):
    app = make_app(laptop, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "valmentaja")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert not any(isinstance(s, WalkInScreen) for s in app.screen_stack)
        assert any("Toimiston oma" in note for note in messages(app))


async def test_k_packs_the_changes_into_a_bundle_and_says_how_many(world, clock, laptop, tmp_path):
    edit_on_laptop(world, laptop, clock)
    app = make_app(laptop, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "valmentaja")
        await pilot.press("f7")
        await settled(pilot)
        assert isinstance(app.screen, SyncScreen)
        await wait_until(
            pilot, lambda: "Pakkaamattomia muutoksia: 1" in screen_text(pilot), "the count"
        )
        assert "Ei vielä pakattu" in screen_text(pilot)
        # Four weeks back and eight ahead, the last day as a person reads it.
        assert "Ajanvaraukset 31.10.2026–23.1.2027" in screen_text(pilot)
        await pilot.press("k")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PackDialog)
        suggested = Path(dialog.query_one("#sync-path", Input).value)
        assert suggested == tmp_path / "home" / "luotsi-valmentaja-28.11.2026.bundle"
        await pilot.press("enter")
        await settled(pilot)
        await wait_until(pilot, lambda: isinstance(app.screen, SyncScreen), "the dialog closed")
        assert suggested.is_file()
        await wait_until(
            pilot, lambda: "Pakkaamattomia muutoksia: 0" in screen_text(pilot), "the new count"
        )
        text = screen_text(pilot)
        assert "Paketti kirjoitettu (1 muutos)" in text
        assert "Viimeksi pakattu: 28.11.2026" in text


async def test_packing_onto_a_folder_that_is_not_there_is_refused_with_the_path_kept(
    world, clock, laptop, tmp_path
):
    app = make_app(laptop, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "valmentaja")
        await choose_verb(pilot, "pakkaa", "Pakkaa muutokset")
        await settled(pilot)
        dialog = app.screen
        assert isinstance(dialog, PackDialog)
        typed = str(tmp_path / "no such folder" / "x.bundle")
        dialog.query_one("#sync-path", Input).value = typed
        await pilot.press("enter")
        await settled(pilot)
        assert app.screen is dialog
        assert str(dialog.query_one("#error-sync-path").render()).startswith("⚠")
        assert dialog.query_one("#sync-path", Input).value == typed
