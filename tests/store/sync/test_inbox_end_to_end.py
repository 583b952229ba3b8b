"""From a laptop to the inbox and back: a real check-out, edits on the laptop and at the
office, a real bundle checked in, and its conflicts decided in the inbox."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from store.core.clock import FixedClock, to_iso
from store.core.db import write_transaction
from store.core.rows import soft_delete_row, update_row
from store.schedule.models import Booking
from store.sync.apply import apply_bundle
from store.sync.inbox import LaptopRowRefused
from store.sync.pack import pack
from tests.conftest import World
from tests.store.sync.laptops import MONDAY_10, book, card, check_out, later, open_laptop

# Tuesday 1.12.2026 10:00 in Helsinki.
TUESDAY_10 = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


def test_a_bundles_conflicts_are_decided_in_the_inbox(
    world: World, tmp_path: Path, clock: FixedClock
) -> None:
    makinen, obrien = world.clients["makinen"], world.clients["obrien"]
    result = check_out(world, tmp_path)
    laptop_clock = FixedClock(clock.at)
    laptop = open_laptop(result, laptop_clock)
    coach = laptop.staff.get(world.coach.id)
    assert coach is not None
    later(laptop_clock)
    # On the laptop: Mäkinen's phone, and a new client with the HETU of a client the
    # office has (O'Brien is not the coach's: the laptop never held him).
    laptop.clients.update(coach, makinen.id, card(makinen, phone="050 999 8888"))
    assert obrien.hetu is not None
    newcomer = laptop.clients.create(
        coach,
        {
            "hetu": obrien.hetu,
            "first_name": "Sean",
            "last_name": "O'Brien",
            "email": "sean.obrien@example.ie",
            "coach_id": coach.id,
        },
    )
    bundle = tmp_path / "day1.bundle"
    pack(laptop.ctx, result.path, out=bundle, actor=coach)
    laptop.close()
    # At the office meanwhile: Mäkinen's phone changed too.
    world.store.clients.update(world.admin, makinen.id, card(makinen, phone="044 111 2222"))

    report = apply_bundle(
        world.store.ctx, data=bundle.read_bytes(), name=bundle.name, actor=world.admin
    )

    kinds = sorted(c.kind for c in report.conflicts)
    assert kinds == ["field", "same_hetu"]
    inbox = world.store.inbox
    assert inbox.open_count(world.coach) == 2
    by_kind = {c.kind: c for c in inbox.conflicts(world.coach)}
    phone = by_kind["field"]
    assert (phone.column, phone.office_value, phone.laptop_value) == (
        "phone",
        "+358441112222",
        "+358509998888",
    )

    inbox.take_laptop(phone.id, world.coach)
    assert world.store.clients.open(world.admin, makinen.id).phone == "+358509998888"

    same = by_kind["same_hetu"]
    assert world.store.clients.open(world.admin, newcomer.id).hetu is None
    merge_id = inbox.merge_people(same.id, world.coach, keep_id=newcomer.id)
    kept = world.store.clients.open(world.admin, newcomer.id)
    assert (kept.hetu, kept.email, kept.phone) == (
        obrien.hetu,
        "sean.obrien@example.ie",
        obrien.phone,
    )
    assert inbox.open_count(world.coach) == 0

    inbox.undo_merge(merge_id, world.admin)
    assert world.store.clients.open(world.admin, obrien.id).hetu == obrien.hetu
    assert world.store.clients.open(world.admin, newcomer.id).hetu is None
    assert inbox.open_count(world.coach) == 1


def test_a_laptops_booking_and_its_edit_of_a_deleted_one_are_taken_from_the_inbox(
    world: World, tmp_path: Path, clock: FixedClock
) -> None:
    makinen, ostman = world.clients["makinen"], world.clients["ostman"]
    booked = book(world, makinen.id, world.coach.id, MONDAY_10)
    result = check_out(world, tmp_path)
    laptop_clock = FixedClock(clock.at)
    laptop = open_laptop(result, laptop_clock)
    coach = laptop.staff.get(world.coach.id)
    assert coach is not None
    later(laptop_clock)
    # On the laptop: a note on Monday's booking, and Mäkinen booked for Tuesday at ten.
    with write_transaction(laptop.db):
        update_row(laptop.ctx, "appointment", booked, {"note": "Tuo CV"}, by=coach.id)
    tuesday = laptop.schedule.book(
        coach, Booking(client_id=makinen.id, coach_id=coach.id, starts_at=TUESDAY_10)
    )
    bundle = tmp_path / "day1.bundle"
    pack(laptop.ctx, result.path, out=bundle, actor=coach)
    laptop.close()
    # At the office meanwhile: Monday's booking deleted, and the coach's Tuesday at ten
    # given to Östman.
    with write_transaction(world.store.db):
        soft_delete_row(world.store.ctx, "appointment", booked, by=world.admin.id)
    book(world, ostman.id, world.coach.id, TUESDAY_10)

    report = apply_bundle(
        world.store.ctx, data=bundle.read_bytes(), name=bundle.name, actor=world.admin
    )

    # The Tuesday booking's history row was refused with it: its booking is not there.
    assert sorted((c.kind, c.table) for c in report.conflicts) == [
        ("double_booking", "appointment"),
        ("edit_deleted", "appointment"),
        ("rejected", "appointment_change"),
    ]
    inbox = world.store.inbox
    by_kind = {c.kind: c for c in inbox.conflicts(world.coach)}
    with pytest.raises(LaptopRowRefused):
        inbox.take_laptop(by_kind["rejected"].id, world.coach)
    assert world.store.db.execute(
        "SELECT count(*) FROM appointment WHERE id = ?", [tuesday.id]
    ).fetchone() == (0,)

    inbox.take_laptop(by_kind["edit_deleted"].id, world.coach)
    inbox.take_laptop(by_kind["double_booking"].id, world.coach)
    inbox.take_laptop(by_kind["rejected"].id, world.coach)  # its booking is there now

    monday = world.store.db.execute(
        "SELECT note, deleted_at FROM appointment WHERE id = ?", [booked]
    ).fetchone()
    assert tuple(monday) == ("Tuo CV", None)
    taken = world.store.db.execute(
        "SELECT client_id, coach_id, starts_at, deleted_at FROM appointment WHERE id = ?",
        [tuesday.id],
    ).fetchone()
    assert tuple(taken) == (makinen.id, world.coach.id, to_iso(TUESDAY_10), None)
    assert inbox.open_count(world.coach) == 0
    history = world.store.db.execute(
        "SELECT change FROM appointment_change WHERE appointment_id = ?", [tuesday.id]
    ).fetchall()
    assert [tuple(row) for row in history] == [("booked",)]
