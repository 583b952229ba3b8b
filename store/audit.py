"""The access log (Information Management Act 906/2019 § 17): who used whose data, when, why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .clock import new_id, to_iso
from .models import AuditAction, AuditEvent

if TYPE_CHECKING:
    from sqlite_utils import Database

_COLUMNS = "id, at, staff_id, action, entity, entity_id, client_id, purpose"


def log_event(
    db: Database,
    at_iso: str,
    *,
    staff_id: str | None,
    action: AuditAction,
    entity: str,
    entity_id: str | None = None,
    client_id: str | None = None,
    purpose: str | None = None,
) -> str:
    """Append one event; call it inside the transaction of the change it records."""
    event_id = new_id()
    db.execute(
        f"INSERT INTO audit_event ({_COLUMNS}, created_at, updated_at, updated_by)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            event_id,
            at_iso,
            staff_id,
            action,
            entity,
            entity_id,
            client_id,
            purpose,
            at_iso,
            at_iso,
            staff_id,
        ],
    )
    return event_id


def events(
    db: Database,
    *,
    client_id: str | None = None,
    staff_id: str | None = None,
    action: AuditAction | None = None,
    entity_id: str | None = None,
) -> list[AuditEvent]:
    """Events in the order they happened, filtered by client, staff, action or entity."""
    where, params = [], []
    filters = (
        ("client_id", client_id), ("staff_id", staff_id), ("action", action),
        ("entity_id", entity_id),
    )  # fmt: skip
    for column, value in filters:
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    sql = f"SELECT {_COLUMNS} FROM audit_event"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY at, rowid"
    return [AuditEvent(*row) for row in db.execute(sql, params).fetchall()]


__all__ = ["events", "log_event", "to_iso"]
