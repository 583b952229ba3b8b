"""`luotsi init` makes an encrypted database by default: a key file beside it with the
admin's slot and a recovery slot, the recovery key shown once; `--plain` only when asked,
and it says what that is for. Run through Typer's runner on real files; between
commands the test forgets the key, as a new `luotsi` process would not know it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from store.api import Store
from store.core import keyring
from store.core.db import SQLITE_HEADER
from store.core.keys import key_file_of
from store.visits.board_feed import board_file_of
from tui.cli import app

runner = CliRunner()
PASSWORD = "pitkä salasana"
RECOVERY_KEY = re.compile(r"\b[0-9A-Z]{4}(?:-[0-9A-Z]{4}){7}\b")
INIT = [
    *("--site", "Työpiste Itä", "--municipality", "Kuopio", "--area", "Kuopion alue"),
    *("--username", "paakayttaja", "--display-name", "Aalto Aino"),
]


def init(path: Path, *args: str, password: str = PASSWORD):
    result = runner.invoke(
        app, ["init", str(path), *INIT, *args], env={"LUOTSI_PASSWORD": password}
    )
    keyring.forget(path)  # the command's process has ended
    return result


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def clean(result) -> str:
    """What the command printed, with no traceback and nothing of SQLCipher in it."""
    text = result.output
    for leak in ("Traceback", "sqlcipher", "SQLCipher", "hmac", "HMAC"):
        assert leak not in text, text
    return " ".join(text.split())


def test_init_makes_an_encrypted_database_with_nothing_readable_in_it(tmp_path: Path):
    path = tmp_path / "luotsi.db"
    result = init(path, "--lang", "en")
    assert result.exit_code == 0, result.output
    said = clean(result)
    assert "The database is encrypted" in said
    assert "Without the recovery key and every user's password, the data is gone" in said
    assert key_file_of(path).is_file()
    made = [p for p in tmp_path.iterdir() if p.name != key_file_of(path).name]
    assert made and all(p.name.startswith("luotsi.db") for p in made)
    for each in made:
        content = each.read_bytes()
        if each.name.startswith(board_file_of(path).name):
            # The board's side file is plain by design: tickets, desks and the sites to
            # choose from, never a person.
            for personal in ("Aalto", "paakayttaja"):
                assert personal.encode() not in content, (each.name, personal)
            continue
        assert not content.startswith(SQLITE_HEADER)
        for plain in ("Aalto", "Työpiste Itä", "Kuopio", "paakayttaja", "staff", "CREATE"):
            assert plain.encode() not in content, (each.name, plain)
    # The admin's password opens the database, in a process that did not make it.
    keyring.unlock(path, "paakayttaja", PASSWORD)
    store = Store.open(path)
    try:
        admin = store.staff.authenticate("paakayttaja", PASSWORD)
        assert admin is not None and admin.role == "admin"
    finally:
        store.close()


def test_the_recovery_key_is_shown_once_grouped_and_opens_the_database(tmp_path: Path):
    path = tmp_path / "luotsi.db"
    result = init(path)
    assert result.exit_code == 0, result.output
    [shown] = RECOVERY_KEY.findall(result.output)
    assert result.output.count(shown) == 1
    assert "Palautusavain" in result.output and "vain tämän kerran" in result.output
    assert "tiedot ovat menetetyt" in result.output
    assert shown not in key_file_of(path).read_text()
    keyring.unlock_with_recovery(path, shown.lower().replace("-", " "))
    store = Store.open(path)
    try:
        assert [s.username for s in store.staff.all()] == ["paakayttaja"]
    finally:
        store.close()


def test_then_a_command_unlocks_it_with_user_and_password_and_the_log_says_who(
    tmp_path: Path,
):
    path = tmp_path / "luotsi.db"
    assert init(path).exit_code == 0
    listed = runner.invoke(
        app,
        ["--user", "paakayttaja", "--db", str(path), "staff", "list", "--lang", "en"],
        env={"LUOTSI_PASSWORD": PASSWORD},
    )
    assert listed.exit_code == 0, listed.output
    assert "Aalto Aino" in clean(listed)
    # A command that logged nobody in before (the settings list) logs in whoever
    # unlocked the database, so the access log has who read it.
    keyring.forget(path)
    shown = runner.invoke(
        app,
        ["--db", str(path), "settings", "--lang", "en"],
        env={"LUOTSI_USER": "paakayttaja", "LUOTSI_PASSWORD": PASSWORD},
    )
    assert shown.exit_code == 0, shown.output
    assert "queue.wait_threshold_minutes = 20" in shown.output
    store = Store.open(path)
    try:
        admin = store.staff.find("paakayttaja")
        assert admin is not None
        logins = store.audit.events(staff_id=admin.id, action="login")
        assert len(logins) == 2
    finally:
        store.close()


def test_plain_is_only_when_asked_and_says_it_is_for_throwaway_use(tmp_path: Path):
    keyring.encrypt_new_databases(False)  # the suite's encrypted run would encrypt it
    path = tmp_path / "kokeilu.db"
    result = init(path, "--plain", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "not encrypted (--plain): for throwaway use and trials only" in clean(result)
    assert not RECOVERY_KEY.search(result.output)
    assert path.read_bytes().startswith(SQLITE_HEADER)
    assert not key_file_of(path).exists()
    fi = init(tmp_path / "toinen.db", "--plain")
    assert "vain kertakäyttöön" in fi.output


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fi", "vieressä on jo avaintiedosto {keys}, mutta tietokantaa ei ole"),
        ("en", "there is already a key file {keys} beside {path}, but no database"),
    ],
)
def test_a_key_file_left_over_with_no_database_is_refused(tmp_path: Path, lang: str, expected: str):
    old = tmp_path / "vanha.db"
    assert init(old).exit_code == 0
    path = tmp_path / "luotsi.db"
    key_file_of(old).rename(key_file_of(path))
    before = files(tmp_path)
    result = init(path, "--lang", lang)
    assert result.exit_code == 2
    assert expected.format(keys=key_file_of(path), path=path) in clean(result)
    assert files(tmp_path) == before


def test_init_refuses_an_encrypted_database_it_cannot_look_into(tmp_path: Path):
    path = tmp_path / "luotsi.db"
    assert init(path).exit_code == 0
    before = files(tmp_path)
    result = init(path, "--lang", "en")
    assert result.exit_code == 2
    assert f"{path} is already an encrypted Luotsi database; nothing was changed" in clean(result)
    assert not RECOVERY_KEY.search(result.output)
    assert files(tmp_path) == before


def test_a_failed_init_leaves_neither_database_nor_key_file(tmp_path: Path):
    path = tmp_path / "luotsi.db"
    result = runner.invoke(
        app,
        ["init", str(path), *INIT[:6], "--username", "Pää Käyttäjä", "--display-name", "A"],
        env={"LUOTSI_PASSWORD": PASSWORD},
    )
    assert result.exit_code == 2
    assert "ei kelpaa" in result.output
    assert not RECOVERY_KEY.search(result.output)  # a key to a database that is not there
    assert list(tmp_path.iterdir()) == []
    # An empty file given to init is left empty.
    path.touch()
    again = runner.invoke(
        app,
        ["init", str(path), *INIT[:6], "--username", "Pää Käyttäjä", "--display-name", "A"],
        env={"LUOTSI_PASSWORD": PASSWORD},
    )
    assert again.exit_code == 2
    assert files(tmp_path) == {"luotsi.db": b""}


def test_an_aborted_init_leaves_no_key_file(tmp_path: Path):
    path = tmp_path / "luotsi.db"
    result = runner.invoke(app, ["init", str(path), *INIT], input="salasana123\n")
    assert result.exit_code == 2
    assert list(tmp_path.iterdir()) == []


def test_a_plain_database_with_nobody_in_it_is_filled_and_said_to_be_plain(tmp_path: Path):
    keyring.encrypt_new_databases(False)
    path = tmp_path / "luotsi.db"
    Store.open(path).close()  # made plain (by an older Luotsi), nobody added yet
    result = init(path, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert f"encrypt it with: luotsi encrypt {path}" in clean(result)
    assert not RECOVERY_KEY.search(result.output)
    assert path.read_bytes().startswith(SQLITE_HEADER)
    assert not key_file_of(path).exists()
