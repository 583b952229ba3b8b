"""The access log as a hash chain: tampering around the triggers is refused or found."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from store.api import Store
from store.core.audit import EXPORT_COLUMNS, append_device_events, log_event
from store.core.db import write_transaction
from store.core.errors import SQLITE_INTEGRITY_ERRORS
from tests.faults import UNLOCK_IN_CHILD, child_env, raw_connect

GENESIS = "0" * 64  # the first event's prev_hash


def _raw(path: Path) -> sqlite3.Connection:
    """The file opened as any SQLite tool would open it, triggers and all."""
    return raw_connect(path, isolation_level=None)


def _export_events(world, count: int = 3) -> list[str]:
    ids = []
    for number in range(count):
        with write_transaction(world.store.db):
            ids.append(
                log_event(
                    world.store.ctx,
                    staff_id=world.admin.id,
                    action="export",
                    entity="visit_export",
                    purpose=f"export {number}",
                )
            )
    return ids


def test_every_event_carries_the_hash_of_its_fields_and_the_previous_one(world):
    _export_events(world)
    rows = world.store.db.execute(
        "SELECT seq, id, at, staff_id, action, entity, entity_id, client_id, purpose,"
        " created_at, updated_at, updated_by, deleted_at, prev_hash, hash"
        " FROM audit_event ORDER BY seq"
    ).fetchall()
    assert [row[0] for row in rows] == list(range(1, len(rows) + 1))
    previous = GENESIS
    for row in rows:
        # The documented form, recomputed without Luotsi's code: what a DPO can do.
        text = json.dumps([previous, *row[:13]], ensure_ascii=False, separators=(",", ":"))
        assert row[13] == previous
        assert row[14] == hashlib.sha256(text.encode()).hexdigest()
        previous = row[14]


def test_replace_into_cannot_rewrite_an_event(world):
    _export_events(world)
    world.store.close()
    conn = _raw(world.path)
    with pytest.raises(SQLITE_INTEGRITY_ERRORS, match="append-only"):
        conn.execute(
            "REPLACE INTO audit_event (id, at, staff_id, action, entity, entity_id, client_id,"
            " purpose, created_at, updated_at, updated_by) SELECT id, at, staff_id, action,"
            " entity, entity_id, client_id, 'nothing to see', created_at, updated_at, updated_by"
            " FROM audit_event WHERE action = 'export'"
        )
    purposes = [row[0] for row in conn.execute("SELECT purpose FROM audit_event")]
    assert "nothing to see" not in purposes


def test_an_event_without_its_place_in_the_chain_is_refused(world):
    world.store.close()
    conn = _raw(world.path)
    with pytest.raises(SQLITE_INTEGRITY_ERRORS, match="chain"):
        conn.execute(
            "INSERT INTO audit_event (id, at, action, entity, created_at, updated_at)"
            " VALUES ('x', '2026-11-28T10:00:00.000Z', 'view', 'client', '', '')"
        )


def test_an_update_after_drop_trigger_is_named_by_the_check(world):
    ids = _export_events(world)
    conn = _raw(world.path)
    conn.execute("DROP TRIGGER audit_event_no_update")
    conn.execute("UPDATE audit_event SET purpose = 'harmless' WHERE id = ?", [ids[1]])
    result = world.store.audit.check()
    assert not result.ok
    assert result.broken.problem == "altered"
    assert result.broken.event_id == ids[1]


def test_a_deleted_event_is_found(world):
    ids = _export_events(world)
    seq = world.store.db.execute("SELECT seq FROM audit_event WHERE id = ?", [ids[1]]).fetchone()
    conn = _raw(world.path)
    conn.execute("DROP TRIGGER audit_event_no_delete")
    conn.execute("DELETE FROM audit_event WHERE id = ?", [ids[1]])
    result = world.store.audit.check()
    assert result.broken.problem == "missing"
    assert result.broken.event_id == ids[2]  # the first event whose link is gone
    assert result.broken.expected_seq == seq[0]


def test_the_newest_events_cut_off_after_a_good_check_are_found(world):
    ids = _export_events(world)
    assert world.store.audit.verify(world.admin).ok
    conn = _raw(world.path)
    conn.execute("DROP TRIGGER audit_event_no_delete")
    # The check's own log row and the export before it.
    conn.execute(
        "DELETE FROM audit_event WHERE seq >= (SELECT seq FROM audit_event WHERE id = ?)", [ids[2]]
    )
    result = world.store.audit.check()
    assert result.broken.problem == "truncated"
    assert result.broken.event_id == ids[1]


def test_a_whole_chain_rebuilt_after_a_good_check_is_found(world):
    from store.core.audit_chain import CHAINED_COLUMNS, event_hash

    ids = _export_events(world)
    assert world.store.audit.verify(world.admin).ok
    conn = _raw(world.path)
    conn.execute("DROP TRIGGER audit_event_no_update")
    conn.execute("UPDATE audit_event SET purpose = 'harmless' WHERE id = ?", [ids[0]])
    # Recompute every hash from there on, as a careful forger would.
    rows = conn.execute(
        f"SELECT {', '.join(CHAINED_COLUMNS)} FROM audit_event ORDER BY seq"
    ).fetchall()
    previous = GENESIS
    for row in rows:
        digest = event_hash(previous, list(row))
        conn.execute(
            "UPDATE audit_event SET prev_hash = ?, hash = ? WHERE seq = ?",
            [previous, digest, row[0]],
        )
        previous = digest
    result = world.store.audit.check()
    assert result.broken is not None and result.broken.problem == "rewritten"


def test_the_migration_chains_the_events_already_logged(tmp_path: Path):
    from sqlite_utils import Database

    from store.core.migrations import migrations

    path = tmp_path / "old.db"
    db = Database(path)
    migrations.apply(db, stop_before="0005_audit_chain")
    for number, at in enumerate(["2026-11-28T10:00:00.000Z", "2026-11-27T10:00:00.000Z"]):
        db.execute(
            "INSERT INTO audit_event (id, at, action, entity, purpose, created_at, updated_at)"
            " VALUES (?, ?, 'view', 'client', ?, ?, ?)",
            [f"old-{number}", at, f"event {number}", at, at],
        )
    db.conn.commit()
    db.close()
    store = Store.open(path)
    try:
        order = store.db.execute("SELECT id FROM audit_event ORDER BY seq").fetchall()
        assert order == [("old-1",), ("old-0",)]  # in the order they happened
        assert store.audit.check().ok
    finally:
        store.close()


WRITER = (
    UNLOCK_IN_CHILD
    + """
import sys
from store.api import Store
from store.core.audit import log_event
from store.core.db import write_transaction

GENESIS = "0" * 64  # the first event's prev_hash
store = Store.open(sys.argv[1], migrate=False)
for n in range(int(sys.argv[2])):
    with write_transaction(store.db):
        log_event(store.ctx, staff_id=None, action="view", entity="client", purpose=sys.argv[3])
store.close()
"""
)


def test_two_processes_logging_at_once_form_one_chain(world):
    world.store.close()
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(world.path), "150", name],
            env=child_env(world.path),
        )
        for name in ("a", "b")
    ]
    assert [writer.wait(timeout=120) for writer in writers] == [0, 0]
    store = Store.open(world.path)
    try:
        result = store.audit.check()
        assert result.ok, result.broken
        purposes = store.db.execute(
            "SELECT purpose, count(*) FROM audit_event WHERE purpose IN ('a', 'b') GROUP BY 1"
        ).fetchall()
        assert sorted(purposes) == [("a", 150), ("b", 150)]
    finally:
        store.close()


def test_a_laptops_events_are_chained_with_their_device_and_a_changed_device_is_found(world):
    laptop_event = [None] * len(EXPORT_COLUMNS)
    fields = dict(zip(EXPORT_COLUMNS, laptop_event, strict=True))
    fields.update(
        id="laptop-event-1",
        at="2026-11-28T09:00:00.000Z",
        staff_id=world.coach.id,
        action="view",
        entity="client",
        client_id=world.clients["makinen"].id,
        purpose="home visit",
        created_at="2026-11-28T09:00:00.000Z",
        updated_at="2026-11-28T09:00:00.000Z",
        seq=7,
    )
    columns, row = list(fields), list(fields.values())
    with write_transaction(world.store.db):
        assert append_device_events(world.store.ctx, "laptop-1", columns, [row]) == 1
        assert append_device_events(world.store.ctx, "laptop-1", columns, [row]) == 0
    assert world.store.audit.check().ok
    # The documented form: the device id is the array's last element.
    stored = world.store.db.execute(
        "SELECT seq, id, at, staff_id, action, entity, entity_id, client_id, purpose,"
        " created_at, updated_at, updated_by, deleted_at, prev_hash, hash, device_id"
        " FROM audit_event WHERE id = 'laptop-event-1'"
    ).fetchone()
    text = json.dumps(
        [stored[13], *stored[:13], stored[15]], ensure_ascii=False, separators=(",", ":")
    )
    assert stored[15] == "laptop-1"
    assert stored[14] == hashlib.sha256(text.encode()).hexdigest()

    raw = _raw(world.path)
    raw.execute("DROP TRIGGER audit_event_no_update")
    raw.execute("UPDATE audit_event SET device_id = 'laptop-2' WHERE id = 'laptop-event-1'")
    raw.close()
    broken = world.store.audit.check().broken
    assert broken is not None and (broken.problem, broken.event_id) == ("altered", "laptop-event-1")


def test_a_laptops_event_about_a_client_the_office_lacks_is_kept_with_the_id_in_its_purpose(
    world,
):
    at = "2026-11-28T09:00:00.000Z"
    columns = ["id", "at", "created_at", "updated_at", "staff_id", "action", "entity"]
    columns += ["client_id", "purpose"]
    row = ["laptop-event-2", at, at, at, world.coach.id, "view", "client"]
    with write_transaction(world.store.db):
        appended = append_device_events(
            world.store.ctx, "laptop-1", columns, [[*row, "no-such-client", "home visit"]]
        )
    stored = world.store.db.execute(
        "SELECT client_id, purpose, device_id FROM audit_event WHERE id = 'laptop-event-2'"
    ).fetchone()
    assert appended == 1
    assert tuple(stored) == (None, "home visit; client=no-such-client", "laptop-1")
    assert world.store.audit.check().ok
