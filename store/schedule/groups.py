"""Group sessions (`Store.groups`): info sessions for dozens or hundreds of people, with a
capacity, a waiting list that moves up in order, and attendance marked from the list.

The count shown is always the true number of booked seats: seats are counted in the same
write transaction (BEGIN IMMEDIATE) that adds one, so two desks adding at once never
overfill a session. Sessions need schedule.manage, seats schedule.book; every change is
in the access log (entity group_session or group_seat, with the client).
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false, reportUnknownArgumentType=false
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal, cast

from store.core.audit import log_event
from store.core.auth import require
from store.core.clock import from_iso, to_iso
from store.core.context import Context
from store.core.db import write_transaction
from store.core.models import AuditAction, Staff
from store.core.rows import insert_row, update_row
from store.core.text import visible
from store.schedule.errors import MIN_MINUTES, BadLength, Clashes, InThePast
from store.schedule.group_errors import (
    MAX_CAPACITY,
    AlreadyListed,
    BadCapacity,
    BadTitle,
    CapacityBelowBooked,
    NotSeated,
    SeatClosed,
    SeatNotFound,
    SessionCancelled,
    SessionNotFound,
)
from store.schedule.models import MAX_MINUTES, GroupSession, Proposal, Seat, SeatState
from store.schedule.records import busy_entries, client_name
from store.schedule.rules import find_clashes

_MANAGE = "schedule.manage"  # permissions (store/core/auth.py), not texts
_BOOK = "schedule.book"

# A seat's states that hold a place in the session (attended and no-show were booked).
SEATED: tuple[SeatState, ...] = ("booked", "attended", "no_show")
Attendance = Literal["booked", "attended", "no_show"]

# `s.state != 'cancelled'` lets the counts walk the partial index group_seat_once.
SESSION_SELECT = """
    SELECT g.id, g.title, g.host_id, g.site_id, g.room_id, r.name, g.starts_at, g.ends_at,
           g.capacity,
           (SELECT count(*) FROM group_seat s WHERE s.session_id = g.id
                AND s.state != 'cancelled' AND s.state IN ('booked', 'attended', 'no_show')),
           (SELECT count(*) FROM group_seat s WHERE s.session_id = g.id
                AND s.state != 'cancelled' AND s.state = 'waiting'),
           g.cancelled, g.note
    FROM group_session g LEFT JOIN room r ON r.id = g.room_id
"""

SEAT_SELECT = """
    SELECT g.id, g.session_id, g.client_id, c.last_name, c.first_name, c.phone, g.state,
           g.queued_at, g.moved_up_at, g.called_at
    FROM group_seat g JOIN client c ON c.id = g.client_id
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


def seat_from(row: tuple[Any, ...]) -> Seat:
    return Seat(
        id=row[0],
        session_id=row[1],
        client_id=row[2],
        client_name=client_name(row[3], row[4]),
        phone=visible(row[5]) if row[5] is not None else None,
        state=cast(SeatState, row[6]),
        queued_at=row[7],
        moved_up_at=row[8],
        called_at=row[9],
    )


@dataclass(frozen=True)
class SeatList:
    """A session's people: the booked seats by name, the waiting list in queue order."""

    booked: tuple[Seat, ...]
    waiting: tuple[Seat, ...]

    @property
    def to_call(self) -> tuple[Seat, ...]:
        """Moved up from the waiting list and not yet told, in the order they moved up."""
        return tuple(
            sorted((s for s in self.booked if s.to_call), key=lambda s: s.moved_up_at or "")
        )


class GroupSessions:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    # Reading ------------------------------------------------------------------------------

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

    def seats(self, session_id: str) -> SeatList:
        """The booked seats (attended and no-show ones too) by name, then the waiting list
        in the order people joined it; cancelled seats are not listed."""
        where = f"{SEAT_SELECT} WHERE g.session_id = ? AND g.state != 'cancelled' AND g.deleted_at IS NULL"
        booked = self.ctx.db.execute(
            f"{where} AND g.state != 'waiting' ORDER BY c.last_name, c.first_name, g.rowid",
            [session_id],
        )
        waiting = self.ctx.db.execute(
            f"{where} AND g.state = 'waiting' ORDER BY g.queued_at, g.rowid", [session_id]
        )
        return SeatList(
            tuple(seat_from(row) for row in booked), tuple(seat_from(row) for row in waiting)
        )

    def seat(self, seat_id: str) -> Seat:
        row = self.ctx.db.execute(
            f"{SEAT_SELECT} WHERE g.id = ? AND g.deleted_at IS NULL", [seat_id]
        ).fetchone()
        if row is None:
            raise SeatNotFound(seat_id)
        return seat_from(row)

    def _session(self, session_id: str) -> GroupSession:
        session = self.get(session_id)
        if session is None:
            raise SessionNotFound(session_id)
        return session

    # Sessions -----------------------------------------------------------------------------

    def create(
        self,
        actor: Staff,
        title: str,
        starts_at: datetime,
        minutes: int,
        capacity: int,
        site_id: str | None,
        room_id: str | None = None,
        host_id: str | None = None,
        note: str | None = None,
    ) -> GroupSession:
        """A new session; refused (`Clashes`, nothing written) when its host or its room
        already has something at that time."""
        require(actor, _MANAGE)
        title = title.strip()
        if not title:
            raise BadTitle()
        if not MIN_MINUTES <= minutes <= MAX_MINUTES:
            raise BadLength()
        if not 1 <= capacity <= MAX_CAPACITY:
            raise BadCapacity()
        if starts_at < self.ctx.clock.now():
            raise InThePast()
        ends_at = starts_at + timedelta(minutes=minutes)
        with write_transaction(self.ctx.db):
            calendar = busy_entries(
                self.ctx, starts_at, ends_at, coach_id=host_id, client_id=None, room_id=room_id
            )
            proposal = Proposal(host_id or "", "", starts_at, ends_at, room_id)
            clashes = find_clashes(proposal, calendar)
            if clashes:
                raise Clashes(clashes)
            session_id = insert_row(
                self.ctx,
                "group_session",
                {"title": title, "host_id": host_id, "site_id": site_id, "room_id": room_id,
                 "starts_at": to_iso(starts_at), "ends_at": to_iso(ends_at),
                 "capacity": capacity, "note": note},
                by=actor.id,
            )  # fmt: skip
            self._log(actor, "create", "group_session", session_id)
        return self._session(session_id)

    def set_capacity(self, actor: Staff, session_id: str, capacity: int) -> GroupSession:
        """A new capacity, never below the seats already booked; a larger one moves the
        first waiting people up (listed for a call)."""
        require(actor, _MANAGE)
        if not 1 <= capacity <= MAX_CAPACITY:
            raise BadCapacity()
        with write_transaction(self.ctx.db):
            session = self._open_session(session_id)
            if capacity < session.booked:
                raise CapacityBelowBooked(session.booked)
            update_row(self.ctx, "group_session", session_id, {"capacity": capacity}, by=actor.id)
            self._log(actor, "update", "group_session", session_id)
            self._move_up(actor, session_id, capacity - session.booked)
        return self._session(session_id)

    def cancel(self, actor: Staff, session_id: str) -> GroupSession:
        """Cancel the session: it frees its host's and room's time; its people stay listed
        so that they can be told."""
        require(actor, _MANAGE)
        with write_transaction(self.ctx.db):
            self._open_session(session_id)
            update_row(self.ctx, "group_session", session_id, {"cancelled": 1}, by=actor.id)
            self._log(actor, "update", "group_session", session_id)
        return self._session(session_id)

    def _open_session(self, session_id: str) -> GroupSession:
        session = self._session(session_id)
        if session.cancelled:
            raise SessionCancelled()
        return session

    # Seats --------------------------------------------------------------------------------

    def add(self, actor: Staff, session_id: str, client_id: str) -> Seat:
        """A seat if one is free, else a place at the end of the waiting list. Refused when
        the client is already listed, or has something else at that time (`Clashes`)."""
        require(actor, _BOOK)
        with write_transaction(self.ctx.db):
            session = self._open_session(session_id)
            listed = self.ctx.db.execute(
                "SELECT state FROM group_seat WHERE session_id = ? AND client_id = ?"
                " AND state != 'cancelled' AND deleted_at IS NULL",
                [session_id, client_id],
            ).fetchone()
            if listed is not None:
                raise AlreadyListed(waiting=listed[0] == "waiting")
            calendar = busy_entries(
                self.ctx, session.starts_at, session.ends_at,
                coach_id=None, client_id=client_id, room_id=None,
            )  # fmt: skip
            proposal = Proposal("", client_id, session.starts_at, session.ends_at)
            clashes = find_clashes(proposal, calendar)
            if clashes:
                raise Clashes(clashes)
            # Counted under the write lock: the true number, whoever else is adding.
            state: SeatState = "booked" if session.booked < session.capacity else "waiting"
            now = self.ctx.now_iso()
            seat_id = insert_row(
                self.ctx,
                "group_seat",
                {"session_id": session_id, "client_id": client_id, "state": state,
                 "queued_at": now},
                by=actor.id,
                at=now,
            )  # fmt: skip
            self._log(actor, "create", "group_seat", seat_id, client_id)
        return self.seat(seat_id)

    def cancel_seat(self, actor: Staff, seat_id: str) -> Seat | None:
        """Cancel a seat or a place on the waiting list. A freed seat goes to the first
        waiting person, who is listed for a call; returns that person's seat, if any."""
        require(actor, _BOOK)
        with write_transaction(self.ctx.db):
            seat = self.seat(seat_id)
            if seat.state not in ("booked", "waiting"):
                raise SeatClosed()
            update_row(self.ctx, "group_seat", seat_id, {"state": "cancelled"}, by=actor.id)
            self._log(actor, "update", "group_seat", seat_id, seat.client_id)
            moved: list[str] = []
            if seat.state == "booked":
                session = self._session(seat.session_id)
                if not session.cancelled:
                    moved = self._move_up(actor, seat.session_id, session.free)
        return self.seat(moved[0]) if moved else None

    def _move_up(self, actor: Staff, session_id: str, free: int) -> list[str]:
        """Inside a write transaction: give `free` seats to the first waiting people."""
        if free <= 0:
            return []
        rows = self.ctx.db.execute(
            "SELECT id, client_id FROM group_seat WHERE session_id = ? AND state != 'cancelled'"
            " AND state = 'waiting' AND deleted_at IS NULL ORDER BY queued_at, rowid LIMIT ?",
            [session_id, free],
        ).fetchall()
        now = self.ctx.now_iso()
        for seat_id, client_id in rows:
            update_row(
                self.ctx, "group_seat", seat_id,
                {"state": "booked", "moved_up_at": now, "called_at": None}, by=actor.id,
            )  # fmt: skip
            self._log(actor, "update", "group_seat", seat_id, client_id)
        return [row[0] for row in rows]

    def mark(self, actor: Staff, seat_id: str, state: Attendance) -> Seat:
        """Attended or no-show (or back to booked) for a seat in the session."""
        require(actor, _BOOK)
        if state not in SEATED:
            raise ValueError(f"not an attendance state: {state!r}")
        with write_transaction(self.ctx.db):
            seat = self.seat(seat_id)
            if seat.state not in SEATED:
                raise NotSeated()
            if seat.state != state:
                update_row(self.ctx, "group_seat", seat_id, {"state": state}, by=actor.id)
                self._log(actor, "update", "group_seat", seat_id, seat.client_id)
        return self.seat(seat_id)

    def mark_called(self, actor: Staff, seat_id: str) -> Seat:
        """The moved-up person has been told: no longer listed for a call."""
        require(actor, _BOOK)
        with write_transaction(self.ctx.db):
            seat = self.seat(seat_id)
            if seat.to_call:
                update_row(
                    self.ctx, "group_seat", seat_id, {"called_at": self.ctx.now_iso()}, by=actor.id
                )
                self._log(actor, "update", "group_seat", seat_id, seat.client_id)
        return self.seat(seat_id)

    def _log(
        self,
        actor: Staff,
        action: AuditAction,
        entity: str,
        entity_id: str,
        client_id: str | None = None,
    ) -> None:
        log_event(self.ctx, staff_id=actor.id, action=action, entity=entity,
                  entity_id=entity_id, client_id=client_id)  # fmt: skip
