"""Guessing a password through the CLI from a script: the store's growing lock holds, and a
damaged account's password data is a message and exit code 2, never a traceback."""

from __future__ import annotations

from datetime import timedelta

import pytest
from typer.testing import CliRunner

from store.api import Store
from store.core.auth import LoginFailed, LoginLocked
from tui.cli import app

runner = CliRunner()


def report_as(world, username: str, password: str, *command: str):
    return runner.invoke(
        app,
        [*(command or ("report", "day")), "--db", str(world.path), "--user", username]
        + ["--lang", "en"],
        env={"LUOTSI_PASSWORD": password},
    )


def earlier_rounds(world, clock) -> None:
    """Five failed logins in a row as a script makes them, each after the previous lock had
    run out (on the test's clock, days before the real one)."""
    staff = world.store.staff
    for _ in range(2):
        with pytest.raises(LoginFailed):
            staff.log_in("valmentaja", "wrong")
    for _ in range(3):
        with pytest.raises(LoginLocked):
            staff.log_in("valmentaja", "wrong")
        clock.at += timedelta(hours=1)
    world.store.close()


def test_ten_more_wrong_passwords_then_the_right_one_meet_a_longer_lock(world, clock):
    earlier_rounds(world, clock)
    # The commands run on the real clock, later than all of those locks: the sixth failure
    # in a row locks for four minutes, and nothing is checked meanwhile, the right password
    # included.
    wrong = [report_as(world, "valmentaja", f"guess{i}") for i in range(10)]
    right = report_as(world, "valmentaja", "demo")
    locked = "luotsi: too many failed logins; try again in 4 minutes\n"
    assert [(r.exit_code, r.output) for r in [*wrong, right]] == [(2, locked)] * 11
    store = Store.open(world.path)
    try:
        failed = store.audit.events(action="failed_login", entity_id=world.coach.id)
        assert [e.purpose for e in failed] == [None] * 6 + ["locked"] * 10
    finally:
        store.close()


def test_the_lock_is_said_in_the_users_language(world, clock):
    earlier_rounds(world, clock)
    result = runner.invoke(
        app,
        ["report", "day", "--db", str(world.path), "--user", "valmentaja", "--lang", "fi"],
        env={"LUOTSI_PASSWORD": "wrong"},
    )
    assert result.exit_code == 2
    assert result.output == (
        "luotsi: liian monta epäonnistunutta kirjautumista; yritä uudelleen 4 minuutin kuluttua\n"
    )


DAMAGED = "luotsi: the account's password data is damaged; ask an admin to set a new password\n"


@pytest.mark.parametrize(
    "stored",
    [
        "scrypt$16384$8$1$not-hex-at-all$zz",
        "scrypt$1073741824$8$1$" + "00" * 16 + "$" + "00" * 64,  # N = 2^30: 1 TiB of memory
        "scrypt$16384$8$1$" + "00" * 16,  # a field missing
        "",
    ],
    ids=["not-hex", "huge-n", "fields", "empty"],
)
@pytest.mark.parametrize(
    "command",
    [("report", "day"), ("export", "visits", "--date", "28.11.2026")],
    ids=["report", "export"],
)
def test_report_and_export_as_a_damaged_account_say_so_and_exit_2(world, tmp_path, stored, command):
    world.store.db.execute(
        "UPDATE staff SET password_hash = ? WHERE username = 'valmentaja'", [stored]
    )
    world.store.db.conn.commit()
    world.store.close()
    out = ["--out", str(tmp_path / "visits.csv")] if command[0] == "export" else []
    result = report_as(world, "valmentaja", "demo", *command, *out)
    assert result.exit_code == 2
    assert result.output == DAMAGED
    assert isinstance(result.exception, SystemExit)
    assert not (tmp_path / "visits.csv").exists()
    store = Store.open(world.path)
    try:
        failed = store.audit.events(action="failed_login")
        assert [(e.entity_id, e.purpose) for e in failed] == [(world.coach.id, "damaged")]
    finally:
        store.close()
