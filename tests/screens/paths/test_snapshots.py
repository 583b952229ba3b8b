"""A snapshot of F4 with a multi-step path at 80×24, a fixed clock and fixed data."""

from __future__ import annotations

from textual.pilot import Pilot

from tui.app import make_app

from ..helpers import still
from .helpers import COACHING, TRAINING, TRIAL, add_steps, open_path


def test_f4_with_a_multi_step_path_at_80x24(snap_compare, world, clock, helsinki_desk):
    makinen = world.clients["makinen"].id
    coaching, trial, training = add_steps(world, makinen, COACHING, TRIAL, TRAINING)
    world.store.paths.set_status(world.coach, coaching.id, "done")
    world.store.paths.set_status(world.coach, training.id, "cancelled")

    async def run_before(pilot: Pilot) -> None:
        await still(pilot)
        await open_path(pilot, makinen)
        await still(pilot)

    assert snap_compare(
        make_app(world.path, clock=clock, lang="fi"), terminal_size=(80, 24), run_before=run_before
    )
