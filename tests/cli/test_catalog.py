"""`luotsi catalog` and `luotsi provider` through Typer's runner, on a real database file."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.faults import raw_connect
from tui.cli import app

runner = CliRunner()


@pytest.fixture
def db_path(world):
    world.store.close()  # the CLI opens the file itself
    return world.path


def luotsi(db_path: Path, *args: str, user: str = "admin"):
    env = {"LUOTSI_PASSWORD": "demo"}
    return runner.invoke(app, ["--db", str(db_path), *args, "--user", user], env=env)


def rows(db_path: Path, sql: str, *params: object) -> list[tuple]:
    with raw_connect(db_path) as conn:
        return conn.execute(sql, params).fetchall()


def providers(db_path: Path) -> list[tuple]:
    return rows(db_path, "SELECT name, business_id, active_to FROM provider ORDER BY name")


def test_catalog_list_and_a_services_rules_with_dates_and_sources(db_path):
    listed = luotsi(db_path, "catalog", "list", "--lang", "en")
    assert listed.exit_code == 0, listed.output
    [row] = [line for line in listed.output.splitlines() if "tyokokeilu" in line]
    assert "Work trial" in row and "work" in row and "6" in row and "active" in row
    rules = luotsi(db_path, "catalog", "rules", "kuntouttava")
    assert rules.exit_code == 0, rules.output
    [row] = [line for line in rules.output.splitlines() if "max_hours_per_week" in line]
    assert "32" in row and "1.9.2001" in row and "✓ nyt" in row and "189/2001" in row


def test_an_admin_adds_a_rule_row_and_a_service_and_retires_it(db_path):
    added = luotsi(
        db_path, "catalog", "rule", "add", "starttiraha", "--kind", "max_total_months",
        "--value", "18", "--from", "1.1.2027", "--source", "HE 99/2026",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    assert "max_total_months = 18" in added.output and "1.1.2027" in added.output
    listed = luotsi(db_path, "catalog", "rules", "starttiraha").output
    assert "HE 99/2026" in listed and "1.1.2013" in listed  # the old row stays
    service = luotsi(
        db_path, "catalog", "add", "digituki", "--fi", "Digituki", "--sv", "Digistöd",
        "--en", "Digital support", "--category", "guidance",
    )  # fmt: skip
    assert service.exit_code == 0, service.output
    assert luotsi(db_path, "catalog", "retire", "digituki").exit_code == 0
    assert "digituki" not in luotsi(db_path, "catalog", "list").output
    assert "digituki" in luotsi(db_path, "catalog", "list", "--all").output
    assert rows(db_path, "SELECT active FROM service WHERE code = 'digituki'") == [(0,)]


def test_provider_add_list_services_and_retire(db_path):
    added = luotsi(
        db_path, "provider", "add", "Savon Valmennus Oy", "--business-id", "20774740",
        "--municipality", "Kuopio", "--services", "tyokokeilu,uravalmennus", "--from", "1.1.2026",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    assert "Savon Valmennus Oy (2077474-0) lisätty" in added.output
    changed = luotsi(db_path, "provider", "services", "2077474-0", "kuntouttava", "tyopaja")
    assert changed.exit_code == 0, changed.output
    assert "kuntouttava tyopaja" in changed.output
    offering = luotsi(db_path, "provider", "list", "--service", "tyopaja").output
    assert "2077474-0" in offering
    assert "2077474-0" not in luotsi(db_path, "provider", "list", "--service", "tyokokeilu").output
    retired = luotsi(db_path, "provider", "retire", "Savon Valmennus Oy", "--on", "27.11.2026")
    assert retired.exit_code == 0, retired.output
    assert providers(db_path) == [("Savon Valmennus Oy", "2077474-0", "2026-11-27")]
    assert "ei palveluntuottajia" in luotsi(db_path, "provider", "list").output
    assert "27.11.2026" in luotsi(db_path, "provider", "list", "--all").output


def test_a_bad_business_id_is_refused_in_the_language_asked(db_path):
    result = luotsi(
        db_path, "provider", "add", "Väärä Oy", "--business-id", "2077474-1", "--lang", "sv"
    )
    assert result.exit_code == 2
    assert "luotsi: FO-nummer: FO-numrets kontrollsiffra stämmer inte" in result.output
    assert providers(db_path) == []


def test_a_coach_lists_providers_but_may_not_add_one(db_path):
    assert luotsi(db_path, "provider", "list", user="valmentaja").exit_code == 0
    result = luotsi(
        db_path, "provider", "add", "A Oy", "--business-id", "2077474-0", user="valmentaja"
    )
    assert result.exit_code == 2
    assert "ei saa muuttaa palveluluetteloa" in result.output
    assert providers(db_path) == []


def test_provider_import_dry_run_then_import(db_path, tmp_path):
    file = tmp_path / "tuottajat.csv"
    file.write_text(
        "name;business_id;sector;municipality;active_from;services\n"
        "Savon Valmennus Oy;2077474-0;company;Kuopio;1.1.2025;tyokokeilu\n"
        "Kuopion kaupunki;0737546-2;municipality;Kuopio;;kuntouttava tyopaja\n",
        encoding="utf-8-sig",
    )
    dry = luotsi(db_path, "provider", "import", str(file), "--dry-run", "--lang", "en")
    assert dry.exit_code == 0, dry.output
    assert "Dry run: 2 providers can be imported" in dry.output
    assert providers(db_path) == []
    done = luotsi(db_path, "provider", "import", str(file))
    assert done.exit_code == 0, done.output
    assert "Tuotiin 2 palveluntuottajaa" in done.output
    assert [name for name, _, _ in providers(db_path)] == ["Kuopion kaupunki", "Savon Valmennus Oy"]
    again = luotsi(db_path, "provider", "import", str(file))
    assert "Y-tunnus jo rekisterissä, ohitetaan: 2" in again.output


def test_a_bad_provider_row_imports_nothing_and_exits_1(db_path, tmp_path):
    file = tmp_path / "tuottajat.csv"
    file.write_text(
        "name,business_id,sector,services\n"
        "Savon Valmennus Oy,2077474-0,company,tyokokeilu\n"
        "Väärä Oy,2077474-1,company,tyokokeilu\n",
        encoding="utf-8",
    )
    result = luotsi(db_path, "provider", "import", str(file), "--lang", "sv")
    assert result.exit_code == 1, result.output
    [row] = [line for line in result.output.splitlines() if "kontrollsiffra" in line]
    assert "3" in row and "business_id" in row
    assert "Inget importerades" in result.output
    assert providers(db_path) == []
