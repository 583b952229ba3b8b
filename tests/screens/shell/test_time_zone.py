"""The desk shows the installation's clock (Helsinki by default), never the machine's (UTC)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from store.api import Store
from tui.app import make_app

from ..helpers import open_desk, screen_text


def _queue_one(world, clock, arrived: datetime) -> str:
    clock.at = arrived
    visit = world.store.visits.register(world.reception, world.site.id, reason_codes=["cv"])
    clock.at = arrived + timedelta(minutes=5)
    return visit.ticket


async def test_the_queue_and_the_clock_read_helsinki_time_on_a_utc_machine(world, clock):
    ticket = _queue_one(world, clock, datetime(2026, 11, 28, 6, 5, tzinfo=UTC))
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_desk(pilot)
        text = screen_text(pilot)
    row = next(line for line in text.splitlines() if ticket in line)
    assert "08:05" in row and "06:05" not in row  # arrived, on the desk's wall clock
    assert "la 28.11.2026 · vk 48 │ 08:10" in text  # the header's clock


async def test_late_evening_in_helsinki_is_still_that_day_on_the_desk(world, clock):
    # 23:30 in Helsinki on Saturday 28.11 is 21:30 UTC; 0:30 on Sunday is 22:30 UTC.
    late = _queue_one(world, clock, datetime(2026, 11, 28, 21, 30, tzinfo=UTC))
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_desk(pilot)
        text = screen_text(pilot)
    assert "la 28.11.2026" in text and "23:30" in text and late in text
    clock.at = datetime(2026, 11, 28, 22, 30, tzinfo=UTC)
    store = Store.open(world.path, clock)
    assert store.today().isoformat() == "2026-11-29"
    assert store.visits.queue(world.site.id) == []  # Saturday's visitor is not Sunday's
    store.close()


async def test_an_installation_set_to_stockholm_shows_stockholm_time(world, clock):
    world.store.settings.set(world.admin, "timezone", "Europe/Stockholm")
    ticket = _queue_one(world, clock, datetime(2026, 11, 28, 6, 5, tzinfo=UTC))
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_desk(pilot)
        text = screen_text(pilot)
    row = next(line for line in text.splitlines() if ticket in line)
    assert "07:05" in row
    assert "│ 07:10" in text
