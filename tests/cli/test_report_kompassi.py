"""`luotsi report kompassi` through Typer's runner: the table in three languages, the
filters, "< 5", who may run it and its line in the access log."""

from __future__ import annotations

from typer.testing import CliRunner

from tests.conftest import World
from tests.store.kompassi.test_report import SIX, travelled
from tui.cli import app

runner = CliRunner()


def _report(world: World, *args: str, user: str = "valmentaja"):
    return runner.invoke(
        app,
        ["report", "kompassi", "--db", str(world.path), "--user", user, *args],
        env={"LUOTSI_PASSWORD": "demo"},
    )


def _lines(output: str) -> list[str]:
    return [" ".join(line.split()) for line in output.splitlines()]


def _readings(world: World) -> None:
    for before, after in SIX:
        travelled(world, world.coach, {"talous": before, "arki": 5}, {"talous": after, "arki": 4})


def test_the_table_per_domain_without_names(world: World):
    _readings(world)
    result = _report(world, "--lang", "en", "--from", "29.11.2025", "--to", "28.11.2026")
    assert result.exit_code == 0, result.output
    lines = _lines(result.output)
    assert "Kompassi – distance travelled 29.11.2025–28.11.2026" in lines
    assert "Site: All sites" in lines and "Coach: All coaches" in lines
    assert "Clients with a baseline and a later reading in the range: 6" in lines
    assert "Domain Clients Change ▲ Up % = Same % ▼ Down %" in lines
    assert "Finances 6 +1.5 < 5 < 5 < 5" in lines
    assert "Everyday life 6 −1 < 5 100 < 5" in lines
    assert "Skills < 5 < 5 < 5 < 5 < 5" in lines
    assert "Kompassi" + "a" not in result.output and "Kaisa" not in result.output


def test_finnish_by_default_with_site_and_coach_and_a_range_too_small(world: World):
    _readings(world)
    result = _report(world, "--site", "keskusta", "--coach", "valmentaja",
                     "--from", "1.9.2026", "--to", "1.9.2026", user="admin")  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = _lines(result.output)
    assert "Kompassi – kuljettu matka 1.9.2026–1.9.2026" in lines
    assert "Toimipiste: Työpiste Keskusta" in lines and "Valmentaja: Virtanen Liisa" in lines
    assert "Talous 6 +1,5 < 5 < 5 < 5" in lines
    result = _report(world, "--from", "2.9.2026", "--lang", "sv")
    lines = _lines(result.output)
    assert "Klienter med en utgångsmätning och efter den en mätning under perioden: < 5" in lines
    assert "Ekonomi < 5 < 5 < 5 < 5 < 5" in lines


def test_reception_an_unknown_coach_and_a_bad_date_are_refused(world: World):
    result = _report(world, "--lang", "en", user="vastaanotto")
    assert result.exit_code == 2 and "Finances" not in result.output
    result = _report(world, "--coach", "nobody", "--lang", "en")
    assert result.exit_code == 2
    assert "there is no user nobody; give --coach a coach's username" in result.output
    result = _report(world, "--from", "31.2.2026", "--lang", "en")
    assert result.exit_code == 2 and "31.2.2026" in result.output
    events = [e for e in world.store.audit.events() if e.entity == "kompassi_report"]
    assert events == []


def test_each_run_is_in_the_access_log_with_no_client(world: World):
    _readings(world)
    assert (
        _report(
            world, "--coach", "valmentaja", "--from", "29.11.2025", "--to", "28.11.2026"
        ).exit_code
        == 0
    )
    events = [e for e in world.store.audit.events() if e.entity == "kompassi_report"]
    assert [(e.action, e.client_id) for e in events] == [("view", None)]
    assert events[0].purpose == f"2025-11-29..2026-11-28; coach={world.coach.id}"
