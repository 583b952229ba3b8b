"""Demo and test accounts: made without an acting admin or the password rule, never for a
real installation (its accounts go through `StaffRepository.create`)."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

from collections.abc import Collection

from store.core.auth import PasswordDataDamaged, verify_password
from store.core.context import Context
from store.core.models import Role, Staff
from store.core.rows import insert_row
from store.core.staff import staff_row
from store.core.staff_slots import has_slot, new_slot, slot_transaction

DEMO_PASSWORD = "demo"
DEMO_COACH = "valmentaja"  # the sample's coach login, whose caseload the demo shows


def add_demo_account(
    ctx: Context,
    username: str,
    display_name: str,
    role: Role,
    site_id: str | None = None,
    language: str = "fi",
    password: str = DEMO_PASSWORD,
) -> Staff:
    """One staff account with the shared demo password (or `password`), unlogged; on an
    encrypted database with its key slot, as `StaffRepository.create` gives one."""
    values = staff_row(username, display_name, role, password, site_id, language)
    slot = new_slot(ctx, username, password)
    with slot_transaction(ctx) as slots:
        staff_id = insert_row(ctx, "staff", values, by=None)
        slots.put(slot)
    return Staff(staff_id, username, display_name, role, site_id, language, True)


def add_demo_slots(
    ctx: Context, password: str = DEMO_PASSWORD, usernames: Collection[str] | None = None
) -> list[str]:
    """Give a key slot opened by `password` to every active account (of `usernames`, if
    given) that has none and whose password it is: the sample's accounts (made in one
    batch, see `store.sample.generate`), or the demo's in a copy encrypted after they were
    made. Only an account's own password opens its slot, so nobody else's is given one.
    The usernames given a slot; none for a plain database. Two scrypt runs an account:
    for the demo's few logins, not a real installation's many accounts."""
    rows = ctx.db.execute(
        "SELECT username, password_hash FROM staff WHERE active = 1 AND deleted_at IS NULL"
        " ORDER BY username"
    ).fetchall()
    made = [
        new_slot(ctx, username, password)
        for username, stored in rows
        if (usernames is None or username in usernames)
        and not has_slot(ctx, username)
        and _is_password(password, stored)
    ]
    if made:
        with slot_transaction(ctx) as slots:
            for slot in made:
                slots.put(slot)
    return [slot.slot.name for slot in made if slot is not None]


def _is_password(password: str, stored: str) -> bool:
    try:
        return verify_password(password, stored)
    except PasswordDataDamaged:
        return False
