"""`luotsi report day` through Typer's runner, on the hand-computed fixture day."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from typer.testing import CliRunner

from store.sample.accounts import add_demo_account
from tests.report_day import build_day
from tui.cli import app

runner = CliRunner()


def _report(world, *args: str, user: str = "vastaanotto", password: str = "demo"):
    return runner.invoke(
        app,
        ["report", "day", "--db", str(world.path), "--user", user, *args],
        env={"LUOTSI_PASSWORD": password},
    )


def _lines(output: str) -> list[str]:
    return [" ".join(line.split()) for line in output.splitlines()]


def test_the_report_shows_the_days_figures(world, clock, helsinki_desk):
    build_day(world, clock)
    result = _report(world, "--date", "28.11.2026", "--lang", "en")
    assert result.exit_code == 0, result.output
    lines = _lines(result.output)
    assert "Day report 28.11.2026" in lines
    assert "Site: Työpiste Keskusta" in lines
    assert "Visits: 8" in lines
    for row in ("CV and applications 3", "Job-search advice 2", "(no reason) 1"):
        assert row in lines
    for row in ("walk-in 5", "phone 1", "appointment 1", "remote 1"):
        assert row in lines
    # The bar of the busiest hour fills the width; the others are scaled to it.
    assert "10 " + "█" * 20 + " 3" in lines
    assert "08 " + "█" * 13 + " 2" in lines
    assert "12 0" in lines and "16 0" in lines
    assert "Wait: median 8 min · 90th percentile 41 min (n = 7)" in lines
    assert "Left without service: 1 (12.5 %)" in lines
    assert "NPS hidden (n = 4 < 5)" in lines
    assert "Nieminen Noora 5 0" in lines
    assert "Virtanen Liisa 2 1" in lines
    assert "A007 41 min done" in lines
    assert "A008 25 min left" in lines
    assert "Aalto" not in result.output and "Mäkinen" not in result.output


def test_nps_with_five_answers_iso_date_and_finnish(world, clock, helsinki_desk):
    build_day(world, clock, feedback=(10, 9, 9, 7, 3))
    result = _report(world, "--date", "2026-11-28", "--site", "keskusta")
    assert result.exit_code == 0, result.output
    lines = _lines(result.output)
    assert "NPS +40 (n = 5)" in lines
    assert "Poistui ilman palvelua: 1 (12,5 %)" in lines


def test_default_day_is_today(world, clock, helsinki_desk):
    result = _report(world)
    assert result.exit_code == 0, result.output
    # The CLI runs on the real clock: its title names the real today in Helsinki.
    today = datetime.now(ZoneInfo("Europe/Helsinki")).date()
    assert f"Päivän raportti {today.day}.{today.month}.{today.year}" in _lines(result.output)


@pytest.mark.parametrize("bad", ["31.2.2026", "tomorrow", "2026-13-01"])
def test_a_bad_date_is_exit_2(world, bad):
    result = _report(world, "--date", bad)
    assert result.exit_code == 2
    assert bad in result.output


def test_an_unknown_site_is_exit_2_and_lists_the_sites(world):
    result = _report(world, "--site", "Nowhere", "--lang", "en")
    assert result.exit_code == 2
    assert "no single site matches “Nowhere”" in result.output
    assert "Työpiste Keskusta" in result.output


def test_a_wrong_login_is_exit_2(world):
    result = _report(world, password="wrong")
    assert result.exit_code == 2
    assert "Käyntejä" not in result.output


def test_a_user_without_a_site_must_choose_one_when_there_are_several(world):
    world.store.sites.create("Raision työpiste", "Raisio", "Turun työllisyysalue", world.admin)
    add_demo_account(world.store.ctx, "ulla", "Ulla Ulkopuolinen", "admin")
    result = _report(world, "--lang", "en", user="ulla")
    assert result.exit_code == 2
    assert "choose one with --site" in result.output
    chosen = _report(world, "--lang", "en", "--site", "raisio", user="ulla")
    assert chosen.exit_code == 0, chosen.output
    assert "Site: Raision työpiste" in _lines(chosen.output)
