"""Password hashing (hashlib.scrypt with a per-user salt), the login lockout, role permissions."""

from __future__ import annotations

import hashlib
import hmac
import math
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from store.core.i18n import TranslatedError
from store.core.models import Role, Staff


@dataclass(frozen=True)
class ScryptCost:
    """scrypt's cost parameters: N (CPU and memory), r (block size), p (parallelism)."""

    n: int
    r: int
    p: int

    @property
    def memory(self) -> int:
        """Bytes of scrypt's table, 128·r·N: nearly all it needs."""
        return 128 * self.r * self.n

    @property
    def maxmem(self) -> int:
        # hashlib refuses a hash that needs more than `maxmem` (32 MiB when it is not given,
        # less than N = 2^17 needs); twice the table leaves room for scrypt's small blocks.
        # hashlib takes no more than a C int.
        return min(2 * self.memory, 2**31 - 1)


# OWASP's minimum for scrypt (Password Storage Cheat Sheet): about 128 MiB and, on a
# laptop, half a second to a second a hash.
OWASP_MINIMUM = ScryptCost(n=2**17, r=8, p=1)
# What new hashes cost; a stored hash of any other cost is hashed again at its next login.
# The test suite lowers it for speed; tests of the cost itself put it back.
HASH_COST = OWASP_MINIMUM

# Stored parameters outside these are refused before any hashing: a tampered row must
# not make a login allocate gigabytes (N = 2^30 asks for 1 TiB) or run for minutes. The
# lowest N is that of the hashes made before OWASP_MINIMUM; memory and time are capped at
# twice and eight times what OWASP_MINIMUM takes (256 MiB; some seconds on a laptop).
MIN_N, MAX_N = 2**14, 2**20
MAX_R, MAX_P = 16, 16
MAX_MEMORY = 2 * OWASP_MINIMUM.memory
MAX_WORK = 8 * OWASP_MINIMUM.n * OWASP_MINIMUM.r * OWASP_MINIMUM.p
_SALT_BYTES = 16
_DIGEST_BYTES = 64
_NUMBER = re.compile(r"[1-9][0-9]{0,9}")
_HEX = re.compile(r"[0-9a-f]*")


class PasswordDataDamaged(TranslatedError):
    """A stored password hash that is not one this module makes, or whose parameters are
    out of bounds: nothing can be checked against it until an admin sets a new password."""

    def __init__(self) -> None:
        super().__init__("auth.error.damaged")


@dataclass(frozen=True)
class StoredHash:
    cost: ScryptCost
    salt: bytes
    digest: bytes


def _scrypt(password: str, salt: bytes, cost: ScryptCost) -> bytes:
    return hashlib.scrypt(
        password.encode(),
        salt=salt,
        n=cost.n,
        r=cost.r,
        p=cost.p,
        maxmem=cost.maxmem,
        dklen=_DIGEST_BYTES,
    )


def _hash(password: str, cost: ScryptCost) -> str:
    salt = secrets.token_bytes(_SALT_BYTES)
    digest = _scrypt(password, salt, cost)
    return f"scrypt${cost.n}${cost.r}${cost.p}${salt.hex()}${digest.hex()}"


def hash_password(password: str) -> str:
    """`scrypt$N$r$p$salt$digest` at `HASH_COST`, with a new random salt (hex)."""
    return _hash(password, HASH_COST)


def sane_cost(cost: ScryptCost) -> bool:
    return (
        MIN_N <= cost.n <= MAX_N
        and cost.n & (cost.n - 1) == 0
        and 1 <= cost.r <= MAX_R
        and 1 <= cost.p <= MAX_P
        and cost.memory <= MAX_MEMORY
        and cost.n * cost.r * cost.p <= MAX_WORK
    )


def parse_hash(stored: object) -> StoredHash:
    """A stored hash's parts, checked before anything is computed with them; raises
    `PasswordDataDamaged` for anything `hash_password` would not have made (a column
    written by hand may even hold a number or bytes)."""
    if not isinstance(stored, str):
        raise PasswordDataDamaged()
    fields = stored.split("$")
    if len(fields) != 6 or fields[0] != "scrypt":
        raise PasswordDataDamaged()
    numbers, (salt_hex, digest_hex) = fields[1:4], fields[4:]
    # int() would also take "+8", " 8", "8_0" and other scripts' digits.
    if not all(_NUMBER.fullmatch(number) for number in numbers):
        raise PasswordDataDamaged()
    cost = ScryptCost(*(int(number) for number in numbers))
    if not sane_cost(cost):
        raise PasswordDataDamaged()
    if len(salt_hex) != 2 * _SALT_BYTES or len(digest_hex) != 2 * _DIGEST_BYTES:
        raise PasswordDataDamaged()
    if not (_HEX.fullmatch(salt_hex) and _HEX.fullmatch(digest_hex)):
        raise PasswordDataDamaged()
    return StoredHash(cost, bytes.fromhex(salt_hex), bytes.fromhex(digest_hex))


def verify_password(password: str, stored: str) -> bool:
    """Whether `password` matches the stored hash; `PasswordDataDamaged` when the hash
    cannot be used (see `parse_hash`)."""
    parsed = parse_hash(stored)
    return hmac.compare_digest(_scrypt(password, parsed.salt, parsed.cost), parsed.digest)


def needs_rehash(stored: str) -> bool:
    """Whether a stored (sane) hash was made at another cost than new hashes are: it is
    hashed again, from the password just checked, at the login."""
    return parse_hash(stored).cost != HASH_COST


@cache
def _dummy_hash(cost: ScryptCost) -> str:
    return _hash(secrets.token_hex(8), cost)


def dummy_hash() -> str:
    """Checked for unknown usernames, so a wrong name takes as long as a wrong password:
    made at the cost of new hashes, which every account has after its next login."""
    return _dummy_hash(HASH_COST)


# The lockout: the MAX_FAILED_LOGINS-th failed login in a row for a username locks it for
# LOCK_SECONDS, and each further failure for twice as long as the one before, up to
# MAX_LOCK_SECONDS. Only a success (or a new password) starts the count again. A mistyped
# password or two costs nothing, a third 30 s; a script meets 15 minutes from the eighth
# failure on, so it gets about a hundred guesses a day at one username (three every 30 s,
# 8 640 a day, under a fixed lock), while a user who has forgotten the password waits at
# most 15 minutes a try and an admin's new password ends the wait at once.
MAX_FAILED_LOGINS = 3
LOCK_SECONDS = 30
MAX_LOCK_SECONDS = 15 * 60


class LoginFailed(TranslatedError):
    """A wrong username or password; never says which."""

    def __init__(self) -> None:
        super().__init__("auth.error.failed")


def wait_in_words(seconds: int) -> tuple[str, int]:
    """A wait as a message names it: `("seconds", n)` under a minute, else `("minutes", n)`
    with the minutes rounded up, so the user never tries again too early."""
    if seconds < 60:
        return "seconds", seconds
    return "minutes", math.ceil(seconds / 60)


class LoginLocked(TranslatedError):
    """Too many failed logins for this username: refused for `seconds` more."""

    def __init__(self, seconds: int) -> None:
        unit, count = wait_in_words(seconds)
        key = "auth.error.locked" if unit == "seconds" else "auth.error.locked_minutes"
        super().__init__(key, count=count)
        self.seconds = seconds


def login_name_key(username: str) -> str:
    """What the lockout keeps of a typed username: a slow hash of its case-folded form, so
    a password typed into the name field is never stored readable or cheap to guess."""
    name = username.strip().casefold().encode()
    return hashlib.scrypt(name, salt=b"luotsi.login_throttle", n=2**12, r=8, p=1).hex()[:32]


def lock_seconds(failures: int) -> int:
    """How long `failures` failed logins in a row lock a username (see MAX_FAILED_LOGINS)."""
    if failures < MAX_FAILED_LOGINS:
        return 0
    doublings = min(failures - MAX_FAILED_LOGINS, MAX_LOCK_SECONDS.bit_length())
    return min(LOCK_SECONDS * 2**doublings, MAX_LOCK_SECONDS)


def after_failure(failures: int, now: datetime) -> tuple[int, datetime | None]:
    """The count of failures in a row and the lock (None for none) after one more failure."""
    failures += 1
    seconds = lock_seconds(failures)
    return failures, now + timedelta(seconds=seconds) if seconds else None


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
    # A backup is the whole register: an admin's, and in the access log.
    "database.backup": frozenset({"admin"}),
    "visit.register": frozenset({"reception", "coach"}),
    "export.visits": frozenset({"reception", "coach", "admin"}),
    # Names, HETUs and phones leave the machine only for an admin who states why.
    "export.identities": frozenset({"admin"}),
    # Checking and exporting the access log: for the data-protection officer's requests.
    "audit.read": frozenset({"admin"}),
    # Service paths: coaches edit their own caseload's; others read one for a purpose.
    "path.view": frozenset({"coach", "admin"}),
    "path.edit": frozenset({"coach"}),
    "path.report": frozenset({"coach", "admin"}),
    # The service catalog, its rules and the providers.
    "catalog.manage": frozenset({"admin"}),
    # Kompassi answers are health-related: the client's own coach opens them (checked
    # per client in store/kompassi/repository.py); admins see the aggregate report only.
    "kompassi.view": frozenset({"coach"}),
    "kompassi.report": frozenset({"coach", "admin"}),
    "instrument.manage": frozenset({"admin"}),
    # Scheduling (F5): reception books for any coach, a coach for themselves and their
    # team (checked per coach in store/schedule/repository.py); only coaches see the notes.
    "schedule.view": frozenset({"reception", "coach"}),
    "schedule.book": frozenset({"reception", "coach"}),
    "schedule.notes": frozenset({"coach"}),
    "schedule.export": frozenset({"reception", "coach"}),
    # Rooms and group sessions of a site.
    "schedule.manage": frozenset({"reception", "coach", "admin"}),
    # Offline laptops (store/sync): the office's admin checks laptops out and in and
    # revokes a lost one; a coach packs their laptop's changes; the conflicts inbox is the
    # admins' (all) and each coach's (their own clients').
    "sync.checkout": frozenset({"admin"}),
    "sync.apply": frozenset({"admin"}),
    "sync.devices": frozenset({"admin"}),
    "sync.pack": frozenset({"coach"}),
    "sync.inbox": frozenset({"coach", "admin"}),
}


def allowed(staff: Staff, permission: str) -> bool:
    return staff.active and staff.role in PERMISSIONS[permission]


def require(staff: Staff, permission: str) -> None:
    if not allowed(staff, permission):
        raise PermissionDenied(staff, permission)
