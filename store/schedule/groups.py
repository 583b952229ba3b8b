"""Group sessions (`Store.groups`): info sessions for dozens or hundreds of people, with a
capacity, a waiting list that moves up in order, and attendance marked from the list.

The count shown is always the true number of booked seats: seats are counted in the same
write transaction (BEGIN IMMEDIATE) that adds one, so two desks adding at once never
overfill a session.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false, reportUnknownArgumentType=false
from __future__ import annotations

from datetime import datetime
from typing import Any

from store.core.clock import from_iso, to_iso
from store.core.context import Context
from store.core.text import visible
from store.schedule.models import GroupSession

SESSION_SELECT = """
    SELECT g.id, g.title, g.host_id, g.site_id, g.room_id, r.name, g.starts_at, g.ends_at,
           g.capacity,
           (SELECT count(*) FROM group_seat s WHERE s.session_id = g.id
                AND s.state IN ('booked', 'attended', 'no_show')),
           (SELECT count(*) FROM group_seat s WHERE s.session_id = g.id AND s.state = 'waiting'),
           g.cancelled, g.note
    FROM group_session g LEFT JOIN room r ON r.id = g.room_id
"""


def session_from(row: tuple[Any, ...]) -> GroupSession:
    return GroupSession(
        id=row[0],
        title=visible(row[1]),
        host_id=row[2],
        site_id=row[3],
        room_id=row[4],
        room_name=visible(row[5]) if row[5] is not None else None,
        starts_at=from_iso(row[6]),
        ends_at=from_iso(row[7]),
        capacity=row[8],
        booked=row[9],
        waiting=row[10],
        cancelled=bool(row[11]),
        note=row[12],
    )


class GroupSessions:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def between(
        self, start: datetime, end: datetime, host_id: str | None = None
    ) -> list[GroupSession]:
        """Sessions starting in [start, end), a host's only when `host_id` is given."""
        sql = (
            f"{SESSION_SELECT} WHERE g.starts_at >= ? AND g.starts_at < ? AND g.deleted_at IS NULL"
        )
        params: list[object] = [to_iso(start), to_iso(end)]
        if host_id is not None:
            sql += " AND g.host_id = ?"
            params.append(host_id)
        return [
            session_from(row) for row in self.ctx.db.execute(sql + " ORDER BY g.starts_at", params)
        ]

    def get(self, session_id: str) -> GroupSession | None:
        row = self.ctx.db.execute(
            f"{SESSION_SELECT} WHERE g.id = ? AND g.deleted_at IS NULL", [session_id]
        ).fetchone()
        return session_from(row) if row else None
