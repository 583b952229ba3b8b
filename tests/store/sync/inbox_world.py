"""Conflicts as a check-in records them, and the office rows they talk about, for the
inbox's and the person merge's tests: real rows in the world's register."""

from __future__ import annotations

from collections.abc import Mapping

from store.core.db import write_transaction
from store.core.models import Staff
from store.core.rows import insert_row, soft_delete_row
from store.sync.models import ConflictFound, ConflictKind
from store.sync.records import record_conflict
from tests.conftest import World

# Tuesday 1.12.2026 at 10:00 and 11:00 Helsinki time, as stored.
TUESDAY_10 = "2026-12-01T08:00:00.000000Z"
TUESDAY_11 = "2026-12-01T09:00:00.000000Z"


def add_device(world: World, coach: Staff | None = None) -> str:
    """A laptop the office checked out for `coach` (the world's coach by default)."""
    with write_transaction(world.store.db):
        return insert_row(
            world.store.ctx,
            "sync_device",
            {
                "coach_id": (coach or world.coach).id,
                "label": "Läppäri 1",
                "bundle_key": "00" * 32,
                "base_id": "base-1",
                "checked_out_at": "2026-11-20T08:00:00Z",
                "checked_out_by": world.admin.id,
                "window_from": "2026-10-23T22:00:00Z",
                "window_to": "2027-01-24T22:00:00Z",
            },
            by=world.admin.id,
        )


def add_conflict(
    world: World,
    kind: ConflictKind,
    table: str,
    row_id: str,
    *,
    column: str | None = None,
    base: object = None,
    office: object = None,
    laptop: object = None,
    client_id: str | None = None,
    other_row_id: str | None = None,
    laptop_row: Mapping[str, object] | None = None,
    device_id: str | None = None,
) -> str:
    """A conflict as a check-in records one."""
    found = ConflictFound(
        kind, table, row_id, column, base, office, laptop, client_id, other_row_id
    )
    with write_transaction(world.store.db):
        return record_conflict(
            world.store.ctx,
            found,
            device_id=device_id or add_device(world),
            checkin_id="checkin-1",
            by=world.admin.id,
            laptop_row=laptop_row,
        )


def add_appointment(world: World, client_id: str, **values: object) -> str:
    row = {
        "coach_id": world.coach.id,
        "client_id": client_id,
        "kind": "job_search",
        "starts_at": TUESDAY_10,
        "ends_at": TUESDAY_11,
        "site_id": world.site.id,
        "booked_by": world.coach.id,
        **values,
    }
    with write_transaction(world.store.db):
        return insert_row(world.store.ctx, "appointment", row, by=world.coach.id)


def row_of(world: World, table: str, row_id: str) -> dict[str, object] | None:
    cursor = world.store.db.execute(f"SELECT * FROM {table} WHERE id = ?", [row_id])
    row = cursor.fetchone()
    names = [d[0] for d in cursor.description]
    return None if row is None else dict(zip(names, row, strict=True))


def delete(world: World, table: str, row_id: str) -> None:
    with write_transaction(world.store.db):
        soft_delete_row(world.store.ctx, table, row_id, by=world.admin.id)


def resolution_events(world: World, conflict_id: str) -> list[tuple[str, str, str, str | None]]:
    rows = world.store.db.execute(
        "SELECT action, staff_id, purpose, client_id FROM audit_event"
        " WHERE entity = 'sync_conflict' AND entity_id = ? ORDER BY seq",
        [conflict_id],
    ).fetchall()
    return [tuple(row) for row in rows]


# --- two records of one person ------------------------------------------------------------

# Columns a merge and its undoing stamp anew: who changed a row last, and when.
STAMPS = ("updated_at", "updated_by")


def insert(world: World, table: str, values: dict[str, object]) -> str:
    with write_transaction(world.store.db):
        return insert_row(world.store.ctx, table, values, by=world.coach.id)


def laptop_record(world: World) -> str:
    """The client a laptop registered without the HETU the office's Mäkinen has."""
    return insert(
        world,
        "client",
        {
            "first_name": "Anna",
            "last_name": "Mäkinen",
            "birth_date": "1990-01-01",
            "email": "anna.makinen@example.fi",
            "coach_id": world.coach.id,
        },
    )


def same_hetu(world: World, laptop_client: str, device_id: str | None = None) -> str:
    office = world.clients["makinen"]
    return add_conflict(
        world,
        "same_hetu",
        "client",
        laptop_client,
        column="hetu",
        office=office.hetu,
        laptop=office.hetu,
        client_id=laptop_client,
        other_row_id=office.id,
        device_id=device_id,
    )


def history_of(world: World, client_id: str) -> dict[str, list[str]]:
    """A row of each kind that points at a client: a visit, a service path, a Kompassi
    reading and a decision on its suggestion, an appointment, a group seat."""
    ids: dict[str, list[str]] = {}

    def add(table: str, values: dict[str, object]) -> str:
        row_id = insert(world, table, values)
        ids.setdefault(table, []).append(row_id)
        return row_id

    add(
        "visit",
        {
            "site_id": world.site.id,
            "visit_date": "2026-11-20",
            "ticket_number": 7,
            "ticket": "A007",
            "client_id": client_id,
            "state": "done",
            "arrived_at": "2026-11-20T08:00:00.000000Z",
        },
    )
    add("service_path", {"client_id": client_id, "coach_id": world.coach.id, "goal": "Töihin"})
    instrument = world.store.db.execute("SELECT id FROM instrument LIMIT 1").fetchone()[0]
    reading = add(
        "kompassi_reading",
        {
            "client_id": client_id,
            "instrument_id": instrument,
            "kind": "baseline",
            "mode": "screen",
            "filled_on": "2026-11-20",
            "status": "done",
            "started_at": "2026-11-20T08:00:00.000000Z",
            "finished_at": "2026-11-20T08:30:00.000000Z",
        },
    )
    add(
        "kompassi_suggestion",
        {
            "reading_id": reading,
            "client_id": client_id,
            "domain_code": "health",
            "service_code": "health_check",
            "decision": "rejected",
            "decided_by": world.coach.id,
            "decided_at": "2026-11-20T08:31:00.000000Z",
        },
    )
    ids.setdefault("appointment", []).append(add_appointment(world, client_id))
    session = insert(
        world,
        "group_session",
        {"title": "Työnhakuklubi", "starts_at": TUESDAY_10, "ends_at": TUESDAY_11, "capacity": 8},
    )
    add(
        "group_seat",
        {
            "session_id": session,
            "client_id": client_id,
            "state": "booked",
            "queued_at": "2026-11-21T08:00:00.000000Z",
        },
    )
    return ids


def rows_of(world: World, ids: dict[str, list[str]]) -> dict[tuple[str, str], dict[str, object]]:
    found: dict[tuple[str, str], dict[str, object]] = {}
    for table, row_ids in ids.items():
        for row_id in row_ids:
            row = row_of(world, table, row_id)
            assert row is not None
            found[(table, row_id)] = row
    return found


def without_stamps(rows: dict[tuple[str, str], dict[str, object]]) -> dict[object, object]:
    return {
        key: {name: value for name, value in row.items() if name not in STAMPS}
        for key, row in rows.items()
    }
