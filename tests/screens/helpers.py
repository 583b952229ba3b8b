"""Pilot helpers for driving the real app."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input

from screens.desk.walk_in import WalkInScreen
from screens.shell.today import TodayScreen


async def log_in(pilot: Pilot, username: str = "vastaanotto", password: str = "demo") -> None:
    """Log in by filling the form and pressing Enter, as a user would."""
    screen = pilot.app.screen
    screen.query_one("#username", Input).value = username
    screen.query_one("#password", Input).value = password
    screen.query_one("#password", Input).focus()
    await pilot.press("enter")
    await settled(pilot)
    assert isinstance(pilot.app.screen, TodayScreen), "login did not reach the Today screen"


async def settled(pilot: Pilot) -> None:
    """Wait until the screen's background reads have come back and been drawn."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_desk(pilot: Pilot) -> WalkInScreen:
    """Log in and press F2."""
    await log_in(pilot)
    await pilot.press("f2")
    await pilot.pause()
    assert isinstance(pilot.app.screen, WalkInScreen)
    return pilot.app.screen


async def still(pilot: Pilot) -> None:
    """Let the screen settle and stop the cursors blinking, for a snapshot."""
    await settled(pilot)
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False


def screen_text(pilot: Pilot) -> str:
    """Everything the terminal shows right now, as plain text lines."""
    strips = pilot.app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)
