"""A site's meeting rooms (`Store.rooms`): the rooms a booking can hold, and adding one."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false, reportUnknownArgumentType=false
from __future__ import annotations

from store.core.audit import log_event
from store.core.auth import require
from store.core.context import Context
from store.core.db import write_transaction
from store.core.i18n import TranslatedError
from store.core.models import Staff
from store.core.rows import insert_row
from store.core.staff import as_stored
from store.core.text import check_label, visible
from store.schedule.models import Room

ROOM_NAME_MAX = 60
ROOM_CAPACITY_MAX = 1000  # a lecture hall; more is a typing slip
_SELECT = "SELECT id, site_id, name, capacity FROM room"


class RoomRefused(TranslatedError):
    """A room that cannot be added as given (no name, a name the site has, a bad capacity)."""


class Rooms:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def list(self, site_id: str) -> list[Room]:
        """The site's rooms in use, by name."""
        rows = self.ctx.db.execute(
            f"{_SELECT} WHERE site_id = ? AND active = 1 AND deleted_at IS NULL"
            " ORDER BY name COLLATE NOCASE, id",
            [site_id],
        )
        return [Room(r[0], r[1], visible(r[2]), r[3]) for r in rows]

    def get(self, room_id: str) -> Room | None:
        row = self.ctx.db.execute(f"{_SELECT} WHERE id = ?", [room_id]).fetchone()
        return Room(row[0], row[1], visible(row[2]), row[3]) if row else None

    def add(self, actor: Staff, site_id: str, name: str, capacity: int | None = None) -> Room:
        """A new room at the site (schedule.manage); its name is the site's only one."""
        require(as_stored(self.ctx, actor), "schedule.manage")
        name = check_label(name, "room_name", "booking.room.field.name", ROOM_NAME_MAX)
        if not name:
            raise RoomRefused("booking.room.error.empty")
        if capacity is not None and not 0 < capacity <= ROOM_CAPACITY_MAX:
            raise RoomRefused("booking.room.error.capacity", most=ROOM_CAPACITY_MAX)
        with write_transaction(self.ctx.db):
            taken = self.ctx.db.execute(
                "SELECT name FROM room WHERE site_id = ? AND deleted_at IS NULL"
                " AND lower(name) = lower(?)",
                [site_id, name],
            ).fetchone()
            if taken or any(r.name.casefold() == name.casefold() for r in self.list(site_id)):
                raise RoomRefused("booking.room.error.taken", room=name)
            room_id = insert_row(
                self.ctx,
                "room",
                {"site_id": site_id, "name": name, "capacity": capacity},
                by=actor.id,
            )
            log_event(self.ctx, staff_id=actor.id, action="create", entity="room",
                      entity_id=room_id)  # fmt: skip
        return Room(room_id, site_id, name, capacity)
