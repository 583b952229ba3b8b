"""Opening the booking dialogs in the real app and reading what they show."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Static

from store.core.clock import Clock
from store.schedule.models import Booking
from tests.conftest import World
from tui.app import make_app

from ..helpers import log_in, settled

# The fixed clock is Saturday 28.11.2026 12:30 in Helsinki (UTC+2 in winter).
MONDAY_10 = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)  # Monday 30.11.2026 10:00 Helsinki
TUESDAY_10 = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


async def open_dialog(
    pilot: Pilot,
    dialog: Screen[Any],
    username: str = "vastaanotto",
    answered: Callable[[Any], object] | None = None,
) -> None:
    """Log in as `username` and push `dialog` over Today, as F5 or the day sheet would;
    `answered` gets what the dialog answers."""
    await log_in(pilot, username)
    pilot.app.push_screen(dialog, answered)
    await settled(pilot)
    assert pilot.app.screen is dialog


@asynccontextmanager
async def opened(
    world: World,
    clock: Clock,
    dialog: Screen[Any],
    username: str = "vastaanotto",
    *,
    lang: str = "fi",
    answered: Callable[[Any], object] | None = None,
) -> AsyncIterator[Pilot]:
    """The real app at 80×24 in `lang`, `username` logged in and `dialog` open."""
    app = make_app(world.path, clock=clock, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dialog(pilot, dialog, username, answered)
        yield pilot


def fill(screen: Screen[Any], **values: str) -> None:
    """Set form fields by id ("booking_day" for #booking-day), as typing them would."""
    for name, value in values.items():
        screen.query_one(f"#{name.replace('_', '-')}", Input).value = value


def line(screen: Screen[Any], line_id: str) -> str:
    """The text on a message line of the form (clash, warning, error), "" when hidden."""
    widget = screen.query_one(f"#{line_id}", Static)
    return str(widget.render()) if widget.display else ""


def booking(world: World, client: str = "makinen", **changes: object) -> Booking:
    values: dict[str, object] = {
        "client_id": world.clients[client].id,
        "coach_id": world.coach.id,
        "starts_at": MONDAY_10,
    }
    values.update(changes)
    return Booking(**values)  # type: ignore[arg-type]


KEY_NAMES = ("enter", "tab", "escape", "up", "down", "left", "right", "backspace")
F_KEY = re.compile(r"f[0-9]{1,2}")


async def press(pilot: Pilot, *keys: str) -> None:
    """Press keys, a string of more than one character typed letter by letter unless it
    names a key (enter, tab, ctrl+s …)."""
    for key in keys:
        if len(key) > 1 and "+" not in key and key not in KEY_NAMES and not F_KEY.fullmatch(key):
            for char in key:
                await pilot.press(char)
        else:
            await pilot.press(key)
    await settled(pilot)
