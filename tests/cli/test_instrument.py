"""`luotsi instrument list|show|import` through Typer's runner, on a real database file."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.faults import raw_connect
from tui.cli import app

runner = CliRunner()
DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def db_path(world):
    world.store.close()  # the CLI opens the file itself
    return world.path


def luotsi(db_path: Path, *args: str, user: str = "admin"):
    env = {"LUOTSI_PASSWORD": "demo"}
    return runner.invoke(app, ["--db", str(db_path), *args, "--user", user], env=env)


def versions(db_path: Path) -> list[tuple]:
    with raw_connect(db_path) as conn:
        return conn.execute(
            "SELECT code, version FROM instrument ORDER BY code, version"
        ).fetchall()


def test_list_shows_each_version_its_domains_and_which_new_readings_use(db_path):
    listed = luotsi(db_path, "instrument", "list", "--lang", "en")
    assert listed.exit_code == 0, listed.output
    [row] = [line for line in listed.output.splitlines() if "kompassi" in line]
    assert "Kompassi" in row and " 8 " in row and "yes" in row and "✓" in row
    assert "✓ new readings use this version" in listed.output
    header = [cell.strip() for cell in listed.output.splitlines()[1].split("┃")[1:-1]]
    assert header == ["code", "version", "name", "domains", "active", "readings", "new"]


def test_show_prints_bands_and_domains_with_questions_in_the_users_language(db_path):
    shown = luotsi(db_path, "instrument", "show", "kompassi", "--lang", "sv")
    assert shown.exit_code == 0, shown.output
    text = shown.output
    assert "Kompassi (kompassi), version 1" in text and "Nya mätningar använder" in text
    assert "0–5    low        Svårt" in text
    assert "8. tyokyky — Arbetsförmåga (frivillig)" in text
    assert "Hur räcker dina pengar just nu" in text
    every = luotsi(db_path, "instrument", "show", "kompassi", "--all-languages", "--lang", "en")
    assert "fi: Talous / sv: Ekonomi / en: Finances" in every.output
    assert "sv: Hur låter din hälsa dig göra det du vill?" in every.output
    missing = luotsi(db_path, "instrument", "show", "kompassi", "--version", "4", "--lang", "en")
    assert missing.exit_code == 2
    assert "kompassi has no version 4; see luotsi instrument list" in missing.output


def test_an_admin_starts_from_the_toml_of_a_version_and_imports_the_next(db_path, tmp_path):
    shown = luotsi(db_path, "instrument", "show", "kompassi", "--toml", "--next")
    assert shown.exit_code == 0, shown.output
    assert shown.output.startswith('code = "kompassi"\nversion = 2\n')
    own = tmp_path / "oma.toml"
    own.write_text(shown.output.replace("Talous", "Raha-asiat"), encoding="utf-8")
    checked = luotsi(db_path, "instrument", "import", str(own), "--dry-run", "--lang", "en")
    assert checked.exit_code == 0, checked.output
    assert "Dry run: Kompassi (kompassi) version 2, 8 domains, can be stored" in checked.output
    assert versions(db_path) == [("kompassi", 1)]
    stored = luotsi(db_path, "instrument", "import", str(own), "--lang", "en")
    assert stored.exit_code == 0, stored.output
    assert "Stored Kompassi (kompassi) version 2, 8 domains. New readings use it" in stored.output
    assert versions(db_path) == [("kompassi", 1), ("kompassi", 2)]
    shown = luotsi(db_path, "instrument", "show", "kompassi", "--lang", "fi").output
    assert "versio 2" in shown and "1. talous — Raha-asiat" in shown
    old = luotsi(db_path, "instrument", "show", "kompassi", "--version", "1").output
    assert "1. talous — Talous" in old and "Ei käytössä uusissa mittauksissa." in old


def test_a_json_file_is_imported_too(db_path):
    stored = luotsi(db_path, "instrument", "import", str(DATA / "instrument_oma.json"))
    assert stored.exit_code == 0, stored.output
    assert "Tallennettiin Oma arvio (oma_arvio) versio 1, 2 osa-aluetta." in stored.output
    listed = luotsi(db_path, "instrument", "list", "--lang", "en").output
    [row] = [line for line in listed.splitlines() if "oma_arvio" in line]
    assert "✓" in row


def test_a_refused_import_exits_1_naming_every_problem_and_stores_nothing(db_path, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"code": "kompassi", "version": 1, "name": {"fi": "K", "sv": "K"},'
        ' "scale": {"min": 0, "max": 10},'
        ' "bands": [{"code": "all", "from": 0, "to": 10,'
        ' "label": {"fi": "a", "sv": "b", "en": "c"}}],'
        ' "domains": []}',
        encoding="utf-8",
    )
    refused = luotsi(db_path, "instrument", "import", str(bad), "--lang", "en")
    assert refused.exit_code == 1
    assert "Problems in bad.json: 3" in refused.output
    assert "kompassi version 1 is stored already" in refused.output
    assert "name.en" in refused.output and "missing" in refused.output
    assert "domains" in refused.output and "at least one is needed" in refused.output
    assert "Nothing was stored. Fix these and import bad.json again." in refused.output
    # Once the file is right, what is left is the version: the seeded one is never rewritten.
    bad.write_text(bad.read_text().replace('"sv": "K"}', '"sv": "K", "en": "K"}').replace(
        '"domains": []',
        '"domains": [{"code": "d", "label": {"fi": "a", "sv": "b", "en": "c"},'
        ' "question": {"fi": "a", "sv": "b", "en": "c"}}]',
    ), encoding="utf-8")  # fmt: skip
    again = luotsi(db_path, "instrument", "import", str(bad), "--lang", "en")
    assert again.exit_code == 1
    assert "kompassi version 1 is stored already" in again.output
    assert "give the new wording version 2" in " ".join(again.output.split())
    assert versions(db_path) == [("kompassi", 1)]


def test_an_unreadable_file_exits_2_saying_why(db_path, tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text('code = "x"\nversion = 2\nname = {fi = "a"\n', encoding="utf-8")
    result = luotsi(db_path, "instrument", "import", str(broken), "--lang", "en")
    assert result.exit_code == 2
    assert f"luotsi: {broken} is not valid TOML: line 3" in result.output
    missing = luotsi(db_path, "instrument", "import", str(tmp_path / "nope.toml"), "--lang", "en")
    assert missing.exit_code == 2 and "not found" in missing.output


@pytest.mark.parametrize("user", ["valmentaja", "vastaanotto"])
def test_a_coach_or_reception_is_refused(db_path, user):
    for args in (
        ("list",),
        ("show", "kompassi"),
        ("import", str(DATA / "instrument_kompassi_v2.toml")),
    ):
        result = luotsi(db_path, "instrument", *args, "--lang", "en", user=user)
        assert result.exit_code == 2, args
        assert f"{user} may not manage Kompassi instruments (admins only)" in result.output
    assert versions(db_path) == [("kompassi", 1)]
