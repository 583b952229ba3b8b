"""The admin's Today screen warns when the access log's last check found tampering."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from tests.faults import raw_connect
from tui.app import make_app

from ..helpers import log_in, screen_text, settled, wait_until

TEMPORARY = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")  # an export's temporary file


def _tamper_and_verify(world) -> str:
    event_id = world.store.db.execute(
        "SELECT id FROM audit_event WHERE entity = 'client' ORDER BY seq LIMIT 1"
    ).fetchone()[0]
    conn = raw_connect(world.path, isolation_level=None)
    conn.execute("DROP TRIGGER audit_event_no_update")
    conn.execute(f"UPDATE audit_event SET purpose = 'x' WHERE id = '{event_id}'")
    conn.close()
    assert not world.store.audit.verify(world.admin).ok
    return event_id


async def test_the_admin_sees_that_the_last_check_failed(world, clock):
    _tamper_and_verify(world)
    seq = world.store.db.execute("SELECT min(seq) FROM audit_event WHERE purpose = 'x'")
    seq = seq.fetchone()[0]
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await log_in(pilot, "admin")
        await wait_until(pilot, lambda: "⚠" in screen_text(pilot), "the warning")
        text = screen_text(pilot)
        assert f"löysi muutetun tapahtuman: #{seq} (28.11.2026 12:30)" in text


async def test_reception_is_not_told_and_a_good_check_says_nothing(world, clock):
    _tamper_and_verify(world)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await log_in(pilot, "vastaanotto")
        await settled(pilot)
        assert "⚠" not in screen_text(pilot)


async def test_a_check_older_than_a_month_is_a_reminder(world, clock):
    assert world.store.audit.verify(world.admin).ok
    clock.at += timedelta(days=40)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await log_in(pilot, "admin")
        await wait_until(pilot, lambda: "⚠" in screen_text(pilot), "the reminder")
        assert "Käyttöloki on viimeksi tarkistettu 28.11.2026" in screen_text(pilot)


async def test_the_app_start_removes_a_crashed_exports_temporary_file(
    world, clock, tmp_path: Path, monkeypatch
):
    monkeypatch.setenv("HOME", str(tmp_path))
    left = tmp_path / ".kaynnit-kaikki-2026-11-28.csv.k2j3h4g5.tmp"
    left.write_text("hetu;nimi\n010190-900X;Mäkinen Anna\n")
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot)
        await settled(pilot)
    assert not [p for p in tmp_path.iterdir() if TEMPORARY.fullmatch(p.name)]
