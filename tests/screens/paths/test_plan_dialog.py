"""The employment plan dialog (F4) in the real app: its defaults, a file written, and a
refusal shown next to the field with what was typed kept."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select

from screens.paths.plan_dialog import PlanDialog
from tests.conftest import World
from tests.store.paths.test_plan import plan_a_path
from tui.app import make_app

from ..helpers import log_in, messages, screen_text, settled


async def test_the_dialog_writes_the_plan_in_the_clients_language(
    world: World, clock, tmp_path: Path
):
    planned = plan_a_path(world, "ostman")  # Swedish is her service language
    written: list[Path | None] = []
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "valmentaja")
        app.push_screen(PlanDialog(planned.client_id, folder=tmp_path), written.append)
        await settled(pilot)
        dialog = app.screen
        assert isinstance(dialog, PlanDialog)
        assert "Työllistymissuunnitelma: Östman Åsa" in screen_text(pilot)
        path_input = dialog.query_one("#plan-path", Input)
        default = tmp_path / "tyollistymissuunnitelma-ostman-28.11.2026.html"
        assert path_input.value == str(default)
        assert dialog.query_one("#plan-lang", Select).value == "sv"

        path_input.value = str(tmp_path / "plan.pdf")
        await pilot.press("enter")
        await settled(pilot)
        assert app.screen is dialog and path_input.value == str(tmp_path / "plan.pdf")
        assert "käytä .html, .htm tai .md" in screen_text(pilot)

        path_input.value = str(default)
        await pilot.press("enter")
        await settled(pilot)
        assert not isinstance(app.screen, PlanDialog)
        assert any(str(default) in note for note in messages(app))
    assert written == [default]
    assert "Sysselsättningsplan" in default.read_text("utf-8")
    [event] = world.store.audit.events(action="export")
    assert (event.entity, event.client_id) == ("plan", planned.client_id)
