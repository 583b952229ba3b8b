"""`luotsi staff team`: an admin puts a coach in a team, which lets team mates book for
each other; the change is in the access log."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from typer.testing import CliRunner

from store.api import Store
from store.core.clock import FixedClock
from store.sample.accounts import add_demo_account
from store.schedule.models import Booking
from tests.conftest import NOW
from tests.faults import raw_connect
from tui.cli import app

runner = CliRunner()


@pytest.fixture
def db_path(world):
    add_demo_account(world.store.ctx, "valmentaja2", "Koski Kalle", "coach", world.site.id)
    world.store.close()  # the CLI opens the file itself
    return world.path


def luotsi(db_path, *args: str, user: str = "admin"):
    return runner.invoke(
        app, ["--db", str(db_path), *args, "--user", user], env={"LUOTSI_PASSWORD": "demo"}
    )


def teams(db_path) -> dict[str, str | None]:
    with raw_connect(db_path) as conn:
        return dict(conn.execute("SELECT username, team FROM staff").fetchall())


def test_a_team_set_lets_team_mates_book_for_each_other_and_is_logged(db_path):
    for username in ("valmentaja", "valmentaja2"):
        result = luotsi(db_path, "staff", "team", username, "  Nuoret ", "--lang", "en")
        assert result.exit_code == 0, result.output
        assert f"{username} is now in the team Nuoret" in result.output
    assert teams(db_path)["valmentaja"] == "Nuoret"
    store = Store.open(db_path, FixedClock(NOW))
    try:
        coach = store.staff.find("valmentaja")
        mate = store.staff.find("valmentaja2")
        assert coach is not None and mate is not None
        assert store.schedule.may_book_for(coach, mate.id)
        client_id = store.db.execute("SELECT id FROM client LIMIT 1").fetchone()[0]
        booked = store.schedule.book(
            coach, Booking(client_id, mate.id, datetime(2026, 11, 30, 8, 0, tzinfo=UTC))
        )
        assert booked.coach_name == "Koski Kalle"
        events = store.audit.events(entity_id=mate.id)
        assert "team:Nuoret" in [e.purpose for e in events]
    finally:
        store.close()


def test_an_empty_team_takes_the_coach_out_and_they_no_longer_book_for_the_other(db_path):
    luotsi(db_path, "staff", "team", "valmentaja", "Nuoret")
    luotsi(db_path, "staff", "team", "valmentaja2", "Nuoret")
    result = luotsi(db_path, "staff", "team", "valmentaja2", "")
    assert result.exit_code == 0, result.output
    assert "valmentaja2 ei ole enää missään tiimissä" in result.output
    assert teams(db_path)["valmentaja2"] is None
    store = Store.open(db_path, FixedClock(NOW))
    try:
        coach = store.staff.find("valmentaja")
        mate = store.staff.find("valmentaja2")
        assert coach is not None and mate is not None
        assert not store.schedule.may_book_for(coach, mate.id)
    finally:
        store.close()


def test_only_an_admin_sets_teams_and_a_bad_name_is_refused_with_nothing_changed(db_path):
    result = luotsi(db_path, "staff", "team", "valmentaja", "Nuoret", user="valmentaja")
    assert result.exit_code == 2
    assert "vain pääkäyttäjä" in result.output
    result = luotsi(db_path, "staff", "team", "valmentaja", "=Nuoret", "--lang", "en")
    assert result.exit_code == 2
    assert "Team" in result.output
    result = luotsi(db_path, "staff", "team", "nobody", "Nuoret")
    assert result.exit_code == 2
    assert "käyttäjää nobody ei ole" in result.output
    assert teams(db_path)["valmentaja"] is None
