"""A snapshot of F3 while a follow-up is typed in, at 80×24 with a fixed clock and data."""

from __future__ import annotations

from textual.pilot import Pilot

from tui.app import make_app

from ..helpers import still
from .helpers import open_kompassi


def test_f3_typing_a_follow_up_at_80x24(snap_compare, world, clock, helsinki_desk):
    makinen = world.clients["makinen"].id
    kompassi = world.store.kompassi
    baseline = kompassi.start(world.coach, makinen)
    kompassi.answer(world.coach, baseline.id, "talous", score=3)
    kompassi.finish(world.coach, baseline.id)
    draft = kompassi.start(world.coach, makinen)
    kompassi.answer(world.coach, draft.id, "talous", score=5, coach_score=4, goal="Budjetti")
    kompassi.answer(world.coach, draft.id, "osallisuus", skipped=True)
    kompassi.answer(world.coach, draft.id, "osaaminen", score=10, comment="Trukkikortti")

    async def run_before(pilot: Pilot) -> None:
        await still(pilot)
        await open_kompassi(pilot, makinen)
        await pilot.press("enter")  # the draft offered: continue it
        await still(pilot)

    assert snap_compare(
        make_app(world.path, clock=clock, lang="fi"), terminal_size=(80, 24), run_before=run_before
    )
