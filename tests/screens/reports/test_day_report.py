"""The day report on the Today screen (Ctrl+R) through the real app."""

from __future__ import annotations

from datetime import timedelta

from screens.reports.day_report import DayReportScreen
from screens.shell.today import TodayScreen
from tests.report_day import build_day
from tui.app import make_app

from ..helpers import log_in, screen_text


def _lines(pilot) -> list[str]:
    return [" ".join(line.split()) for line in screen_text(pilot).splitlines()]


async def test_ctrl_r_shows_the_days_figures_and_esc_goes_back(world, clock, helsinki_desk):
    build_day(world, clock)
    app = make_app(world.path, lang="en", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, DayReportScreen)
        text = " ".join(_lines(pilot))
        for expected in (
            "Day report 28.11.2026",
            "Site: Työpiste Keskusta · Visits: 8",
            "Wait: median 8 min · 90th percentile 41 min (n = 7)",
            "Left without service: 1 (12.5 %) · NPS hidden (n = 4 < 5)",
            "CV and applications 3",
            "(no reason) 1",
            "walk-in 5",
            "10 " + "█" * 16 + " 3",
            "08 " + "█" * 11 + " 2",
        ):
            assert expected in text
        # The rest is further down: the area scrolls with the keyboard.
        await pilot.press("end")
        await pilot.pause()
        text = " ".join(_lines(pilot))
        for expected in (
            "Nieminen Noora 5 0",
            "Virtanen Liisa 2 1",
            "A007 41 min done",
            "A008 25 min left",
        ):
            assert expected in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


async def test_nps_appears_from_five_answers_when_the_report_is_opened_again(
    world,
    clock,
    helsinki_desk,
):
    ids = build_day(world, clock)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "NPS piilotettu (n = 4 < 5)" in " ".join(_lines(pilot))
        await pilot.press("escape")
        visits = world.store.visits
        world.store.feedback.record(world.reception, visits.get(ids["A005"]), 3)
        clock.at += timedelta(minutes=5)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "NPS +40 (n = 5)" in " ".join(_lines(pilot))


async def test_the_screen_and_the_cli_show_the_same_percentage(world, clock, helsinki_desk):
    from typer.testing import CliRunner

    from tui.cli import app as cli

    build_day(world, clock)  # 8 visits, 1 left without service
    for _ in range(8):  # 16 visits: 1 in 16 is 6.25 %, a half to round
        clock.at += timedelta(minutes=1)
        world.store.visits.register(world.reception, world.site.id, reason_codes=["cv"])
    app = make_app(world.path, lang="sv", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        on_screen = " ".join(_lines(pilot))
    world.store.close()
    printed = CliRunner().invoke(
        cli,
        ["report", "day", "--date", "28.11.2026", "--db", str(world.path), "--user", "vastaanotto"]
        + ["--lang", "sv"],
        env={"LUOTSI_PASSWORD": "demo"},
    )
    assert printed.exit_code == 0, printed.output
    assert "Gick utan service: 1 (6,3 %)" in on_screen
    assert "Gick utan service: 1 (6,3 %)" in printed.output.splitlines()
