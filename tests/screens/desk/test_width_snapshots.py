"""Snapshots of the desk at 80×24 and 160×50 with namesakes found and in the queue, and
of the blanked result list, with a fixed clock."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.pilot import Pilot

from screens.clients.client_search import ClientSearch
from tui.app import make_app

from ..helpers import open_desk, screen_text, still
from .namesakes import add_namesakes


def namesakes_in_the_queue(world, clock) -> None:
    visits, site = world.store.visits, world.site.id
    ids = add_namesakes(world)
    clock.at -= timedelta(minutes=35)
    visits.register(world.reception, site, client_id=ids[1], reason_codes=["cv", "training"])
    clock.at += timedelta(minutes=10)
    moved = visits.register(world.reception, site, client_id=ids[0], reason_codes=["benefits"])
    visits.register(world.reception, site, reason_codes=["other"])
    clock.at += timedelta(minutes=25)
    visits.change_state(world.reception, moved.id, "called", desk="1")
    visits.change_state(world.reception, moved.id, "transferred", to_staff_id=world.coach.id)


@pytest.mark.parametrize("size", [(80, 24), (160, 50)], ids=["80x24", "160x50"])
def test_desk_with_namesakes_found_and_queued(snap_compare, world, clock, helsinki_desk, size):
    namesakes_in_the_queue(world, clock)

    async def run_before(pilot: Pilot) -> None:
        await still(pilot)
        desk = await open_desk(pilot)
        desk.query_one(ClientSearch).input.value = "söderholm"
        await still(pilot)
        # What the picture is for: every namesake's first name beside a birth date.
        text = screen_text(pilot)
        assert "Anna-Liisa" in text and "12.3.1987" in text and "31.5.1966" in text

    app = make_app(world.path, clock=clock)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


def test_blanked_results_carry_numbers_initials_and_years(
    snap_compare, world, clock, helsinki_desk
):
    namesakes_in_the_queue(world, clock)

    async def run_before(pilot: Pilot) -> None:
        await still(pilot)
        desk = await open_desk(pilot)
        await pilot.press("f12")
        desk.query_one(ClientSearch).input.value = "söderholm"
        await pilot.press("enter")  # several, none chosen: the desk asks
        await still(pilot)
        assert "Anna" not in screen_text(pilot)

    assert snap_compare(make_app(world.path, clock=clock), run_before=run_before)
