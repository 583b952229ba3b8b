"""Opening F4 through the real app, as a coach does."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input, Select

from screens.paths.path_screen import ServicePathScreen
from screens.paths.step_form import StepForm

from ..helpers import log_in, open_card, settled


async def open_path(
    pilot: Pilot, client_id: str, username: str = "valmentaja"
) -> ServicePathScreen:
    """Log in, open the client's card and press F4."""
    await log_in(pilot, username)
    await open_card(pilot, client_id)
    await pilot.press("f4")
    await settled(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ServicePathScreen), f"F4 did not open the path: {screen!r}"
    return screen


def add_steps(world, client_id: str, *raws: dict[str, str]) -> list:
    """Steps stored beforehand through the store, as another session would have."""
    path = world.store.paths.start(world.coach, client_id, {"goal": "Varastotyöhön"})
    return [world.store.paths.add_step(world.coach, path.id, raw) for raw in raws]


TRIAL = {"service": "tyokokeilu", "organiser": "Kaupungin varikko", "planned_start": "1.1.2027",
         "planned_end": "30.6.2027", "days_per_week": "5", "hours_per_day": "6"}  # fmt: skip
TRAINING = {"service": "koulutus", "organiser": "Savon koulutus", "planned_start": "1.8.2027",
            "planned_end": "31.12.2027"}  # fmt: skip
COACHING = {"service": "tyonhakuvalmennus", "organiser": "Oma työpiste",
            "planned_start": "1.10.2026", "planned_end": "30.11.2026",
            "actual_start": "5.10.2026"}  # fmt: skip


async def new_step_form(pilot: Pilot) -> StepForm:
    """Press a on the path and return the step form it opens."""
    await pilot.press("a")
    form = pilot.app.screen
    assert isinstance(form, StepForm)
    return form


def fill(form: StepForm, **values: str) -> None:
    """Set the form's fields as if typed (the service by its code)."""
    for field, value in values.items():
        widget = form.query_one(f"#{field}")
        if isinstance(widget, Select):
            widget.value = value
        else:
            assert isinstance(widget, Input)
            widget.value = value
