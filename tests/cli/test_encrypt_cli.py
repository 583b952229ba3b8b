"""`luotsi encrypt`, `luotsi rekey` and `luotsi recover` through Typer's runner, on real
files: what the user reads, the exit code, and every file of the folder before and after."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from store.core import keyring
from store.core.encryption import encrypt_database
from store.core.keys import key_file_of, read_key_file
from tests.store.core.test_encryption import (
    HOLDER,
    add_backup,
    leaks,
    personal_bytes,
    register_files,
    snapshot,
)
from tui.cli import app

runner = CliRunner()
KEY_GROUPS = re.compile(r"^ +((?:[0-9A-Z]{4}-){3}[0-9A-Z]{4})-?$", re.M)
NEW = "uusi salasana"


@pytest.fixture(autouse=True)
def no_recovery_key_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LUOTSI_RECOVERY_KEY", raising=False)


@pytest.fixture
def plain_databases(encrypted_databases: None) -> None:
    """Databases made plain in the suite's encrypted run too: these tests encrypt them."""
    keyring.encrypt_new_databases(False)


@pytest.fixture
def plain(plain_databases: None, world) -> Iterator:
    """The sample world's database, plain, closed, with a migration backup."""
    world.store.close()
    world.store = None
    add_backup(world.path, 9)
    yield world


@pytest.fixture
def encrypted(plain):
    done = encrypt_database(plain.path, {"admin": "demo"})
    keyring.forget(plain.path)
    return plain, done.recovery_key


def luotsi(path, *args: str, **env: str):
    """A run of `luotsi` as a new process has it: no key of `path` known yet."""
    keyring.forget(path)
    return runner.invoke(app, list(args), env=env)


def nothing_of_sqlcipher(result, capfd) -> None:
    """SQLCipher's own log goes to the terminal's stderr: none of it may show."""
    written = result.output + capfd.readouterr().err
    for word in ("sqlcipher", "hmac", "codec"):
        assert word not in written.lower()


def test_encrypt_shows_the_recovery_key_once_and_who_has_no_key(plain, capfd):
    path = plain.path
    result = luotsi(path, "encrypt", str(path), "--user", "admin", LUOTSI_PASSWORD="demo")
    assert result.exit_code == 0, result.output
    assert f"Tietokanta {path} on nyt salattu (" in result.output
    assert " s, " in result.output and " Mt)" in result.output
    assert "PALAUTUSAVAIN (näytetään vain tämän kerran)" in result.output
    assert "tiedot menetetään pysyvästi" in result.output
    halves = KEY_GROUPS.findall(result.output)
    assert len(halves) == 2
    recovery_key = "-".join(halves)
    assert result.output.count(halves[0]) == 1
    assert "Avain on käyttäjillä: admin" in result.output
    assert "luotsi staff password TUNNUS\n  valmentaja\n  vastaanotto\n" in result.output
    nothing_of_sqlcipher(result, capfd)
    assert leaks(path.parent, personal_bytes(plain)) == []
    assert register_files(path.parent) == ["luotsi.db", "luotsi.db.keys", "luotsi.db.v9.bak"]
    keyring.forget(path)
    keyring.unlock_with_recovery(path, recovery_key)


def test_encrypt_speaks_the_language_asked(plain):
    result = luotsi(
        plain.path, "encrypt", str(plain.path), "--lang", "sv", LUOTSI_USER="admin",
        LUOTSI_PASSWORD="demo",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "ÅTERSTÄLLNINGSNYCKEL (visas bara den här gången)" in result.output
    assert "uppgifterna förlorade för gott" in result.output


@pytest.mark.parametrize(
    ("change", "password", "message"),
    [
        (None, "wrong password", "login failed: wrong username or password"),
        ("truncate", "demo", "is damaged"),
        ("encrypt", "demo", "is encrypted already; nothing was changed"),
    ],
)
def test_encrypt_refusals_exit_2_and_change_no_file(plain, capfd, change, password, message):
    path = plain.path
    if change == "truncate":
        path.write_bytes(path.read_bytes()[:20000])
    if change == "encrypt":
        encrypt_database(path, {"admin": "demo"})
    before = snapshot(path.parent)
    result = luotsi(
        path, "encrypt", str(path), "--user", "admin", "--lang", "en", LUOTSI_PASSWORD=password
    )
    assert result.exit_code == 2
    assert message in result.output
    assert snapshot(path.parent) == before
    nothing_of_sqlcipher(result, capfd)


def test_encrypt_of_a_database_open_in_luotsi_says_to_close_it(plain):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(plain.path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        before = snapshot(plain.path.parent)
        result = luotsi(
            plain.path, "encrypt", str(plain.path), "--user", "admin", "--lang", "en",
            LUOTSI_PASSWORD="demo",
        )  # fmt: skip
        assert result.exit_code == 2
        assert f"the database {plain.path} is open in another program; close Luotsi" in (
            result.output
        )
        # The -shm is the holder's shared memory, not data.
        after = snapshot(plain.path.parent)
        assert {k: v for k, v in after.items() if not k.endswith("-shm")} == {
            k: v for k, v in before.items() if not k.endswith("-shm")
        }
    finally:
        holder.communicate("")


def _break(path, how: str) -> None:
    keys = key_file_of(path)
    if how == "missing":
        keys.unlink()
    elif how == "damaged":
        keys.write_bytes(keys.read_bytes()[:200])
    elif how == "mismatch":  # the key file of another database put beside this one
        other = path.with_name("other.db")
        keyring.prepare(other)
        keys.write_bytes(key_file_of(other).read_bytes())
        key_file_of(other).unlink()
    elif how == "truncated":
        path.write_bytes(path.read_bytes()[:10000])


@pytest.mark.parametrize(
    ("how", "message"),
    [
        ("password", "login failed: wrong username or password"),
        ("missing", "is encrypted, but its key file"),
        ("damaged", "is damaged. Restore it from a backup. Nothing was changed."),
        ("mismatch", "belongs to another database than"),
        ("truncated", "is damaged"),
    ],
)
def test_rekey_refusals_exit_2_and_change_no_file(encrypted, capfd, how, message):
    world, _ = encrypted
    path = world.path
    _break(path, how)
    before = snapshot(path.parent)
    password = "wrong password" if how == "password" else "demo"
    result = luotsi(
        path, "rekey", "--db", str(path), "--user", "admin", "--lang", "en",
        LUOTSI_PASSWORD=password,
    )  # fmt: skip
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert snapshot(path.parent) == before
    nothing_of_sqlcipher(result, capfd)


def test_rekey_gives_a_new_key_that_the_old_key_file_does_not_fit(encrypted, capfd):
    world, recovery_key = encrypted
    path = world.path
    old_key_file = key_file_of(path).read_bytes()
    old_salt = read_key_file(path).db_salt
    result = luotsi(
        path, "rekey", "--db", str(path), "--user", "admin", "--lang", "en",
        LUOTSI_PASSWORD="demo",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"The database {path} has a new key now (" in result.output
    assert read_key_file(path).db_salt != old_salt
    nothing_of_sqlcipher(result, capfd)
    key_file_of(path).write_bytes(old_key_file)
    result = luotsi(
        path, "rekey", "--db", str(path), "--user", "admin", "--lang", "en",
        LUOTSI_PASSWORD="demo",
    )  # fmt: skip
    assert result.exit_code == 2
    assert "belongs to another database than" in result.output


def test_rekey_is_for_admins_only(encrypted):
    world, _ = encrypted
    path = world.path
    keyring.unlock(path, "admin", "demo")
    keyring.set_slot(path, "valmentaja", "demo")
    salt = read_key_file(path).db_salt
    result = luotsi(
        path, "rekey", "--db", str(path), "--user", "valmentaja", "--lang", "en",
        LUOTSI_PASSWORD="demo",
    )  # fmt: skip
    assert result.exit_code == 2
    assert "valmentaja may not change the database's key (admins only)" in result.output
    assert read_key_file(path).db_salt == salt


def test_rekey_of_a_plain_database_says_to_encrypt_it_first(plain):
    result = luotsi(plain.path, "rekey", "--db", str(plain.path), "--lang", "en")
    assert result.exit_code == 2
    assert f"is not encrypted; encrypt it first: luotsi encrypt {plain.path}" in result.output


def test_recover_sets_a_new_admin_password_with_the_recovery_key(encrypted, capfd):
    world, recovery_key = encrypted
    path = world.path
    result = luotsi(
        path, "recover", str(path), "--user", "admin", "--lang", "en",
        LUOTSI_RECOVERY_KEY=recovery_key.lower(), LUOTSI_NEW_PASSWORD=NEW,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "The password of admin is set with the recovery key" in result.output
    nothing_of_sqlcipher(result, capfd)
    keyring.forget(path)
    keyring.unlock(path, "admin", NEW)


def test_recover_asks_the_key_first_and_a_new_password_twice(encrypted):
    world, recovery_key = encrypted
    path = world.path
    keyring.forget(path)
    result = runner.invoke(
        app,
        ["recover", str(path), "--lang", "en"],
        input=f"{recovery_key}\nadmin\n{NEW}\n{NEW}\n",
    )
    assert result.exit_code == 0, result.output
    assert "Recovery key:" in result.output
    assert recovery_key not in result.output  # typed hidden
    keyring.forget(path)
    keyring.unlock(path, "admin", NEW)


@pytest.mark.parametrize(
    ("key", "user", "message"),
    [
        ("0000-0000-0000-0000-0000-0000-0000-0000", "admin", "The recovery key does not open"),
        (None, "valmentaja", "valmentaja is not an active admin"),
    ],
)
def test_recover_refusals_exit_2_and_change_no_file(encrypted, capfd, key, user, message):
    world, recovery_key = encrypted
    path = world.path
    before = snapshot(path.parent)
    result = luotsi(
        path, "recover", str(path), "--user", user, "--lang", "en",
        LUOTSI_RECOVERY_KEY=key or recovery_key, LUOTSI_NEW_PASSWORD=NEW,
    )  # fmt: skip
    assert result.exit_code == 2
    assert message in result.output
    assert snapshot(path.parent) == before
    nothing_of_sqlcipher(result, capfd)
