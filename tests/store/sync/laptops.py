"""Laptops for the check-out, pack and receive tests: the world's office checked out for
its coach, the laptop opened as its coach would open it, and client edits made there."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from store.api import Store
from store.clients.models import Client
from store.core.clock import FixedClock
from store.core.dates import format_date
from store.core.models import Staff
from store.sample.accounts import add_demo_account
from store.schedule.models import Booking
from store.sync.checkout import checkout
from store.sync.models import CheckoutResult
from tests.conftest import World

# Monday 30.11.2026 10:00 in Helsinki (UTC+2); the fixed clock is Saturday 28.11.
MONDAY_10 = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def check_out(
    world: World, folder: Path, name: str = "laptop.db", *, device_id: str | None = None
) -> CheckoutResult:
    return checkout(
        world.store.ctx,
        world.path,
        coach=world.coach,
        out=folder / name,
        actor=world.admin,
        device_id=device_id,
    )


def open_laptop(result: CheckoutResult, clock: FixedClock) -> Store:
    """The laptop's store (its key is known in this process since the check-out)."""
    return Store.open(result.path, clock)


def card(client: Client, **changes: str) -> dict[str, str]:
    """The client's card as the form sends it, with `changes`."""
    raw = {
        "first_name": client.first_name,
        "last_name": client.last_name,
        "hetu": client.hetu or "",
        "phone": client.phone or "",
        "coach_id": client.coach_id or "",
        "unemployed_since": format_date(client.unemployed_since),
    }
    return {**raw, **changes}


def other_coach(world: World) -> Staff:
    return add_demo_account(world.store.ctx, "toinen", "Toinen Tuomas", "coach", world.site.id)


def book(world: World, client_id: str, coach_id: str, starts_at: datetime) -> str:
    booking = Booking(client_id=client_id, coach_id=coach_id, starts_at=starts_at)
    return world.store.schedule.book(world.reception, booking).id


def later(clock: FixedClock, hours: int = 1) -> None:
    clock.at = clock.at + timedelta(hours=hours)
