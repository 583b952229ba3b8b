"""Check-out at the office: a laptop database holding one coach's caseload (their scope,
`store.sync.tables.SCOPES`), encrypted under a key of its own that the coach's usual
password opens, with the base it was cut from beside it.

The laptop's files are written in a private folder beside `out` and renamed into place
only once all of them are whole, inside the office's one write transaction (the device
row and an `export` event per client in the check-out): a failure of either leaves no
file behind and nothing written at the office.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from store.core import keyring
from store.core.audit import append_events, log_event
from store.core.auth import require
from store.core.clock import from_iso, to_iso
from store.core.context import Context
from store.core.dates import format_stored_day
from store.core.db import write_transaction
from store.core.files import sync_folder
from store.core.keys import (
    RECOVERY_SLOT,
    KeyFile,
    key_file_of,
    new_key,
    new_salt,
    reseal,
    write_key_file,
)
from store.core.models import Staff
from store.core.rows import insert_row, update_row
from store.core.staff import StaffRepository
from store.sync import bundle
from store.sync.cut import Cut, cut_laptop
from store.sync.errors import (
    DeviceRevoked,
    IsALaptop,
    NoSlotForCoach,
    NotACoach,
    SyncError,
    UnknownDevice,
)
from store.sync.laptop import base_of, copy_private, laptop_state, office_id
from store.sync.models import CheckoutResult
from store.sync.scope import Window


class OutExists(SyncError):
    """A check-out never writes over a file: the laptop's database may be the only copy
    of a coach's unsent work."""

    def __init__(self, path: str) -> None:
        super().__init__("sync.error.out_exists", path=path)


@dataclass(frozen=True)
class _Device:
    id: str
    coach_id: str
    label: str | None
    bundle_key: str
    refreshed: bool
    checked_out_at: str | None = None  # the check-out before this one


def checkout(
    ctx: Context,
    office_path: Path,
    *,
    coach: Staff,
    out: Path,
    actor: Staff,
    label: str | None = None,
    device_id: str | None = None,
) -> CheckoutResult:
    """Write a laptop database for `coach` at `out` (with `out.keys` when the office is
    encrypted, and `out.base`): a new device, or with `device_id` a refreshed check-out
    of that device (its coach, its bundle key, a new base)."""
    require(actor, "sync.checkout")
    office_path, out = Path(office_path), Path(out)
    if laptop_state(ctx.db) is not None:
        raise IsALaptop(str(office_path))
    device = _device(ctx, device_id, coach, label)
    coach = _coach(ctx, device.coach_id, coach)
    targets = _targets(out, encrypted=keyring.is_encrypted(office_path))
    if any(target.exists() for target in targets):
        raise OutExists(str(out))
    sealed = _laptop_key(office_path, coach) if keyring.is_encrypted(office_path) else None
    window = Window.around(ctx.today())
    base_id = str(uuid.uuid4())
    cut_at = _cut_at(ctx, device)
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    laptop = work / out.name
    placed: list[Path] = []
    try:
        with write_transaction(ctx.db):
            if sealed is not None:
                _write_keys(laptop, sealed)
            cut = cut_laptop(
                Cut(
                    office_path=office_path,
                    laptop_path=laptop,
                    coach_id=coach.id,
                    device_id=device.id,
                    office_id=office_id(ctx.db),
                    base_id=base_id,
                    bundle_key=device.bundle_key,
                    window=window,
                    actor_id=actor.id,
                    cut_at=cut_at,
                    clock=ctx.clock,
                )
            )
            copy_private(laptop, base_of(laptop))
            _record(ctx, device, coach, actor, base_id, cut_at, window, cut.client_ids)
            _place(work, out, targets, placed)
    except BaseException:
        for path in placed:
            path.unlink(missing_ok=True)
        keyring.forget(out)
        raise
    finally:
        keyring.forget(laptop)
        shutil.rmtree(work, ignore_errors=True)
    if sealed is not None:
        keyring.remember(out, sealed[0])
    return CheckoutResult(
        device_id=device.id,
        base_id=base_id,
        path=out,
        files=targets,
        clients=len(cut.client_ids),
        rows=cut.rows,
        window_from=window.start,
        window_to=window.end,
        encrypted=sealed is not None,
    )


def _targets(out: Path, *, encrypted: bool) -> list[Path]:
    return [out, *([key_file_of(out)] if encrypted else []), base_of(out)]


def _device(ctx: Context, device_id: str | None, coach: Staff, label: str | None) -> _Device:
    if device_id is None:
        return _Device(str(uuid.uuid4()), coach.id, label, bundle.new_bundle_key().hex(), False)
    row = ctx.db.execute(
        "SELECT id, coach_id, label, bundle_key, revoked_at, checked_out_at FROM sync_device"
        " WHERE id = ? AND deleted_at IS NULL",
        [device_id],
    ).fetchone()
    if row is None:
        raise UnknownDevice(device_id)
    name = str(row[2] or row[0])
    if row[4] is not None:
        raise DeviceRevoked(name, format_stored_day(str(row[4])))
    return _Device(str(row[0]), str(row[1]), label or row[2], str(row[3]), True, str(row[5]))


def _cut_at(ctx: Context, device: _Device) -> str:
    """Now, or just after the device's check-out before, should the clock say otherwise
    (set back, or a simulation's): the laptop takes only a later check-out than its own."""
    now = ctx.now_iso()
    if device.checked_out_at is None or now > device.checked_out_at:
        return now
    return to_iso(from_iso(device.checked_out_at) + timedelta(milliseconds=1))


def _coach(ctx: Context, coach_id: str, given: Staff) -> Staff:
    """The coach as the office has them now (a refreshed check-out's is the device's)."""
    coach = StaffRepository(ctx).get(coach_id)
    if coach is None or not coach.active or coach.role != "coach":
        raise NotACoach((coach or given).username)
    return coach


def _laptop_key(office_path: Path, coach: Staff) -> tuple[bytes, KeyFile]:
    """A new key for the laptop, and its key file: the coach's slot and the recovery slot
    of the office's key file, sealed to it (the same secrets open them)."""
    found = keyring.key_for(office_path)
    assert found is not None  # an encrypted office is open, so its key is known
    office_keys = found[1]
    coach_slot = office_keys.slot(coach.username.strip())
    if coach_slot is None:
        raise NoSlotForCoach(coach.username)
    key = new_key()
    slots = [reseal(office_keys, coach_slot, key)]
    recovery = office_keys.slot(RECOVERY_SLOT)
    if recovery is not None:
        slots.append(reseal(office_keys, recovery, key))
    return key, KeyFile(office_keys.database_id, new_salt(), tuple(slots))


def _write_keys(laptop: Path, sealed: tuple[bytes, KeyFile]) -> None:
    write_key_file(laptop, sealed[1])
    keyring.remember(laptop, sealed[0])


def _record(
    ctx: Context,
    device: _Device,
    coach: Staff,
    actor: Staff,
    base_id: str,
    cut_at: str,
    window: Window,
    client_ids: Sequence[str],
) -> None:
    """The device row and the access log: the check-out discloses every client in it."""
    now = ctx.now_iso()
    values: dict[str, object] = {
        "base_id": base_id,
        "checked_out_at": cut_at,
        "checked_out_by": actor.id,
        "window_from": window.start,
        "window_to": window.end,
        "label": device.label,
    }
    if device.refreshed:
        update_row(ctx, "sync_device", device.id, values, by=actor.id)
    else:
        values |= {"coach_id": coach.id, "bundle_key": device.bundle_key}
        insert_row(ctx, "sync_device", values, by=actor.id, row_id=device.id)
    log_event(
        ctx,
        staff_id=actor.id,
        action="update" if device.refreshed else "create",
        entity="sync_device",
        entity_id=device.id,
    )
    append_events(
        ctx,
        ("at", "staff_id", "action", "entity", "entity_id", "client_id"),
        ((now, actor.id, "export", "sync_checkout", device.id, cid) for cid in client_ids),
        by=actor.id,
    )


def _place(work: Path, out: Path, targets: Sequence[Path], placed: list[Path]) -> None:
    """Rename the finished files from `work` to their places, each into `placed` (to be
    taken away again should the office's transaction fail)."""
    for target in targets:
        os.rename(work / target.name, target)
        placed.append(target)
    sync_folder(out.parent)
