"""The paths report screen (Ctrl+R, then P) through the real app."""

from __future__ import annotations

from textual.widgets import Input

from screens.reports.day_report import DayReportScreen
from screens.reports.paths_report import PathsReportScreen
from tests.store.paths.test_report import ended_path
from tui.app import make_app

from ..helpers import log_in, messages, screen_text, settled


def _text(pilot) -> str:
    return " ".join(" ".join(line.split()) for line in screen_text(pilot).splitlines())


async def test_a_coach_sees_where_paths_led_and_a_bad_date_is_said_at_its_field(world, clock):
    for _ in range(5):
        ended_path(world, world.coach, ["tyokokeilu", "palkkatuki"], "employed", "1.6.2026")
    ended_path(world, world.coach, ["koulutus"], "studies", "1.7.2026")
    app = make_app(world.path, lang="en", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "valmentaja")
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("p")
        await settled(pilot)
        assert isinstance(app.screen, PathsReportScreen)
        text = _text(pilot)
        for expected in (
            "Where paths lead 29.11.2025–28.11.2026",
            "Paths ended: 6",
            "employed 5 83.3",
            "studies < 5 < 5",
        ):
            assert expected in text
        assert "Testi" not in text
        # The rest scrolls into view from the keyboard.
        app.screen.query_one("#paths-report").focus()
        await pilot.press("end")
        await pilot.pause()
        assert "tyokokeilu → palkkatuki 5" in _text(pilot)
        assert "Work trial 5 5 < 5" in _text(pilot)

        field = app.screen.query_one("#paths-from", Input)
        field.value = "31.2.2026"
        field.focus()
        await pilot.press("enter")
        await settled(pilot)
        assert field.value == "31.2.2026"  # what was typed stays
        error = app.screen.query_one("#paths-from-error")
        assert error.has_class("visible") and "⚠ the date “31.2.2026”" in _text(pilot)
        field.value = "1.7.2026"
        await pilot.press("enter")
        await settled(pilot)
        assert "Paths ended: < 5" in _text(pilot)
        assert not error.has_class("visible") and "⚠" not in _text(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DayReportScreen)
    events = [e for e in world.store.audit.events() if e.entity == "paths_report"]
    assert [e.action for e in events] == ["view", "view"]


async def test_reception_is_told_the_report_is_not_theirs(world, clock):
    app = make_app(world.path, lang="en", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, DayReportScreen)
        assert "The paths report is for coaches and admins" in messages(app)


async def test_the_palette_opens_it_for_a_coach(world, clock):
    app = make_app(world.path, lang="en", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "valmentaja")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"paths report")
        await settled(pilot)
        await pilot.press("enter")
        await settled(pilot)
        assert isinstance(app.screen, PathsReportScreen)
        assert "Paths ended: < 5" in _text(pilot)
