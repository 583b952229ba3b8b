"""`luotsi backup FILE`: a whole copy of the database in use, as protected as the register."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from store.api import Store
from store.core import keyring
from store.core.keys import key_file_of
from tui.cli import app

runner = CliRunner()


def backup(db_path: Path, out: Path, *, user: str = "admin", lang: str = "en"):
    env = {"LUOTSI_PASSWORD": "demo"}
    args = ["--db", str(db_path), "backup", str(out), "--user", user, "--lang", lang]
    return runner.invoke(app, args, env=env)


def client_names(path: Path) -> list[str]:
    store = Store.open(path)
    try:
        return sorted(row[0] for row in store.db.execute("SELECT last_name FROM client"))
    finally:
        store.close()


def test_a_backup_holds_every_client_and_is_in_the_access_log(world, tmp_path):
    world.store.close()
    out = tmp_path / "copy" / "luotsi-backup.db"
    out.parent.mkdir()
    result = backup(world.path, out)
    assert result.exit_code == 0, result.output
    assert f"Backup written: {out}" in result.output
    assert (
        client_names(out)
        == client_names(world.path)
        == sorted(["Mäkinen", "Mäki-Jokela", "Östman", "O'Brien"])
    )
    assert out.stat().st_mode & 0o777 == 0o600
    store = Store.open(world.path)
    try:
        logged = store.db.execute(
            "SELECT count(*) FROM audit_event WHERE entity = 'database' AND purpose = 'backup'"
        ).fetchone()[0]
    finally:
        store.close()
    assert logged == 1


def test_an_encrypted_database_backs_up_encrypted_with_its_key_file(tmp_path, clock):
    from store.sample.accounts import add_demo_account

    path = tmp_path / "luotsi.db"
    keyring.prepare(path)
    store = Store.open(path, clock)
    site = store.sites.create("Työpiste Keskusta", "Turku", "Varsinais-Suomen työllisyysalue")
    admin = add_demo_account(store.ctx, "admin", "Aalto Aino", "admin", site.id)
    keyring.set_slot(path, "admin", "demo")  # made by the staff step where slots are kept
    store.clients.create(
        admin, {"last_name": "Mäkinen", "first_name": "Anna", "birth_date": "1.1.1990"}
    )
    store.close()
    out = tmp_path / "backup.db"
    result = backup(path, out, lang="fi")
    assert result.exit_code == 0, result.output
    assert str(key_file_of(out)) in result.output
    assert "Mäkinen".encode() not in out.read_bytes()
    assert not out.read_bytes().startswith(b"SQLite format 3")
    # The copy opens with the same password, in a process that knew no key.
    keyring.forget(out)
    keyring.unlock(out, "admin", "demo")
    assert client_names(out) == ["Mäkinen"]


def test_a_backup_never_replaces_a_file(world, tmp_path):
    world.store.close()
    out = tmp_path / "there.db"
    out.write_bytes(b"someone's file")
    result = backup(world.path, out, lang="fi")
    assert result.exit_code == 2
    assert "on jo olemassa" in result.output
    assert out.read_bytes() == b"someone's file"


def test_only_an_admin_backs_up(world, tmp_path):
    world.store.close()
    out = tmp_path / "b.db"
    result = backup(world.path, out, user="valmentaja")
    assert result.exit_code == 2
    assert "may not make a backup" in result.output
    assert not out.exists()


def test_a_folder_that_is_not_there_is_named(world, tmp_path):
    world.store.close()
    out = tmp_path / "nowhere" / "b.db"
    result = backup(world.path, out)
    assert result.exit_code == 2
    assert "does not exist" in result.output
    assert not out.parent.exists()
