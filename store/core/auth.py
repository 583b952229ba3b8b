"""Password hashing (hashlib.scrypt with a per-user salt) and role permissions."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from functools import cache

from store.core.models import Role, Staff

_N, _R, _P = 2**14, 8, 1
_SALT_BYTES = 16


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(_SALT_BYTES)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt_hex, digest_hex = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(
        password.encode(), salt=bytes.fromhex(salt_hex), n=int(n), r=int(r), p=int(p)
    )
    return hmac.compare_digest(digest.hex(), digest_hex)


@cache
def dummy_hash() -> str:
    """Checked for unknown usernames, so a wrong name takes as long as a wrong password."""
    return hash_password(secrets.token_hex(8))


class PermissionDenied(Exception):
    def __init__(self, staff: Staff, permission: str) -> None:
        super().__init__(f"{staff.username} ({staff.role}) may not {permission}")
        self.staff = staff
        self.permission = permission


PERMISSIONS: dict[str, frozenset[Role]] = {
    "client.view": frozenset({"reception", "coach", "admin"}),
    "client.edit": frozenset({"reception", "coach", "admin"}),
    "client.delete": frozenset({"admin"}),
    "client.import": frozenset({"admin"}),
    "staff.manage": frozenset({"admin"}),
    "settings.edit": frozenset({"admin"}),
    "visit.register": frozenset({"reception", "coach"}),
    "export.visits": frozenset({"reception", "coach", "admin"}),
    # Names, HETUs and phones leave the machine only for an admin who states why.
    "export.identities": frozenset({"admin"}),
}


def allowed(staff: Staff, permission: str) -> bool:
    return staff.active and staff.role in PERMISSIONS[permission]


def require(staff: Staff, permission: str) -> None:
    if not allowed(staff, permission):
        raise PermissionDenied(staff, permission)
