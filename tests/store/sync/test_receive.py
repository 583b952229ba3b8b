"""Receive on the laptop: a refreshed check-out takes the laptop's place only once every
change made there is in a bundle, only if it is a newer one of the same laptop and
office, and the events the laptop logged since its last pack stay in its log."""

from __future__ import annotations

import pytest

from store.api import Store
from store.clients.repository import fetch_client
from store.core.clock import FixedClock
from store.core.errors import DatabaseBusy
from store.core.models import Staff
from store.sync.apply import apply_bundle
from store.sync.checkout import checkout
from store.sync.errors import (
    BundleForAnotherOffice,
    NotALaptop,
    StaleBase,
    UnknownDevice,
    UnpackedChanges,
)
from store.sync.laptop import laptop_state
from store.sync.models import CheckoutResult
from store.sync.pack import pack
from store.sync.receive import LastPackNotCheckedIn, receive
from tests.conftest import World, build_world
from tests.store.sync.laptops import card, check_out, later, open_laptop


def _coach(laptop: Store, world: World) -> Staff:
    coach = laptop.staff.get(world.coach.id)
    assert coach is not None
    return coach


def _edit_on_laptop(world: World, result: CheckoutResult, clock: FixedClock) -> None:
    laptop = open_laptop(result, clock)
    client = world.clients["makinen"]
    laptop.clients.update(_coach(laptop, world), client.id, card(client, phone="050 999 8888"))
    laptop.close()


def _refresh(world: World, result: CheckoutResult, clock: FixedClock, name: str = "new.db"):
    later(clock)
    return check_out(world, result.path.parent, name, device_id=result.device_id)


def _phone(laptop: Store, world: World) -> str | None:
    return fetch_client(laptop.ctx, world.clients["makinen"].id).phone


def test_a_laptop_with_unpacked_changes_keeps_its_database(world, tmp_path, clock):
    result = check_out(world, tmp_path)
    _edit_on_laptop(world, result, clock)
    refreshed = _refresh(world, result, clock)

    with pytest.raises(UnpackedChanges) as refused:
        receive(refreshed.path, result.path)

    assert refused.value.params["count"] == 1
    laptop = open_laptop(result, clock)
    assert _phone(laptop, world) == "+358509998888"
    state = laptop_state(laptop.db)
    assert state is not None and state.base_id == result.base_id


def test_after_a_pack_the_new_check_out_takes_over_with_the_laptops_late_events(
    world, tmp_path, clock
):
    result = check_out(world, tmp_path)
    _edit_on_laptop(world, result, clock)
    laptop = open_laptop(result, clock)
    coach = _coach(laptop, world)
    pack(laptop.ctx, result.path, out=tmp_path / "b.bundle", actor=coach)
    # Read after the pack: the office has not heard of it yet.
    laptop.clients.open(coach, world.clients["makinen"].id, purpose="home visit")
    late = [e for e in laptop.audit.events() if e.purpose == "home visit"]
    assert len(late) == 1
    laptop.close()
    # The office changed the client meanwhile.
    client = world.clients["makinen"]
    world.store.clients.update(world.admin, client.id, card(client, first_name="Anni"))
    # A check-out cut before the bundle is checked in would drop the laptop's edit.
    too_early = _refresh(world, result, clock, "early.db")
    with pytest.raises(LastPackNotCheckedIn):
        receive(too_early.path, result.path)
    apply_bundle(
        world.store.ctx,
        data=(tmp_path / "b.bundle").read_bytes(),
        name="b.bundle",
        actor=world.admin,
    )
    refreshed = _refresh(world, result, clock)

    receive(refreshed.path, result.path)

    laptop = open_laptop(result, clock)
    state = laptop_state(laptop.db)
    assert state is not None and state.base_id == refreshed.base_id
    assert fetch_client(laptop.ctx, client.id).first_name == "Anni"
    assert _phone(laptop, world) == "+358509998888"
    events = laptop.audit.events()
    assert [(e.id, e.at, e.staff_id, e.purpose) for e in late] == [
        (e.id, e.at, e.staff_id, e.purpose) for e in events if e.purpose == "home visit"
    ]
    assert "sync_bundle" in {e.entity for e in events}  # the pack's own event, after it
    assert laptop.audit.check().broken is None
    # The base is the new check-out's: nothing reads as changed on the laptop.
    later(clock)
    assert pack(laptop.ctx, result.path, out=tmp_path / "c.bundle", actor=coach).changes == 0


def test_a_check_out_from_another_office_is_refused(world, tmp_path, clock):
    result = check_out(world, tmp_path)
    (tmp_path / "other").mkdir()
    other = build_world(tmp_path / "other" / "office.db", clock)
    foreign = checkout(
        other.store.ctx,
        other.path,
        coach=other.coach,
        out=tmp_path / "other" / "laptop.db",
        actor=other.admin,
    )

    with pytest.raises(BundleForAnotherOffice):
        receive(foreign.path, result.path)
    laptop = open_laptop(result, clock)
    assert laptop_state(laptop.db).base_id == result.base_id  # type: ignore[union-attr]


def test_receive_waits_for_the_app_to_close(world, tmp_path, clock):
    result = check_out(world, tmp_path)
    refreshed = _refresh(world, result, clock)
    running = open_laptop(result, clock)

    with pytest.raises(DatabaseBusy):
        receive(refreshed.path, result.path)
    state = laptop_state(running.db)
    assert state is not None and state.base_id == result.base_id
    running.close()
    receive(refreshed.path, result.path)


def test_receive_makes_no_file_where_there_was_none(world, tmp_path, clock):
    result = check_out(world, tmp_path)
    with pytest.raises(NotALaptop):
        receive(result.path, tmp_path / "missing.db")
    with pytest.raises(NotALaptop):
        receive(tmp_path / "missing.db", result.path)
    assert not (tmp_path / "missing.db").exists()


def test_another_laptops_check_out_is_refused(world, tmp_path, clock):
    result = check_out(world, tmp_path)
    later(clock)
    another = check_out(world, tmp_path, "another.db")

    with pytest.raises(UnknownDevice):
        receive(another.path, result.path)


def test_check_outs_cut_at_one_moment_still_follow_one_another(world, tmp_path, clock):
    result = check_out(world, tmp_path)
    refreshed = check_out(world, tmp_path, "new.db", device_id=result.device_id)

    receive(refreshed.path, result.path)

    laptop = open_laptop(result, clock)
    assert laptop_state(laptop.db).base_id == refreshed.base_id  # type: ignore[union-attr]


def test_the_same_or_an_older_check_out_is_refused(world, tmp_path, clock):
    result = check_out(world, tmp_path)
    older = _refresh(world, result, clock, "older.db")
    newer = _refresh(world, result, clock, "newer.db")
    receive(newer.path, result.path)

    with pytest.raises(StaleBase):
        receive(newer.path, result.path)
    with pytest.raises(StaleBase):
        receive(older.path, result.path)
    laptop = open_laptop(result, clock)
    assert laptop_state(laptop.db).base_id == newer.base_id  # type: ignore[union-attr]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
