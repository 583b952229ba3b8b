"""`luotsi staff add/passwd/deactivate` on an encrypted database keep the users' key
slots in step, and a key file that cannot be written is said, exit 2, nothing changed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from store.core import keyring
from store.core.keys import key_file_of
from tests.store.core.slot_helpers import opens_with, unwritable_key_file

from .test_staff import NEW, logs_in, luotsi


@pytest.fixture(autouse=True)
def encrypted_databases() -> Iterator[None]:
    """The world's database is encrypted, in the suite's plain run too (this overrides
    the suite's fixture of the same name)."""
    keyring.encrypt_new_databases(True)
    yield
    keyring.encrypt_new_databases(False)


@pytest.fixture
def db_path(world):
    world.store.close()  # the CLI opens the file itself
    return world.path


def test_added_reset_and_closed_accounts_keep_their_slots_in_step(db_path):
    added = luotsi(db_path, "staff", "add", "koski.k", "--name", "Koski Kaisa", "--role", "coach")
    assert added.exit_code == 0, added.output
    assert opens_with(db_path, "koski.k", NEW)
    reset = luotsi(db_path, "staff", "passwd", "valmentaja", new="toka salasana")
    assert reset.exit_code == 0, reset.output
    assert opens_with(db_path, "valmentaja", "toka salasana")
    assert not opens_with(db_path, "valmentaja", "demo")
    closed = luotsi(db_path, "staff", "deactivate", "koski.k")
    assert closed.exit_code == 0, closed.output
    assert not opens_with(db_path, "koski.k", NEW)
    assert opens_with(db_path, "admin", "demo")


def test_a_key_file_that_cannot_be_written_exits_2_and_changes_nothing(db_path):
    before = key_file_of(db_path).read_bytes()
    with unwritable_key_file(db_path):
        result = luotsi(db_path, "staff", "passwd", "valmentaja", "--lang", "en")
    assert result.exit_code == 2
    assert "could not be written" in result.output and "Nothing was changed" in result.output
    assert key_file_of(db_path).read_bytes() == before
    assert opens_with(db_path, "valmentaja", "demo")
    assert not opens_with(db_path, "valmentaja", NEW)
    assert logs_in(db_path, "valmentaja", "demo")
