"""The laptops the office has checked out: listed, found by a name a person types, and
revoked when one is lost (after which nothing it sends is taken in)."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from store.clients.display import full_name
from store.core.audit import log_event
from store.core.auth import require
from store.core.context import Context
from store.core.dates import format_stored_day
from store.core.db import write_transaction
from store.core.models import Staff
from store.core.rows import update_row
from store.sync.errors import SyncError
from store.sync.models import Device
from store.sync.scope import Window, fill_scope

_BATCH = 500  # ids per query, well under SQLite's limit of bound parameters

# A prefix shorter than this could name many laptops by accident.
MIN_ID_PREFIX = 6

_SELECT = """
SELECT d.id, d.coach_id, coalesce(s.display_name, s.username, d.coach_id), d.label,
       d.base_id, d.checked_out_at, d.last_checkin_at, d.revoked_at, d.revoked_by,
       (SELECT count(*) FROM sync_conflict c WHERE c.device_id = d.id
          AND c.resolved_at IS NULL AND c.deleted_at IS NULL)
FROM sync_device d LEFT JOIN staff s ON s.id = d.coach_id
WHERE d.deleted_at IS NULL
"""


class DeviceNotFound(SyncError, LookupError):
    """No laptop has this id, id prefix or label."""

    def __init__(self, text: str) -> None:
        super().__init__("sync.error.no_device", text=text)


class DeviceAmbiguous(SyncError):
    """Several laptops answer to what was typed: the user must say which."""

    def __init__(self, text: str, count: int) -> None:
        super().__init__("sync.error.device_ambiguous", text=text, count=count)


class AlreadyRevoked(SyncError):
    def __init__(self, name: str, revoked_on: str) -> None:
        super().__init__("sync.error.already_revoked", name=name, revoked_on=revoked_on)


class NoRevokeReason(SyncError):
    """A revoke is for the record: why the laptop is no longer trusted must be said."""

    def __init__(self) -> None:
        super().__init__("sync.error.revoke_reason")


@dataclass(frozen=True)
class ScopeClient:
    id: str
    name: str  # "Last First", as lists show a client


@dataclass(frozen=True)
class RevokeReport:
    """What a revoked laptop took with it, for the office's own record of the loss."""

    device: Device  # as it is after the revoke
    last_checkin_at: str | None
    checked_out_at: str  # the check-out the laptop holds
    window_from: str
    window_to: str
    # Every change made on the laptop since this moment was never checked in: it is lost.
    unsent_since: str
    # The clients of the device's coach's scope now: whose data was on the laptop.
    clients: Sequence[ScopeClient]


def _device(row: Sequence[object]) -> Device:
    checked_out_at = str(row[5])
    last_checkin_at = None if row[6] is None else str(row[6])
    return Device(
        id=str(row[0]),
        coach_id=str(row[1]),
        coach_name=str(row[2]),
        label=None if row[3] is None else str(row[3]),
        base_id=str(row[4]),
        checked_out_at=checked_out_at,
        last_checkin_at=last_checkin_at,
        revoked_at=None if row[7] is None else str(row[7]),
        revoked_by=None if row[8] is None else str(row[8]),
        open_conflicts=int(str(row[9])),
        pending=last_checkin_at is None or checked_out_at > last_checkin_at,
    )


def device_name(device: Device) -> str:
    """How messages name a laptop: its label, else the start of its id."""
    return device.label or device.id[:8]


class Devices:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def list(self, actor: Staff) -> list[Device]:
        """Every laptop checked out from this register, revoked ones too, newest first."""
        require(actor, "sync.devices")
        rows = self.ctx.db.execute(_SELECT + " ORDER BY d.checked_out_at DESC, d.id").fetchall()
        return [_device(row) for row in rows]

    def get(self, device_id: str) -> Device:
        row = self.ctx.db.execute(_SELECT + " AND d.id = ?", [device_id]).fetchone()
        if row is None:
            raise DeviceNotFound(device_id)
        return _device(row)

    def find(self, text: str) -> Device:
        """The laptop whose id starts with `text` (at least `MIN_ID_PREFIX` characters) or
        whose label is `text` (case ignored)."""
        wanted = text.strip()
        if not wanted:
            raise DeviceNotFound(text)
        clauses = ["lower(d.label) = lower(?)"]
        params: list[object] = [wanted]
        if len(wanted) >= MIN_ID_PREFIX:
            clauses.append("substr(d.id, 1, ?) = lower(?)")
            params += [len(wanted), wanted]
        rows = self.ctx.db.execute(
            _SELECT + f" AND ({' OR '.join(clauses)}) ORDER BY d.checked_out_at DESC", params
        ).fetchall()
        if not rows:
            raise DeviceNotFound(wanted)
        exact = [row for row in rows if str(row[0]) == wanted.lower()]
        if len(rows) > 1 and len(exact) != 1:
            raise DeviceAmbiguous(wanted, len(rows))
        return _device(exact[0] if exact else rows[0])

    def revoke(self, device_id: str, actor: Staff, reason: str) -> RevokeReport:
        """Mark the laptop lost: its bundles are refused from now on. One transaction,
        logged; the report says what the office lost with it."""
        require(actor, "sync.devices")
        reason = reason.strip()
        if not reason:
            raise NoRevokeReason()
        with write_transaction(self.ctx.db):
            before = self.get(device_id)
            if before.revoked_at is not None:
                raise AlreadyRevoked(device_name(before), format_stored_day(before.revoked_at))
            now = self.ctx.now_iso()
            update_row(
                self.ctx,
                "sync_device",
                device_id,
                {"revoked_at": now, "revoked_by": actor.id, "revoke_reason": reason},
                by=actor.id,
                at=now,
            )
            log_event(
                self.ctx,
                staff_id=actor.id,
                action="update",
                entity="sync_device",
                entity_id=device_id,
                purpose=reason,
                at=now,
            )
            window_from, window_to = self._window(device_id)
            clients = self._scope_clients(before.coach_id, Window(window_from, window_to))
            after = self.get(device_id)
        return RevokeReport(
            device=after,
            last_checkin_at=before.last_checkin_at,
            checked_out_at=before.checked_out_at,
            window_from=window_from,
            window_to=window_to,
            unsent_since=before.last_checkin_at or before.checked_out_at,
            clients=clients,
        )

    def _window(self, device_id: str) -> tuple[str, str]:
        row = self.ctx.db.execute(
            "SELECT window_from, window_to FROM sync_device WHERE id = ?", [device_id]
        ).fetchone()
        return str(row[0]), str(row[1])

    def client_names(self, client_ids: Iterable[str | None]) -> dict[str, str]:
        """ "Last First" of each client named (deleted ones too), for reports that say
        whose row a change or conflict is about."""
        wanted = sorted({client_id for client_id in client_ids if client_id})
        names: dict[str, str] = {}
        for start in range(0, len(wanted), _BATCH):
            batch = wanted[start : start + _BATCH]
            rows = self.ctx.db.execute(
                f"SELECT id, first_name, last_name FROM client"
                f" WHERE id IN ({', '.join('?' * len(batch))})",
                batch,
            ).fetchall()
            names.update((str(row[0]), full_name(str(row[1]), str(row[2]))) for row in rows)
        return names

    def _scope_clients(self, coach_id: str, window: Window) -> list[ScopeClient]:
        fill_scope(self.ctx.db.conn, "main", coach_id, window)
        rows = self.ctx.db.execute(
            "SELECT id, first_name, last_name FROM client"
            " WHERE id IN (SELECT id FROM temp.scope_client) ORDER BY last_name, first_name, id"
        ).fetchall()
        return [ScopeClient(str(row[0]), full_name(str(row[1]), str(row[2]))) for row in rows]
