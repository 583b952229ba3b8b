"""Reading scheduling rows into records, and the busy entries the conflict check sees."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false, reportUnknownArgumentType=false
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, cast

from store.core.clock import from_iso, to_iso
from store.core.context import Context
from store.core.text import visible
from store.schedule.models import (
    MAX_MINUTES,
    Absence,
    AbsenceKind,
    Appointment,
    AppointmentKind,
    AppointmentStatus,
    CancelReason,
    Channel,
)
from store.schedule.rules import Busy

APPOINTMENT_SELECT = """
    SELECT a.id, a.coach_id, s.display_name, a.client_id, c.last_name, c.first_name,
           a.kind, a.channel, a.starts_at, a.ends_at, a.site_id, a.room_id, r.name,
           a.status, a.cancel_reason, a.cancel_note, a.series_id, a.series_index, a.note,
           a.visit_id, a.updated_at
    FROM appointment a
    JOIN staff s ON s.id = a.coach_id
    JOIN client c ON c.id = a.client_id
    LEFT JOIN room r ON r.id = a.room_id
"""


def client_name(last_name: str, first_name: str) -> str:
    """ "Last First", as the register lists clients."""
    return f"{visible(last_name)} {visible(first_name)}".strip()


def appointment_from(row: tuple[Any, ...], *, with_note: bool) -> Appointment:
    return Appointment(
        id=row[0],
        coach_id=row[1],
        coach_name=visible(row[2]),
        client_id=row[3],
        client_name=client_name(row[4], row[5]),
        kind=cast(AppointmentKind, row[6]),
        channel=cast(Channel, row[7]),
        starts_at=from_iso(row[8]),
        ends_at=from_iso(row[9]),
        site_id=row[10],
        room_id=row[11],
        room_name=visible(row[12]) if row[12] is not None else None,
        status=cast(AppointmentStatus, row[13]),
        cancel_reason=cast("CancelReason | None", row[14]),
        cancel_note=row[15],
        series_id=row[16],
        series_index=row[17],
        note=row[18] if with_note else None,
        visit_id=row[19],
        updated_at=row[20],
    )


def absence_from(row: tuple[Any, ...]) -> Absence:
    return Absence(
        row[0], row[1], cast(AbsenceKind, row[2]), from_iso(row[3]), from_iso(row[4]), row[5]
    )


ABSENCE_SELECT = "SELECT id, staff_id, kind, starts_at, ends_at, note FROM absence"


def busy_entries(
    ctx: Context,
    start: datetime,
    end: datetime,
    *,
    coach_id: str | None,
    client_id: str | None,
    room_id: str | None,
) -> list[Busy]:
    """Every entry overlapping [start, end) that holds the coach's, the client's or the
    room's time. Each query walks one index range: an entry starts before `end` and no
    earlier than the longest entry before `start`."""
    lo = to_iso(start - timedelta(minutes=MAX_MINUTES))
    s, e = to_iso(start), to_iso(end)
    found: list[Busy] = []
    appointment = (
        "SELECT a.id, a.starts_at, a.ends_at, a.coach_id, a.client_id, a.room_id, a.status,"
        " a.kind, c.last_name, c.first_name FROM appointment a JOIN client c ON c.id = a.client_id"
        " WHERE a.{col} = ? AND a.starts_at >= ? AND a.starts_at < ? AND a.ends_at > ?"
        " AND a.status NOT IN ('cancelled', 'no_show') AND a.deleted_at IS NULL"
    )
    seen: set[str] = set()
    for col, value in (("coach_id", coach_id), ("client_id", client_id), ("room_id", room_id)):
        if value is None:
            continue
        for row in ctx.db.execute(appointment.format(col=col), [value, lo, e, s]):
            if row[0] in seen:
                continue
            seen.add(row[0])
            found.append(
                Busy(
                    row[0], "appointment", from_iso(row[1]), from_iso(row[2]),
                    coach_id=row[3], client_id=row[4], room_id=row[5], status=row[6],
                    what=row[7], who=client_name(row[8], row[9]),
                )
            )  # fmt: skip
    # A group session may last longer than an appointment (a day's course), and there are
    # few of them: no lower bound from MAX_MINUTES.
    session = (
        "SELECT id, starts_at, ends_at, host_id, room_id, title FROM group_session"
        " WHERE {col} = ? AND starts_at < ? AND ends_at > ?"
        " AND cancelled = 0 AND deleted_at IS NULL"
    )
    for col, value in (("host_id", coach_id), ("room_id", room_id)):
        if value is None:
            continue
        for row in ctx.db.execute(session.format(col=col), [value, e, s]):
            if row[0] in seen:
                continue
            seen.add(row[0])
            found.append(
                Busy(
                    row[0], "group_session", from_iso(row[1]), from_iso(row[2]),
                    coach_id=row[3], room_id=row[4], what=visible(row[5]),
                )
            )  # fmt: skip
    if client_id is not None:
        for row in ctx.db.execute(
            "SELECT g.id, s.starts_at, s.ends_at, s.title FROM group_seat g"
            " JOIN group_session s ON s.id = g.session_id"
            " WHERE g.client_id = ? AND g.state IN ('booked', 'attended') AND g.deleted_at IS NULL"
            " AND s.cancelled = 0 AND s.deleted_at IS NULL AND s.starts_at < ? AND s.ends_at > ?",
            [client_id, e, s],
        ):
            found.append(
                Busy(
                    row[0], "group_seat", from_iso(row[1]), from_iso(row[2]),
                    client_id=client_id, what=visible(row[3]),
                )
            )  # fmt: skip
    if coach_id is not None:
        # Absences may be long (a week's leave): no lower bound from MAX_MINUTES.
        for row in ctx.db.execute(
            "SELECT id, starts_at, ends_at, kind FROM absence WHERE staff_id = ?"
            " AND starts_at < ? AND ends_at > ? AND deleted_at IS NULL",
            [coach_id, e, s],
        ):
            found.append(
                Busy(row[0], "absence", from_iso(row[1]), from_iso(row[2]), coach_id=coach_id,
                     what=row[3])
            )  # fmt: skip
    return found
