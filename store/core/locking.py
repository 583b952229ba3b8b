"""The screen lock in the access log: when a desk locked, who unlocked it, each refusal.

The password itself is checked by `StaffRepository.log_in`, whose own rows (`login`,
`failed_login` on the entity `staff`) and lock on the username are the login's; these
rows, on the entity `screen_lock` with the locked user's id, say that it was a locked
screen that was left, opened or tried. The access log's actions are fixed by the schema,
so a lock is an `update` of the screen lock, an unlock a `login` to it, and a refused
password a `failed_login`; the purpose says which kind.
"""

from __future__ import annotations

from typing import Literal

from store.core.audit import log_event
from store.core.context import Context
from store.core.db import write_transaction
from store.core.models import Staff
from store.core.settings import LOCK_MINUTES, Settings

ENTITY = "screen_lock"
# Why a screen locked: no input for the set minutes, or the user's own key.
LockReason = Literal["idle", "key"]
# Why a password typed on the lock screen was refused (as `log_in` refused it).
Refusal = Literal["wrong", "locked", "damaged"]


def lock_minutes(ctx: Context) -> int:
    """The installation's idle minutes before the screen locks; 0: it never locks by itself."""
    minutes = Settings(ctx).get(LOCK_MINUTES)
    return minutes if isinstance(minutes, int) else int(LOCK_MINUTES.default)


def log_locked(ctx: Context, staff: Staff, reason: LockReason) -> None:
    """`staff`'s screen was locked."""
    _log(ctx, staff, staff_id=staff.id, action="update", purpose=reason)


def log_unlocked(ctx: Context, staff: Staff) -> None:
    """`staff` typed their password on the lock screen and is back at work."""
    _log(ctx, staff, staff_id=staff.id, action="login", purpose="unlock")


def log_refused(ctx: Context, staff: Staff, refusal: Refusal) -> None:
    """A password typed on `staff`'s lock screen was refused; whoever typed it is unknown."""
    _log(ctx, staff, staff_id=None, action="failed_login", purpose=refusal)


def log_left_for_another(ctx: Context, staff: Staff) -> None:
    """Someone else logs in at `staff`'s locked screen: `staff` is logged out, any unsaved
    input of theirs discarded after a warning."""
    _log(ctx, staff, staff_id=None, action="update", purpose="other_user")


def _log(
    ctx: Context,
    staff: Staff,
    *,
    staff_id: str | None,
    action: Literal["update", "login", "failed_login"],
    purpose: str,
) -> None:
    with write_transaction(ctx.db):
        log_event(
            ctx,
            staff_id=staff_id,
            action=action,
            entity=ENTITY,
            entity_id=staff.id,
            purpose=purpose,
        )
