"""The row writer's bulk insert: stamped rows, and rows that bring their own history."""

from __future__ import annotations

from store.core.db import write_transaction
from store.core.rows import insert_rows

COLUMNS = "id, key, value, created_at, updated_at, updated_by"


def test_bulk_rows_are_stamped_with_a_new_id_the_time_and_the_author(world):
    ctx = world.store.ctx
    with write_transaction(ctx.db):
        insert_rows(ctx, "setting", ("key", "value"), [("a", "1"), ("b", "2")], by=world.admin.id)
    rows = ctx.db.execute(f"SELECT {COLUMNS} FROM setting WHERE key IN ('a', 'b')").fetchall()
    assert len({row[0] for row in rows}) == 2
    assert {row[3:] for row in rows} == {(ctx.now_iso(), ctx.now_iso(), world.admin.id)}


def test_a_row_that_names_its_own_stamps_keeps_them(world):
    ctx = world.store.ctx
    history = [("s-1", "a", "1", "2026-01-02T08:00:00.000Z", "2026-01-03T09:00:00.000Z", "x")]
    with write_transaction(ctx.db):
        insert_rows(
            ctx,
            "setting",
            ("id", "key", "value", "created_at", "updated_at", "updated_by"),
            history,
            by=None,
        )
        insert_rows(
            ctx,
            "setting",
            ("key", "value", "created_at"),
            [("b", "2", "2026-01-04T10:00:00.000Z")],
            by=None,
        )
    rows = ctx.db.execute(
        f"SELECT {COLUMNS} FROM setting WHERE key IN ('a', 'b') ORDER BY key"
    ).fetchall()
    assert rows[0] == history[0]
    assert rows[1][1:] == ("b", "2", "2026-01-04T10:00:00.000Z", ctx.now_iso(), None)
