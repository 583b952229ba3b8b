"""A snapshot of the walk-in desk at 80×24 with a fixed clock."""

from __future__ import annotations

from textual.pilot import Pilot

from tui.app import make_app

from ..helpers import log_in, still


def test_walk_in_desk_with_a_populated_queue(snap_compare, world, clock):
    from datetime import timedelta

    visits, site = world.store.visits, world.site.id
    clock.at -= timedelta(minutes=40)
    long_wait = visits.register(world.reception, site, client_id=world.clients["ostman"].id,
                                reason_codes=["benefits"])  # fmt: skip
    clock.at += timedelta(minutes=10)
    called = visits.register(world.reception, site, client_id=world.clients["makinen"].id,
                             reason_codes=["own_coach"], wants_own_coach=True)  # fmt: skip
    visits.register(world.reception, site, reason_codes=["other"])
    clock.at += timedelta(minutes=25)
    visits.register(world.reception, site, client_id=world.clients["obrien"].id,
                    reason_codes=["cv", "training"])  # fmt: skip
    clock.at += timedelta(minutes=5)
    visits.change_state(world.reception, called.id, "called", desk="2")
    assert long_wait.state == "waiting"

    async def run_before(pilot: Pilot) -> None:
        await still(pilot)
        await log_in(pilot)
        await pilot.press("f2")
        await still(pilot)

    assert snap_compare(make_app(world.path, clock=clock), run_before=run_before)
