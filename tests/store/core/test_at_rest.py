"""Encryption at rest, as a thief with `strings` would check it: no file of an encrypted
register (the database, its -wal, its migration backups, its key file) holds a client's
surname, first name, HETU or phone number — while the same scan of a plain register
finds every one of them, so the scan itself is shown to look in the right places."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from store.clients.models import Client
from store.core import keyring
from store.core import migrations as migrations_module
from store.core.clock import FixedClock
from store.core.db import open_db
from store.core.keys import key_file_of
from tests.conftest import build_world

# SQLite stores text as UTF-8 or UTF-16 (either byte order), as the database says.
ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")
# Ciphertext is random bytes: a string of n bytes turns up in it by chance once in about
# 2**(8n) bytes. At 5 bytes that is once in a terabyte; at 4 (say "Anna" in UTF-8), once
# in 4 GB: often enough to fail a suite run now and then. So a first name shorter than
# this is looked for as a row holds it, followed by the surname ("AnnaMäkinen").
SHORTEST_NEEDLE = 5


def secrets(clients: list[Client]) -> list[str]:
    """Each client's surname, first name, HETU and phone number as the register stores
    them (a phone number in E.164)."""
    found: list[str] = []
    for client in clients:
        first = client.first_name
        if len(first.encode()) < SHORTEST_NEEDLE:
            first += client.last_name
        found += [client.last_name, first, *filter(None, (client.hetu, client.phone))]
    return found


def found_in(files: list[Path], secrets: list[str]) -> dict[Path, set[str]]:
    """Which of `secrets` each file holds, in any of SQLite's encodings."""
    found: dict[Path, set[str]] = {}
    for file in files:
        content = file.read_bytes()
        hits = {s for s in secrets if any(s.encode(e) in content for e in ENCODINGS)}
        if hits:
            found[file] = hits
    return found


def a_register_at_rest(
    folder: Path, clock: FixedClock, *, encrypted: bool
) -> tuple[dict[str, Path], list[str]]:
    """The world's register in `folder` as it lies on the disk, and its clients' secrets.

    The files by their role: the database and its -wal as they were while the app had it
    open (copied aside then), the database closed, and the backup made before a migration
    (a pretend one is pending when it is next opened); and the key file if encrypted."""
    keyring.encrypt_new_databases(False)
    path = folder / "luotsi.db"
    if encrypted:
        keyring.prepare(path)  # as `luotsi init` makes a database
    world = build_world(path, clock)
    open_copy = folder / "while-open"
    open_copy.mkdir()
    files = {"database open": open_copy / path.name, "wal open": open_copy / "luotsi.db-wal"}
    files["database open"].write_bytes(path.read_bytes())
    files["wal open"].write_bytes(path.with_name(path.name + "-wal").read_bytes())
    world.store.close()

    @migrations_module.migrations(name="9000_at_rest_test_only")
    def pending(db: sqlite_utils.Database) -> None:
        db.execute("CREATE TABLE at_rest_test_only (x TEXT)")

    try:
        open_db(path).close()
    finally:
        migrations_module.migrations._migrations.pop()
    [backup] = folder.glob("luotsi.db.v*.bak*")
    files |= {"database": path, "backup": backup}
    if encrypted:
        files["keys"] = key_file_of(path)
    return files, secrets(list(world.clients.values()))


def test_a_plain_register_shows_every_name_hetu_and_phone_to_a_scan(tmp_path, clock):
    files, secrets = a_register_at_rest(tmp_path, clock, encrypted=False)
    found = found_in(list(files.values()), secrets)
    # While the app has it open, the newest rows may be in the -wal only.
    assert found.get(files["database open"], set()) | found[files["wal open"]] == set(secrets)
    assert found[files["database"]] == set(secrets)
    assert found[files["backup"]] == set(secrets)


def test_no_file_of_an_encrypted_register_holds_a_name_hetu_or_phone(tmp_path, clock):
    files, secrets = a_register_at_rest(tmp_path, clock, encrypted=True)
    assert files["wal open"].stat().st_size > 0  # there was a -wal to scan
    every_file = [file for file in tmp_path.rglob("*") if file.is_file()]
    assert set(files.values()) <= set(every_file)
    assert found_in(every_file, secrets) == {}


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_the_scan_finds_a_secret_in_each_encoding_sqlite_may_use(tmp_path, encoding):
    file = tmp_path / "page"
    file.write_bytes(b"\x00" * 100 + "Mäki-Jokela".encode(encoding) + b"\x00" * 100)
    assert found_in([file], ["Mäki-Jokela", "Östman"]) == {file: {"Mäki-Jokela"}}
