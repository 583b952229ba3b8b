"""Damaged data on the command line: a message and exit code 2, never a traceback, and
an empty file or a folder left as it was."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from store.exports.rows import PSEUDONYM_SETTING
from tests.faults import raw_connect
from tests.store.core.test_damaged import add_backup, damage_page
from tui.cli import app

runner = CliRunner()
DAY = "28.11.2026"  # the fixture clock's day


@pytest.fixture
def visited(world):
    """The fixture world with a visit on the fixture day, closed so the CLI opens it."""
    visits = world.store.visits
    visits.register(world.reception, world.site.id, client_id=world.clients["ostman"].id)
    world.store.close()
    return world


def report(path: Path, *args: str):
    return runner.invoke(
        app,
        ["report", "day", "--db", str(path), "--user", "admin", "--date", DAY, *args],
        env={"LUOTSI_PASSWORD": "demo"},
    )


def export(path: Path, out: Path, *args: str):
    command = ["export", "visits", "--db", str(path), "--user", "admin", "--date", DAY]
    return runner.invoke(app, [*command, "--out", str(out), *args], env={"LUOTSI_PASSWORD": "demo"})


def said(result) -> str:
    """What the command printed, on stdout or stderr, with no traceback in it."""
    text = result.output + (result.stderr if result.stderr_bytes is not None else "")
    assert "Traceback" not in text
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    return " ".join(text.split())


@pytest.mark.parametrize("value", ["zz-not-hex", "00ff"])
def test_a_spoilt_pseudonym_key_is_a_message_in_export(visited, tmp_path, value):
    with closing(raw_connect(visited.path)) as conn, conn:
        conn.execute(
            "INSERT INTO setting (id, key, value, created_at, updated_at)"
            " VALUES ('k', ?, ?, 'x', 'x')",
            [PSEUDONYM_SETTING, value],
        )
    out = tmp_path / "visits.csv"
    result = export(visited.path, out, "--lang", "en")
    assert result.exit_code == 2
    assert "pseudonym key" in said(result)
    assert not out.exists()
    finnish = export(visited.path, out, "--lang", "fi")
    assert finnish.exit_code == 2
    assert "pseudonyymiavain" in said(finnish)


def test_a_damaged_page_is_a_message_in_report_and_export(visited, tmp_path):
    damage_page(visited.path, "visit")
    newest = add_backup(visited.path, 3, age_seconds=60)
    result = report(visited.path, "--lang", "en")
    assert result.exit_code == 2
    assert "is damaged" in said(result)
    assert str(newest) in said(result)
    result = export(visited.path, tmp_path / "visits.csv", "--lang", "sv")
    assert result.exit_code == 2
    assert "är skadad" in said(result)
    assert str(newest) in said(result)


def test_a_truncated_database_is_damaged_not_foreign(visited):
    add_backup(visited.path, 2, age_seconds=3600)
    newest = add_backup(visited.path, 3, age_seconds=60)
    with visited.path.open("r+b") as handle:
        handle.truncate(visited.path.stat().st_size // 2)
    before = visited.path.read_bytes()
    result = report(visited.path, "--lang", "en")
    assert result.exit_code == 2
    text = said(result)
    assert "is damaged" in text and "not a Luotsi database" not in text
    assert f"The newest backup is {newest}" in text
    assert visited.path.read_bytes() == before


def test_starting_the_app_on_a_damaged_database_says_so(visited):
    with visited.path.open("r+b") as handle:
        handle.truncate(3000)
    result = runner.invoke(app, ["--db", str(visited.path), "--lang", "en"])
    assert result.exit_code == 2
    assert "is damaged" in said(result)


@pytest.mark.parametrize("given", ["--db", "LUOTSI_DB"])
@pytest.mark.parametrize(
    "command",
    [[], ["board"], ["settings"], ["report", "day"], ["staff", "list"]],
    ids=["app", "board", "settings", "report", "staff"],
)
def test_a_folder_given_as_the_database_says_so(tmp_path, command, given):
    folder = tmp_path / "luotsi.db"
    folder.mkdir()
    env = {"LUOTSI_USER": "admin", "LUOTSI_PASSWORD": "demo"}
    if given == "--db":
        args = [*command, "--db", str(folder), "--lang", "fi"]
    else:
        args = [*command, "--lang", "fi"]
        env["LUOTSI_DB"] = str(folder)
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 2
    assert f"{folder} on kansio, ei tietokanta" in said(result)


@pytest.mark.parametrize("command", ["init", "sample"])
def test_a_folder_given_for_a_new_database_says_so_in_the_language_asked(tmp_path, command):
    folder = tmp_path / "uusi"
    folder.mkdir()
    result = runner.invoke(
        app, [command, str(folder), "--lang", "sv"], env={"LUOTSI_PASSWORD": "salasana-123"}
    )
    assert result.exit_code == 2
    assert f"{folder} är en mapp, inte en databas" in said(result)
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    "command",
    [["board"], ["settings"], ["report", "day"], ["export", "visits", "--date", DAY]],
    ids=["board", "settings", "report", "export"],
)
def test_an_empty_file_is_left_empty(tmp_path, command):
    path = tmp_path / "luotsi.db"
    path.touch()
    result = runner.invoke(
        app,
        [*command, "--db", str(path), "--lang", "en"],
        env={"LUOTSI_USER": "admin", "LUOTSI_PASSWORD": "demo"},
    )
    assert result.exit_code == 2
    assert "is an empty file" in said(result)
    assert path.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["luotsi.db"]
