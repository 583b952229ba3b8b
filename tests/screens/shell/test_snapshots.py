"""Snapshots of the shell's screens at 80×24, fixed clock and time zone, so layout changes are seen."""

from __future__ import annotations

from textual.pilot import Pilot

from tui.app import make_app

from ..helpers import log_in, still


def test_login_screen(snap_compare, world, clock, helsinki_desk):
    assert snap_compare(make_app(world.path, clock=clock), run_before=still)


def test_today_screen_with_search_results(snap_compare, world, clock, helsinki_desk):
    async def run_before(pilot: Pilot) -> None:
        await still(pilot)
        await log_in(pilot)
        await pilot.press(*"mäki")
        await still(pilot)

    assert snap_compare(make_app(world.path, clock=clock), run_before=run_before)


def test_help_in_swedish(snap_compare, world, clock, helsinki_desk):
    async def run_before(pilot: Pilot) -> None:
        await still(pilot)
        await log_in(pilot)
        await pilot.press("f1")
        await still(pilot)

    assert snap_compare(make_app(world.path, lang="sv", clock=clock), run_before=run_before)
