"""`luotsi report no-shows` through Typer's runner, on a real database file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from typer.testing import CliRunner

from store.schedule.models import Booking
from tui.cli import app

runner = CliRunner()
MONDAY_10 = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)  # 10:00 in Helsinki


def luotsi(db_path, *args: str, user: str = "vastaanotto"):
    return runner.invoke(
        app, ["--db", str(db_path), *args, "--user", user], env={"LUOTSI_PASSWORD": "demo"}
    )


def test_no_shows_per_coach_and_month_with_the_share(world, clock):
    store, desk = world.store, world.reception
    keys = ("makinen", "ostman", "obrien", "maki_jokela")
    booked = [
        store.schedule.book(
            desk, Booking(world.clients[k].id, world.coach.id, MONDAY_10 + timedelta(hours=n))
        )
        for n, k in enumerate(keys)
    ]
    store.schedule.cancel(desk, booked[3].id, "by_client")
    clock.at = MONDAY_10 + timedelta(hours=4)
    store.schedule.set_status(world.coach, booked[0].id, "done")
    store.schedule.set_status(world.coach, booked[1].id, "done")
    store.schedule.set_status(desk, booked[2].id, "no_show")
    store.close()
    result = luotsi(world.path, "report", "no-shows", "--from", "1.11.2026", "--to",
                    "31.12.2026", "--lang", "en")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "No-shows per coach 1.11.2026–31.12.2026" in result.output
    [row] = [line for line in result.output.splitlines() if "Virtanen Liisa" in line]
    cells = row.replace("│", " ").split()
    assert cells[2:] == ["11/2026", "4", "2", "1", "1", "0", "33.3"]
    assert "Kept = arrived or done" in result.output


def test_an_empty_period_and_an_unknown_coach_are_said(world):
    world.store.close()
    result = luotsi(world.path, "report", "no-shows", "--from", "1.1.2026", "--to", "31.1.2026")
    assert result.exit_code == 0, result.output
    assert "ei tapaamisia tällä aikavälillä" in result.output
    result = luotsi(world.path, "report", "no-shows", "--coach", "nobody", "--lang", "en")
    assert result.exit_code == 2
    assert "there is no user nobody" in result.output
