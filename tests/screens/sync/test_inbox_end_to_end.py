"""From a real bundle to a decision: a laptop of the world's coach and the office both
change Mäkinen's phone, the bundle is checked in, and the coach takes the laptop's number
in F6; the next bundle from the same base then brings no conflict."""

from __future__ import annotations

from store.core.db import write_transaction
from store.core.rows import update_row
from store.sync.apply import apply_bundle
from tests.conftest import World
from tests.store.sync.bundles import check_out
from tui.app import make_app

from ..helpers import screen_text, settled
from .test_inbox_screen import open_inbox, phone_of


async def test_a_checked_in_conflict_is_decided_in_f6(world: World, clock) -> None:
    makinen = world.clients["makinen"]
    laptop = check_out(world, "Läppäri 3")
    laptop.edit("client", makinen.id, {"phone": "+358509998888"}, by=world.coach.id)
    ctx = world.store.ctx
    with write_transaction(ctx.db):
        update_row(ctx, "client", makinen.id, {"phone": "+358402223333"}, by=world.admin.id)
    report = apply_bundle(ctx, data=laptop.pack(), name="b1.luotsi", actor=world.admin)
    assert [c.kind for c in report.conflicts] == ["field"]

    async with make_app(world.path, clock=clock).run_test(size=(80, 24)) as pilot:
        screen = await open_inbox(pilot, "valmentaja")
        text = screen_text(pilot)
        assert "Asiakas · puhelin" in text and "Läppäri 3" in text
        assert "+358402223333" in text and "+358509998888" in text
        await pilot.press("l")
        await settled(pilot)
        assert phone_of(world, makinen.id) == "+358509998888"
        assert screen.lines == []
        assert "Ei ratkaistavia ristiriitoja." in screen_text(pilot)

    # Packed again from the same base: the laptop's phone is the office's now.
    again = apply_bundle(ctx, data=laptop.pack(), name="b2.luotsi", actor=world.admin)
    assert list(again.conflicts) == []
    assert world.store.inbox.conflicts(world.admin) == []
