"""The login lockout: the third failure in a row locks a username for 30 seconds, each further
failure for twice as long up to 15 minutes; kept in the database."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.api import Store
from store.core import auth
from store.core.auth import (
    LOCK_SECONDS,
    MAX_FAILED_LOGINS,
    MAX_LOCK_SECONDS,
    LoginFailed,
    LoginLocked,
    after_failure,
)
from tests.conftest import NOW


def fail_twice(staff, username: str) -> None:
    for _ in range(MAX_FAILED_LOGINS - 1):
        with pytest.raises(LoginFailed):
            staff.log_in(username, "wrong")


def test_the_third_failure_locks_the_username_for_30_seconds(world, clock):
    staff = world.store.staff
    fail_twice(staff, "valmentaja")
    with pytest.raises(LoginLocked) as locked:
        staff.log_in("valmentaja", "wrong")
    assert locked.value.seconds == LOCK_SECONDS
    assert locked.value.message("en") == "too many failed logins; try again in 30 seconds"
    clock.at += timedelta(seconds=10)
    with pytest.raises(LoginLocked) as still:
        staff.log_in("valmentaja", "demo")  # even the right password
    assert still.value.seconds == 20
    assert staff.authenticate("valmentaja", "demo") is None
    assert staff.authenticate("vastaanotto", "demo") is not None  # other names are free
    clock.at += timedelta(seconds=20)
    assert staff.log_in("valmentaja", "demo") == world.coach
    attempts = world.store.audit.events(entity_id=world.coach.id)
    assert [(e.action, e.purpose) for e in attempts] == [
        ("failed_login", None),
        ("failed_login", None),
        ("failed_login", None),
        ("failed_login", "locked"),
        ("failed_login", "locked"),
        ("login", None),
    ]


def test_a_success_starts_the_count_again(world):
    staff = world.store.staff
    fail_twice(staff, "valmentaja")
    assert staff.log_in("valmentaja", "demo") == world.coach
    fail_twice(staff, "valmentaja")
    assert staff.log_in("valmentaja", "demo") == world.coach


def test_an_unknown_name_locks_alike_and_is_not_stored(world):
    staff = world.store.staff
    fail_twice(staff, "nobody")
    with pytest.raises(LoginLocked):
        staff.log_in("Nobody ", "demo")  # case and spaces do not dodge the count
    stored = world.store.db.execute("SELECT * FROM login_throttle").fetchall()
    assert len(stored) == 1
    assert not any("nobody" in str(value).casefold() for value in stored[0])


@given(st.integers(min_value=1, max_value=40))
def test_the_third_failure_in_a_row_locks_and_each_further_one_doubles_the_lock(failures: int):
    count, locks = 0, []
    for _ in range(failures):
        count, locked_until = after_failure(count, NOW)
        locks.append(locked_until)
    assert count == failures  # a lock does not start the count again; a success does
    seconds = [int((lock - NOW).total_seconds()) if lock else 0 for lock in locks]
    expected = [0, 0, 30, 60, 120, 240, 480, 900, *[900] * 40][:failures]
    assert seconds == expected
    assert max(seconds) <= MAX_LOCK_SECONDS == 15 * 60


def fail_after_the_lock(store, clock, username: str = "valmentaja") -> int:
    """Wait out the username's lock, as a patient script would, and fail once more: the
    seconds of the lock that failure starts."""
    clock.at += timedelta(minutes=16)
    with pytest.raises(LoginLocked) as locked:
        store.staff.log_in(username, "wrong")
    return locked.value.seconds


def test_a_lock_survives_a_restart_and_grows_with_each_failure(world, clock):
    fail_twice(world.store.staff, "valmentaja")
    with pytest.raises(LoginLocked):
        world.store.staff.log_in("valmentaja", "wrong")
    world.store.close()
    store = Store.open(world.path, clock)  # the app or the CLI started again
    try:
        with pytest.raises(LoginLocked) as still:
            store.staff.log_in("valmentaja", "demo")
        assert still.value.seconds == 30
        assert [fail_after_the_lock(store, clock) for _ in range(6)] == [
            60,
            120,
            240,
            480,
            900,
            900,
        ]
        assert still.value.message("en") == "too many failed logins; try again in 30 seconds"
        clock.at += timedelta(seconds=30)
        with pytest.raises(LoginLocked) as long_lock:
            store.staff.log_in("valmentaja", "demo")  # the right password, 14.5 min early
        assert long_lock.value.seconds == 870
        assert long_lock.value.message("en") == "too many failed logins; try again in 15 minutes"
        assert long_lock.value.message("fi") == (
            "liian monta epäonnistunutta kirjautumista; yritä uudelleen 15 minuutin kuluttua"
        )
        assert long_lock.value.message("sv") == (
            "för många misslyckade inloggningar; försök igen om 15 minuter"
        )
        clock.at += timedelta(minutes=15)
        assert store.staff.log_in("valmentaja", "demo") == world.coach
        # A success starts the count again: the next failures are two free ones.
        fail_twice(store.staff, "valmentaja")
        events = store.audit.events(entity_id=world.coach.id)
        assert [(e.action, e.purpose) for e in events].count(("failed_login", "locked")) == 2
    finally:
        store.close()


def test_a_lock_of_one_minute_says_so_in_the_singular(world, clock):
    staff = world.store.staff
    fail_twice(staff, "valmentaja")
    with pytest.raises(LoginLocked):
        staff.log_in("valmentaja", "wrong")
    assert fail_after_the_lock(world.store, clock) == 60
    with pytest.raises(LoginLocked) as locked:
        staff.log_in("valmentaja", "demo")
    assert locked.value.message("en") == "too many failed logins; try again in 1 minute"
    assert (
        locked.value.message("sv") == "för många misslyckade inloggningar; försök igen om 1 minut"
    )
    clock.at += timedelta(seconds=1)
    with pytest.raises(LoginLocked) as locked:
        staff.log_in("valmentaja", "demo")
    assert locked.value.message("en") == "too many failed logins; try again in 59 seconds"


def test_an_admins_password_reset_ends_the_lock_and_the_count(world):
    staff = world.store.staff
    fail_twice(staff, "valmentaja")
    with pytest.raises(LoginLocked):
        staff.log_in("valmentaja", "wrong")
    staff.set_password(world.admin, world.coach.id, "uusi salasana")
    assert staff.log_in("valmentaja", "uusi salasana") == world.coach  # no wait
    # The count starts again too: two failures after the reset do not lock.
    fail_twice(staff, "valmentaja")
    assert staff.log_in("valmentaja", "uusi salasana") == world.coach


def test_a_reset_leaves_other_usernames_locked(world):
    staff = world.store.staff
    for name in ("valmentaja", "vastaanotto"):
        fail_twice(staff, name)
        with pytest.raises(LoginLocked):
            staff.log_in(name, "wrong")
    staff.set_password(world.admin, world.coach.id, "uusi salasana")
    with pytest.raises(LoginLocked):
        staff.log_in("vastaanotto", "demo")


def test_guesses_made_at_once_from_many_connections_all_count(world, clock, monkeypatch):
    # A hash slow enough that eight guesses started together overlap while they are checked.
    monkeypatch.setattr(auth, "HASH_COST", auth.ScryptCost(n=2**14, r=8, p=1))
    world.store.staff.set_password(world.admin, world.coach.id, "oikea salasana")
    world.store.close()
    start = threading.Barrier(8)
    outcomes: list[str] = []

    def guess(number: int) -> None:
        store = Store.open(world.path, clock, migrate=False)
        try:
            start.wait()
            store.staff.log_in("valmentaja", f"arvaus {number}")
        except (LoginFailed, LoginLocked) as refused:
            outcomes.append(type(refused).__name__)
        finally:
            store.close()

    threads = [threading.Thread(target=guess, args=(number,)) for number in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["LoginFailed"] * 2 + ["LoginLocked"] * 6
    store = Store.open(world.path, clock)
    try:
        failed = store.audit.events(action="failed_login", entity_id=world.coach.id)
        # Only the first three were checked against the password; the rest met the lock.
        assert sorted(e.purpose or "checked" for e in failed) == ["checked"] * 3 + ["locked"] * 5
    finally:
        store.close()
