"""`luotsi export calendar` through Typer's runner, on real database files."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from store.core.dates import format_date
from store.exports.calendar_file import default_range
from store.sample.accounts import add_demo_account
from store.schedule.models import Booking
from tui.cli import app

runner = CliRunner()
HELSINKI = ZoneInfo("Europe/Helsinki")
# Monday 30.11.2026 10:00 in Helsinki; the fixed clock is Saturday 28.11.2026.
MONDAY_10 = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


@pytest.fixture
def booked(world):
    """One appointment in the coach's calendar, and a coach of no team of theirs."""
    world.store.schedule.book(
        world.reception,
        Booking(client_id=world.clients["makinen"].id, coach_id=world.coach.id,
                starts_at=MONDAY_10, kind="initial_interview"),
    )  # fmt: skip
    add_demo_account(world.store.ctx, "toinen", "Toinen Tiina", "coach", world.site.id)
    world.store.close()  # the CLI opens the file itself
    return world


def export(world, *args: str, user: str = "vastaanotto"):
    return runner.invoke(
        app,
        ["export", "calendar", "--db", str(world.path), "--user", user, *args],
        env={"LUOTSI_PASSWORD": "demo"},
    )


def test_reception_exports_a_coachs_calendar(booked, tmp_path: Path):
    out = tmp_path / "valmentaja.ics"
    result = export(booked, "--coach", "valmentaja", "--from", "30.11.2026", "--to",
                    "6.12.2026", "--out", str(out))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"{out}: 30.11.2026–6.12.2026, 1 tapaamista" in result.output
    [event] = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]) == "A. M. — alkuhaastattelu"
    assert b"DTSTART;TZID=Europe/Helsinki:20261130T100000" in out.read_bytes()


def test_a_coach_by_default_their_own_in_the_default_range(booked, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = export(booked, user="valmentaja")
    assert result.exit_code == 0, result.output
    # The command runs on the real clock: a week back to eight weeks ahead of today.
    first, last = default_range(datetime.now(HELSINKI).date())
    written = tmp_path / f"kalenteri-valmentaja-{first.isoformat()}_{last.isoformat()}.ics"
    assert written.is_file()
    assert f"{format_date(first)}–{format_date(last)}" in result.output


def test_another_teams_coach_is_refused(booked, tmp_path: Path):
    out = tmp_path / "x.ics"
    result = export(booked, "--coach", "valmentaja", "--out", str(out), user="toinen")
    assert result.exit_code == 2
    assert "Voit viedä vain oman ja tiimisi kalenterin." in result.output
    assert not out.exists()


def test_admin_is_not_allowed(booked, tmp_path: Path):
    result = export(booked, "--coach", "valmentaja", "--out", str(tmp_path / "a.ics"),
                    user="admin")  # fmt: skip
    assert result.exit_code == 2
    assert "käyttäjä admin ei saa viedä kalentereita" in result.output


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--from", "31.11.2026"], "31.11.2026"),
        (["--from", "huomenna"], "huomenna"),
        (["--from", "6.12.2026", "--to", "1.12.2026"], "loppupäivä 1.12.2026 on ennen"),
        (["--coach", "eiole"], "käyttäjää eiole ei ole"),
        (["--out", "kalenteri.txt"], "päättyä .ics"),
    ],
)
def test_bad_input_is_a_clear_message_and_exit_2(booked, tmp_path: Path, monkeypatch, args, said):
    monkeypatch.chdir(tmp_path)
    result = export(booked, *args)
    assert result.exit_code == 2, result.output
    assert said in result.output
    assert not list(tmp_path.glob("*.ics")) and not list(tmp_path.glob("*.txt"))


def test_english_when_asked(booked, tmp_path: Path):
    out = tmp_path / "en.ics"
    result = export(booked, "--coach", "valmentaja", "--out", str(out), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "1 appointments, 0 group sessions, 0 absences (coach Virtanen Liisa)" in result.output
