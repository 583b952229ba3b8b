"""Pilot helpers for driving the real app."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input

from screens.home import HomeScreen


async def log_in(pilot: Pilot, username: str = "vastaanotto", password: str = "demo") -> None:
    """Log in by filling the form and pressing Enter, as a user would."""
    screen = pilot.app.screen
    screen.query_one("#username", Input).value = username
    screen.query_one("#password", Input).value = password
    screen.query_one("#password", Input).focus()
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HomeScreen), "login did not reach the Today screen"


def screen_text(pilot: Pilot) -> str:
    """Everything the terminal shows right now, as plain text lines."""
    strips = pilot.app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)
