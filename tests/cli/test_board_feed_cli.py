"""`luotsi board` reads the side file the desks publish: no login, no key, and a clear
message (exit 2) when no desk has written it yet."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from store.api import Store
from store.core import keyring
from store.visits.board_feed import board_file_of
from tui.cli import app

runner = CliRunner()


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The boards the command would have run: their site and the file each reads."""
    import tui.board

    boards: list[tuple[str, str]] = []

    def run(self) -> None:
        boards.append((self.board.site.name, self.board.feed.path.name))

    monkeypatch.setattr(tui.board.BoardApp, "run", run)
    return boards


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("fi", "odotustilan näytöllä ei ole vielä tietoja tietokannasta"),
        ("sv", "väntrummets skärm har inga uppgifter ännu från databasen"),
        ("en", "the waiting-room board has no data yet from the database"),
    ],
)
def test_no_side_file_yet_says_to_open_a_desk_once(world, shown, lang, said):
    world.store.close()
    board_file_of(world.path).unlink()  # as a database from before the board's side file
    result = runner.invoke(app, ["board", "--db", str(world.path), "--lang", lang])
    assert result.exit_code == 2
    text = " ".join(result.output.split())
    assert said in text and f"luotsi --db {world.path}" in text
    assert shown == []
    assert not board_file_of(world.path).exists()  # the board writes nothing, not even this


def test_a_damaged_side_file_is_a_message_and_the_next_desk_writes_it_anew(world, shown):
    world.store.close()
    side = board_file_of(world.path)
    side.write_bytes(b"not the board's file\n" * 300)
    result = runner.invoke(app, ["board", "--db", str(world.path), "--lang", "en"])
    assert result.exit_code == 2
    assert "the waiting-room board's file beside the database" in result.output
    assert "is damaged" in result.output
    Store.open(world.path).close()  # a desk opens the database
    result = runner.invoke(app, ["board", "--db", str(world.path)])
    assert result.exit_code == 0, result.output
    assert shown == [("Työpiste Keskusta", "luotsi.db.board")]


def test_the_board_of_an_encrypted_database_needs_no_login_and_no_key(tmp_path: Path, clock, shown):
    keyring.encrypt_new_databases(True)
    path = tmp_path / "salattu.db"
    store = Store.open(path, clock)
    store.sites.create("Työpiste Itä", "Kuopio", "Pohjois-Savon työllisyysalue")
    store.close()
    assert keyring.is_encrypted(path)
    keyring.forget(path)
    result = runner.invoke(app, ["board", "--db", str(path)], env={"LUOTSI_PASSWORD": ""})
    assert result.exit_code == 0, result.output
    assert shown == [("Työpiste Itä", "salattu.db.board")]
    assert keyring.known_key(path) is None
