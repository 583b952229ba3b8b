"""What F4 shows of a long path at 80×24, and that it stays on its client across a
change of language."""

from __future__ import annotations

from screens.paths.path_screen import ServicePathScreen
from tui.app import make_app

from ..helpers import screen_text, settled, wait_until
from .helpers import TRIAL, add_steps, open_path


async def test_a_long_path_scrolls_down_and_its_months_sideways_at_80x24(world, clock):
    makinen = world.clients["makinen"].id
    raws = [
        {**TRIAL, "planned_start": f"1.{month}.2027", "planned_end": f"28.{month}.2028"}
        for month in range(1, 11)
    ]
    add_steps(world, makinen, *raws)
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_path(pilot, makinen)
        months = screen.query_one("#timeline-scroll")
        rows = screen.query_one("#timeline")
        assert months.max_scroll_x > 0 and rows.max_scroll_y > 0
        text = screen_text(pilot)
        # Today's month is in view with its marker, and so is the legend.
        assert "11/26" in text and "▼" in text and "░ suunniteltu" in text
        months.scroll_to(x=months.max_scroll_x, animate=False)
        await pilot.pause()
        assert "10/28" in screen_text(pilot)


async def test_a_change_of_language_keeps_the_path_open(world, clock):
    makinen = world.clients["makinen"].id
    add_steps(world, makinen, TRIAL)
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_path(pilot, makinen)
        app.set_language("en")
        await settled(pilot)
        await wait_until(pilot, lambda: isinstance(app.screen, ServicePathScreen), "F4 again")
        await settled(pilot)
        text = screen_text(pilot)
        assert "Service path: Mäkinen Anna" in text and "Work trial" in text
