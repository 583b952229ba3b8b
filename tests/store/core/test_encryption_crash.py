"""An encrypt or a rekey cut short by a crash (the process killed at the worst moment):
the next run puts it right, and no run takes another's copies for leftovers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from store.core import keyring
from store.core.db import DatabaseBusy, open_db
from store.core.encryption import encrypt_database, finish_interrupted
from store.core.keys import KeyFileMismatch
from tests.store.core import test_encryption as shared
from tests.store.core.test_encryption import all_rows, without_new_events

# The fixtures of a plain database and of the same encrypted, shared with those tests.
plain_databases, plain, encrypted = shared.plain_databases, shared.plain, shared.encrypted

ROOT = Path(__file__).resolve().parents[3]


def hidden(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.startswith("."))


CRASH = """
import os, sys
from pathlib import Path
from store.core import auth, encryption, keyring
auth.HASH_COST = auth.ScryptCost(n=auth.MIN_N, r=8, p=1)
path = Path(sys.argv[1])
def crash(copy, file):
    os._exit(9)  # the power is cut just before the copy is renamed in
encryption.replace_file = crash
if sys.argv[2] == "encrypt":
    encryption.encrypt_database(path, {"admin": "demo"})
else:
    keyring.unlock(path, "admin", "demo")
    encryption.rekey_database(path)
"""


def crash_in(command: str, path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", CRASH, str(path), command], env=env, check=False, cwd=ROOT
    )
    assert done.returncode == 9


def test_an_encrypt_cut_short_after_the_key_file_is_undone_by_the_next_run(plain):
    before = all_rows(plain.path)
    crash_in("encrypt", plain.path)
    # The plaintext is still there, refused by every Luotsi: its key file is the copy's.
    with pytest.raises(KeyFileMismatch):
        open_db(plain.path)
    encrypt_database(plain.path, {"admin": "demo"})
    assert without_new_events(all_rows(plain.path), 1) == before
    assert hidden(plain.path.parent) == []


def test_a_rekey_cut_short_after_the_key_file_is_finished_by_the_next_run(encrypted):
    world, recovery_key = encrypted
    keyring.unlock(world.path, "admin", "demo")
    before = all_rows(world.path)
    keyring.forget(world.path)
    crash_in("rekey", world.path)
    # Until it is finished the key file fits no database: a login would be refused.
    with pytest.raises(KeyFileMismatch):
        keyring.unlock(world.path, "admin", "demo")
    finish_interrupted(world.path)
    keyring.unlock(world.path, "admin", "demo")  # the new key, from the new key file
    assert without_new_events(all_rows(world.path), 1) == before
    assert hidden(world.path.parent) == []
    keyring.forget(world.path)
    keyring.unlock_with_recovery(world.path, recovery_key)
    assert all_rows(world.path)["client"]


def test_copies_left_by_a_crash_before_the_key_file_are_removed_by_the_next_run(plain):
    folder = plain.path.parent
    for name in (".luotsi.db.encrypting", ".luotsi.db.v9.bak.encrypting", ".luotsi.db.rekeying"):
        (folder / name).write_bytes(os.urandom(8192))
    before = all_rows(plain.path)
    encrypt_database(plain.path, {"admin": "demo"})
    assert hidden(folder) == []
    assert without_new_events(all_rows(plain.path), 1) == before


FOLDER_HOLDER = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDONLY)
fcntl.flock(fd, fcntl.LOCK_EX)
print("ready", flush=True)
sys.stdin.read()
"""


def test_a_running_encryptions_copies_are_not_taken_for_leftovers(plain):
    folder = plain.path.parent
    running = folder / ".luotsi.db.encrypting"  # as another process is writing it
    running.write_bytes(b"being written")
    holder = subprocess.Popen(
        [sys.executable, "-c", FOLDER_HOLDER, str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        finish_interrupted(plain.path)
        with pytest.raises(DatabaseBusy):
            encrypt_database(plain.path, {"admin": "demo"})
        assert running.read_bytes() == b"being written"
        assert not keyring.is_encrypted(plain.path)
    finally:
        holder.communicate("")
