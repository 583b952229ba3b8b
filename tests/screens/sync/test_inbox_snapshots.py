"""A snapshot of F6 at 80×24: a laptop's two conflicts (a phone changed on both sides, a
HETU on two records), the first one's three values side by side."""

from __future__ import annotations

from textual.pilot import Pilot

from tui.app import make_app

from ..helpers import still
from .test_inbox_screen import laptop_inbox, open_inbox


def test_f6_two_conflicts_at_80x24(snap_compare, world, clock):
    laptop_inbox(world)

    async def run_before(pilot: Pilot) -> None:
        await still(pilot)
        await open_inbox(pilot)
        await still(pilot)

    assert snap_compare(
        make_app(world.path, clock=clock, lang="fi"), terminal_size=(80, 24), run_before=run_before
    )
