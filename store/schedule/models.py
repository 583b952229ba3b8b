"""Frozen records of scheduling (F5): appointments, absences, group sessions and the
clashes that refuse a booking.

Moments are aware UTC datetimes in the records and ISO 8601 UTC text in the database
(`store.core.clock.to_iso`); the screens show them on the installation's wall clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Literal, cast

from store.core.schema_schedule import (
    ABSENCE_KINDS,
    APPOINTMENT_KINDS,
    APPOINTMENT_STATES,
    CHANNELS,
    SEAT_STATES,
)

AppointmentKind = Literal[
    "initial_interview", "job_search", "supplementary", "coaching", "kompassi_follow_up", "other"
]
Channel = Literal["in_person", "phone", "video"]
AppointmentStatus = Literal["booked", "arrived", "done", "no_show", "cancelled"]
CancelReason = Literal["by_client", "by_coach"]
AbsenceKind = Literal["leave", "sick", "training", "blocked"]
SeatState = Literal["booked", "waiting", "attended", "no_show", "cancelled"]

# The schema's CHECK lists, typed.
KINDS = cast(tuple[AppointmentKind, ...], APPOINTMENT_KINDS)
CHANNEL_CODES = cast(tuple[Channel, ...], CHANNELS)
STATES = cast(tuple[AppointmentStatus, ...], APPOINTMENT_STATES)
ABSENCES = cast(tuple[AbsenceKind, ...], ABSENCE_KINDS)
SEATS = cast(tuple[SeatState, ...], SEAT_STATES)

DEFAULT_MINUTES = 45  # an appointment's length unless the booker says otherwise
MAX_MINUTES = 8 * 60  # the longest appointment; bounds the overlap query's index range
DEFAULT_HOURS = (time(8, 0), time(16, 0))  # a working day without the coach's own hours
# An appointment is over (done, no-show, cancelled) or still ahead (booked, arrived).
OPEN_STATES: tuple[AppointmentStatus, ...] = ("booked", "arrived")
# A booked client who has not arrived this long after the start is offered as a no-show.
NO_SHOW_AFTER = timedelta(minutes=15)


@dataclass(frozen=True)
class Appointment:
    id: str
    coach_id: str
    coach_name: str
    client_id: str
    client_name: str  # "Last, First" as the register shows it
    kind: AppointmentKind
    channel: Channel
    starts_at: datetime
    ends_at: datetime
    site_id: str | None
    room_id: str | None
    room_name: str | None
    status: AppointmentStatus
    cancel_reason: CancelReason | None
    cancel_note: str | None
    series_id: str | None
    series_index: int | None
    note: str | None  # None for anyone but a coach: only coaches see the notes
    visit_id: str | None
    updated_at: str

    @property
    def minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATES


@dataclass(frozen=True)
class Absence:
    id: str
    staff_id: str
    kind: AbsenceKind
    starts_at: datetime
    ends_at: datetime
    note: str | None


@dataclass(frozen=True)
class GroupSession:
    id: str
    title: str
    host_id: str | None
    site_id: str | None
    room_id: str | None
    room_name: str | None
    starts_at: datetime
    ends_at: datetime
    capacity: int
    booked: int  # the true number of booked seats (attended and no-show count as booked)
    waiting: int
    cancelled: bool
    note: str | None

    @property
    def free(self) -> int:
        return max(0, self.capacity - self.booked)

    @property
    def is_full(self) -> bool:
        return self.booked >= self.capacity


@dataclass(frozen=True)
class Seat:
    id: str
    session_id: str
    client_id: str
    client_name: str
    phone: str | None
    state: SeatState
    queued_at: str
    moved_up_at: str | None
    called_at: str | None

    @property
    def to_call(self) -> bool:
        """Moved up from the waiting list and not yet told."""
        return self.moved_up_at is not None and self.called_at is None


@dataclass(frozen=True)
class Room:
    id: str
    site_id: str
    name: str
    capacity: int | None


ClashWith = Literal["coach", "client", "room", "absence"]


@dataclass(frozen=True)
class Clash:
    """What a proposed time runs into: which rule (the coach, the client, the room, or
    the coach's absence) and the entry that holds the time, named for the message."""

    rule: ClashWith
    entry_id: str
    entry_kind: str  # "appointment", "group_session", "group_seat" or "absence"
    what: str  # the appointment's kind, the session's title, the absence's kind
    starts_at: datetime
    ends_at: datetime
    who: str  # the client's or the coach's name, "" for an absence


WarningCode = Literal["outside_hours", "weekend", "holiday"]


@dataclass(frozen=True)
class Proposal:
    """A time someone wants to book, before it is saved."""

    coach_id: str
    client_id: str
    starts_at: datetime
    ends_at: datetime
    room_id: str | None = None


@dataclass(frozen=True)
class Check:
    """What the conflict check found: clashes refuse the booking, warnings only inform."""

    clashes: tuple[Clash, ...]
    warnings: tuple[WarningCode, ...]
    holiday_name: str | None = None

    @property
    def ok(self) -> bool:
        return not self.clashes


@dataclass(frozen=True)
class Booking:
    """What a booking form holds."""

    client_id: str
    coach_id: str
    starts_at: datetime
    minutes: int = DEFAULT_MINUTES
    kind: AppointmentKind = "job_search"
    channel: Channel = "in_person"
    site_id: str | None = None
    room_id: str | None = None
    note: str | None = None

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.minutes)

    def proposal(self) -> Proposal:
        return Proposal(self.coach_id, self.client_id, self.starts_at, self.ends_at, self.room_id)
