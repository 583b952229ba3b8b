"""Snapshots of the admin screen, its new-user dialog and the service catalog at 80×24,
fixed clock and time zone."""

from __future__ import annotations

from textual.pilot import Pilot

from tui.app import make_app

from ..helpers import log_in, still
from .palette import choose_verb


async def _admin_screen(pilot: Pilot) -> None:
    await still(pilot)
    await log_in(pilot, "admin")
    await choose_verb(pilot, "käyttäjät ja", "Käyttäjät ja toimipisteet")
    await still(pilot)


def test_admin_screen(snap_compare, world, clock, helsinki_desk):
    world.store.staff.deactivate(world.admin, world.coach.id)
    assert snap_compare(make_app(world.path, clock=clock), run_before=_admin_screen)


def test_new_user_dialog(snap_compare, world, clock, helsinki_desk):
    async def run_before(pilot: Pilot) -> None:
        await _admin_screen(pilot)
        await pilot.press("n")
        await still(pilot)

    assert snap_compare(make_app(world.path, clock=clock), run_before=run_before)


def test_catalog_screen(snap_compare, world, clock, helsinki_desk):
    async def run_before(pilot: Pilot) -> None:
        await _admin_screen(pilot)
        await pilot.press("c")
        await still(pilot)
        await pilot.press(*["down"] * 6)  # työkokeilu: its rule rows below
        await still(pilot)

    assert snap_compare(make_app(world.path, clock=clock), run_before=run_before)
