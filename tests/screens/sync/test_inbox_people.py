"""Two records of one person in the inbox (F6): `p` shows both side by side, 1/2 and
Enter keep one; `u` undoes the merge after asking, or says why it cannot."""

from __future__ import annotations

from textual.widgets import DataTable

from screens.sync.inbox_dialogs import PeopleDialog, UndoMergeDialog
from store.core.db import write_transaction
from store.core.rows import update_row
from tests.conftest import World
from tui.app import make_app

from ..helpers import messages, screen_text, settled
from .test_inbox_screen import conflict_row, highlighted, laptop_inbox, logged, open_inbox


async def test_p_merges_the_two_records_and_u_undoes_it(world: World, clock) -> None:
    inbox = laptop_inbox(world)
    makinen = world.clients["makinen"]
    async with make_app(world.path, clock=clock).run_test(size=(80, 24)) as pilot:
        screen = await open_inbox(pilot)
        await pilot.press("down")
        assert highlighted(screen) == inbox.hetu
        await pilot.press("p")
        await settled(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, PeopleDialog)
        shown = screen_text(pilot)
        assert "1 · toimisto" in shown and "2 · kannettava" in shown
        assert "anna@example.fi" in shown and "010190-***" in shown
        await pilot.press("enter")  # nothing chosen yet: says so, merges nothing
        await pilot.pause()
        assert pilot.app.screen is dialog and "Valitse ensin 1 tai 2." in screen_text(pilot)
        await pilot.press("1", "enter")
        await settled(pilot)
        assert pilot.app.screen is screen
        merge = world.store.ctx.db.execute(
            "SELECT id, kept_client_id, merged_client_id, undone_at FROM person_merge"
        ).fetchall()
        assert [tuple(m[1:]) for m in merge] == [(makinen.id, inbox.laptop_client_id, None)]
        assert conflict_row(world, inbox.hetu)[0] == "person_merged"
        assert logged(world, "person_merge", merge[0][0]) >= 1
        assert world.store.ctx.db.execute(
            "SELECT deleted_at IS NOT NULL FROM client WHERE id = ?", [inbox.laptop_client_id]
        ).fetchone()[0]

        await pilot.press("r")
        await settled(pilot)
        row = next(i for i, c in enumerate(screen.lines) if c.conflict.id == inbox.hetu)
        screen.query_one(DataTable).move_cursor(row=row)
        # The kept record's e-mail came from the merged one; changed since, the undo is
        # refused with the reason, and nothing changes.
        ctx = world.store.ctx
        with write_transaction(ctx.db):
            update_row(ctx, "client", makinen.id, {"email": "uusi@example.fi"}, by=None)
        await pilot.press("u")
        await settled(pilot)
        assert isinstance(pilot.app.screen, UndoMergeDialog)
        assert "Perutaanko yhdistäminen? Mäkinen Anna" in screen_text(pilot)
        await pilot.press("enter")
        await settled(pilot)
        assert messages(pilot.app)[-1].endswith("muutettu sen jälkeen (email).")
        assert conflict_row(world, inbox.hetu)[0] == "person_merged"
        with write_transaction(ctx.db):
            update_row(ctx, "client", makinen.id, {"email": "anna@example.fi"}, by=None)
        await pilot.press("u")
        await settled(pilot)
        await pilot.press("enter")
        await settled(pilot)
        assert world.store.ctx.db.execute(
            "SELECT undone_at IS NOT NULL FROM person_merge"
        ).fetchone()[0]
        assert (
            world.store.ctx.db.execute(
                "SELECT deleted_at FROM client WHERE id = ?", [inbox.laptop_client_id]
            ).fetchone()[0]
            is None
        )
        assert "Yhdistäminen peruttu." in messages(pilot.app)
        assert conflict_row(world, inbox.hetu)[0] is None  # open again, to decide anew
