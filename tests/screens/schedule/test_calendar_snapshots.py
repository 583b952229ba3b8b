"""Snapshots of F5 at 80×24 over a believable week from Monday 30.11.2026 (the fixed
clock is Saturday 28.11.2026 12:30): the week, and Monday in the day view."""

from __future__ import annotations

from textual.pilot import Pilot

from tui.app import make_app

from ..helpers import still
from .calendar_week import MONDAY, book_week, open_calendar, put_cursor


def test_f5_a_busy_week_at_80x24(snap_compare, world, clock, helsinki_desk):
    book_week(world)

    async def run_before(pilot: Pilot) -> None:
        await still(pilot)
        screen = await open_calendar(pilot)
        await put_cursor(pilot, screen, MONDAY, 9)
        await still(pilot)

    assert snap_compare(
        make_app(world.path, clock=clock, lang="fi"), terminal_size=(80, 24), run_before=run_before
    )


def test_f5_the_day_view_at_80x24(snap_compare, world, clock, helsinki_desk):
    book_week(world)

    async def run_before(pilot: Pilot) -> None:
        await still(pilot)
        screen = await open_calendar(pilot)
        await put_cursor(pilot, screen, MONDAY, 9)
        await pilot.press("v")
        await still(pilot)

    assert snap_compare(
        make_app(world.path, clock=clock, lang="fi"), terminal_size=(80, 24), run_before=run_before
    )
