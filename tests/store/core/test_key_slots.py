"""Staff accounts keep their key slots: creating a user, setting a password and closing an
account add, rewrap and remove the user's slot in the key file in the same step as the
staff row, and a failure of either leaves both as they were. On an encrypted database
only an account with a slot logs in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from store.api import Store
from store.core import keyring
from store.core.auth import LoginFailed
from store.core.db import open_db
from store.core.keys import DatabaseLocked, KeyFileDamaged, key_file_of
from store.core.rows import insert_row
from store.core.staff import StaffError, staff_row
from store.core.staff_slots import (
    KeyFileNotWritten,
    NoKeySlot,
    new_slot,
    slot_transaction,
)
from store.sample.accounts import DEMO_PASSWORD, add_demo_slots

from .slot_helpers import opens_with, unwritable_key_file

GOOD = "hyvä salasana"
NEW = "uusi salasana"


@pytest.fixture(autouse=True)
def encrypted_databases() -> Iterator[None]:
    """Every database here is encrypted, in the suite's plain run too (this overrides the
    suite's fixture of the same name)."""
    keyring.encrypt_new_databases(True)
    yield
    keyring.encrypt_new_databases(False)


def key_file_bytes(path: Path) -> bytes:
    return key_file_of(path).read_bytes()


@pytest.fixture
def key_file_unwritable(world) -> Iterator[None]:
    with unwritable_key_file(world.path):
        yield


def test_the_world_accounts_have_slots_opened_by_their_passwords(world):
    assert set(keyring.slot_names(world.path)) == {"admin", "vastaanotto", "valmentaja"}
    assert opens_with(world.path, "valmentaja", DEMO_PASSWORD)
    assert not opens_with(world.path, "valmentaja", "wrong")


def test_a_new_account_gets_a_slot_its_password_opens(world):
    world.store.staff.create("koski.k", "Koski Kaisa", "coach", GOOD, actor=world.admin)
    assert "koski.k" in keyring.slot_names(world.path)
    assert opens_with(world.path, "koski.k", GOOD)
    assert not opens_with(world.path, "koski.k", NEW)


def test_a_new_password_opens_the_slot_and_the_old_one_no_longer_does(world):
    world.store.staff.set_password(world.admin, world.coach.id, NEW)
    assert opens_with(world.path, "valmentaja", NEW)
    assert not opens_with(world.path, "valmentaja", DEMO_PASSWORD)


def test_ones_own_new_password_rewraps_ones_own_slot(world):
    world.store.staff.set_password(world.coach, world.coach.id, NEW, old_password=DEMO_PASSWORD)
    assert opens_with(world.path, "valmentaja", NEW)
    assert not opens_with(world.path, "valmentaja", DEMO_PASSWORD)
    assert opens_with(world.path, "admin", DEMO_PASSWORD)  # nobody else's slot changed


def test_a_closed_accounts_old_password_no_longer_opens_the_database(world):
    world.store.staff.deactivate(world.admin, world.coach.id)
    assert "valmentaja" not in keyring.slot_names(world.path)
    known = keyring.known_key(world.path)
    keyring.forget(world.path)
    with pytest.raises(LoginFailed):
        keyring.unlock(world.path, "valmentaja", DEMO_PASSWORD)
    with pytest.raises(DatabaseLocked):
        open_db(world.path)
    assert known is not None
    keyring.remember(world.path, known)
    assert opens_with(world.path, "admin", DEMO_PASSWORD)


def test_a_closed_account_given_a_password_gets_no_slot(world):
    world.store.staff.deactivate(world.admin, world.coach.id)
    world.store.staff.set_password(world.admin, world.coach.id, NEW)
    assert "valmentaja" not in keyring.slot_names(world.path)
    assert not opens_with(world.path, "valmentaja", NEW)


def test_a_key_file_that_cannot_be_written_leaves_the_account_unmade(world, key_file_unwritable):
    before = key_file_bytes(world.path)
    with pytest.raises(KeyFileNotWritten) as failed:
        world.store.staff.create("koski.k", "Koski Kaisa", "coach", GOOD, actor=world.admin)
    assert world.store.staff.find("koski.k") is None
    assert key_file_bytes(world.path) == before
    assert str(key_file_of(world.path)) in failed.value.message("fi")
    assert "Mitään ei muutettu" in failed.value.message("fi")
    assert not [e for e in world.store.audit.events(action="create") if e.entity == "staff"]


def test_a_key_file_that_cannot_be_written_keeps_the_old_password(world, key_file_unwritable):
    before = key_file_bytes(world.path)
    with pytest.raises(KeyFileNotWritten):
        world.store.staff.set_password(world.admin, world.coach.id, NEW)
    assert key_file_bytes(world.path) == before
    assert world.store.staff.authenticate("valmentaja", DEMO_PASSWORD) == world.coach
    assert opens_with(world.path, "valmentaja", DEMO_PASSWORD)


def test_a_key_file_that_cannot_be_written_keeps_the_account_open(world, key_file_unwritable):
    before = key_file_bytes(world.path)
    with pytest.raises(KeyFileNotWritten):
        world.store.staff.deactivate(world.admin, world.coach.id)
    assert key_file_bytes(world.path) == before
    coach = world.store.staff.get(world.coach.id)
    assert coach is not None and coach.active
    assert opens_with(world.path, "valmentaja", DEMO_PASSWORD)


def test_a_key_file_replaced_by_a_folder_leaves_the_password_as_it_was(world):
    keys = key_file_of(world.path)
    saved = keys.read_bytes()
    keys.unlink()
    keys.mkdir()
    try:
        with pytest.raises(KeyFileDamaged):
            world.store.staff.set_password(world.admin, world.coach.id, NEW)
        assert keys.is_dir() and not any(keys.iterdir())
    finally:
        keys.rmdir()
        keys.write_bytes(saved)
    assert world.store.staff.authenticate("valmentaja", DEMO_PASSWORD) == world.coach


def test_a_refused_account_leaves_the_key_file_byte_identical(world):
    before = key_file_bytes(world.path)
    with pytest.raises(StaffError) as refused:
        world.store.staff.create("valmentaja", "Toinen Tiina", "coach", GOOD, actor=world.admin)
    assert refused.value.key == "staff.error.username_taken"
    assert key_file_bytes(world.path) == before
    assert opens_with(world.path, "valmentaja", DEMO_PASSWORD)
    assert not opens_with(world.path, "valmentaja", GOOD)


def test_a_refused_closing_leaves_the_slot(world):
    before = key_file_bytes(world.path)
    with pytest.raises(StaffError):
        world.store.staff.deactivate(world.admin, world.admin.id)  # not one's own
    assert key_file_bytes(world.path) == before


def test_a_commit_that_fails_after_the_key_file_was_written_puts_it_back(world):
    """A deferred foreign key makes the COMMIT itself fail, after the last step."""
    ctx = world.store.ctx
    before = key_file_bytes(world.path)
    slot = new_slot(ctx, "koski.k", GOOD)
    values = staff_row("koski.k", "Koski Kaisa", "coach", GOOD, "no such site", "fi")
    with pytest.raises(Exception, match="FOREIGN KEY"), slot_transaction(ctx) as slots:
        ctx.db.execute("PRAGMA defer_foreign_keys = ON")
        insert_row(ctx, "staff", values, by=None)
        slots.put(slot)
    assert key_file_bytes(world.path) == before
    assert world.store.staff.find("koski.k") is None
    assert not opens_with(world.path, "koski.k", GOOD)


def test_an_account_without_a_slot_is_told_to_ask_an_admin(world):
    """An account made before the database was encrypted (its slot gone here) is not let
    in even while someone else has unlocked the database in this process, as a new
    process could not open it for them either; an admin's new password gives it one."""
    keyring.remove_slot(world.path, "valmentaja")
    with pytest.raises(NoKeySlot) as refused:
        world.store.staff.log_in("valmentaja", DEMO_PASSWORD)
    assert "pyydä pääkäyttäjää asettamaan" in refused.value.message("fi")
    assert world.store.staff.authenticate("valmentaja", DEMO_PASSWORD) is None
    attempts = world.store.audit.events(action="failed_login")
    assert [(a.entity_id, a.purpose) for a in attempts] == [(world.coach.id, "no_slot")] * 2
    with pytest.raises(LoginFailed):  # a wrong password is still only wrong
        world.store.staff.log_in("valmentaja", "wrong")
    world.store.staff.set_password(world.admin, world.coach.id, NEW)
    assert world.store.staff.log_in("valmentaja", NEW) == world.coach
    assert opens_with(world.path, "valmentaja", NEW)


def test_demo_slots_go_only_to_accounts_whose_password_it_is(world):
    world.store.staff.create("koski.k", "Koski Kaisa", "coach", GOOD, actor=world.admin)
    for name in ("valmentaja", "vastaanotto", "koski.k"):
        keyring.remove_slot(world.path, name)
    assert add_demo_slots(world.store.ctx, usernames={"vastaanotto"}) == ["vastaanotto"]
    assert add_demo_slots(world.store.ctx) == ["valmentaja"]
    assert opens_with(world.path, "vastaanotto", DEMO_PASSWORD)
    assert "koski.k" not in keyring.slot_names(world.path)
    assert add_demo_slots(world.store.ctx) == []


def test_a_plain_database_gets_no_key_file(tmp_path, clock):
    keyring.encrypt_new_databases(False)
    path = tmp_path / "plain.db"
    store = Store.open(path, clock)
    try:
        site = store.sites.create("Työpiste Itä", "Kuopio", "Kuopion työllisyysalue")
        admin = store.staff.create("paakayttaja", "Aalto Aino", "admin", GOOD, site.id)
        coach = store.staff.create("koski.k", "Koski Kaisa", "coach", GOOD, actor=admin)
        store.staff.set_password(admin, coach.id, NEW)
        assert store.staff.log_in("koski.k", NEW) == coach
        store.staff.deactivate(admin, coach.id)
        assert add_demo_slots(store.ctx) == []
    finally:
        store.close()
    assert not key_file_of(path).exists()
    assert keyring.slot_names(path) == []
