"""`luotsi audit verify` and `luotsi audit export` through Typer's runner, on real files."""

from __future__ import annotations

import csv
import hashlib
import io
import json

import pytest
from typer.testing import CliRunner

from store.api import Store
from store.core.audit import log_event
from store.core.db import write_transaction
from store.core.errors import SQLITE_INTEGRITY_ERRORS
from tests.faults import raw_connect
from tui.cli import app

runner = CliRunner()


@pytest.fixture
def logged(world):
    """The fixture world with an export logged on each of 27, 28 and 29 November 2026."""
    ids = {}
    for day in (27, 28, 29):
        with write_transaction(world.store.db):
            ids[day] = log_event(
                world.store.ctx,
                staff_id=world.admin.id,
                action="export",
                entity="visit_export",
                client_id=world.clients["makinen"].id,
                purpose=f'identified; "quoted"; day {day}',
                at=f"2026-11-{day}T09:00:00.000Z",
            )
    world.store.close()  # the CLI opens the file itself
    world.ids = ids
    return world


def audit(world, *args: str, user: str = "admin"):
    return runner.invoke(
        app,
        ["audit", *args, "--db", str(world.path), "--user", user, "--lang", "en"],
        env={"LUOTSI_PASSWORD": "demo"},
    )


def _tamper(world, *statements: str) -> None:
    conn = raw_connect(world.path, isolation_level=None)
    for statement in statements:
        conn.execute(statement)
    conn.close()


def test_verify_of_an_intact_log_exits_0_with_the_count(logged):
    result = audit(logged, "verify")
    assert result.exit_code == 0, result.output
    assert "The access log is intact:" in result.output
    # Every event but the one the check itself added after it.
    with raw_connect(logged.path) as conn:
        count = conn.execute("SELECT count(*) - 1 FROM audit_event").fetchone()[0]
    assert f"{count} events, the newest #{count}" in result.output


def test_an_event_updated_after_drop_trigger_is_named_and_exits_1(logged):
    _tamper(
        logged,
        "DROP TRIGGER audit_event_no_update",
        f"UPDATE audit_event SET purpose = 'nothing' WHERE id = '{logged.ids[28]}'",
    )
    result = audit(logged, "verify")
    assert result.exit_code == 1, result.output
    assert f"id {logged.ids[28]}: its contents have been changed" in result.output
    assert "28.11.2026 11:00:00" in result.output  # the event's time, in Helsinki


def test_a_deleted_event_is_found(logged):
    _tamper(
        logged,
        "DROP TRIGGER audit_event_no_delete",
        f"DELETE FROM audit_event WHERE id = '{logged.ids[28]}'",
    )
    result = audit(logged, "verify")
    assert result.exit_code == 1, result.output
    assert f"id {logged.ids[29]}:" in result.output
    assert "are missing" in result.output


def test_replace_into_is_refused_and_the_log_still_verifies(logged):
    with pytest.raises(SQLITE_INTEGRITY_ERRORS):
        _tamper(
            logged,
            "REPLACE INTO audit_event (id, at, staff_id, action, entity, entity_id, client_id,"
            " purpose, created_at, updated_at, updated_by) SELECT id, at, staff_id, action,"
            " entity, entity_id, client_id, 'rewritten', created_at, updated_at, updated_by"
            " FROM audit_event WHERE action = 'export'",
        )
    assert audit(logged, "verify").exit_code == 0


def test_verify_is_for_admins(logged):
    result = audit(logged, "verify", user="vastaanotto")
    assert result.exit_code == 2
    assert "admins only" in result.output


def test_the_outcome_is_remembered_and_the_check_logged(logged):
    _tamper(
        logged,
        "DROP TRIGGER audit_event_no_update",
        f"UPDATE audit_event SET at = '2026-11-28T09:00:01.000Z' WHERE id = '{logged.ids[27]}'",
    )
    assert audit(logged, "verify").exit_code == 1
    store = Store.open(logged.path)
    try:
        check = store.audit.last_check()
        assert check is not None and not check.ok
        assert check.broken.event_id == logged.ids[27]
        [event] = store.audit.events(action="view", staff_id=logged.admin.id)
        assert event.entity == "audit_log" and event.purpose.startswith("verify: altered")
    finally:
        store.close()


def test_export_writes_the_days_events_with_their_chain(logged, tmp_path):
    out = tmp_path / "loki.csv"
    result = audit(
        logged, "export", "--from", "28.11.2026", "--to", "2026-11-29", "--out", str(out)
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"))))
    exports = [row for row in rows if row["action"] == "export"]
    assert [row["id"] for row in exports] == [logged.ids[28], logged.ids[29]]
    assert exports[0]["purpose"] == 'identified; "quoted"; day 28'
    assert exports[0]["username"] == "admin"
    # Each row's hash follows from its fields and the row before (an empty cell is null).
    chained = list(rows[0])[:13]
    for before, row in zip(rows, rows[1:], strict=False):
        if int(row["seq"]) == int(before["seq"]) + 1:  # the 27th's export falls between
            assert row["prev_hash"] == before["hash"]
    for row in rows:
        fields = [row[name] or None for name in chained]
        fields[0] = int(fields[0])
        text = json.dumps([row["prev_hash"], *fields], ensure_ascii=False, separators=(",", ":"))
        assert hashlib.sha256(text.encode()).hexdigest() == row["hash"]
    assert f"{len(rows)} events written to {out}" in result.output
    store = Store.open(logged.path)
    try:
        [logged_export] = [
            e for e in store.audit.events(action="export") if e.entity == "audit_log"
        ]
        assert f"rows={len(rows)}" in logged_export.purpose
        assert hashlib.sha256(out.read_bytes()).hexdigest() in logged_export.purpose
    finally:
        store.close()
