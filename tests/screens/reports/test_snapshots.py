"""Snapshots of the day report and the export dialog at 80×24 with a fixed clock."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from screens.reports import export_dialog
from screens.reports.day_report import DayReportScreen
from screens.reports.export_dialog import ExportDialog
from tests.report_day import build_day
from tui.app import make_app

from ..helpers import log_in, open_desk, still


def test_day_report_of_a_day_with_visits(snap_compare, world, clock, helsinki_desk):
    build_day(world, clock)

    async def run_before(pilot: Pilot) -> None:
        await still(pilot)
        await log_in(pilot)
        await pilot.press("ctrl+r")
        await still(pilot)
        assert isinstance(pilot.app.screen, DayReportScreen)

    assert snap_compare(make_app(world.path, clock=clock), run_before=run_before)


def test_export_dialog_from_the_desk(
    snap_compare, world, clock, helsinki_desk, monkeypatch: pytest.MonkeyPatch
):
    # The suggested folder is the user's own; a fixed one keeps the picture the same anywhere.
    monkeypatch.setattr(export_dialog, "default_folder", lambda: Path("/home/noora/Documents"))
    world.store.visits.register(world.reception, world.site.id, reason_codes=["cv"])

    async def run_before(pilot: Pilot) -> None:
        await still(pilot)
        await open_desk(pilot)
        await pilot.press("f10")
        await still(pilot)
        assert isinstance(pilot.app.screen, ExportDialog)

    assert snap_compare(make_app(world.path, clock=clock), run_before=run_before)
