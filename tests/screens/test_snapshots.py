"""Snapshots of each screen at 80×24 with a fixed clock, so layout changes are seen."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input

from screens.client_card import ClientCardScreen
from tui.app import make_app

from .helpers import log_in


async def _still(pilot: Pilot) -> None:
    await pilot.pause()
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False


def test_login_screen(snap_compare, world, clock):
    assert snap_compare(make_app(world.path, clock=clock), run_before=_still)


def test_today_screen_with_search_results(snap_compare, world, clock):
    async def run_before(pilot: Pilot) -> None:
        await _still(pilot)
        await log_in(pilot)
        await pilot.press(*"mäki")
        await _still(pilot)

    assert snap_compare(make_app(world.path, clock=clock), run_before=run_before)


def test_client_card_with_a_field_error(snap_compare, world, clock):
    async def run_before(pilot: Pilot) -> None:
        await _still(pilot)
        await log_in(pilot)
        pilot.app.push_screen(ClientCardScreen(world.clients["makinen"].id))
        await pilot.pause()
        pilot.app.screen.query_one("#email", Input).value = "anna(at)example"
        await pilot.press("ctrl+s")
        await _still(pilot)

    assert snap_compare(make_app(world.path, clock=clock), run_before=run_before)


def test_help_in_swedish(snap_compare, world, clock):
    async def run_before(pilot: Pilot) -> None:
        await _still(pilot)
        await log_in(pilot)
        await pilot.press("f1")
        await _still(pilot)

    assert snap_compare(make_app(world.path, lang="sv", clock=clock), run_before=run_before)


def test_walk_in_desk_with_a_populated_queue(snap_compare, world, clock):
    from datetime import timedelta

    visits, site = world.store.visits, world.site.id
    clock.at -= timedelta(minutes=40)
    long_wait = visits.register(world.reception, site, client_id=world.clients["ostman"].id,
                                reason_codes=["benefits"])  # fmt: skip
    clock.at += timedelta(minutes=10)
    called = visits.register(world.reception, site, client_id=world.clients["makinen"].id,
                             reason_codes=["own_coach"], wants_own_coach=True)  # fmt: skip
    visits.register(world.reception, site, reason_codes=["other"])
    clock.at += timedelta(minutes=25)
    visits.register(world.reception, site, client_id=world.clients["obrien"].id,
                    reason_codes=["cv", "training"])  # fmt: skip
    clock.at += timedelta(minutes=5)
    visits.change_state(world.reception, called.id, "called", desk="2")
    assert long_wait.state == "waiting"

    async def run_before(pilot: Pilot) -> None:
        await _still(pilot)
        await log_in(pilot)
        await pilot.press("f2")
        await _still(pilot)

    assert snap_compare(make_app(world.path, clock=clock), run_before=run_before)
