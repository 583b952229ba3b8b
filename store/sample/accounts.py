"""Demo and test accounts: made without an acting admin or the password rule, never for a
real installation (its accounts go through `StaffRepository.create`)."""

from __future__ import annotations

from store.core.context import Context
from store.core.db import write_transaction
from store.core.models import Role, Staff
from store.core.rows import insert_row
from store.core.staff import staff_row

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
    """One staff account with the shared demo password (or `password`), unlogged."""
    values = staff_row(username, display_name, role, password, site_id, language)
    with write_transaction(ctx.db):
        staff_id = insert_row(ctx, "staff", values, by=None)
    return Staff(staff_id, username, display_name, role, site_id, language, True)
