"""The coach's Today screen lists their worklist; Enter opens the path at that step."""

from __future__ import annotations

from screens.shell.today import TodayScreen
from tui.app import make_app

from ..helpers import log_in, screen_text, settled, wait_until


def _due_work(world) -> str:
    """Mäkinen's work trial ends in ten days, and Lahtinen has nothing planned yet."""
    paths = world.store.paths
    path = paths.start(world.coach, world.clients["makinen"].id)
    trial = paths.add_step(world.coach, path.id, {"service": "tyokokeilu", "organiser": "Varikko",
        "planned_start": "1.10.2026", "actual_start": "1.10.2026", "planned_end": "8.12.2026"})  # fmt: skip
    raw = {"last_name": "Lahtinen", "first_name": "Oona", "birth_date": "2.2.1995",
           "coach_id": world.coach.id}  # fmt: skip
    world.store.clients.create(world.admin, raw)
    return trial.id


def _rows(pilot) -> list[list[str]]:
    table = pilot.app.screen.query_one("#worklist")
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_a_coach_sees_what_is_due_on_their_caseload(world, clock):
    _due_work(world)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "valmentaja")
        await wait_until(pilot, lambda: "Työlista: 2" in screen_text(pilot), "the worklist")
        assert _rows(pilot) == [
            ["Päättyy pian", "Mäkinen Anna", "Työkokeilu", "8.12.2026"],
            ["Ei palvelua nyt", "Lahtinen Oona", "", ""],
        ]
        text = screen_text(pilot)
        assert "Mäkinen Anna" in text and "Lahtinen Oona" in text


async def test_reception_has_no_worklist(world, clock):
    _due_work(world)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "vastaanotto")
        await settled(pilot)
        assert not pilot.app.screen.query_one("#worklist-box").display
        assert "Työlista" not in screen_text(pilot)


async def test_enter_on_an_item_opens_the_path_at_its_step(world, clock):
    step_id = _due_work(world)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "valmentaja")
        await wait_until(pilot, lambda: "Työlista: 2" in screen_text(pilot), "the worklist")
        await pilot.press("ctrl+t", "enter")
        await settled(pilot)
        screen = pilot.app.screen
        assert not isinstance(screen, TodayScreen)
        assert type(screen).__name__ == "ServicePathScreen"
        assert (getattr(screen, "client_id", None), getattr(screen, "step_id", None)) == (
            world.clients["makinen"].id,
            step_id,
        )
