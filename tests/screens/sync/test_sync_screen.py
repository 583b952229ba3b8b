"""The laptops screen (F7) at the office: an admin checks a coach's laptop out, checks a
bundle in (the dry run first, nothing written until Enter) and revokes a lost laptop."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Select

from screens.sync.checkin_dialog import CheckinDialog
from screens.sync.sync_dialogs import CheckoutDialog, RevokeDialog
from screens.sync.sync_screen import SyncScreen
from tui.app import make_app

from ..helpers import log_in, screen_text, settled, wait_until
from .laptop_files import NEW_PHONE_STORED, change_phone_and_pack, check_out, phone_at_office


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's home, where the dialogs suggest their files."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    return folder


async def open_laptops(pilot, username: str = "admin") -> SyncScreen:
    await log_in(pilot, username)
    await pilot.press("f7")
    await settled(pilot)
    assert isinstance(pilot.app.screen, SyncScreen)
    return pilot.app.screen


def error_of(screen, field: str) -> str:
    return str(screen.query_one(f"#error-{field}").render())


async def dialog_of(pilot, key: str, kind: type):
    """Press `key` on the laptops screen; the dialog it opens."""
    await pilot.press(key)
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, kind)
    return dialog


async def submit(pilot, dialog, path: Path | str, field: str = "sync-path") -> None:
    """Type `path` at `field` and press Enter there; wait for what it started."""
    dialog.query_one(f"#{field}", Input).value = str(path)
    dialog.query_one(f"#{field}", Input).focus()
    await pilot.press("enter")
    await settled(pilot)


async def test_admin_checks_out_a_coachs_laptop_and_sees_the_files_to_copy(world, clock, home):
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_laptops(pilot)
        dialog = await dialog_of(pilot, "c", CheckoutDialog)
        # The only coach is chosen already, and the file named after them in the home.
        assert dialog.query_one("#sync-coach", Select).value == world.coach.id
        suggested = Path(dialog.query_one("#sync-path", Input).value)
        assert suggested == home / "valmentaja-28.11.2026.luotsi"
        dialog.query_one("#sync-label", Input).value = "Läppäri 7"
        await submit(pilot, dialog, suggested)
        await wait_until(pilot, lambda: isinstance(app.screen, SyncScreen), "the dialog closed")
        assert suggested.is_file()
        assert Path(f"{suggested}.base").is_file()
        text = screen_text(pilot)
        assert "Kopioi kannettavalle" in text
        assert "Läppäri 7" in text and "Virtanen Liisa" in text
        assert app.screen.query_one("#sync-devices", DataTable).row_count == 1


async def test_a_check_out_onto_an_existing_file_is_refused_with_the_path_kept(world, clock, home):
    taken = home / "taken.luotsi"
    taken.write_text("someone's file")
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_laptops(pilot)
        dialog = await dialog_of(pilot, "c", CheckoutDialog)
        await submit(pilot, dialog, taken)
        assert app.screen is dialog
        assert "on jo olemassa" in error_of(dialog, "sync-path")
        assert dialog.query_one("#sync-path", Input).value == str(taken)
    assert taken.read_text() == "someone's file"


async def test_a_bundle_is_dry_run_first_and_applied_on_enter_with_a_refreshed_check_out(
    world, clock, home, tmp_path
):
    laptop = check_out(world, tmp_path / "laptop").path
    (tmp_path / "usb").mkdir()
    bundle = change_phone_and_pack(world, laptop, tmp_path / "usb" / "phone.bundle")
    (home / "copy.bundle").write_bytes(bundle.read_bytes())
    before = phone_at_office(world)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_laptops(pilot)
        dialog = await dialog_of(pilot, "i", CheckinDialog)
        # The bundle last brought into the home is the first guess.
        assert dialog.query_one("#sync-path", Input).value == str(home / "copy.bundle")
        await submit(pilot, dialog, bundle)
        # The dry run: what would change, and nothing written yet.
        assert app.screen is dialog
        dry_run = str(dialog.query_one("#sync-dry-run-text").render())
        assert "Koeajo" in dry_run and "Asiakkaat: 0 uutta, 1 muutettua" in dry_run
        assert phone_at_office(world) == before
        await pilot.press("enter")
        await settled(pilot)
        await wait_until(pilot, lambda: isinstance(app.screen, SyncScreen), "the dialog closed")
        assert phone_at_office(world) == NEW_PHONE_STORED
        text = screen_text(pilot)
        assert "Paketti palautettu" in text and "(F6)" in text
        # The same bundle again: its dry run says so, and Enter writes nothing.
        again = await dialog_of(pilot, "i", CheckinDialog)
        await submit(pilot, again, bundle)
        assert "jo palautettu" in str(again.query_one("#sync-dry-run-text").render())
        await pilot.press("enter")
        await settled(pilot)
        assert isinstance(app.screen, SyncScreen)
    # The refreshed check-out is beside the bundle, on the stick it came on.
    refreshed = tmp_path / "usb" / "valmentaja-28.11.2026.luotsi"
    assert refreshed.is_file() and Path(f"{refreshed}.base").is_file()


async def test_a_dry_run_that_comes_back_after_the_path_was_changed_applies_nothing(
    world, clock, home, tmp_path
):
    laptop = check_out(world, tmp_path / "laptop").path
    bundle = change_phone_and_pack(world, laptop, home / "phone.bundle")
    before = phone_at_office(world)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_laptops(pilot)
        dialog = await dialog_of(pilot, "i", CheckinDialog)
        await submit(pilot, dialog, bundle)
        report = dialog.tried[1]
        # The user types another path while a dry run of the first is still running; its
        # answer arrives after the change.
        dialog.query_one("#sync-path", Input).value = str(home / "other.bundle")
        await pilot.pause()
        dialog.finished((bundle, report))
        await pilot.pause()
        assert not dialog.query_one("#sync-dry-run").display
        await pilot.press("enter")
        await settled(pilot)
        # Enter dry-runs the file the field names (it is not there): nothing applied.
        assert app.screen is dialog and "other.bundle" in error_of(dialog, "sync-path")
    assert phone_at_office(world) == before


@pytest.mark.parametrize("contents", [None, b"LUOTSI not really a bundle"])
async def test_a_missing_or_damaged_bundle_is_refused_in_the_dialog_with_the_path_kept(
    world, clock, home, tmp_path, contents
):
    bundle = tmp_path / "broken.bundle"
    if contents is not None:
        bundle.write_bytes(contents)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_laptops(pilot)
        dialog = await dialog_of(pilot, "i", CheckinDialog)
        await submit(pilot, dialog, bundle)
        assert app.screen is dialog
        assert "broken.bundle" in error_of(dialog, "sync-path")
        assert dialog.query_one("#sync-path", Input).value == str(bundle)
        assert not dialog.query_one("#sync-dry-run").display


async def test_admin_revokes_a_lost_laptop_and_the_list_shows_it_revoked(
    world, clock, home, tmp_path
):
    check_out(world, tmp_path / "laptop")
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_laptops(pilot)
        assert "✗" not in screen_text(pilot)
        dialog = await dialog_of(pilot, "x", RevokeDialog)
        await submit(pilot, dialog, "", "sync-reason")
        assert "Kirjoita syy" in error_of(dialog, "sync-reason")
        await submit(pilot, dialog, "kadonnut junaan", "sync-reason")
        assert isinstance(app.screen, SyncScreen)
        text = screen_text(pilot)
        assert "✗ poistettu" in text
        assert "poistettu käytöstä" in text and "Mäkinen Anna" in text
    assert world.store.devices.list(world.admin)[0].revoked_at is not None


async def test_a_coach_at_the_office_sees_no_office_keys(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_laptops(pilot, "valmentaja")
        assert "ylläpitäjä" in screen_text(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert app.screen is screen


async def test_reception_may_not_open_the_laptops_screen(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "vastaanotto")
        await pilot.press("f7")
        await pilot.pause()
        assert not isinstance(app.screen, SyncScreen)
