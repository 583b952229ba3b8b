"""Logging in: the password check, the growing lock on a username after failures (kept in
the database, shared by the app and the CLI), the upgrade of an old password hash, and on
an encrypted database the key slot an account needs."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

from datetime import datetime

from store.core import audit
from store.core.auth import (
    LoginFailed,
    LoginLocked,
    PasswordDataDamaged,
    after_failure,
    dummy_hash,
    hash_password,
    login_name_key,
    needs_rehash,
    parse_hash,
    seconds_locked,
    verify_password,
)
from store.core.clock import from_iso, to_iso
from store.core.context import Context
from store.core.db import write_transaction
from store.core.i18n import TranslatedError
from store.core.models import Staff
from store.core.rows import update_row, upsert_row
from store.core.staff_slots import NoKeySlot, has_slot


def _usable(stored: str) -> bool:
    """Whether a stored password hash can be checked against (see `auth.parse_hash`)."""
    try:
        parse_hash(stored)
    except PasswordDataDamaged:
        return False
    return True


def check_login(
    ctx: Context,
    username: str,
    password: str,
    staff: Staff | None,
    stored: str | None,
    *,
    slot_opened: bool = False,
) -> Staff:
    """Check `password` for `username`, whose account (`staff`, None if there is none) has
    the hash `stored`; see `StaffRepository.log_in`."""
    name_key = login_name_key(username)
    now = ctx.clock.now()
    # The attempt counts as a failure before the password is checked, under the write
    # lock: attempts made at once from many processes all count, and one that finds
    # the name locked is refused without hashing anything.
    refused: TranslatedError | None = None
    locked_until: datetime | None = None
    with write_transaction(ctx.db):
        _, failures, previous_lock = throttle_of(ctx, name_key)
        locked = seconds_locked(previous_lock, now)
        if locked:
            refused = LoginLocked(locked)
            _log_attempt(ctx, staff, ok=False, purpose="locked")
        elif stored is not None and not _usable(stored):
            refused = PasswordDataDamaged()
            _log_attempt(ctx, staff, ok=False, purpose="damaged")
        else:
            failures, locked_until = after_failure(failures, now)
            _set_throttle(ctx, name_key, failures, locked_until)
    if refused is not None:
        raise refused
    # The user's key slot just opened with this password (see `keyring.unlock`): it is
    # proven, and a second scrypt would only double the login's wait.
    ok = slot_opened or verify_password(password, stored or dummy_hash())
    ok = ok and staff is not None and staff.active
    # The right password of an account with no key slot on an encrypted database: not
    # let in (see `store.core.staff_slots`), but told why, and not counted as a failure.
    keyless = ok and staff is not None and not has_slot(ctx, staff.username)
    # Hashed before the write lock is taken, so other desks do not wait for it.
    rehashed = hash_password(password) if ok and stored and needs_rehash(stored) else None
    with write_transaction(ctx.db):
        _log_attempt(ctx, staff, ok=ok and not keyless, purpose="no_slot" if keyless else None)
        if ok:
            _set_throttle(ctx, name_key, 0, None)
        if ok and staff is not None and rehashed is not None:
            _replace_hash(ctx, staff.id, stored, rehashed)
    if keyless and staff is not None:
        raise NoKeySlot(staff.username)
    if ok and staff is not None:
        return staff
    if locked_until is not None:
        raise LoginLocked(seconds_locked(locked_until, now))
    raise LoginFailed()


def _set_throttle(
    ctx: Context, name_key: str, failures: int, locked_until: datetime | None
) -> None:
    values = {
        "failures": failures,
        "locked_until": to_iso(locked_until) if locked_until else None,
    }
    upsert_row(ctx, "login_throttle", {"name_key": name_key}, values, by=None)


def _replace_hash(ctx: Context, staff_id: str, old: str | None, new: str) -> None:
    """Store `new` for the password just checked, unless the stored hash changed
    meanwhile (an admin's new password must not be overwritten by the old one)."""
    current = ctx.db.execute("SELECT password_hash FROM staff WHERE id = ?", [staff_id]).fetchone()
    if current is not None and current[0] == old:
        update_row(ctx, "staff", staff_id, {"password_hash": new}, by=staff_id)


def throttle_of(ctx: Context, name_key: str) -> tuple[str | None, int, datetime | None]:
    """(row id, failures in a row, locked until) of a username's lockout record."""
    row = ctx.db.execute(
        "SELECT id, failures, locked_until FROM login_throttle"
        " WHERE name_key = ? AND deleted_at IS NULL",
        [name_key],
    ).fetchone()
    if row is None:
        return None, 0, None
    return row[0], row[1], from_iso(row[2]) if row[2] else None


def _log_attempt(
    ctx: Context, staff: Staff | None, *, ok: bool, purpose: str | None = None
) -> None:
    # The typed name is kept only when it is a real account, so a password
    # mistyped into the username field never lands in the log.
    audit.log_event(
        ctx,
        staff_id=staff.id if ok and staff else None,
        action="login" if ok else "failed_login",
        entity="staff",
        entity_id=staff.id if staff else None,
        purpose=purpose,
    )
