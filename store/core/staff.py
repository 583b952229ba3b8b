"""Staff accounts: creating them, listing them, logging in, and each one's language."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

from typing import Any

from store.core import audit
from store.core.auth import dummy_hash, hash_password, require, verify_password
from store.core.context import Context
from store.core.db import write_transaction
from store.core.models import Role, Staff
from store.core.rows import insert_row, update_row

_COLUMNS = "id, username, display_name, role, site_id, language, active"


def _to_staff(row: tuple[Any, ...]) -> Staff:
    staff_id, username, display_name, role, site_id, language, active = row
    return Staff(staff_id, username, display_name, role, site_id, language, bool(active))


class StaffRepository:
    """Reached as `Store.staff`."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def create(
        self,
        username: str,
        display_name: str,
        role: Role,
        password: str,
        site_id: str | None = None,
        language: str = "fi",
        actor: Staff | None = None,
    ) -> Staff:
        if actor is not None:
            require(actor, "staff.manage")
        values = {
            "username": username,
            "display_name": display_name,
            "role": role,
            "site_id": site_id,
            "password_hash": hash_password(password),
            "language": language,
            "active": 1,
        }
        with write_transaction(self.ctx.db):
            staff_id = insert_row(self.ctx, "staff", values, by=actor.id if actor else None)
        return Staff(staff_id, username, display_name, role, site_id, language, True)

    def get(self, staff_id: str) -> Staff | None:
        row = self.ctx.db.execute(
            f"SELECT {_COLUMNS} FROM staff WHERE id = ?", [staff_id]
        ).fetchone()
        return _to_staff(row) if row else None

    def all(self, role: Role | None = None) -> list[Staff]:
        """Active staff members by name, of one role when `role` is given."""
        sql = f"SELECT {_COLUMNS} FROM staff WHERE deleted_at IS NULL AND active = 1"
        params: list[object] = []
        if role:
            sql += " AND role = ?"
            params.append(role)
        rows = self.ctx.db.execute(sql + " ORDER BY display_name", params).fetchall()
        return [_to_staff(row) for row in rows]

    def authenticate(self, username: str, password: str) -> Staff | None:
        """Check a login; both outcomes land in the access log, neither says which part failed."""
        row = self.ctx.db.execute(
            f"SELECT {_COLUMNS}, password_hash FROM staff"
            " WHERE username = ? AND deleted_at IS NULL",
            [username.strip()],
        ).fetchone()
        staff = _to_staff(row[:-1]) if row else None
        ok = verify_password(password, row[-1] if row else dummy_hash())
        ok = ok and staff is not None and staff.active
        with write_transaction(self.ctx.db):
            # The typed name is kept only when it is a real account, so a password
            # mistyped into the username field never lands in the log.
            audit.log_event(
                self.ctx,
                staff_id=staff.id if ok and staff else None,
                action="login" if ok else "failed_login",
                entity="staff",
                entity_id=staff.id if staff else None,
            )
        return staff if ok else None

    def set_language(self, staff: Staff, language: str) -> Staff:
        with write_transaction(self.ctx.db):
            update_row(self.ctx, "staff", staff.id, {"language": language}, by=staff.id)
        updated = self.get(staff.id)
        assert updated is not None
        return updated
