"""The login lockout: three failures in a row lock a username for 30 seconds, in the store."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.core.auth import (
    LOCK_SECONDS,
    MAX_FAILED_LOGINS,
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


@given(st.integers(min_value=1, max_value=30))
def test_every_third_failure_in_a_row_locks(failures_in_a_row: int):
    count, locks = 0, []
    for _ in range(failures_in_a_row):
        count, locked_until = after_failure(count, NOW)
        locks.append(locked_until)
    assert [i + 1 for i, lock in enumerate(locks) if lock] == list(
        range(MAX_FAILED_LOGINS, failures_in_a_row + 1, MAX_FAILED_LOGINS)
    )
    assert all(lock == NOW + timedelta(seconds=LOCK_SECONDS) for lock in locks if lock)


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
