"""Pilot helpers for driving the real app."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input

from screens.clients.client_card import ClientCardScreen
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


async def open_card(pilot: Pilot, client_id: str) -> ClientCardScreen:
    """Open a client's card (as choosing them in a search does) and return it."""
    pilot.app.push_screen(ClientCardScreen(client_id))
    await pilot.pause()
    card = pilot.app.screen
    assert isinstance(card, ClientCardScreen)
    return card


def messages(app: App[object]) -> list[str]:
    """The notifications the app has shown (toasts, which the screen's text does not hold)."""
    return [note.message for note in app._notifications]


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


async def wait_until(
    pilot: Pilot, condition: Callable[[], bool], what: str, pauses: int = 100
) -> None:
    """Let the app run, one `pilot.pause()` at a time, until `condition()` holds.

    For what the app does by itself (a timer, a worker): no fixed sleep, and a clear
    failure naming `what` and showing the screen if it never happens. Each pause lasts at
    least 20 ms, so the default bound outlasts any timer the tests set to 0.1 s or less.
    """
    for _ in range(pauses):
        if condition():
            return
        await pilot.pause()
    assert condition(), f"{what}: not seen after {pauses} pauses. The screen:\n{screen_text(pilot)}"
