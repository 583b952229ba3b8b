"""A write on a full or read-only database, or one whose COMMIT fails: the store's own
error, the file as it was, and the same connection able to try again (a busy one:
tests/screens/shell/test_busy_database.py and tests/cli/test_faults.py)."""

from __future__ import annotations

import pytest

from store.core.db import DatabaseFull, DatabaseReadOnly, write_transaction
from store.core.errors import SQLITE_INTEGRITY_ERRORS


def _sites(world) -> list[str]:
    return [row[0] for row in world.store.db.execute("SELECT name FROM site ORDER BY name")]


def _clients(world) -> int:
    return world.store.db.execute("SELECT count(*) FROM client").fetchone()[0]


def test_a_full_database_is_said_so_and_the_whole_transaction_is_rolled_back(world):
    db = world.store.db
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")  # the disk holds not a page more
    before = _clients(world)
    created = 0
    with pytest.raises(DatabaseFull), write_transaction(db):
        for n in range(5000):
            world.store.clients.create(
                world.admin,
                {"first_name": "Liisa", "last_name": "Laine", "birth_date": f"1.1.{1950 + n % 50}"},
            )
            created += 1
    assert created > 0  # some went in before the disk was full, and went out again
    assert not db.conn.in_transaction
    assert _clients(world) == before
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    db.execute(f"PRAGMA max_page_count = {pages * 10}")  # room again: the same call works
    world.store.clients.create(
        world.admin, {"first_name": "Liisa", "last_name": "Laine", "birth_date": "1.1.1990"}
    )
    assert _clients(world) == before + 1


def test_a_database_that_may_not_be_written_is_read_only_and_can_be_tried_again(world):
    db = world.store.db
    db.execute("PRAGMA query_only = ON")  # what SQLite answers on a read-only file
    with pytest.raises(DatabaseReadOnly):
        world.store.sites.create("Työpiste Itä", "Turku", "Turun alue", actor=world.admin)
    db.execute("PRAGMA query_only = OFF")
    world.store.sites.create("Työpiste Itä", "Turku", "Turun alue", actor=world.admin)
    assert _sites(world) == ["Työpiste Itä", "Työpiste Keskusta"]


def test_a_failed_commit_rolls_back_and_leaves_the_connection_usable(world):
    db = world.store.db
    client = world.clients["ostman"]
    with pytest.raises(SQLITE_INTEGRITY_ERRORS), write_transaction(db):
        # A foreign key checked only at COMMIT, which then fails.
        db.execute("PRAGMA defer_foreign_keys = ON")
        db.execute("UPDATE client SET coach_id = 'nobody' WHERE id = ?", [client.id])
    assert not db.conn.in_transaction
    coach = db.execute("SELECT coach_id FROM client WHERE id = ?", [client.id]).fetchone()[0]
    assert coach is None
    world.store.sites.create("Työpiste Itä", "Turku", "Turun alue", actor=world.admin)
    assert _sites(world) == ["Työpiste Itä", "Työpiste Keskusta"]
