"""A coach's calendar as an iCalendar file (RFC 5545) for Outlook and other calendars.

One VEVENT per appointment, hosted group session and absence in the range, each with a
stable UID (`<row id>@luotsi`) and a SEQUENCE that grows when the row changes, so that
importing a newer export updates the same events instead of adding copies; a cancelled or
removed one goes out as STATUS:CANCELLED. Times are on the installation's wall clock
(Europe/Helsinki unless set otherwise) with its VTIMEZONE. A client is named by initials
and the kind of appointment only: no name, HETU, phone or note leaves in the file, and an
absence says "away" rather than why. The export is in the access log (one row for the
file, one per client in it) before the file is placed, whole or not at all (files.py).
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false, reportUnknownArgumentType=false
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

from icalendar import Calendar, Event, Timezone
from icalendar.enums import CLASS, STATUS, TRANSP

from store.core.audit import append_events
from store.core.auth import require
from store.core.clock import DEFAULT_ZONE, from_iso, local_moment, new_id, to_iso, to_local
from store.core.context import Context
from store.core.dates import format_date
from store.core.db import write_transaction
from store.core.i18n import has_text, tr
from store.core.models import Staff
from store.core.staff import StaffRepository
from store.core.text import visible
from store.exports.files import check_folder, durable_commits, remove_stale_temporaries
from store.exports.visit_export import ExportError, place_logged, slug, unwritable
from store.schedule.hours import WorkingTime
from store.schedule.repository import Schedule

PERMISSION = "schedule.export"
SUFFIX = ".ics"
PRODID = "-//Luotsi//Luotsi calendar export//FI"
UID_DOMAIN = "luotsi"
# The range when none is given: last week (to see what happened) and the next two months.
DAYS_BACK = 7
WEEKS_AHEAD = 8
# A longer range is a mistyped year (31.12.2062), not a calendar anyone imports.
MAX_DAYS = 2 * 366
# Absences that say why the coach is away (sick leave is health data) go out as "away".
_PRIVATE_ABSENCES = frozenset({"leave", "sick"})

EntryKind = Literal["appointment", "group_session", "absence"]
_KINDS: tuple[EntryKind, ...] = ("appointment", "group_session", "absence")
_EVENT_COLUMNS = ("at", "staff_id", "action", "entity", "entity_id", "client_id", "purpose")


@dataclass(frozen=True)
class CalendarEntry:
    """One event of the file, as it will be written."""

    uid: str
    kind: EntryKind
    summary: str
    starts_at: datetime
    ends_at: datetime
    location: str | None
    cancelled: bool
    sequence: int
    created: datetime
    modified: datetime
    client_id: str | None = None


@dataclass(frozen=True)
class CalendarFile:
    """What was written: where, which days, how many events of each kind, its checksum."""

    path: Path
    coach: Staff
    first_day: date
    last_day: date
    appointments: int
    group_sessions: int
    absences: int
    sha256: str

    @property
    def events(self) -> int:
        return self.appointments + self.group_sessions + self.absences


# Naming and checking ------------------------------------------------------------------


def default_range(today: date) -> tuple[date, date]:
    """From a week back to eight weeks ahead."""
    return today - timedelta(days=DAYS_BACK), today + timedelta(weeks=WEEKS_AHEAD)


def default_calendar_name(coach: Staff, first_day: date, last_day: date) -> str:
    """ "kalenteri-valmentaja-2026-11-21_2027-01-23.ics" """
    days = f"{first_day.isoformat()}_{last_day.isoformat()}"
    return f"kalenteri-{slug(coach.username)}-{days}{SUFFIX}"


def check_range(first_day: date, last_day: date) -> None:
    """Raises `ExportError` for an end before the start or a range past `MAX_DAYS`."""
    if last_day < first_day:
        raise ExportError(
            "export.error.bad_range", start=format_date(first_day), to=format_date(last_day)
        )
    if (last_day - first_day).days >= MAX_DAYS:
        raise ExportError("calendar_export.error.too_long", days=MAX_DAYS)


def check_target(out: Path) -> None:
    """Raises `ExportError` for a name not ending .ics or a place that cannot take it."""
    if out.suffix.lower() != SUFFIX:
        raise ExportError("calendar_export.error.suffix", path=out)
    problem = check_folder(out)
    if problem is not None:
        raise unwritable(out, None if out.is_dir() else problem)


def may_export(ctx: Context, actor: Staff, coach_id: str) -> bool:
    """Reception any coach's calendar; a coach their own and their team's."""
    return Schedule(ctx, WorkingTime(ctx)).may_book_for(actor, coach_id)


# Reading --------------------------------------------------------------------------------


def initials(first_name: str | None, last_name: str | None) -> str:
    """ "Anna", "Mäkinen" → "A. M."; the first letter of each name, "?" with neither."""
    letters = [
        next((ch.upper() for ch in name or "" if ch.isalpha()), "")
        for name in (first_name, last_name)
    ]
    return " ".join(f"{letter}." for letter in letters if letter) or "?"


def _place(site: str | None, room: str | None) -> str | None:
    names = [visible(name) for name in (site, room) if name]
    return ", ".join(names) or None


def _text(key: str, lang: str, fallback: str) -> str:
    return tr(key, lang) if has_text(key) else fallback


def _appointment_summary(row: tuple[Any, ...], lang: str) -> str:
    first_name, last_name, kind, channel, status = row[1], row[2], row[3], row[4], row[7]
    summary = f"{initials(first_name, last_name)} — {_text(f'schedule.kind.{kind}', lang, kind)}"
    notes = [] if channel == "in_person" else [_text(f"schedule.channel.{channel}", lang, channel)]
    if status == "cancelled" or row[8] is not None:
        notes.append(tr("schedule.status.cancelled", lang))
    return f"{summary} ({', '.join(notes)})" if notes else summary


def _appointments(
    ctx: Context, coach_id: str, start: str, end: str, lang: str
) -> list[CalendarEntry]:
    rows = ctx.db.execute(
        "SELECT a.id, c.first_name, c.last_name, a.kind, a.channel, a.starts_at, a.ends_at,"
        " a.status, a.deleted_at, st.name, r.name, a.created_at, a.updated_at, a.client_id,"
        " (SELECT count(*) FROM appointment_change h WHERE h.appointment_id = a.id)"
        " FROM appointment a JOIN client c ON c.id = a.client_id"
        " LEFT JOIN room r ON r.id = a.room_id"
        " LEFT JOIN site st ON st.id = coalesce(a.site_id, r.site_id)"
        " WHERE a.coach_id = ? AND a.starts_at >= ? AND a.starts_at < ?"
        " ORDER BY a.starts_at, a.id",
        [coach_id, start, end],
    )
    return [
        CalendarEntry(
            uid=row[0], kind="appointment", summary=_appointment_summary(row, lang),
            starts_at=from_iso(row[5]), ends_at=from_iso(row[6]), location=_place(row[9], row[10]),
            cancelled=row[7] == "cancelled" or row[8] is not None,
            # The booking is the first history row; each move or change after it, one more.
            sequence=max(0, int(row[14]) - 1),
            created=from_iso(row[11]), modified=from_iso(row[12]), client_id=row[13],
        )
        for row in rows
    ]  # fmt: skip


def _group_sessions(
    ctx: Context, coach_id: str, start: str, end: str, lang: str
) -> list[CalendarEntry]:
    rows = ctx.db.execute(
        "SELECT g.id, g.title, g.starts_at, g.ends_at, g.cancelled, g.deleted_at, st.name,"
        " r.name, g.created_at, g.updated_at FROM group_session g"
        " LEFT JOIN room r ON r.id = g.room_id"
        " LEFT JOIN site st ON st.id = coalesce(g.site_id, r.site_id)"
        " WHERE g.host_id = ? AND g.starts_at >= ? AND g.starts_at < ?"
        " ORDER BY g.starts_at, g.id",
        [coach_id, start, end],
    )
    entries: list[CalendarEntry] = []
    for row in rows:
        cancelled = bool(row[4]) or row[5] is not None
        title = visible(row[1])
        if cancelled:
            title += f" ({tr('schedule.status.cancelled', lang)})"
        created, modified = from_iso(row[8]), from_iso(row[9])
        entries.append(
            CalendarEntry(
                uid=row[0], kind="group_session", summary=title, starts_at=from_iso(row[2]),
                ends_at=from_iso(row[3]), location=_place(row[6], row[7]), cancelled=cancelled,
                # A session keeps no history of its own: every change moves updated_at on,
                # and the seconds since it was created grow with it.
                sequence=max(0, int((modified - created).total_seconds())),
                created=created, modified=modified,
            )
        )  # fmt: skip
    return entries


def _absences(ctx: Context, coach_id: str, start: str, end: str, lang: str) -> list[CalendarEntry]:
    rows = ctx.db.execute(
        "SELECT id, kind, starts_at, ends_at, deleted_at, created_at, updated_at FROM absence"
        " WHERE staff_id = ? AND starts_at < ? AND ends_at > ? ORDER BY starts_at, id",
        [coach_id, end, start],
    )
    entries: list[CalendarEntry] = []
    for row in rows:
        kind, removed = row[1], row[4] is not None
        summary = (
            tr("calendar_export.away", lang)
            if kind in _PRIVATE_ABSENCES
            else _text(f"schedule.absence.{kind}", lang, kind)
        )
        if removed:
            summary += f" ({tr('schedule.status.cancelled', lang)})"
        entries.append(
            CalendarEntry(
                uid=row[0], kind="absence", summary=summary, starts_at=from_iso(row[2]),
                ends_at=from_iso(row[3]), location=None, cancelled=removed,
                # An absence is added and removed, never changed.
                sequence=1 if removed else 0,
                created=from_iso(row[5]), modified=from_iso(row[6]),
            )
        )  # fmt: skip
    return entries


def calendar_entries(
    ctx: Context, coach_id: str, first_day: date, last_day: date, lang: str
) -> list[CalendarEntry]:
    """The coach's appointments and hosted group sessions starting in the range, and the
    absences overlapping it, in time order; cancelled and removed ones included."""
    start = to_iso(local_moment(first_day))
    end = to_iso(local_moment(last_day + timedelta(days=1)))
    entries = [
        *_appointments(ctx, coach_id, start, end, lang),
        *_group_sessions(ctx, coach_id, start, end, lang),
        *_absences(ctx, coach_id, start, end, lang),
    ]
    return sorted(entries, key=lambda e: (e.starts_at, e.kind, e.uid))


# Writing --------------------------------------------------------------------------------


def _event(entry: CalendarEntry) -> Event:
    event = Event.new(
        uid=f"{entry.uid}@{UID_DOMAIN}",
        summary=entry.summary,
        start=to_local(entry.starts_at),
        end=to_local(entry.ends_at),
        # No METHOD in the file: DTSTAMP is when the entry was last changed (RFC 5545
        # 3.8.7.2), which also keeps a re-export of unchanged data byte for byte the same.
        stamp=entry.modified.astimezone(UTC),
        created=entry.created.astimezone(UTC),
        last_modified=entry.modified.astimezone(UTC),
        sequence=entry.sequence,
        location=entry.location,
        status=STATUS.CANCELLED if entry.cancelled else STATUS.CONFIRMED,
        transparency=TRANSP.TRANSPARENT if entry.cancelled else TRANSP.OPAQUE,
        # A shared calendar shows another viewer only "busy" for a client's appointment
        # or an absence; a group session is public.
        classification=CLASS.PUBLIC if entry.kind == "group_session" else CLASS.PRIVATE,
    )
    return event


def calendar_bytes(
    entries: list[CalendarEntry], calendar_name: str, first_day: date, last_day: date
) -> bytes:
    """The VCALENDAR of `entries` with the VTIMEZONE of the installation's zone, covering
    the years of the range and the next (for an event later moved in the other program)."""
    tzid = getattr(local_moment(first_day).tzinfo, "key", None) or DEFAULT_ZONE
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", calendar_name)
    calendar.add("x-wr-timezone", tzid)
    calendar.add_component(
        Timezone.from_tzid(
            tzid, first_date=date(first_day.year, 1, 1), last_date=date(last_day.year + 2, 1, 1)
        )
    )
    for entry in entries:
        calendar.add_component(_event(entry))
    return calendar.to_ical()


def export_calendar(
    ctx: Context,
    actor: Staff,
    coach_id: str,
    out: Path,
    first_day: date | None = None,
    last_day: date | None = None,
) -> CalendarFile:
    """Write the coach's calendar of [first_day, last_day] (default `default_range`) to
    `out` (.ics), its texts in the coach's language.

    Who may: `schedule.export`, and a coach only their own and their team's calendar
    (else `ExportError`, as for a bad range or file: nothing is written then)."""
    require(actor, PERMISSION)
    coach = StaffRepository(ctx).get(coach_id)
    if coach is None:
        raise ExportError("calendar_export.error.unknown_coach")
    if not may_export(ctx, actor, coach_id):
        raise ExportError("calendar_export.error.not_yours")
    default_first, default_last = default_range(ctx.today())
    first_day, last_day = first_day or default_first, last_day or default_last
    check_range(first_day, last_day)
    out = Path(out).absolute()
    check_target(out)
    if ctx.db.conn.in_transaction:
        raise RuntimeError("an export commits its log entry itself: call it outside a transaction")
    remove_stale_temporaries(out.parent)

    entries = calendar_entries(ctx, coach.id, first_day, last_day, coach.language)
    name = tr("calendar_export.calendar_name", coach.language, name=visible(coach.display_name))
    data = calendar_bytes(entries, name, first_day, last_day)
    digest = hashlib.sha256(data).hexdigest()
    counts = {kind: sum(1 for e in entries if e.kind == kind) for kind in _KINDS}
    summary = (
        f"calendar of {coach.username}; {first_day.isoformat()}..{last_day.isoformat()};"
        f" appointments={counts['appointment']}; group_sessions={counts['group_session']};"
        f" absences={counts['absence']}; sha256={digest}; file={out}"
    )
    # The file, then each client whose appointment it holds (906/2019 § 17: a disclosure
    # of whose data, even by initials), committed to the disk before the file is placed.
    export_id = new_id()
    clients = sorted({e.client_id for e in entries if e.client_id is not None})
    now = ctx.now_iso()
    events = [
        (now, actor.id, "export", "calendar", export_id, client_id, summary)
        for client_id in [None, *clients]
    ]
    with durable_commits(ctx.db), write_transaction(ctx.db):
        append_events(ctx, _EVENT_COLUMNS, events, by=actor.id, at=now)
    place_logged(ctx, actor, "calendar", export_id, [(out, data)])
    return CalendarFile(
        out, coach, first_day, last_day,
        counts["appointment"], counts["group_session"], counts["absence"], digest,
    )  # fmt: skip
