"""Staff accounts: creating and managing them (admins), listing them, logging in, and each
one's language."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from store.core import audit
from store.core.auth import (
    LoginFailed,
    LoginLocked,
    PasswordDataDamaged,
    allowed,
    hash_password,
    login_name_key,
    require,
    verify_password,
)
from store.core.clock import new_id
from store.core.context import Context
from store.core.db import write_transaction
from store.core.i18n import LANGUAGES, TranslatedError
from store.core.login import check_login, throttle_of
from store.core.models import ROLES, Role, Staff
from store.core.rows import insert_row, update_row
from store.core.staff_slots import NoKeySlot, new_slot, slot_transaction
from store.core.text import TextRefused, check_label, visible

_COLUMNS = "id, username, display_name, role, site_id, language, active"

MIN_PASSWORD_LENGTH = 8
USERNAME_MAX_LENGTH = 64
_USERNAME = re.compile(r"[a-z0-9._-]+")


class StaffError(TranslatedError):
    """A change to a staff account that is refused; nothing was written."""


def check_username(username: str) -> str:
    """The username as stored: lower-case letters, digits, `.`, `-` and `_`, nothing else."""
    if not username.strip():
        raise StaffError("staff.error.username_empty")
    if len(username) > USERNAME_MAX_LENGTH:
        raise TextRefused(
            "username", "text.field.staff.username", "text.error.too_long", max=USERNAME_MAX_LENGTH
        )
    if not _USERNAME.fullmatch(username):
        # Shown as typed, but an escape sequence typed in is not sent back to the terminal.
        raise StaffError("staff.error.username_chars", username=visible(username))
    # A username is the exports' `served_by`: one starting with "-" would be a formula in
    # a spreadsheet (and an option on a command line).
    if not username[0].isalnum():
        raise TextRefused(
            "username", "text.field.staff.username", "text.error.start", char=username[0]
        )
    return username


def check_display_name(display_name: str) -> str:
    """A staff member's name as stored: stripped, not empty, and a safe label (see
    `store.core.text.check_label`)."""
    name = display_name.strip()
    if not name:
        raise StaffError("staff.error.name_empty")
    return check_label(name, "display_name", "text.field.staff.display_name")


def check_password(password: str) -> str:
    """A real account's password: at least `MIN_PASSWORD_LENGTH` characters."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise StaffError("staff.error.password_short", min=MIN_PASSWORD_LENGTH)
    return password


def _to_staff(row: tuple[Any, ...]) -> Staff:
    staff_id, username, display_name, role, site_id, language, active = row
    return Staff(staff_id, username, display_name, role, site_id, language, bool(active))


def staff_row(
    username: str, display_name: str, role: Role, password: str, site_id: str | None, language: str
) -> dict[str, object]:
    """The columns of a new, active account; the password stored only as its hash."""
    return {
        "username": username,
        "display_name": display_name,
        "role": role,
        "site_id": site_id,
        "password_hash": hash_password(password),
        "language": language,
        "active": 1,
    }


def _living(ctx: Context, staff_id: str) -> Staff | None:
    row = ctx.db.execute(
        f"SELECT {_COLUMNS} FROM staff WHERE id = ? AND deleted_at IS NULL", [staff_id]
    ).fetchone()
    return _to_staff(row) if row else None


def as_stored(ctx: Context, actor: Staff) -> Staff:
    """The acting user as stored now, for a permission check: a role changed or an account
    closed since they logged in counts."""
    current = _living(ctx, actor.id)
    return current if current is not None else replace(actor, active=False)


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
        """A new account, made by an admin (`actor`) and logged with them.

        Only the installation's first account, its admin (as `luotsi init` makes it), is
        made with no actor; it is logged as made by itself. Demo and test accounts come
        from `store.sample.accounts` instead.
        """
        check_username(username)
        check_password(password)
        name = check_display_name(display_name)
        self._check_role(role)
        if language not in LANGUAGES:
            raise StaffError("staff.error.language", language=language)
        values = staff_row(username, name, role, password, site_id, language)
        slot = new_slot(self.ctx, username, password)
        with slot_transaction(self.ctx) as slots:
            # Checked under the write lock, so two admins cannot take one name.
            if actor is None:
                if role != "admin" or self._count("SELECT count(*) FROM staff"):
                    raise StaffError("staff.error.admin_required")
            else:
                require(self._fresh(actor), "staff.manage")
            if self._count("SELECT count(*) FROM staff WHERE username = ?", username):
                raise StaffError("staff.error.username_taken", username=username)
            if site_id is not None and not self._count(
                "SELECT count(*) FROM site WHERE id = ? AND deleted_at IS NULL", site_id
            ):
                raise StaffError("staff.error.unknown_site")
            staff_id = new_id()
            by = actor.id if actor else staff_id
            insert_row(self.ctx, "staff", values, by=by, row_id=staff_id)
            audit.log_event(
                self.ctx, staff_id=by, action="create", entity="staff", entity_id=staff_id
            )
            slots.put(slot)
        return Staff(staff_id, username, name, role, site_id, language, True)

    def set_password(
        self, actor: Staff, staff_id: str, new_password: str, old_password: str | None = None
    ) -> None:
        """An admin sets anyone's password; anyone else only their own, giving the old one.

        An old password that is given is checked, an admin's own too (changing one's own
        password asks for it whatever the role). The new password ends any login lock on
        the username: the failures counted were against a password that is gone.

        On an encrypted database the account's key slot is wrapped anew for the new
        password (the old one no longer opens the key file), and an account that had none
        (made before the database was encrypted) gets one. A closed account gets none.
        """
        check_password(new_password)
        # Hashed before the write lock (other desks wait on it); checked again under it.
        account = self._living(staff_id)
        slot = new_slot(self.ctx, account.username, new_password) if account else None
        changes = {"password_hash": hash_password(new_password)}
        with slot_transaction(self.ctx) as slots:
            fresh = self._fresh(actor)
            target = self._existing(staff_id)
            if not (fresh.active and fresh.id == target.id):
                require(fresh, "staff.manage")
            elif old_password is not None or not allowed(fresh, "staff.manage"):
                stored = self.ctx.db.execute(
                    "SELECT password_hash FROM staff WHERE id = ?", [target.id]
                ).fetchone()[0]
                if old_password is None or not verify_password(old_password, stored):
                    raise StaffError("staff.error.old_password")
            update_row(self.ctx, "staff", target.id, changes, by=fresh.id)
            throttle_id, failures, locked_until = throttle_of(
                self.ctx, login_name_key(target.username)
            )
            if throttle_id is not None and (failures or locked_until):
                unlocked = {"failures": 0, "locked_until": None}
                update_row(self.ctx, "login_throttle", throttle_id, unlocked, by=fresh.id)
            self._log_change(fresh, target, "password")
            if target.active:
                slots.put(slot)
            else:
                slots.remove(target.username)

    def set_role(self, actor: Staff, staff_id: str, role: Role) -> Staff:
        """Give an account another role (admins only); the last active admin stays one."""
        self._check_role(role)
        with write_transaction(self.ctx.db):
            fresh = self._fresh(actor)
            require(fresh, "staff.manage")
            target = self._existing(staff_id)
            if target.role == role:
                return target
            if target.role == "admin" and target.active and self._active_admins() <= 1:
                raise StaffError("staff.error.last_admin", username=target.username)
            update_row(self.ctx, "staff", target.id, {"role": role}, by=fresh.id)
            self._log_change(fresh, target, f"role:{role}")
        return self._existing(staff_id)

    def deactivate(self, actor: Staff, staff_id: str) -> Staff:
        """Close an account (admins only): it can no longer log in, its history and its
        access-log rows stay. Never one's own account, nor the last active admin. Its key
        slot goes with it: its password no longer opens an encrypted database's key file."""
        with slot_transaction(self.ctx) as slots:
            fresh = self._fresh(actor)
            require(fresh, "staff.manage")
            target = self._existing(staff_id)
            if target.id == fresh.id:
                raise StaffError("staff.error.deactivate_self")
            if not target.active:
                raise StaffError("staff.error.inactive", username=target.username)
            if target.role == "admin" and self._active_admins() <= 1:
                raise StaffError("staff.error.last_admin", username=target.username)
            update_row(self.ctx, "staff", target.id, {"active": 0}, by=fresh.id)
            self._log_change(fresh, target, "deactivate")
            slots.remove(target.username)
        return self._existing(staff_id)

    def may(self, actor: Staff, permission: str) -> bool:
        """Whether `actor`, as stored now (see `as_stored`), has `permission`: what a screen
        asks before it opens; each change checks again."""
        return allowed(self._fresh(actor), permission)

    def _log_change(self, actor: Staff, target: Staff, what: str) -> None:
        audit.log_event(
            self.ctx,
            staff_id=actor.id,
            action="update",
            entity="staff",
            entity_id=target.id,
            purpose=what,
        )

    def _fresh(self, actor: Staff) -> Staff:
        return as_stored(self.ctx, actor)

    def _living(self, staff_id: str) -> Staff | None:
        return _living(self.ctx, staff_id)

    def _existing(self, staff_id: str) -> Staff:
        target = self._living(staff_id)
        if target is None:
            raise StaffError("staff.error.unknown", username=staff_id)
        return target

    def _active_admins(self) -> int:
        return self._count(
            "SELECT count(*) FROM staff WHERE role = 'admin' AND active = 1 AND deleted_at IS NULL"
        )

    def _count(self, sql: str, *params: object) -> int:
        return int(self.ctx.db.execute(sql, list(params)).fetchone()[0])

    @staticmethod
    def _check_role(role: str) -> None:
        if role not in ROLES:
            raise StaffError("staff.error.role", role=role, roles=", ".join(ROLES))

    def get(self, staff_id: str) -> Staff | None:
        row = self.ctx.db.execute(
            f"SELECT {_COLUMNS} FROM staff WHERE id = ?", [staff_id]
        ).fetchone()
        return _to_staff(row) if row else None

    def find(self, username: str) -> Staff | None:
        """An account by its username, a deactivated one too."""
        row = self.ctx.db.execute(
            f"SELECT {_COLUMNS} FROM staff WHERE username = ? AND deleted_at IS NULL",
            [username.strip()],
        ).fetchone()
        return _to_staff(row) if row else None

    def serving_at(self, site_id: str) -> list[Staff]:
        """Who can take a visitor over at a site's desk (a transfer): its active staff who
        may serve walk-ins; not admins, who cannot open the desk, nor other sites' staff."""
        return [s for s in self.all(site_id=site_id) if allowed(s, "visit.register")]

    def all(
        self, role: Role | None = None, site_id: str | None = None, *, inactive: bool = False
    ) -> list[Staff]:
        """Active staff members by name; of one role and of one site when they are given,
        and the deactivated ones too with `inactive`."""
        sql = f"SELECT {_COLUMNS} FROM staff WHERE deleted_at IS NULL"
        params: list[object] = []
        if not inactive:
            sql += " AND active = 1"
        if role:
            sql += " AND role = ?"
            params.append(role)
        if site_id:
            sql += " AND site_id = ?"
            params.append(site_id)
        rows = self.ctx.db.execute(sql + " ORDER BY display_name, username", params).fetchall()
        return [_to_staff(row) for row in rows]

    def authenticate(self, username: str, password: str) -> Staff | None:
        """Check a login (see `log_in`); None when it is refused, locked or not."""
        try:
            return self.log_in(username, password)
        except (LoginFailed, LoginLocked, PasswordDataDamaged, NoKeySlot):
            return None

    def log_in(self, username: str, password: str, *, slot_opened: bool = False) -> Staff:
        """Check a login; every attempt lands in the access log, none says which part failed.

        Raises `LoginFailed`; `LoginLocked` on a failure that starts a lock (the third in a
        row for this username, and each after it, see `auth.lock_seconds`) and on every
        attempt while it lasts, the right password included; `PasswordDataDamaged` when
        the account's stored hash cannot be used; `NoKeySlot` for the right password of an
        account with no key slot on an encrypted database. Unknown usernames are locked
        alike, so a lock never tells whether an account exists. A right password whose
        hash was made at an older cost is hashed again, in the login's own write.
        `slot_opened`: the user's key slot has just opened with `password`
        (`keyring.unlock`), which proves it; the stored hash is not checked again.
        """
        row = self.ctx.db.execute(
            f"SELECT {_COLUMNS}, password_hash FROM staff"
            " WHERE username = ? AND deleted_at IS NULL",
            [username.strip()],
        ).fetchone()
        staff = _to_staff(row[:-1]) if row else None
        stored: str | None = row[-1] if row else None
        return check_login(self.ctx, username, password, staff, stored, slot_opened=slot_opened)

    def set_language(self, staff: Staff, language: str) -> Staff:
        with write_transaction(self.ctx.db):
            update_row(self.ctx, "staff", staff.id, {"language": language}, by=staff.id)
        updated = self.get(staff.id)
        assert updated is not None
        return updated
