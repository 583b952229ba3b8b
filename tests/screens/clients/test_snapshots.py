"""Snapshots of the client card and the desk's new-client form at 80×24 with a fixed clock."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input

from screens.clients.client_card import ClientCardScreen
from screens.clients.client_search import ClientSearch
from screens.clients.new_client_dialog import NewClientDialog
from tui.app import make_app

from ..helpers import log_in, open_desk, still


def test_client_card_with_a_field_error(snap_compare, world, clock, helsinki_desk):
    async def run_before(pilot: Pilot) -> None:
        await still(pilot)
        await log_in(pilot)
        pilot.app.push_screen(ClientCardScreen(world.clients["makinen"].id))
        await pilot.pause()
        pilot.app.screen.query_one("#email", Input).value = "anna(at)example"
        await pilot.press("ctrl+s")
        await still(pilot)

    assert snap_compare(make_app(world.path, clock=clock), run_before=run_before)


def test_new_client_form_from_a_desk_search_without_a_match(
    snap_compare, world, clock, helsinki_desk
):
    async def run_before(pilot: Pilot) -> None:
        await still(pilot)
        desk = await open_desk(pilot)
        desk.query_one(ClientSearch).input.value = "Lindqvist Elin"
        await pilot.pause()
        await pilot.press("enter")
        await still(pilot)
        assert isinstance(pilot.app.screen, NewClientDialog)

    assert snap_compare(make_app(world.path, clock=clock), run_before=run_before)
