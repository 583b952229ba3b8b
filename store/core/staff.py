"""Staff accounts: creating them, listing them, logging in, and each one's language."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

from datetime import datetime
from typing import Any

from store.core import audit
from store.core.auth import (
    LoginFailed,
    LoginLocked,
    after_failure,
    dummy_hash,
    hash_password,
    login_name_key,
    require,
    seconds_locked,
    verify_password,
)
from store.core.clock import from_iso, to_iso
from store.core.context import Context
from store.core.db import write_transaction
from store.core.models import Role, Staff
from store.core.rows import insert_row, update_row, upsert_row

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
        """Check a login (see `log_in`); None when it is refused, locked or not."""
        try:
            return self.log_in(username, password)
        except (LoginFailed, LoginLocked):
            return None

    def log_in(self, username: str, password: str) -> Staff:
        """Check a login; every attempt lands in the access log, none says which part failed.

        Raises `LoginFailed`, or `LoginLocked` on the failure that starts a lock (the
        third in a row for this username) and on every attempt while it lasts, the right
        password included. Unknown usernames are locked alike, so a lock never tells
        whether an account exists.
        """
        row = self.ctx.db.execute(
            f"SELECT {_COLUMNS}, password_hash FROM staff"
            " WHERE username = ? AND deleted_at IS NULL",
            [username.strip()],
        ).fetchone()
        staff = _to_staff(row[:-1]) if row else None
        name_key = login_name_key(username)
        now = self.ctx.clock.now()
        locked = seconds_locked(self._throttle(name_key)[2], now)
        if locked:
            with write_transaction(self.ctx.db):
                self._log_attempt(staff, ok=False, purpose="locked")
            raise LoginLocked(locked)
        ok = verify_password(password, row[-1] if row else dummy_hash())
        ok = ok and staff is not None and staff.active
        with write_transaction(self.ctx.db):
            self._log_attempt(staff, ok=ok)
            # Read again under the write lock: two desks failing at once both count.
            throttle_id, failures, _ = self._throttle(name_key)
            locked_until = None
            if not ok:
                failures, locked_until = after_failure(failures, now)
                values = {
                    "failures": failures,
                    "locked_until": to_iso(locked_until) if locked_until else None,
                }
                upsert_row(self.ctx, "login_throttle", {"name_key": name_key}, values, by=None)
            elif throttle_id is not None and failures:
                update_row(self.ctx, "login_throttle", throttle_id, {"failures": 0}, by=None)
        if ok and staff is not None:
            return staff
        if locked_until is not None:
            raise LoginLocked(seconds_locked(locked_until, now))
        raise LoginFailed()

    def _throttle(self, name_key: str) -> tuple[str | None, int, datetime | None]:
        """(row id, failures in a row, locked until) of a username's lockout record."""
        row = self.ctx.db.execute(
            "SELECT id, failures, locked_until FROM login_throttle"
            " WHERE name_key = ? AND deleted_at IS NULL",
            [name_key],
        ).fetchone()
        if row is None:
            return None, 0, None
        return row[0], row[1], from_iso(row[2]) if row[2] else None

    def _log_attempt(self, staff: Staff | None, *, ok: bool, purpose: str | None = None) -> None:
        # The typed name is kept only when it is a real account, so a password
        # mistyped into the username field never lands in the log.
        audit.log_event(
            self.ctx,
            staff_id=staff.id if ok and staff else None,
            action="login" if ok else "failed_login",
            entity="staff",
            entity_id=staff.id if staff else None,
            purpose=purpose,
        )

    def set_language(self, staff: Staff, language: str) -> Staff:
        with write_transaction(self.ctx.db):
            update_row(self.ctx, "staff", staff.id, {"language": language}, by=staff.id)
        updated = self.get(staff.id)
        assert updated is not None
        return updated
