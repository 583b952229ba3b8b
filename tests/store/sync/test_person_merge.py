"""Two records of one person made one from the inbox, and made two again: every row that
pointed at the merged record moves and comes back exactly as it was."""

from __future__ import annotations

import pytest

from store.core.auth import PermissionDenied
from store.sample.accounts import add_demo_account
from store.sync.inbox import MergeRefused
from store.sync.person_merge import CLIENT_REFERENCES
from tests.conftest import World
from tests.store.sync.inbox_world import (
    STAMPS,
    TUESDAY_10,
    TUESDAY_11,
    add_appointment,
    add_conflict,
    add_device,
    history_of,
    insert,
    laptop_record,
    row_of,
    rows_of,
    same_hetu,
    without_stamps,
)


def test_a_merge_moves_every_row_to_the_kept_record_and_undoing_it_restores_them_exactly(
    world: World,
) -> None:
    office = world.clients["makinen"]
    laptop_client = laptop_record(world)
    conflict_id = same_hetu(world, laptop_client)
    history = history_of(world, office.id)
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
    before = rows_of(world, history)
    inbox = world.store.inbox

    merge_id = inbox.merge_people(conflict_id, world.coach, keep_id=laptop_client)

    after = rows_of(world, history)
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

    restored = rows_of(world, history)
    assert without_stamps(restored) == without_stamps(before)
    assert {row["updated_by"] for row in restored.values()} == {world.coach.id}
    assert inbox.merges_of(office.id)[0].is_undone
    reopened = inbox.get(conflict_id, world.coach)
    assert reopened.is_open and reopened.resolution is None
    assert world.store.clients.open(world.admin, office.id).hetu == office.hetu


def test_the_access_log_records_the_merge_for_both_records_and_its_undoing(
    world: World,
) -> None:
    office = world.clients["makinen"]
    laptop_client = laptop_record(world)
    conflict_id = same_hetu(world, laptop_client)

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
    laptop_client = laptop_record(world)
    conflict_id = same_hetu(world, laptop_client)
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
    laptop_client = laptop_record(world)
    conflict_id = same_hetu(world, laptop_client)
    session = insert(
        world,
        "group_session",
        {"title": "CV-paja", "starts_at": TUESDAY_10, "ends_at": TUESDAY_11, "capacity": 8},
    )
    seats = {
        client: insert(
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


def test_two_open_service_paths_are_not_merged(world: World) -> None:
    office = world.clients["makinen"]
    laptop_client = laptop_record(world)
    conflict_id = same_hetu(world, laptop_client)
    for client in (office.id, laptop_client):
        insert(world, "service_path", {"client_id": client})

    with pytest.raises(MergeRefused) as refused:
        world.store.inbox.merge_people(conflict_id, world.admin, keep_id=laptop_client)

    assert refused.value.key == "sync.inbox.merge.open_paths"
    assert row_of(world, "client", office.id)["deleted_at"] is None  # type: ignore[index]
    assert world.store.inbox.get(conflict_id, world.admin).is_open


def test_only_the_two_records_of_the_conflict_may_be_kept(world: World) -> None:
    laptop_client = laptop_record(world)
    conflict_id = same_hetu(world, laptop_client)

    with pytest.raises(MergeRefused) as refused:
        world.store.inbox.merge_people(conflict_id, world.admin, keep_id=world.clients["obrien"].id)

    assert refused.value.key == "sync.inbox.merge.not_these"


def test_a_coach_merges_only_their_own_and_reception_not_at_all(world: World) -> None:
    other_coach = add_demo_account(
        world.store.ctx, "toinen", "Toivonen Toni", "coach", world.site.id
    )
    laptop_client = laptop_record(world)
    conflict_id = same_hetu(world, laptop_client, device_id=add_device(world))

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


def test_every_table_that_names_a_client_follows_a_merge(world: World) -> None:
    # A table added later with a reference to a client must be in the list, or its rows
    # would stay with the merged (tombstoned) record. The access log is append-only, and
    # a merge's own rows name both clients on purpose.
    referring = set()
    for (table,) in world.store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        for key in world.store.db.execute(f'PRAGMA foreign_key_list("{table}")'):
            if key[2] == "client":
                referring.add((table, key[3]))
    referring -= {("audit_event", "client_id")}
    referring -= {("person_merge", "kept_client_id"), ("person_merge", "merged_client_id")}
    # sync_conflict names its client without a foreign key (a laptop's refused client).
    assert referring | {("sync_conflict", "client_id")} == set(CLIENT_REFERENCES)
