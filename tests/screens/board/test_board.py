"""The waiting-room board: called tickets and desks, live, read-only, and never a name."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.pilot import Pilot
from textual.widgets import Digits, Static

from screens.board.board import ServingRow
from screens.shell.formatting import format_time
from store.core.errors import SQLITE_OPERATIONAL_ERRORS
from tui.board import make_board

from ..helpers import screen_text, wait_until

FAST = 0.05  # the tests' refresh interval, so the board's own timer fires within a few pauses


def _board(pilot: Pilot) -> list[tuple[str, str, bool]]:
    """(ticket, desk, marked newest) of every row the board shows, top down."""
    rows = []
    for row in pilot.app.screen.query(ServingRow):
        if row.display:
            ticket, desk = (d.value for d in row.query(Digits))
            rows.append((ticket, desk, str(row.query_one(".marker", Static).content) == "▶"))
    return rows


def _call(world, desk: str, staff=None):
    return world.store.visits.call_next(staff or world.reception, world.site.id, desk)


def _personal_data(world) -> list[str]:
    return [
        text
        for client in world.clients.values()
        for text in (client.first_name, client.last_name, client.hetu, client.phone)
        if text
    ] + [world.reception.display_name, world.coach.display_name]


@pytest.fixture
def queue(world, clock):
    """Four visitors, three of them named; the first two are called to desks 2 and 3."""
    visits = world.store.visits
    for key in ("makinen", "ostman", None, "obrien"):
        client_id = world.clients[key].id if key else None
        visits.register(world.reception, world.site.id, client_id=client_id, reason_codes=["cv"])
        clock.at += timedelta(minutes=2)
    _call(world, "2")
    clock.at += timedelta(minutes=1)
    _call(world, "3", world.coach)
    return world


async def test_shows_called_tickets_and_desks_newest_first_and_no_names(queue, clock):
    app = make_board(queue.path, clock=clock, refresh_seconds=FAST)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert _board(pilot) == [("A002", "3", True), ("A001", "2", False)]
        text = screen_text(pilot)
        assert "Työpiste Keskusta" in text and format_time(clock.now()) in text
        assert "Vuorossa" in text
        for personal in _personal_data(queue):
            assert personal not in text, personal


async def test_updates_by_itself_as_visitors_are_called_and_served(queue, clock):
    visits = queue.store.visits
    app = make_board(queue.path, clock=clock, refresh_seconds=FAST)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        clock.at += timedelta(minutes=5)
        third = _call(queue, "1")
        # No key pressed: the board's own timer brings each change.
        await wait_until(pilot, lambda: len(_board(pilot)) == 3, "the third call on the board")
        assert _board(pilot)[0] == (third.ticket, "1", True)
        assert format_time(clock.now()) in screen_text(pilot)
        # Served and done: the ticket leaves the board.
        visits.change_state(queue.reception, third.id, "serving")
        visits.change_state(queue.reception, third.id, "done")
        await wait_until(pilot, lambda: len(_board(pilot)) == 2, "the served ticket gone")
        assert _board(pilot) == [("A002", "3", True), ("A001", "2", False)]
        # A new day starts empty, with a word for those waiting.
        clock.at += timedelta(days=1)
        await wait_until(pilot, lambda: _board(pilot) == [], "an empty board on a new day")
        assert "kutsumme sinut pian" in screen_text(pilot)


async def test_the_board_cannot_write_and_logs_no_one(queue, clock):
    before = queue.store.db.execute("SELECT count(*) FROM audit_event").fetchone()
    app = make_board(queue.path, clock=clock, refresh_seconds=FAST)
    async with app.run_test(size=(80, 24)) as pilot:
        clock.at += timedelta(minutes=1)  # let a refresh or two go by, reading only
        later = format_time(clock.now())
        await wait_until(pilot, lambda: later in screen_text(pilot), "a refresh")
        with pytest.raises(SQLITE_OPERATIONAL_ERRORS, match="readonly"):
            app.board.store.db.execute("DELETE FROM visit")
    assert queue.store.db.execute("SELECT count(*) FROM audit_event").fetchone() == before
    assert len(queue.store.visits.queue(queue.site.id)) == 4


async def test_speaks_swedish_and_shows_a_call_from_another_desk_after_its_refresh(world, clock):
    app = make_board(world.path, clock=clock, lang="sv", refresh_seconds=FAST)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(pilot)
        assert "Nu betjänas" in text and "vi ropar snart upp dig" in text
        assert _board(pilot) == []
        # A desk's own connection writes; the board, reading apart, sees it by itself.
        world.store.visits.register(world.reception, world.site.id, reason_codes=["cv"])
        _call(world, "4")
        await wait_until(pilot, lambda: _board(pilot) != [], "the call on the board")
        assert _board(pilot) == [("A001", "4", True)]
        assert "vi ropar snart upp dig" not in screen_text(pilot)


def test_board_snapshot(snap_compare, queue, clock, helsinki_desk):
    async def run_before(pilot: Pilot) -> None:
        await pilot.pause()

    assert snap_compare(make_board(queue.path, clock=clock), run_before=run_before)
