"""A coach's laptop checked out of the world's office, and a bundle packed on it, made
through the store's own sync functions as the office and the laptop make them."""

from __future__ import annotations

from pathlib import Path

from store.api import Store
from store.sync.checkout import checkout
from store.sync.models import CheckoutResult
from store.sync.pack import pack
from tests.conftest import WORLD_CLIENTS, World

NEW_PHONE = "050 999 8888"
NEW_PHONE_STORED = "+358509998888"  # as the register keeps a phone number


def check_out(world: World, folder: Path, name: str = "valmentaja.luotsi") -> CheckoutResult:
    folder.mkdir(parents=True, exist_ok=True)
    return checkout(
        world.store.ctx,
        world.path,
        coach=world.coach,
        out=folder / name,
        actor=world.admin,
        label="Läppäri 1",
    )


def change_phone_and_pack(world: World, laptop: Path, out: Path) -> Path:
    """On the laptop, the coach corrects Mäkinen's phone; then packs it into `out`."""
    store = Store.open(laptop, world.store.clock)
    try:
        client_id = world.clients["makinen"].id
        raw = {**WORLD_CLIENTS["makinen"], "coach_id": world.coach.id, "phone": NEW_PHONE}
        store.clients.update(world.coach, client_id, raw)
        pack(store.ctx, laptop, out=out, actor=world.coach)
    finally:
        store.close()
    return out


def phone_at_office(world: World) -> str:
    row = world.store.db.execute(
        "SELECT phone FROM client WHERE id = ?", [world.clients["makinen"].id]
    ).fetchone()
    return str(row[0])
