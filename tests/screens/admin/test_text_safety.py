"""The admin's dialogs refuse a site or an account name that would be a spreadsheet formula
or hold a control character, beside its field, keeping what was typed."""

from __future__ import annotations

from textual.widgets import Input

from screens.admin.account_dialogs import NewAccountDialog, SiteDialog
from tui.app import make_app

from ..helpers import settled
from .test_admin_screen import NEW_PASSWORD, error_of, fill, open_admin


async def test_a_formula_like_site_name_is_told_beside_its_field(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_admin(pilot)
        await pilot.press("t")
        await settled(pilot)
        dialog = app.screen
        assert isinstance(dialog, SiteDialog)
        typed = {
            "name": '=HYPERLINK("http://x")',
            "municipality": "Kuopio",
            "employment_area": "Savo\x1b[2J",
        }
        fill(dialog, **typed)
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert app.screen is dialog
        assert "Toimipisteen nimi: on alettava kirjaimella tai numerolla (ei ”=”)" in (
            error_of(dialog, "name")
        )
        assert dialog.focused is dialog.query_one("#name")
        assert {f: dialog.query_one(f"#{f}", Input).value for f in typed} == typed
        fill(dialog, name="Työpiste Itä")
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert app.screen is dialog
        assert "(U+001B)" in error_of(dialog, "employment_area")
    assert len(world.store.sites.all()) == 1


async def test_a_formula_like_staff_name_is_told_beside_its_field(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_admin(pilot)
        await pilot.press("n")
        await settled(pilot)
        dialog = app.screen
        assert isinstance(dialog, NewAccountDialog)
        fill(
            dialog,
            username="koski",
            display_name="@Koski Kaisa",
            password=NEW_PASSWORD,
            repeat=NEW_PASSWORD,
        )
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert app.screen is dialog
        assert "Nimi: on alettava kirjaimella tai numerolla (ei ”@”)" in error_of(
            dialog, "display_name"
        )
        assert dialog.query_one("#display_name", Input).value == "@Koski Kaisa"
    assert world.store.staff.find("koski") is None
