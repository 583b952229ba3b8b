"""The access log (Information Management Act 906/2019 § 17): who used whose data, when, why."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

from store.core.context import Context
from store.core.models import AuditAction, AuditEvent
from store.core.rows import insert_row

_COLUMNS = "id, at, staff_id, action, entity, entity_id, client_id, purpose"


def log_event(
    ctx: Context,
    *,
    staff_id: str | None,
    action: AuditAction,
    entity: str,
    entity_id: str | None = None,
    client_id: str | None = None,
    purpose: str | None = None,
    at: str | None = None,
) -> str:
    """Append one event (at `at`, default now); call it inside the transaction of the
    change it records."""
    at = at or ctx.now_iso()
    values = {
        "at": at,
        "staff_id": staff_id,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "client_id": client_id,
        "purpose": purpose,
    }
    return insert_row(ctx, "audit_event", values, by=staff_id, at=at)


class AuditLog:
    """Reading the access log; reached as `Store.audit`."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def events(
        self,
        *,
        client_id: str | None = None,
        staff_id: str | None = None,
        action: AuditAction | None = None,
        entity_id: str | None = None,
    ) -> list[AuditEvent]:
        """Events in the order they happened, filtered by client, staff, action or entity."""
        filters = {
            "client_id": client_id,
            "staff_id": staff_id,
            "action": action,
            "entity_id": entity_id,
        }
        wanted = {column: value for column, value in filters.items() if value is not None}
        sql = f"SELECT {_COLUMNS} FROM audit_event"
        if wanted:
            sql += " WHERE " + " AND ".join(f"{column} = ?" for column in wanted)
        rows = self.ctx.db.execute(sql + " ORDER BY at, rowid", list(wanted.values()))
        return [AuditEvent(*row) for row in rows.fetchall()]
