"""Opening F3 through the real app, as a coach does, and reading what it shows."""

from __future__ import annotations

from textual.pilot import Pilot

from screens.kompassi.kompassi_screen import KompassiScreen
from screens.kompassi.reading_grid import ReadingGrid
from screens.kompassi.start_dialog import StartDialog

from ..helpers import log_in, open_card, settled


async def open_kompassi(
    pilot: Pilot, client_id: str, username: str = "valmentaja"
) -> KompassiScreen:
    """Log in, open the client's card and press F3."""
    await log_in(pilot, username)
    await open_card(pilot, client_id)
    await pilot.press("f3")
    await settled(pilot)
    # A draft left open is offered at once, over the screen.
    screen = next((s for s in pilot.app.screen_stack if isinstance(s, KompassiScreen)), None)
    assert screen is not None, f"F3 did not open Kompassi: {pilot.app.screen!r}"
    return screen


async def start_reading(pilot: Pilot) -> ReadingGrid:
    """Press n and Enter (the dialog's defaults: the next kind, on screen)."""
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(pilot.app.screen, StartDialog)
    await pilot.press("enter")
    await settled(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, KompassiScreen) and screen.entering is not None
    return screen.query_one(ReadingGrid)


def grid_rows(grid: ReadingGrid) -> dict[str, list[str]]:
    """The grid as text: domain code → the cells of its row."""
    return {
        str(row.key.value): [str(cell) for cell in grid.get_row(row.key)]
        for row in grid.ordered_rows
    }
