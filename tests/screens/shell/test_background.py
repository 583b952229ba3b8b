"""Reads off the event loop: the figures arrive by themselves, a failure is told, the app goes on."""

from __future__ import annotations

from screens.reports.day_report import DayReportScreen
from screens.shell.today import TodayScreen
from tui.app import make_app

from ..helpers import log_in, messages, screen_text, settled


async def test_the_day_report_fills_in_from_its_background_read(world, clock):
    world.store.visits.register(world.reception, world.site.id, reason_codes=["cv"])
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot)
        await pilot.press("ctrl+r")
        await settled(pilot)
        assert isinstance(app.screen, DayReportScreen)
        text = screen_text(pilot)
        assert "Käyntejä: 1" in text and "CV ja hakemukset" in text


async def test_a_read_that_fails_is_told_in_finnish_and_the_app_goes_on(world, clock, tmp_path):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot)
        # The register's file is moved away under the running app (a share unmounted):
        # the report's own connection finds an empty file with no visit table.
        world.path.rename(tmp_path / "moved.db")
        await pilot.press("ctrl+r")
        await settled(pilot)
        assert any("Jokin meni vikaan" in note for note in messages(app))
        assert isinstance(app.screen, DayReportScreen)
        await pilot.press("escape")
        await settled(pilot)
        assert isinstance(app.screen, TodayScreen)
