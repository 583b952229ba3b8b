"""F5's week: the coach's own week opens, weeks move with their ISO numbers, today and
the now line are marked, the day view shows everything, and a date can be jumped to."""

from __future__ import annotations

from tui.app import make_app

from ..helpers import screen_text, settled
from .calendar_week import book_week, open_calendar


async def test_the_coachs_week_shows_the_booked_week(world, clock, helsinki_desk):
    book_week(world)
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_calendar(pilot)
        text = screen_text(pilot)
        print(text)
        assert "vk 49" in text
