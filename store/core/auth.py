"""Password hashing (hashlib.scrypt with a per-user salt), the login lockout, role permissions."""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
from datetime import datetime, timedelta
from functools import cache

from store.core.i18n import TranslatedError
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


# The lockout: every third failed login in a row for a username locks it for 30 seconds.
MAX_FAILED_LOGINS = 3
LOCK_SECONDS = 30


class LoginFailed(TranslatedError):
    """A wrong username or password; never says which."""

    def __init__(self) -> None:
        super().__init__("auth.error.failed")


class LoginLocked(TranslatedError):
    """Too many failed logins for this username: refused for `seconds` more."""

    def __init__(self, seconds: int) -> None:
        super().__init__("auth.error.locked", count=seconds)
        self.seconds = seconds


def login_name_key(username: str) -> str:
    """What the lockout keeps of a typed username: a slow hash of its case-folded form, so
    a password typed into the name field is never stored readable or cheap to guess."""
    name = username.strip().casefold().encode()
    return hashlib.scrypt(name, salt=b"luotsi.login_throttle", n=2**12, r=8, p=1).hex()[:32]


def after_failure(failures: int, now: datetime) -> tuple[int, datetime | None]:
    """The count of failures in a row and the lock after one more failure: the
    `MAX_FAILED_LOGINS`-th locks for `LOCK_SECONDS` and starts the count again."""
    failures += 1
    if failures >= MAX_FAILED_LOGINS:
        return 0, now + timedelta(seconds=LOCK_SECONDS)
    return failures, None


def seconds_locked(locked_until: datetime | None, now: datetime) -> int:
    """Whole seconds (rounded up) left of a lock; 0 when there is none."""
    if locked_until is None or locked_until <= now:
        return 0
    return math.ceil((locked_until - now).total_seconds())


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
    # Checking and exporting the access log: for the data-protection officer's requests.
    "audit.read": frozenset({"admin"}),
}


def allowed(staff: Staff, permission: str) -> bool:
    return staff.active and staff.role in PERMISSIONS[permission]


def require(staff: Staff, permission: str) -> None:
    if not allowed(staff, permission):
        raise PermissionDenied(staff, permission)
