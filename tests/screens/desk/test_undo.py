"""Ctrl+Z on the desk goes back through the session's changes, newest first."""

from __future__ import annotations

from tui.app import make_app

from ..helpers import messages, open_desk


async def test_ctrl_z_twice_takes_back_two_changes_newest_first(world, clock):
    visits = world.store.visits
    first = visits.register(world.reception, world.site.id)
    second = visits.register(world.reception, world.site.id)
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await open_desk(pilot)
        await pilot.press("f6")  # A001 called to desk 1, the queue focused on it
        await pilot.pause()
        await pilot.press("down", "ctrl+d", "enter")  # A002 marked done by mistake
        await pilot.pause()
        assert (visits.get(first.id).state, visits.get(second.id).state) == ("called", "done")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert (visits.get(first.id).state, visits.get(second.id).state) == ("called", "waiting")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert (visits.get(first.id).state, visits.get(second.id).state) == ("waiting", "waiting")
        assert "Peruttu: A001 on taas tilassa ”odottaa”" in messages(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert messages(app)[-1] == "Ei peruttavaa muutosta"


async def test_an_older_change_someone_has_moved_on_since_is_not_undone(world, clock):
    visits = world.store.visits
    visit = visits.register(world.reception, world.site.id)
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await open_desk(pilot)
        await pilot.press("f6")
        await pilot.pause()
        # Another desk serves the visitor meanwhile.
        visits.change_state(world.coach, visit.id, "serving")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert visits.get(visit.id).state == "serving"
        assert "A001" in messages(app)[-1] and "ei voi enää perua" in messages(app)[-1]
