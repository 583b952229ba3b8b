"""The conflicts inbox: who sees which conflicts, and each decision of each kind written
to the office's rows, in the access log, and refused when made twice."""

from __future__ import annotations

import pytest

from store.core.auth import PermissionDenied
from store.core.db import write_transaction
from store.core.rows import insert_row
from store.sample.accounts import add_demo_account
from store.sync.inbox import AlreadyResolved, DecidedAtTheOffice, InvalidValue, NotForThisConflict
from tests.conftest import World
from tests.store.sync.inbox_world import (
    add_appointment,
    add_conflict,
    add_device,
    resolution_events,
    row_of,
)

# --- field ---------------------------------------------------------------------------------


def _phone_conflict(world: World) -> tuple[str, str]:
    client = world.clients["makinen"]
    conflict_id = add_conflict(
        world,
        "field",
        "client",
        client.id,
        column="phone",
        base="+358401234567",
        office=client.phone,
        laptop="+358409999999",
        client_id=client.id,
    )
    return conflict_id, client.id


def test_taking_the_laptops_value_writes_it_to_the_office_row_stamped_by_the_decider(
    world: World,
) -> None:
    conflict_id, client_id = _phone_conflict(world)
    office_phone = world.store.clients.open(world.admin, client_id).phone

    resolved = world.store.inbox.take_laptop(conflict_id, world.coach)

    row = row_of(world, "client", client_id)
    assert row is not None
    assert row["phone"] == "+358409999999"
    assert row["updated_by"] == world.coach.id
    assert resolved.resolution == "laptop"
    assert resolved.resolved_value == "+358409999999"
    assert resolved.resolved_by == world.coach.id
    assert resolved.resolved_at is not None
    # Every value it was found with stays.
    assert (resolved.base_value, resolved.office_value) == ("+358401234567", office_phone)
    assert resolved.laptop_value == "+358409999999"
    assert resolution_events(world, conflict_id) == [
        ("update", world.coach.id, "laptop", client_id)
    ]


def test_keeping_the_office_value_changes_no_data_row(world: World) -> None:
    conflict_id, client_id = _phone_conflict(world)
    before = row_of(world, "client", client_id)

    resolved = world.store.inbox.keep_office(conflict_id, world.admin)

    assert row_of(world, "client", client_id) == before
    assert resolved.resolution == "office"
    assert before is not None and resolved.resolved_value == before["phone"]
    assert resolution_events(world, conflict_id) == [
        ("update", world.admin.id, "office", client_id)
    ]


def test_a_typed_value_is_cleaned_as_the_client_card_cleans_it(world: World) -> None:
    conflict_id, client_id = _phone_conflict(world)

    resolved = world.store.inbox.set_value(conflict_id, "040 555 1234", world.coach)

    assert row_of(world, "client", client_id)["phone"] == "+358405551234"  # type: ignore[index]
    assert resolved.resolution == "merged"
    assert resolved.resolved_value == "+358405551234"
    assert resolution_events(world, conflict_id) == [
        ("update", world.coach.id, "merged", client_id)
    ]


def test_a_typed_value_the_fields_rules_refuse_is_reported_for_that_field_and_nothing_is_written(
    world: World,
) -> None:
    conflict_id, client_id = _phone_conflict(world)
    before = row_of(world, "client", client_id)

    with pytest.raises(InvalidValue) as refused:
        world.store.inbox.set_value(conflict_id, "puhelin", world.coach)

    assert refused.value.field == "phone"
    assert refused.value.key == "error.phone.characters"
    assert row_of(world, "client", client_id) == before
    assert world.store.inbox.get(conflict_id, world.coach).is_open
    assert resolution_events(world, conflict_id) == []


def test_a_typed_hetu_must_be_a_valid_one_of_this_person(world: World) -> None:
    client = world.clients["makinen"]
    assert client.hetu is not None
    conflict_id = add_conflict(
        world,
        "field",
        "client",
        client.id,
        column="hetu",
        office=client.hetu,
        laptop=client.hetu,
        client_id=client.id,
    )
    wrong_check = client.hetu[:-1] + ("A" if client.hetu[-1] != "A" else "B")

    with pytest.raises(InvalidValue) as refused:
        world.store.inbox.set_value(conflict_id, wrong_check, world.admin)

    assert (refused.value.field, refused.value.key) == ("hetu", "error.hetu.checksum")


def test_a_typed_number_is_stored_as_a_number(world: World) -> None:
    client_id = world.clients["makinen"].id
    with write_transaction(world.store.db):
        path_id = insert_row(
            world.store.ctx, "service_path", {"client_id": client_id}, by=world.coach.id
        )
    conflict_id = add_conflict(
        world,
        "field",
        "service_path",
        path_id,
        column="work_search_obligation",
        base=4,
        office=3,
        laptop=2,
        client_id=client_id,
    )

    with pytest.raises(InvalidValue) as refused:
        world.store.inbox.set_value(conflict_id, "kaksi", world.coach)
    assert refused.value.key == "sync.inbox.value.not_a_number"

    world.store.inbox.set_value(conflict_id, " 1 ", world.coach)
    assert row_of(world, "service_path", path_id)["work_search_obligation"] == 1  # type: ignore[index]


def test_only_a_field_conflict_takes_a_typed_value(world: World) -> None:
    client_id = world.clients["makinen"].id
    appointment_id = add_appointment(world, client_id)
    conflict_id = add_conflict(
        world, "deleted_edited", "appointment", appointment_id, client_id=client_id
    )

    with pytest.raises(NotForThisConflict):
        world.store.inbox.set_value(conflict_id, "x", world.coach)


# --- twice, and who ------------------------------------------------------------------------


def test_a_conflict_is_resolved_once(world: World) -> None:
    conflict_id, client_id = _phone_conflict(world)
    world.store.inbox.keep_office(conflict_id, world.coach)
    before = row_of(world, "client", client_id)

    for decide in (
        lambda: world.store.inbox.take_laptop(conflict_id, world.admin),
        lambda: world.store.inbox.keep_office(conflict_id, world.admin),
        lambda: world.store.inbox.set_value(conflict_id, "0401112222", world.admin),
    ):
        with pytest.raises(AlreadyResolved) as refused:
            decide()
        assert refused.value.key == "sync.inbox.already_resolved"

    assert row_of(world, "client", client_id) == before
    assert world.store.inbox.get(conflict_id, world.admin).resolution == "office"
    assert len(resolution_events(world, conflict_id)) == 1


def test_a_coach_sees_their_own_clients_and_their_own_laptops_conflicts_only(
    world: World,
) -> None:
    other_coach = add_demo_account(
        world.store.ctx, "toinen", "Toivonen Toni", "coach", world.site.id
    )
    theirs, _ = _phone_conflict(world)  # the coach's own client, from the coach's laptop
    other_laptop = add_device(world, other_coach)
    about_own_client = add_conflict(
        world,
        "field",
        "client",
        world.clients["makinen"].id,
        column="email",
        laptop="anna@example.fi",
        client_id=world.clients["makinen"].id,
        device_id=other_laptop,
    )
    from_own_laptop = add_conflict(
        world,
        "field",
        "client",
        world.clients["ostman"].id,
        column="email",
        laptop="asa@example.fi",
        client_id=world.clients["ostman"].id,
    )
    not_theirs = add_conflict(
        world,
        "field",
        "client",
        world.clients["obrien"].id,
        column="email",
        laptop="sean@example.ie",
        client_id=world.clients["obrien"].id,
        device_id=other_laptop,
    )
    inbox = world.store.inbox

    seen = {c.id for c in inbox.conflicts(world.coach)}
    assert seen == {theirs, about_own_client, from_own_laptop}
    assert inbox.open_count(world.coach) == 3
    assert {c.id for c in inbox.conflicts(other_coach)} == {about_own_client, not_theirs}
    assert {c.id for c in inbox.conflicts(world.admin)} == {
        theirs,
        about_own_client,
        from_own_laptop,
        not_theirs,
    }
    with pytest.raises(LookupError):
        inbox.get(not_theirs, world.coach)
    with pytest.raises(LookupError):
        inbox.take_laptop(not_theirs, world.coach)
    with pytest.raises(PermissionDenied):
        inbox.conflicts(world.reception)
    with pytest.raises(PermissionDenied):
        inbox.keep_office(theirs, world.reception)

    inbox.keep_office(theirs, world.coach)
    assert inbox.open_count(world.coach) == 2
    assert theirs not in {c.id for c in inbox.conflicts(world.coach)}
    assert theirs in {c.id for c in inbox.conflicts(world.coach, include_resolved=True)}


def test_a_conflict_is_described_with_its_client_masked_and_the_office_row_as_it_is_now(
    world: World,
) -> None:
    conflict_id, client_id = _phone_conflict(world)
    client = world.clients["makinen"]
    assert client.hetu is not None

    context = world.store.inbox.describe(world.store.inbox.get(conflict_id, world.coach))

    assert context.client_name == "Mäkinen Anna"
    assert context.client_hetu == client.hetu[:7] + "***" + client.hetu[10:]
    assert context.office_row is not None and context.office_row["id"] == client_id
    assert context.office_row["phone"] == client.phone
    assert not context.office_deleted
    assert (context.device_label, context.coach_name) == ("Läppäri 1", "Virtanen Liisa")
    assert (context.can_take_laptop, context.can_set_value, context.can_merge) == (
        True,
        True,
        False,
    )


def test_a_laptops_database_shows_its_conflicts_but_decides_none(world: World) -> None:
    conflict_id, client_id = _phone_conflict(world)
    with write_transaction(world.store.db):
        insert_row(
            world.store.ctx,
            "sync_laptop",
            {
                "office_id": "office-1",
                "coach_id": world.coach.id,
                "base_id": "base-1",
                "bundle_key": "00" * 32,
                "cut_at": "2026-11-20T08:00:00Z",
                "window_from": "2026-10-23T22:00:00Z",
                "window_to": "2027-01-24T22:00:00Z",
            },
            by=world.admin.id,
        )
    before = row_of(world, "client", client_id)

    with pytest.raises(DecidedAtTheOffice) as refused:
        world.store.inbox.take_laptop(conflict_id, world.coach)

    assert refused.value.key == "sync.inbox.office_only"
    assert row_of(world, "client", client_id) == before
    assert [c.id for c in world.store.inbox.conflicts(world.coach)] == [conflict_id]


def test_a_typed_text_may_hold_no_control_characters(world: World) -> None:
    client_id = world.clients["makinen"].id
    appointment_id = add_appointment(world, client_id, note="vanha")
    conflict_id = add_conflict(
        world,
        "field",
        "appointment",
        appointment_id,
        column="note",
        office="vanha",
        laptop="uusi",
        client_id=client_id,
    )

    with pytest.raises(InvalidValue) as refused:
        world.store.inbox.set_value(conflict_id, "uusi\x1b[2J", world.coach)
    assert (refused.value.field, refused.value.key) == ("note", "error.text.control")

    world.store.inbox.set_value(conflict_id, "Tuo CV ja todistukset", world.coach)
    assert row_of(world, "appointment", appointment_id)["note"] == "Tuo CV ja todistukset"  # type: ignore[index]
