"""Two records of one person made one from the inbox, and made two again: every row that
pointed at the merged record moves and comes back exactly as it was."""

from __future__ import annotations

import pytest

from store.core.auth import PermissionDenied
from store.core.db import write_transaction
from store.core.rows import insert_row
from store.sample.accounts import add_demo_account
from store.sync.inbox import MergeRefused
from tests.conftest import World, make_hetu
from tests.store.sync.test_inbox import (
    TUESDAY_10,
    TUESDAY_11,
    add_appointment,
    add_conflict,
    add_device,
    row_of,
)

# Columns a merge and its undoing stamp anew: who changed a row last, and when.
STAMPS = ("updated_at", "updated_by")


def _insert(world: World, table: str, values: dict[str, object]) -> str:
    with write_transaction(world.store.db):
        return insert_row(world.store.ctx, table, values, by=world.coach.id)


def _laptop_record(world: World) -> str:
    """The client a laptop registered without the HETU the office's Mäkinen has."""
    return _insert(
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


def _same_hetu(world: World, laptop_client: str, device_id: str | None = None) -> str:
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


def _history_of(world: World, client_id: str) -> dict[str, list[str]]:
    """A row of each kind that points at a client: a visit, a service path, a Kompassi
    reading and a decision on its suggestion, an appointment, a group seat."""
    ids: dict[str, list[str]] = {}

    def add(table: str, values: dict[str, object]) -> str:
        row_id = _insert(world, table, values)
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
    session = _insert(
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


def _rows(world: World, ids: dict[str, list[str]]) -> dict[tuple[str, str], dict[str, object]]:
    found: dict[tuple[str, str], dict[str, object]] = {}
    for table, row_ids in ids.items():
        for row_id in row_ids:
            row = row_of(world, table, row_id)
            assert row is not None
            found[(table, row_id)] = row
    return found


def _without_stamps(rows: dict[tuple[str, str], dict[str, object]]) -> dict[object, object]:
    return {
        key: {name: value for name, value in row.items() if name not in STAMPS}
        for key, row in rows.items()
    }


def test_a_merge_moves_every_row_to_the_kept_record_and_undoing_it_restores_them_exactly(
    world: World,
) -> None:
    office = world.clients["makinen"]
    laptop_client = _laptop_record(world)
    conflict_id = _same_hetu(world, laptop_client)
    history = _history_of(world, office.id)
    history["client"] = [office.id, laptop_client]
    # An earlier check-in's conflict about the office's record.
    history["sync_conflict"] = [
        add_conflict(
            world,
            "field",
            "client",
            office.id,
            column="email",
            laptop="anna@example.fi",
            client_id=office.id,
        )
    ]
    before = _rows(world, history)
    inbox = world.store.inbox

    merge_id = inbox.merge_people(conflict_id, world.coach, keep_id=laptop_client)

    after = _rows(world, history)
    for table, row_ids in history.items():
        if table != "client":  # the conflict too: it is about the kept record now
            assert {after[(table, i)]["client_id"] for i in row_ids} == {laptop_client}
    kept = after[("client", laptop_client)]
    # Its own values stay; where it had none, the other record's; the HETU moved over.
    assert kept["email"] == "anna.makinen@example.fi"
    assert (kept["hetu"], kept["phone"]) == (office.hetu, office.phone)
    assert kept["unemployed_since"] == "2025-03-01"
    assert after[("client", office.id)]["deleted_at"] is not None
    assert [c.client_name for c in [inbox.describe(inbox.get(conflict_id, world.coach))]] == [
        "Mäkinen Anna"
    ]
    conflict = inbox.get(conflict_id, world.coach)
    assert (conflict.resolution, conflict.resolved_value) == ("person_merged", merge_id)
    merge = inbox.merges_of(laptop_client)[0]
    assert merge.id == merge_id and inbox.merges_of(office.id)[0].id == merge_id
    assert (merge.kept_client_id, merge.merged_client_id) == (laptop_client, office.id)
    assert sorted(table for table, _, _ in merge.moved) == sorted(
        table for table in history if table != "client"
    )
    assert merge.kept_before == {
        "hetu": None,
        "phone": None,
        "unemployed_since": None,
    }

    inbox.undo_merge(merge_id, world.coach)

    restored = _rows(world, history)
    assert _without_stamps(restored) == _without_stamps(before)
    assert {row["updated_by"] for row in restored.values()} == {world.coach.id}
    assert inbox.merges_of(office.id)[0].is_undone
    reopened = inbox.get(conflict_id, world.coach)
    assert reopened.is_open and reopened.resolution is None
    assert world.store.clients.open(world.admin, office.id).hetu == office.hetu


def test_the_access_log_records_the_merge_for_both_records_and_its_undoing(
    world: World,
) -> None:
    office = world.clients["makinen"]
    laptop_client = _laptop_record(world)
    conflict_id = _same_hetu(world, laptop_client)

    merge_id = world.store.inbox.merge_people(conflict_id, world.admin, keep_id=laptop_client)
    world.store.inbox.undo_merge(merge_id, world.admin)

    events = world.store.db.execute(
        "SELECT action, entity, entity_id, client_id, purpose FROM audit_event"
        " WHERE entity IN ('person_merge', 'sync_conflict', 'client.hetu')"
        " AND staff_id = ? ORDER BY seq",
        [world.admin.id],
    ).fetchall()
    hetu = office.hetu
    assert [tuple(e) for e in events] == [
        ("update", "person_merge", merge_id, laptop_client, "merged"),
        ("update", "person_merge", merge_id, office.id, "merged"),
        ("update", "client.hetu", laptop_client, laptop_client, f"— → {hetu}"),
        ("update", "sync_conflict", conflict_id, laptop_client, "person_merged"),
        ("update", "person_merge", merge_id, laptop_client, "undone"),
        ("update", "person_merge", merge_id, office.id, "undone"),
        ("update", "client.hetu", laptop_client, laptop_client, f"{hetu} → —"),
        ("update", "sync_conflict", conflict_id, laptop_client, "reopened"),
    ]


def test_keeping_the_office_record_leaves_its_hetu_and_takes_the_laptops_rows(
    world: World,
) -> None:
    office = world.clients["makinen"]
    laptop_client = _laptop_record(world)
    conflict_id = _same_hetu(world, laptop_client)
    appointment = add_appointment(world, laptop_client)

    world.store.inbox.merge_people(conflict_id, world.admin, keep_id=office.id)

    kept = world.store.clients.open(world.admin, office.id)
    assert (kept.hetu, kept.email) == (office.hetu, "anna.makinen@example.fi")
    assert row_of(world, "appointment", appointment)["client_id"] == office.id  # type: ignore[index]
    assert row_of(world, "client", laptop_client)["deleted_at"] is not None  # type: ignore[index]


def test_a_seat_both_records_hold_on_one_session_is_kept_once_and_comes_back_on_undo(
    world: World,
) -> None:
    office = world.clients["makinen"]
    laptop_client = _laptop_record(world)
    conflict_id = _same_hetu(world, laptop_client)
    session = _insert(
        world,
        "group_session",
        {"title": "CV-paja", "starts_at": TUESDAY_10, "ends_at": TUESDAY_11, "capacity": 8},
    )
    seats = {
        client: _insert(
            world,
            "group_seat",
            {
                "session_id": session,
                "client_id": client,
                "state": "booked",
                "queued_at": "2026-11-21T08:00:00.000000Z",
            },
        )
        for client in (office.id, laptop_client)
    }
    before = row_of(world, "group_seat", seats[office.id])
    assert before is not None

    merge_id = world.store.inbox.merge_people(conflict_id, world.admin, keep_id=laptop_client)

    merged_seat = row_of(world, "group_seat", seats[office.id])
    assert merged_seat is not None and merged_seat["deleted_at"] is not None
    live = world.store.db.execute(
        "SELECT client_id FROM group_seat WHERE session_id = ? AND deleted_at IS NULL", [session]
    ).fetchall()
    assert [tuple(r) for r in live] == [(laptop_client,)]
    assert ("group_seat", seats[office.id], "deleted_at") in world.store.inbox.merges_of(office.id)[
        0
    ].moved

    world.store.inbox.undo_merge(merge_id, world.admin)

    restored = row_of(world, "group_seat", seats[office.id])
    assert restored is not None
    assert {k: v for k, v in restored.items() if k not in STAMPS} == {
        k: v for k, v in before.items() if k not in STAMPS
    }


def test_undoing_is_refused_once_the_kept_record_changed_what_the_merge_filled_in(
    world: World,
) -> None:
    office = world.clients["makinen"]
    laptop_client = _laptop_record(world)
    conflict_id = _same_hetu(world, laptop_client)
    merge_id = world.store.inbox.merge_people(conflict_id, world.admin, keep_id=laptop_client)
    card = world.store.clients.open(world.admin, laptop_client)
    world.store.clients.update(
        world.admin,
        laptop_client,
        {
            "hetu": card.hetu or "",
            "first_name": card.first_name,
            "last_name": card.last_name,
            "phone": "050 765 4321",
            "email": card.email or "",
            "coach_id": card.coach_id or "",
        },
    )
    kept_before = row_of(world, "client", laptop_client)

    with pytest.raises(MergeRefused) as refused:
        world.store.inbox.undo_merge(merge_id, world.admin)

    assert refused.value.key == "sync.inbox.merge.changed_since"
    assert "phone" in str(refused.value.params["fields"])
    assert row_of(world, "client", laptop_client) == kept_before
    assert row_of(world, "client", office.id)["deleted_at"] is not None  # type: ignore[index]
    assert not world.store.inbox.merges_of(office.id)[0].is_undone


def test_a_merge_is_undone_once(world: World) -> None:
    laptop_client = _laptop_record(world)
    conflict_id = _same_hetu(world, laptop_client)
    merge_id = world.store.inbox.merge_people(conflict_id, world.admin, keep_id=laptop_client)
    world.store.inbox.undo_merge(merge_id, world.admin)

    with pytest.raises(MergeRefused) as refused:
        world.store.inbox.undo_merge(merge_id, world.admin)

    assert refused.value.key == "sync.inbox.merge.undone"


def test_two_open_service_paths_are_not_merged(world: World) -> None:
    office = world.clients["makinen"]
    laptop_client = _laptop_record(world)
    conflict_id = _same_hetu(world, laptop_client)
    for client in (office.id, laptop_client):
        _insert(world, "service_path", {"client_id": client})

    with pytest.raises(MergeRefused) as refused:
        world.store.inbox.merge_people(conflict_id, world.admin, keep_id=laptop_client)

    assert refused.value.key == "sync.inbox.merge.open_paths"
    assert row_of(world, "client", office.id)["deleted_at"] is None  # type: ignore[index]
    assert world.store.inbox.get(conflict_id, world.admin).is_open


def test_only_the_two_records_of_the_conflict_may_be_kept(world: World) -> None:
    laptop_client = _laptop_record(world)
    conflict_id = _same_hetu(world, laptop_client)

    with pytest.raises(MergeRefused) as refused:
        world.store.inbox.merge_people(conflict_id, world.admin, keep_id=world.clients["obrien"].id)

    assert refused.value.key == "sync.inbox.merge.not_these"


def test_a_coach_merges_only_their_own_and_reception_not_at_all(world: World) -> None:
    other_coach = add_demo_account(
        world.store.ctx, "toinen", "Toivonen Toni", "coach", world.site.id
    )
    laptop_client = _laptop_record(world)
    conflict_id = _same_hetu(world, laptop_client, device_id=add_device(world))

    with pytest.raises(PermissionDenied):
        world.store.inbox.merge_people(conflict_id, world.reception, keep_id=laptop_client)
    with pytest.raises(LookupError):
        world.store.inbox.merge_people(conflict_id, other_coach, keep_id=laptop_client)
    merge_id = world.store.inbox.merge_people(conflict_id, world.coach, keep_id=laptop_client)
    with pytest.raises(LookupError):
        world.store.inbox.undo_merge(merge_id, other_coach)
    with pytest.raises(PermissionDenied):
        world.store.inbox.undo_merge(merge_id, world.reception)

    world.store.inbox.undo_merge(merge_id, world.coach)


def test_undoing_is_refused_when_another_record_has_taken_the_merged_ones_hetu(
    world: World,
) -> None:
    office = world.clients["makinen"]
    own_hetu = make_hetu("010190", "-", 933)
    laptop_client = _insert(
        world,
        "client",
        {
            "first_name": "Anna",
            "last_name": "Mäkinen",
            "birth_date": "1990-01-01",
            "hetu": own_hetu,
            "coach_id": world.coach.id,
        },
    )
    conflict_id = _same_hetu(world, laptop_client)
    merge_id = world.store.inbox.merge_people(conflict_id, world.admin, keep_id=office.id)
    # The merged record's HETU is free among the living: a new client registered with it.
    world.store.clients.create(
        world.admin, {"hetu": own_hetu, "first_name": "Aino", "last_name": "Mäkinen"}
    )

    with pytest.raises(MergeRefused) as refused:
        world.store.inbox.undo_merge(merge_id, world.admin)

    assert refused.value.key == "sync.inbox.merge.undo_refused"
    assert row_of(world, "client", laptop_client)["deleted_at"] is not None  # type: ignore[index]
    assert not world.store.inbox.merges_of(office.id)[0].is_undone
