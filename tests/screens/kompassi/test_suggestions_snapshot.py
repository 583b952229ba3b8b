"""A snapshot of the suggestions screen at 80×24: one suggestion accepted, one rejected
with a reason, the rest open."""

from __future__ import annotations

from datetime import date

from textual.pilot import Pilot

from screens.kompassi.suggestions_screen import SuggestionsScreen
from tests.store.kompassi.readings import finished_reading
from tui.app import make_app

from ..helpers import log_in, still


def test_suggestions_with_decisions_at_80x24(snap_compare, world, clock, helsinki_desk):
    makinen = world.clients["makinen"].id
    reading = finished_reading(world.store, world.coach, makinen)
    decide = world.store.kompassi_suggestions
    decide.accept(world.coach, reading.id, "tyollisyys", "tyonhakuvalmennus", date(2026, 12, 7))
    decide.reject(world.coach, reading.id, "talous", "velkaneuvonta", "Käy jo velkaneuvonnassa")

    async def run_before(pilot: Pilot) -> None:
        await still(pilot)
        await log_in(pilot, "valmentaja")
        pilot.app.push_screen(SuggestionsScreen(makinen, reading.id))
        await still(pilot)

    assert snap_compare(
        make_app(world.path, clock=clock, lang="fi"), terminal_size=(80, 24), run_before=run_before
    )
