"""How a `luotsi` command opens an encrypted database, and every way it refuses: one
clear line in the user's language, exit code 2, nothing of SQLCipher shown, and not one
byte of any file in the folder changed.

The database is made by `luotsi init` itself; the test forgets its key after each
command, as a new `luotsi` process would not know it."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from store.core import keyring
from store.core.keys import key_file_of
from tui.cli import app

runner = CliRunner()
PASSWORD = "pitkä salasana"
PAGE = 4096
# A command that logs in (`staff list`) and one that did not before (the settings list).
COMMANDS = {"staff": ["staff", "list"], "settings": ["settings"]}


def make(path: Path) -> Path:
    result = runner.invoke(
        app,
        [
            *("init", str(path), "--site", "Työpiste Itä", "--municipality", "Turku"),
            *("--area", "Turun alue", "--username", "admin", "--display-name", "Aalto Aino"),
        ],
        env={"LUOTSI_PASSWORD": PASSWORD},
    )
    assert result.exit_code == 0, result.output
    keyring.forget(path)
    return path


@pytest.fixture
def encrypted(tmp_path: Path) -> Path:
    return make(tmp_path / "luotsi.db")


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def refused(path: Path, args: list[str], env: dict[str, str], lang: str, input: str = "") -> str:
    """Run `args` on `path`; it must exit 2 with every file as it was and no sign of a
    traceback or of SQLCipher; returns what it said, on one line."""
    before = files(path.parent)
    result = runner.invoke(app, ["--db", str(path), *args, "--lang", lang], env=env, input=input)
    keyring.forget(path)
    text = result.output  # stdout and stderr as the user sees them
    assert result.exit_code == 2, text
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    for leak in ("Traceback", "sqlcipher", "SQLCipher", "hmac", "HMAC", "cipher"):
        assert leak not in text, text
    assert files(path.parent) == before
    return " ".join(text.split())


LOGIN_FAILED = {
    "fi": "kirjautuminen epäonnistui: väärä käyttäjätunnus tai salasana",
    "en": "login failed: wrong username or password",
}


@pytest.mark.parametrize("command", COMMANDS)
def test_the_user_and_password_unlock_it_for_any_command(encrypted: Path, command: str):
    result = runner.invoke(
        app,
        ["--user", "admin", "--db", str(encrypted), *COMMANDS[command], "--lang", "en"],
        env={"LUOTSI_PASSWORD": PASSWORD},
    )
    keyring.forget(encrypted)
    assert result.exit_code == 0, result.output
    assert "Aalto Aino" in result.output or "queue.wait_threshold_minutes" in result.output


def test_the_password_is_asked_hidden_and_only_once(encrypted: Path):
    result = runner.invoke(
        app,
        ["--db", str(encrypted), "staff", "list", "--lang", "en"],
        input=f"admin\n{PASSWORD}\n",
    )
    keyring.forget(encrypted)
    assert result.exit_code == 0, result.output
    assert f"The database {encrypted} is encrypted: log in to open it." in result.output
    assert result.output.count("Password:") == 1
    assert PASSWORD not in result.output
    assert "Aalto Aino" in result.output


@pytest.mark.parametrize("lang", ["fi", "en"])
@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("user", ["admin", "vieras"], ids=["wrong-password", "no-slot"])
def test_a_wrong_password_or_a_name_with_no_slot_is_one_message(
    encrypted: Path, command: str, user: str, lang: str
):
    env = {"LUOTSI_USER": user, "LUOTSI_PASSWORD": "väärä salasana"}
    assert LOGIN_FAILED[lang] in refused(encrypted, COMMANDS[command], env, lang)


LOCKED = {
    "fi": "tietokanta {path} on salattu; anna käyttäjätunnuksesi valitsimella --user",
    "en": "the database {path} is encrypted; give your username with --user",
}


@pytest.mark.parametrize("lang", ["fi", "en"])
@pytest.mark.parametrize("command", COMMANDS)
def test_a_locked_database_with_no_password_and_no_one_to_ask_says_how_to_unlock(
    encrypted: Path, command: str, lang: str
):
    said = refused(encrypted, COMMANDS[command], {"LUOTSI_USER": "admin"}, lang)
    assert LOCKED[lang].format(path=encrypted) in said
    assert "LUOTSI_PASSWORD" in said


def _remove_key_file(path: Path) -> None:
    key_file_of(path).unlink()


def _damage_key_file(path: Path) -> None:
    key_file_of(path).write_text('{"format": "luotsi-keys/1", "slots": [')


def _key_file_of_another(path: Path) -> None:
    other = make(path.with_name("toinen.db"))
    key_file_of(path).write_bytes(key_file_of(other).read_bytes())


def _cut_mid_page(path: Path) -> None:
    os.truncate(path, path.stat().st_size - 1000)


def _cut_at_a_page(path: Path) -> None:
    os.truncate(path, path.stat().st_size - PAGE)


SPOILED: dict[str, tuple[Callable[[Path], None], dict[str, str]]] = {
    "missing-key-file": (
        _remove_key_file,
        {
            "fi": "{path} ei ole Luotsin tietokanta, tai se on salattu tietokanta, jonka"
            " avaintiedosto {keys} puuttuu",
            "en": "{path} is not a Luotsi database, or it is an encrypted one whose key"
            " file {keys} is missing",
        },
    ),
    "damaged-key-file": (
        _damage_key_file,
        {
            "fi": "Tietokannan {path} avaintiedosto {keys} on vioittunut.",
            "en": "The key file {keys} of the database {path} is damaged.",
        },
    ),
    "key-file-of-another": (
        _key_file_of_another,
        {
            "fi": "Avaintiedosto {keys} kuuluu toiseen tietokantaan kuin {path}.",
            "en": "The key file {keys} belongs to another database than {path}.",
        },
    ),
    "cut-mid-page": (
        _cut_mid_page,
        {
            "fi": "Tietokanta {path} on vahingoittunut (katkennut tai osin ylikirjoittunut)",
            "en": "The database {path} is damaged (cut short or partly overwritten)",
        },
    ),
    "cut-at-a-page": (
        _cut_at_a_page,
        {
            "fi": "Tietokanta {path} on vahingoittunut (katkennut tai osin ylikirjoittunut)",
            "en": "The database {path} is damaged (cut short or partly overwritten)",
        },
    ),
}


@pytest.mark.parametrize("lang", ["fi", "en"])
@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("spoiled", SPOILED)
def test_an_unusable_key_file_or_database_is_refused_with_nothing_changed(
    encrypted: Path, spoiled: str, command: str, lang: str
):
    spoil, messages = SPOILED[spoiled]
    spoil(encrypted)
    env = {"LUOTSI_USER": "admin", "LUOTSI_PASSWORD": PASSWORD}
    said = refused(encrypted, COMMANDS[command], env, lang)
    expected = messages[lang].format(path=encrypted, keys=key_file_of(encrypted))
    assert expected in said


@pytest.mark.parametrize("lang", ["fi", "en"])
@pytest.mark.parametrize(
    "spoiled", ["missing-key-file", "damaged-key-file", "key-file-of-another", "cut-mid-page"]
)
def test_the_app_does_not_start_on_an_unusable_key_file_or_database(
    encrypted: Path, spoiled: str, lang: str
):
    spoil, messages = SPOILED[spoiled]
    spoil(encrypted)
    said = refused(encrypted, [], {}, lang)
    assert messages[lang].format(path=encrypted, keys=key_file_of(encrypted)) in said


def test_a_file_that_is_not_whole_pages_is_simply_not_a_database(tmp_path: Path):
    """The missing key file is named only where it could explain the file: a file of
    some other size is no encrypted database."""
    path = tmp_path / "muistiinpanot.db"
    path.write_bytes(os.urandom(PAGE + 10))
    said = refused(path, ["settings"], {}, "en")
    assert said == f"luotsi: {path} is not a Luotsi database"
