"""Choosing a verb from the command palette, as a user does: Ctrl+P, type, Enter."""

from __future__ import annotations

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from ..helpers import settled, wait_until


def _highlighted(pilot: Pilot) -> str:
    screen = pilot.app.screen
    if not isinstance(screen, CommandPalette):
        return ""
    options = screen.query_one(CommandList)
    if options.highlighted is None or options.option_count == 0:
        return ""
    return str(options.get_option_at_index(options.highlighted).prompt)


async def choose_verb(pilot: Pilot, typed: str, verb: str) -> None:
    """Open the palette, type `typed`, and press Enter once `verb` is the one highlighted."""
    await pilot.press("ctrl+p", *typed)
    # The palette searches as it likes: wait until the verb is the first it offers.
    await wait_until(pilot, lambda: verb in _highlighted(pilot), f"the verb {verb!r}")
    await pilot.press("enter")
    await settled(pilot)
