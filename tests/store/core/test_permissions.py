"""Files only the owner can read: databases, their -wal and -shm, migration backups and
copies are created 0600, whatever the umask, and only the newest three backups are kept."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from store.core import migrations as migrations_module
from store.core.db import backups_of, copy_database, open_db, write_transaction
from store.core.migrations import migration_names
from tests.faults import raw_connect
from tui.cli import app

runner = CliRunner()


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


@pytest.fixture(autouse=True)
def generous_umask() -> Iterator[None]:
    """The usual umask (022), under which a plain create gives everyone read access."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def test_a_new_database_and_its_wal_and_shm_are_the_owners_only(tmp_path):
    path = tmp_path / "luotsi.db"
    db = open_db(path)
    with write_transaction(db):
        db.execute(
            "INSERT INTO setting (id, key, value, created_at, updated_at) VALUES ('i', 'k', 'v', 'x', 'x')"
        )
    wal, shm = path.with_name("luotsi.db-wal"), path.with_name("luotsi.db-shm")
    assert wal.exists() and shm.exists()  # the connection is still open
    assert (mode(path), mode(wal), mode(shm)) == (0o600, 0o600, 0o600)
    db.close()


def test_an_empty_file_given_a_schema_is_made_the_owners_only(tmp_path):
    path = tmp_path / "luotsi.db"
    path.touch(mode=0o644)
    open_db(path).close()
    assert mode(path) == 0o600


def test_an_older_database_open_to_everyone_is_made_the_owners_only(world):
    world.store.visits.register(world.reception, world.site.id)  # the -wal and -shm are there
    files = [world.path, *(world.path.with_name(world.path.name + e) for e in ("-wal", "-shm"))]
    for made_before in files:
        os.chmod(made_before, 0o644)
    open_db(world.path).close()
    assert [mode(f) for f in files] == [0o600] * 3


@pytest.fixture
def test_only_migrations() -> Iterator[list[str]]:
    """Room for migrations added by a test, removed again afterwards."""
    added: list[str] = []
    yield added
    for _ in added:
        migrations_module.migrations._migrations.pop()


def _add_migration(added: list[str]) -> None:
    name = f"9{len(added):03d}_test_only"
    column = f"test_only_{len(added)}"

    @migrations_module.migrations(name=name)
    def add_column(db):
        db.execute(f"ALTER TABLE site ADD COLUMN {column} TEXT")

    added.append(name)


def test_migration_backups_are_the_owners_only_and_the_newest_three_kept(
    tmp_path, test_only_migrations
):
    path = tmp_path / "luotsi.db"
    open_db(path).close()
    foreign = [
        tmp_path / "other.db.v3.bak",
        tmp_path / "luotsi.db.bak",
        tmp_path / "luotsi.db.v3.bak.old",
    ]
    for other in foreign:
        other.write_bytes(b"not ours to remove")
    base = len(migration_names())
    for _ in range(5):  # five updates of Luotsi, each with a new schema step
        _add_migration(test_only_migrations)
        open_db(path).close()
    backups = sorted(tmp_path.glob("luotsi.db.v*.bak*"))
    kept = sorted((p for p in backups if p not in foreign), key=lambda p: int(p.suffixes[-2][2:]))
    assert [p.name for p in kept] == [f"luotsi.db.v{base + n}.bak" for n in (2, 3, 4)]
    assert all(mode(p) == 0o600 for p in kept)
    assert all(other.read_bytes() == b"not ours to remove" for other in foreign)


def test_a_second_backup_of_the_same_version_is_kept_beside_the_first(
    tmp_path, test_only_migrations
):
    path = tmp_path / "luotsi.db"
    open_db(path).close()
    version = len(migration_names())
    path.with_name(f"luotsi.db.v{version}.bak").write_bytes(b"an earlier attempt")
    _add_migration(test_only_migrations)
    open_db(path).close()
    made = path.with_name(f"luotsi.db.v{version}.bak1")
    assert mode(made) == 0o600
    assert path.with_name(f"luotsi.db.v{version}.bak").read_bytes() == b"an earlier attempt"


def test_a_damaged_database_is_neither_backed_up_nor_migrated(world, test_only_migrations):
    from store.core.db import DatabaseDamaged

    from .test_damaged import add_backup, damage_page

    world.store.close()
    path = world.path
    kept = [add_backup(path, n, age_seconds=600 - n) for n in (1, 2, 3)]
    damage_page(path, "client")
    before = path.read_bytes()
    _add_migration(test_only_migrations)
    with pytest.raises(DatabaseDamaged) as raised:
        open_db(path)
    assert raised.value.backup == kept[-1]
    assert sorted(path.parent.glob("luotsi.db.v*")) == kept  # none made, none removed
    assert path.read_bytes() == before


def test_a_copy_of_a_database_is_the_owners_only(world, tmp_path):
    world.store.close()
    os.chmod(world.path, 0o644)
    copy = copy_database(world.path, tmp_path / "copy.db")
    assert mode(copy) == 0o600
    assert copy.read_bytes() == world.path.read_bytes()


def test_init_and_sample_make_databases_only_the_owner_can_read(tmp_path):
    made = tmp_path / "init.db"
    result = runner.invoke(
        app,
        [
            "init",
            str(made),
            "--site",
            "Työpiste",
            "--municipality",
            "Turku",
            "--area",
            "VS",
            "--username",
            "admin",
            "--display-name",
            "Aalto Aino",
            "--lang",
            "en",
        ],
        env={"LUOTSI_PASSWORD": "a long enough password"},
    )
    assert result.exit_code == 0, result.output
    assert mode(made) == 0o600
    sample = tmp_path / "sample.db"
    result = runner.invoke(app, ["sample", str(sample), "--clients", "3", "--weeks", "0"])
    assert result.exit_code == 0, result.output
    assert mode(sample) == 0o600


_KILLED_DURING_BACKUP = """
import os, signal, sqlite3, sys
import sqlite_utils
from store.core import db as db_module
from store.core.migrations import migration_names, migrations

path = sys.argv[1]
old = sqlite_utils.Database(path)
migrations.apply(old, stop_before=migration_names()[1])
with old.conn:
    old.conn.executemany(
        "INSERT INTO site (id, name, municipality, employment_area, created_at, updated_at)"
        " VALUES (?, 'Työpiste', 'Turku', 'Alue', 'x', 'x')",
        [(f"site-{n}",) for n in range(5000)],
    )
old.close()
if sys.argv[2] == "kill":
    def killed_halfway(status, remaining, total):
        if remaining < total // 2:
            os.kill(os.getpid(), signal.SIGKILL)

    def backup(self, target, **_):
        sqlite3.Connection.backup(self, target, pages=1, progress=killed_halfway)

    db_module._Connection.backup = backup
db_module.open_db(path).close()
"""


def test_a_backup_cut_short_by_a_crash_is_never_taken_for_a_backup(tmp_path):
    import signal
    import subprocess
    import sys

    path = tmp_path / "luotsi.db"
    killed = subprocess.run(
        [sys.executable, "-c", _KILLED_DURING_BACKUP, str(path), "kill"], capture_output=True
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()
    assert backups_of(path) == []
    # The next start backs the file up whole, under the first backup's name, and migrates.
    open_db(path).close()
    (backup,) = backups_of(path)
    assert backup.name == "luotsi.db.v1.bak"
    assert sorted(p.name for p in tmp_path.iterdir() if ".bak" in p.name) == [backup.name]
    copy = raw_connect(f"{backup.as_uri()}?mode=ro", uri=True)
    try:
        assert copy.execute("SELECT count(*) FROM site").fetchone() == (5000,)
    finally:
        copy.close()
