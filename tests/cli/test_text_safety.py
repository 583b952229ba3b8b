"""Names that would be formulas or hold control characters, through the real `luotsi`:
refused when added, and shown as symbols when already stored."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.faults import raw_connect
from tui.cli import app

runner = CliRunner()
TITLE_ESCAPE = "\x1b]0;pwned\x07"


def luotsi(path: Path, *args: str, user: str = "admin"):
    env = {"LUOTSI_PASSWORD": "demo", "LUOTSI_NEW_PASSWORD": "uusi salasana"}
    return runner.invoke(app, [*args, "--db", str(path), "--user", user], env=env)


def rows(path: Path, sql: str, *params: object) -> list[tuple]:
    with raw_connect(path) as conn:
        return conn.execute(sql, params).fetchall()


@pytest.fixture
def db_path(world):
    world.store.close()  # the CLI opens the file itself
    return world.path


def tamper(path: Path, sql: str, *params: object) -> None:
    """Write what the store refuses straight into the file, as an old version, another
    program or someone with the file could have."""
    with raw_connect(path) as conn:
        conn.execute(sql, params)


@pytest.mark.parametrize(
    ("name", "options", "message"),
    [
        (
            '=HYPERLINK("http://x")',
            (),
            "Toimipisteen nimi: on alettava kirjaimella tai numerolla (ei ”=”)",
        ),
        ("+358 Piste", (), "Toimipisteen nimi: on alettava kirjaimella tai numerolla (ei ”+”)"),
        (
            f"Itä{TITLE_ESCAPE}",
            (),
            "Toimipisteen nimi: sisältää ohjausmerkin tai näkymättömän merkin (U+001B)",
        ),
        (
            "Itä",
            ("--municipality", "Kuo\x00pio"),
            "Kunta: sisältää ohjausmerkin tai näkymättömän merkin (U+0000)",
        ),
        ("Itä", ("--area", "@Savo"), "Työllisyysalue: on alettava kirjaimella"),
        ("I" * 101, (), "Toimipisteen nimi: enintään 100 merkkiä"),
    ],
)
def test_site_add_refuses_formulas_and_control_characters(db_path, name, options, message):
    defaults = {"--municipality": "Kuopio", "--area": "Pohjois-Savo"}
    given = dict(zip(options[::2], options[1::2], strict=True))
    args = [arg for key, value in (defaults | given).items() for arg in (key, value)]
    result = luotsi(db_path, "site", "add", name, *args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "\x1b" not in result.output
    assert rows(db_path, "SELECT count(*) FROM site") == [(1,)]


@pytest.mark.parametrize(
    ("username", "name", "message"),
    [
        (".x", "Koski Kaisa", "Käyttäjätunnus: on alettava kirjaimella tai numerolla (ei ”.”)"),
        ("u" * 65, "Koski Kaisa", "Käyttäjätunnus: enintään 64 merkkiä"),
        ("koski", "=1+1", "Nimi: on alettava kirjaimella tai numerolla (ei ”=”)"),
        ("koski", "@Koski", "Nimi: on alettava kirjaimella tai numerolla (ei ”@”)"),
        (
            "koski",
            f"Koski{TITLE_ESCAPE}",
            "Nimi: sisältää ohjausmerkin tai näkymättömän merkin (U+001B)",
        ),
        (
            "koski",
            "Koski\u202eaisaK",
            "Nimi: sisältää ohjausmerkin tai näkymättömän merkin (U+202E)",
        ),
        ("kos\x1bki", "Koski Kaisa", "käyttäjätunnus ”kos␛ki” ei kelpaa"),
    ],
)
def test_staff_add_refuses_formulas_and_control_characters(db_path, username, name, message):
    result = luotsi(db_path, "staff", "add", username, "--name", name, "--role", "coach")
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "\x1b" not in result.output
    assert rows(db_path, "SELECT count(*) FROM staff") == [(3,)]


def test_lists_show_stored_control_characters_as_symbols(world, db_path):
    tamper(db_path, "UPDATE site SET name = ? WHERE id = ?", f"Keskus{TITLE_ESCAPE}", world.site.id)
    tamper(
        db_path,
        "UPDATE staff SET display_name = ? WHERE id = ?",
        "Nieminen\x1b[2J[bold]Noora",
        world.reception.id,
    )
    sites = luotsi(db_path, "site", "list")
    staff = luotsi(db_path, "staff", "list")
    for result in (sites, staff):
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.output and "\x07" not in result.output
    assert "Keskus␛]0;pwned␇" in sites.output
    assert "Nieminen␛[2J[bold]Noora" in staff.output


def test_the_day_report_shows_stored_control_characters_as_symbols(world, clock):
    visit = world.store.visits.register(world.reception, world.site.id)
    clock.at += timedelta(minutes=3)
    world.store.visits.change_state(world.reception, visit.id, "done")
    world.store.close()
    tamper(
        world.path, "UPDATE site SET name = ? WHERE id = ?", f"Keskus{TITLE_ESCAPE}", world.site.id
    )
    tamper(
        world.path,
        "UPDATE staff SET display_name = ? WHERE id = ?",
        "Nieminen\x1b[5m\u202eNoora",
        world.reception.id,
    )
    result = luotsi(world.path, "report", "day", "--date", "28.11.2026", user="vastaanotto")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\u202e" not in result.output
    assert "Keskus␛]0;pwned␇" in result.output
    assert "Nieminen␛[5m\ufffdNoora" in result.output


def test_an_import_with_control_characters_names_each_line_and_imports_nothing(db_path, tmp_path):
    csv_file = tmp_path / "asiakkaat.csv"
    csv_file.write_text(
        "first_name,last_name,birth_date,municipality,email\n"
        "Anna,Aalto,1.1.1990,Turku,anna@example.com\n"
        f'Bertta,Berg,2.2.1990,"Turku{TITLE_ESCAPE}",\n'
        "Cecilia,Carlsson,3.3.1990,,cecilia\x00@example.com\n"
        f"Dora,Dahl,4.4.1990,{'T' * 101},\n"
        "Eero,Eskola,31.12.1899,,\n",
        encoding="utf-8",
    )
    result = luotsi(db_path, "import", "clients", str(csv_file), "--lang", "en")
    assert result.exit_code == 1, result.output
    assert "\x1b" not in result.output and "\x00" not in result.output
    table = {
        tuple(cell.strip() for cell in line.strip("│ ").split("│"))
        for line in result.output.splitlines()
        if line.startswith("│")
    }
    assert table == {
        ("3", "municipality", "contains a control or invisible character (U+001B) — remove it"),
        ("4", "email", "contains a control or invisible character (U+0000) — remove it"),
        ("5", "municipality", "at most 100 characters"),
        ("6", "birth_date", "born before 1900 — check the year"),
    }
    assert rows(db_path, "SELECT count(*) FROM client") == [(4,)]
