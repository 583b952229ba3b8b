"""Check-out at the office: the laptop database holds the coach's caseload and nothing
else, opens with the coach's own password, matches the office for its scope, and a
check-out that fails leaves no file and no trace at the office."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest

from store.api import Store
from store.core import keyring
from store.core.auth import LoginFailed, PermissionDenied
from store.core.db import write_transaction
from store.core.rows import update_row
from store.sync import checkout as checkout_module
from store.sync.checkout import OutExists, checkout
from store.sync.errors import DeviceRevoked, IsALaptop, NoSlotForCoach, NotACoach
from store.sync.laptop import base_of, laptop_state, office_id
from store.sync.scope import Window, content_hashes, fill_scope
from tests.conftest import ENCRYPTED_RUN, World
from tests.store.sync.laptops import MONDAY_10, book, card, check_out, open_laptop, other_coach


def _ids(store: Store, table: str) -> set[str]:
    return {str(row[0]) for row in store.db.execute(f"SELECT id FROM {table}")}


def test_a_check_out_holds_the_coachs_caseload_and_no_other_clients(world, tmp_path, clock):
    mine = world.clients["makinen"]
    theirs = world.clients["obrien"]
    toinen = other_coach(world)
    world.store.clients.update(world.admin, theirs.id, card(theirs, coach_id=toinen.id))
    world.store.paths.start(toinen, theirs.id)
    world.store.kompassi.start(toinen, theirs.id)
    their_booking = book(world, theirs.id, toinen.id, MONDAY_10)
    my_booking = book(world, mine.id, world.coach.id, MONDAY_10 + timedelta(hours=2))
    # Ten weeks ahead: past the eight the window holds.
    too_far = book(world, mine.id, world.coach.id, MONDAY_10 + timedelta(weeks=10))
    # Booked with this coach, though their own coach is another: in the check-out too.
    visiting = book(world, world.clients["ostman"].id, world.coach.id, MONDAY_10)

    result = check_out(world, tmp_path)
    laptop = open_laptop(result, clock)

    assert _ids(laptop, "client") == {mine.id, world.clients["ostman"].id}
    assert result.clients == 2
    assert _ids(laptop, "service_path") == set()
    assert _ids(laptop, "kompassi_reading") == set()
    assert _ids(laptop, "appointment") == {my_booking, visiting}
    assert their_booking not in _ids(laptop, "appointment")
    assert too_far not in _ids(laptop, "appointment")
    assert result.rows["appointment"] == 2
    assert laptop.db.execute("PRAGMA foreign_key_check").fetchall() == []
    # The catalogs are the office's (the same rows, not the laptop's own seeds).
    for table in ("service", "visit_reason", "process_rule", "instrument"):
        assert _ids(laptop, table) == _ids(world.store, table)
    assert {s.username for s in laptop.staff.all()} >= {"admin", "valmentaja", "toinen"}
    hashes = dict(laptop.db.execute("SELECT username, password_hash FROM staff").fetchall())
    assert hashes["admin"] == "!" and hashes["toinen"] == "!"
    assert hashes["valmentaja"].startswith("scrypt")


def test_a_booking_whose_client_the_office_deleted_stays_at_the_office(world, tmp_path, clock):
    gone = world.clients["ostman"]
    booking = book(world, gone.id, world.coach.id, MONDAY_10)
    world.store.clients.delete(world.admin, gone.id)

    result = check_out(world, tmp_path)
    laptop = open_laptop(result, clock)

    assert gone.id not in _ids(laptop, "client")
    assert booking not in _ids(laptop, "appointment")
    assert laptop.db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_the_laptop_matches_the_office_for_its_scope(world, tmp_path, clock):
    book(world, world.clients["makinen"].id, world.coach.id, MONDAY_10)
    result = check_out(world, tmp_path)
    laptop = open_laptop(result, clock)

    conn = world.store.db.conn
    fill_scope(conn, "main", world.coach.id, Window.around(world.store.today()))
    office = content_hashes(conn, "main", scoped=True)
    assert content_hashes(laptop.db.conn, "main", scoped=False) == office


def test_the_laptop_knows_its_check_out_and_starts_an_empty_log(world, tmp_path, clock):
    result = check_out(world, tmp_path)
    # The base is the laptop database as it was cut, byte for byte.
    assert base_of(result.path).read_bytes() == result.path.read_bytes()
    laptop = open_laptop(result, clock)

    state = laptop_state(laptop.db)
    assert state is not None
    assert (state.device_id, state.office_id, state.coach_id, state.base_id) == (
        result.device_id,
        office_id(world.store.db),
        world.coach.id,
        result.base_id,
    )
    assert laptop.audit.events() == []
    assert laptop_state(world.store.db) is None
    assert result.files[-1] == base_of(result.path)
    assert all(os.stat(path).st_mode & 0o077 == 0 for path in result.files)


def test_the_office_logs_each_client_the_check_out_discloses(world, tmp_path):
    book(world, world.clients["ostman"].id, world.coach.id, MONDAY_10)
    result = check_out(world, tmp_path)

    exports = [
        e
        for e in world.store.audit.events()
        if e.action == "export" and e.entity == "sync_checkout"
    ]
    assert {e.client_id for e in exports} == {
        world.clients["makinen"].id,
        world.clients["ostman"].id,
    }
    assert {(e.entity_id, e.staff_id) for e in exports} == {(result.device_id, world.admin.id)}
    device = world.store.db.execute(
        "SELECT coach_id, base_id, checked_out_by FROM sync_device WHERE id = ?",
        [result.device_id],
    ).fetchone()
    assert tuple(device) == (world.coach.id, result.base_id, world.admin.id)


@pytest.mark.skipif(not ENCRYPTED_RUN, reason="a plain office makes a plain laptop")
def test_the_laptop_opens_with_the_coachs_own_password_only(world, tmp_path, clock):
    result = check_out(world, tmp_path)
    assert result.encrypted
    keyring.forget(result.path)

    with pytest.raises(LoginFailed):
        keyring.unlock(result.path, "admin", "demo")
    assert keyring.unlock(result.path, "valmentaja", "demo")
    laptop = Store.open(result.path, clock)
    assert laptop.staff.log_in("valmentaja", "demo").id == world.coach.id
    # A new key, not the office's.
    assert keyring.known_key(result.path) != keyring.known_key(world.path)


def test_a_plain_office_makes_a_plain_laptop(world, tmp_path):
    result = check_out(world, tmp_path)
    assert result.encrypted == ENCRYPTED_RUN
    assert keyring.is_encrypted(result.path) == ENCRYPTED_RUN


@pytest.mark.skipif(not ENCRYPTED_RUN, reason="only an encrypted office has key slots")
def test_a_coach_without_a_key_slot_gets_no_laptop(world, tmp_path):
    keyring.remove_slot(world.path, "valmentaja")
    with pytest.raises(NoSlotForCoach):
        check_out(world, tmp_path)
    assert sorted(os.listdir(tmp_path)) == _office_files(world)


# Before the files are renamed into place, and after (the folder's sync fails): either way
# the files placed are taken away again with the office's transaction.
@pytest.mark.parametrize("step", ["_place", "sync_folder"])
def test_a_failed_check_out_leaves_no_file_and_nothing_at_the_office(
    world, tmp_path, monkeypatch, step
):
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(checkout_module, step, fail)
    events = len(world.store.audit.events())
    with pytest.raises(OSError):
        check_out(world, tmp_path)

    assert sorted(os.listdir(tmp_path)) == _office_files(world)
    assert world.store.db.execute("SELECT count(*) FROM sync_device").fetchone()[0] == 0
    assert len(world.store.audit.events()) == events


def test_a_check_out_never_writes_over_a_file(world, tmp_path):
    (tmp_path / "laptop.db.base").write_bytes(b"a coach's only copy")
    with pytest.raises(OutExists):
        check_out(world, tmp_path)
    assert (tmp_path / "laptop.db.base").read_bytes() == b"a coach's only copy"
    assert not (tmp_path / "laptop.db").exists()


def test_only_an_admin_checks_out_and_only_a_coachs_caseload(world, tmp_path):
    with pytest.raises(PermissionDenied):
        checkout(
            world.store.ctx, world.path, coach=world.coach, out=tmp_path / "x.db", actor=world.coach
        )
    with pytest.raises(NotACoach):
        checkout(
            world.store.ctx,
            world.path,
            coach=world.reception,
            out=tmp_path / "x.db",
            actor=world.admin,
        )
    assert not (tmp_path / "x.db").exists()


def test_a_laptop_checks_nothing_out(world, tmp_path, clock):
    result = check_out(world, tmp_path)
    laptop = open_laptop(result, clock)
    admin = laptop.staff.get(world.admin.id)
    assert admin is not None
    with pytest.raises(IsALaptop):
        checkout(laptop.ctx, result.path, coach=world.coach, out=tmp_path / "y.db", actor=admin)


def test_a_refreshed_check_out_keeps_the_device_and_its_key(world, tmp_path, clock):
    first = check_out(world, tmp_path, "first.db")
    key = _bundle_key(world, first.device_id)
    clock.at += timedelta(hours=1)
    _conflict(world, first.device_id)

    again = check_out(world, tmp_path, "again.db", device_id=first.device_id)

    assert again.device_id == first.device_id
    assert again.base_id != first.base_id
    assert _bundle_key(world, first.device_id) == key
    assert world.store.db.execute("SELECT count(*) FROM sync_device").fetchone()[0] == 1
    laptop = open_laptop(again, clock)
    state = laptop_state(laptop.db)
    assert state is not None and state.base_id == again.base_id
    assert state.cut_at > laptop_state(open_laptop(first, clock).db).cut_at  # type: ignore[union-attr]
    # The laptop learns how its conflicts were resolved.
    assert laptop.db.execute("SELECT row_id FROM sync_conflict").fetchall() == [
        (world.clients["makinen"].id,)
    ]


def test_a_revoked_laptop_is_not_checked_out_again(world, tmp_path):
    first = check_out(world, tmp_path, "first.db")
    with write_transaction(world.store.db):
        update_row(
            world.store.ctx,
            "sync_device",
            first.device_id,
            {"revoked_at": world.store.ctx.now_iso(), "revoked_by": world.admin.id},
            by=world.admin.id,
        )
    with pytest.raises(DeviceRevoked):
        check_out(world, tmp_path, "again.db", device_id=first.device_id)
    assert not (tmp_path / "again.db").exists()


def _office_files(world: World) -> list[str]:
    folder = world.path.parent
    return sorted(name for name in os.listdir(folder) if name.startswith(world.path.name))


def _bundle_key(world: World, device_id: str) -> str:
    row = world.store.db.execute(
        "SELECT bundle_key FROM sync_device WHERE id = ?", [device_id]
    ).fetchone()
    return str(row[0])


def _conflict(world: World, device_id: str) -> None:
    """A conflict a check-in of the device recorded (as `store.sync.records` writes one)."""
    from store.sync.models import ConflictFound
    from store.sync.records import record_conflict

    found = ConflictFound("field", "client", world.clients["makinen"].id, "phone", "1", "2", "3")
    with write_transaction(world.store.db):
        record_conflict(world.store.ctx, found, device_id=device_id, checkin_id="c", by=None)


def test_a_laptop_publishes_no_waiting_room_board(world, tmp_path, clock):
    result = check_out(world, tmp_path)
    laptop = open_laptop(result, clock)
    client = world.clients["makinen"]
    laptop.clients.update(_coach_on(laptop, world), client.id, card(client, phone="050 1112223"))
    laptop.close()

    assert not result.path.with_name(result.path.name + ".board").exists()


def _coach_on(laptop: Store, world: World):
    coach = laptop.staff.get(world.coach.id)
    assert coach is not None
    return coach
