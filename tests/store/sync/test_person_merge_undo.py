"""Undoing a merge of two records of one person: once, and only while the kept record
still holds what the merge filled in and the register's rules allow the merged one back."""

from __future__ import annotations

import pytest

from store.sync.inbox import MergeRefused
from tests.conftest import World, make_hetu
from tests.store.sync.inbox_world import insert, laptop_record, row_of, same_hetu


def test_undoing_is_refused_once_the_kept_record_changed_what_the_merge_filled_in(
    world: World,
) -> None:
    office = world.clients["makinen"]
    laptop_client = laptop_record(world)
    conflict_id = same_hetu(world, laptop_client)
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
    laptop_client = laptop_record(world)
    conflict_id = same_hetu(world, laptop_client)
    merge_id = world.store.inbox.merge_people(conflict_id, world.admin, keep_id=laptop_client)
    world.store.inbox.undo_merge(merge_id, world.admin)

    with pytest.raises(MergeRefused) as refused:
        world.store.inbox.undo_merge(merge_id, world.admin)

    assert refused.value.key == "sync.inbox.merge.undone"


def test_undoing_is_refused_when_another_record_has_taken_the_merged_ones_hetu(
    world: World,
) -> None:
    office = world.clients["makinen"]
    own_hetu = make_hetu("010190", "-", 933)
    laptop_client = insert(
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
    conflict_id = same_hetu(world, laptop_client)
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
