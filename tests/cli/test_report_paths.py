"""`luotsi report paths` through Typer's runner: the tables, the files it writes (read
back), who may run it, and its lines in the access log."""

from __future__ import annotations

import csv
import io

import openpyxl
from typer.testing import CliRunner

from tests.conftest import World
from tests.store.paths.test_report import ended_path
from tui.cli import app

runner = CliRunner()


def _report(world: World, *args: str, user: str = "valmentaja"):
    return runner.invoke(
        app,
        ["report", "paths", "--db", str(world.path), "--user", user, *args],
        env={"LUOTSI_PASSWORD": "demo"},
    )


def _lines(output: str) -> list[str]:
    return [" ".join(line.split()) for line in output.splitlines()]


def _paths(world: World) -> None:
    for _ in range(5):
        ended_path(world, world.coach, ["tyokokeilu", "palkkatuki"], "employed", "1.6.2026")
    for _ in range(5):
        ended_path(world, world.coach, ["tyokokeilu", "koulutus"], "studies", "1.7.2026")
    ended_path(world, world.coach, ["koulutus"], "unknown", "1.7.2026")


def test_the_report_shows_outcomes_sequences_and_shares_without_names(world: World):
    _paths(world)
    result = _report(world, "--from", "1.1.2026", "--to", "30.11.2026", "--lang", "en")
    assert result.exit_code == 0, result.output
    lines = _lines(result.output)
    assert "Where paths lead 1.1.2026–30.11.2026" in lines
    assert "Site: All sites" in lines
    assert "Paths ended: 11" in lines
    assert "employed 5 45.5" in lines and "unknown < 5 < 5" in lines
    assert "tyokokeilu → palkkatuki 5" in lines
    assert "other sequences (each < 5) < 5" in lines
    assert "Work trial 10 5 50" in lines
    assert "Labour-market training 6 < 5 < 5" in lines
    assert "Testi" not in result.output and "Virtanen" not in result.output


def test_swedish_and_a_range_that_holds_too_few(world: World):
    _paths(world)
    result = _report(world, "--from", "1.6.2026", "--to", "30.6.2026", "--lang", "sv",
                     "--site", "keskusta")  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = _lines(result.output)
    assert "Vart vägarna leder 1.6.2026–30.6.2026" in lines
    assert "Verksamhetsställe: Työpiste Keskusta" in lines
    assert "Avslutade vägar: 5" in lines and "anställd 5 100" in lines


def test_the_file_is_csv_for_excel_or_xlsx_and_logged_as_an_export(world: World, tmp_path):
    _paths(world)
    target = tmp_path / "polut.csv"
    result = _report(world, "--from", "1.1.2026", "--to", "30.11.2026", "--out", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == ["section", "code", "label", "paths", "employed", "percent", "days"]
    assert ["outcome", "employed", "työllistyi", "5", "", "45,5", ""] in rows
    assert ["outcome", "unknown", "ei tiedossa", "< 5", "", "< 5", ""] in rows
    assert ["sequence", "tyokokeilu → palkkatuki", "", "5", "", "", ""] in rows

    book = tmp_path / "polut.xlsx"
    result = _report(world, "--out", str(book), "--from", "1.1.2026", "--to", "30.11.2026")
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(book).active
    assert sheet is not None
    values = [tuple(cell.value for cell in row) for row in sheet.iter_rows()]
    assert ("outcome", "employed", "työllistyi", 5, None, 45.5, None) in values
    assert ("service", "koulutus", "Työvoimakoulutus", 6, "< 5", "< 5", None) in values

    events = [e for e in world.store.audit.events() if e.entity == "paths_report"]
    assert [e.action for e in events] == ["export", "export"]
    assert events[0].purpose is not None and events[0].purpose.startswith("2026-01-01..2026-11-30")
    assert str(target) in events[0].purpose


def test_reception_is_refused_and_a_bad_file_or_date_is_exit_2(world: World, tmp_path):
    result = _report(world, user="vastaanotto")
    assert result.exit_code == 2
    assert [e for e in world.store.audit.events() if e.entity == "paths_report"] == []
    assert _report(world, "--out", str(tmp_path / "polut.json")).exit_code == 2
    assert not (tmp_path / "polut.json").exists()
    result = _report(world, "--from", "31.2.2026")
    assert result.exit_code == 2 and "31.2.2026" in result.output
    result = _report(world, "--from", "1.6.2026", "--to", "1.5.2026", "--lang", "en")
    assert result.exit_code == 2 and "before the start date" in result.output


def test_the_default_range_is_the_last_twelve_months_and_the_run_is_logged(world: World):
    result = _report(world, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "Paths ended: < 5" in _lines(result.output)
    events = [e for e in world.store.audit.events() if e.entity == "paths_report"]
    assert [(e.action, e.staff_id) for e in events] == [("view", world.coach.id)]
