"""Logins refused at a key slot, before an encrypted database could be opened.

A wrong password on an encrypted database is refused by the user's key slot (see
`store.core.keyring.unlock`): the access log is inside the database, which nobody has
unlocked yet, so the attempt cannot be written there at that moment. The app keeps such
refusals in its memory (`RefusedLogins`: the time, and the typed name only as
`auth.login_name_key`, so a password typed into the name field is never kept readable)
and writes them to the access log in the same transaction as the next successful login
(`log_in_after`).
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from store.core import audit
from store.core.auth import LoginFailed, LoginLocked, PasswordDataDamaged, login_name_key
from store.core.clock import to_iso
from store.core.context import Context
from store.core.db import write_transaction
from store.core.models import Staff

# What the access log says of a failure refused at the key slot (the login's own failures
# say "locked" or "damaged" there, or nothing for a wrong password).
REFUSED_AT_SLOT = "key_slot"


@dataclass(frozen=True)
class SlotRefusal:
    at: datetime
    name_key: str  # auth.login_name_key of the typed username


def slot_refusal(username: str, at: datetime) -> SlotRefusal:
    return SlotRefusal(at, login_name_key(username))


class RefusedLogins:
    """The refusals not yet in the access log; safe to share with the login's worker thread."""

    def __init__(self) -> None:
        self._items: list[SlotRefusal] = []
        self._lock = threading.Lock()

    def add(self, refusal: SlotRefusal) -> None:
        with self._lock:
            self._items.append(refusal)

    def take(self) -> list[SlotRefusal]:
        """All of them, to be written; `put_back` them if the write fails."""
        with self._lock:
            taken, self._items = self._items, []
            return taken

    def put_back(self, refusals: Sequence[SlotRefusal]) -> None:
        with self._lock:
            self._items[:0] = refusals

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)


def log_refusals(ctx: Context, refusals: Sequence[SlotRefusal]) -> None:
    """Append a failed login for each refusal, at its own time, inside the caller's
    transaction; as the login's own failures do, one names the account whose username
    was typed, if it was one (matched by its `login_name_key`), and no one else."""
    if not refusals:
        return
    wanted = {refusal.name_key for refusal in refusals}
    accounts: dict[str, str] = {}
    for staff_id, username in ctx.db.execute(
        "SELECT id, username FROM staff WHERE deleted_at IS NULL"
    ).fetchall():
        name_key = login_name_key(username)
        if name_key in wanted:
            accounts[name_key] = staff_id
    for refusal in refusals:
        audit.log_event(
            ctx,
            staff_id=None,
            action="failed_login",
            entity="staff",
            entity_id=accounts.get(refusal.name_key),
            purpose=REFUSED_AT_SLOT,
            at=to_iso(refusal.at),
        )


def log_in_after(ctx: Context, log_in: Callable[[], Staff], refused: RefusedLogins | None) -> Staff:
    """`log_in()` (`StaffRepository.log_in`), with the refusals kept in `refused` written in
    the same transaction as its success; on any failure they stay in `refused`.

    With refusals to write, the login's own transactions become savepoints of one, which
    holds the write lock while the password is hashed (other desks wait that long): only
    on the first login after a refusal. A refused login's own record (its failure, the
    lockout's count) is kept: its error is raised once the transaction is committed.
    """
    pending = refused.take() if refused is not None else []
    if not pending:
        return log_in()
    assert refused is not None
    refusal: LoginFailed | LoginLocked | PasswordDataDamaged | None = None
    staff: Staff | None = None
    try:
        with write_transaction(ctx.db):
            try:
                staff = log_in()
            except (LoginFailed, LoginLocked, PasswordDataDamaged) as exc:
                refusal = exc
            else:
                log_refusals(ctx, pending)
    except BaseException:
        refused.put_back(pending)
        raise
    if refusal is not None or staff is None:
        refused.put_back(pending)
        raise refusal or LoginFailed()
    return staff
