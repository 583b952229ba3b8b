"""A snapshot of the Kompassi distance-travelled screen at 80×24 with a fixed clock."""

from __future__ import annotations

from textual.pilot import Pilot

from screens.reports.kompassi_report import KompassiReportScreen
from tests.store.kompassi.test_report import SIX, travelled
from tui.app import make_app

from ..helpers import log_in, still


def test_kompassi_report_of_a_coachs_caseload(snap_compare, world, clock, helsinki_desk):
    for before, after in SIX:
        travelled(world, world.coach, {"talous": before, "arki": 5}, {"talous": after, "arki": 4})

    async def run_before(pilot: Pilot) -> None:
        await still(pilot)
        await log_in(pilot, "valmentaja")
        await pilot.press("ctrl+r")
        await still(pilot)
        await pilot.press("k")
        await still(pilot)
        assert isinstance(pilot.app.screen, KompassiReportScreen)

    assert snap_compare(make_app(world.path, clock=clock), run_before=run_before)
