"""What F5 draws of one coach's week: appointments, absences and group sessions as entries
on the wall clock, the coach's working hours and the public holidays, read in one go."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Literal

from store.core.clock import local_moment, to_local
from store.schedule.calendar_days import holiday_name, monday_of
from store.schedule.hours import Hours
from store.schedule.models import DEFAULT_HOURS, Absence, Appointment, GroupSession

if TYPE_CHECKING:
    from store.api import Store
    from store.core.models import Staff

SLOT_MINUTES = 30  # one row of the week grid
DAY_MINUTES = 24 * 60

EntryKind = Literal["appointment", "group", "absence", "free"]
# Which entry a cell shows when several hold the same time: a live appointment first,
# then a group session, an absence, and a cancelled appointment last.
_RANK = {"appointment": 0, "group": 1, "absence": 2, "free": 4}


@dataclass(frozen=True)
class Entry:
    """One thing in the calendar on one day, its times on the wall clock (an absence
    over several days is one entry a day)."""

    kind: EntryKind
    day: date
    starts: datetime
    ends: datetime
    appointment: Appointment | None = None
    absence: Absence | None = None
    group: GroupSession | None = None

    @property
    def id(self) -> str:
        item = self.appointment or self.absence or self.group
        return item.id if item else ""

    @property
    def rank(self) -> int:
        cancelled = self.appointment is not None and self.appointment.status == "cancelled"
        return 3 if cancelled else _RANK[self.kind]

    @property
    def start_minute(self) -> int:
        """Minutes from the day's midnight (0 when it began the day before)."""
        return 0 if self.starts.date() < self.day else self.starts.hour * 60 + self.starts.minute

    @property
    def end_minute(self) -> int:
        """Minutes from the day's midnight (a whole day when it goes on past midnight)."""
        return (
            DAY_MINUTES if self.ends.date() > self.day else self.ends.hour * 60 + self.ends.minute
        )


@dataclass(frozen=True)
class WeekData:
    coach_id: str
    coach_name: str
    monday: date
    hours: Hours
    entries: tuple[Entry, ...]
    holidays: dict[date, str] = field(default_factory=lambda: {})
    today: date | None = None  # shown even on a weekend
    # Drawing asks the same questions for every cell: each is answered once.
    _by_day: dict[date, list[Entry]] = field(default_factory=lambda: {}, compare=False, repr=False)
    _memo: dict[str, object] = field(default_factory=lambda: {}, compare=False, repr=False)

    @property
    def week(self) -> int:
        return self.monday.isocalendar().week

    def on(self, day: date) -> list[Entry]:
        if not self._by_day and self.entries:
            for entry in self.entries:
                self._by_day.setdefault(entry.day, []).append(entry)
        return self._by_day.get(day, [])

    def days(self) -> list[date]:
        """Monday to Friday, and a weekend day when the coach works or has something then
        (or it is today)."""
        if "days" in self._memo:
            return self._memo["days"]  # type: ignore[return-value]
        shown: list[date] = []
        for offset in range(7):
            day = self.monday + timedelta(days=offset)
            booked = any(e.kind in ("appointment", "group") for e in self.on(day))
            working = self.hours[day.isoweekday()] is not None
            if offset < 5 or working or booked or day == self.today:
                shown.append(day)
        self._memo["days"] = shown
        return shown

    def minutes(self) -> tuple[int, int]:
        """The rows' span in minutes from midnight: the working hours of the days shown,
        stretched to what is booked outside them (an absence does not stretch it)."""
        if "minutes" in self._memo:
            return self._memo["minutes"]  # type: ignore[return-value]
        spans = [h for h in (self.hours[d.isoweekday()] for d in self.days()) if h is not None]
        start = min((_minute(h[0]) for h in spans), default=_minute(DEFAULT_HOURS[0]))
        end = max((_minute(h[1]) for h in spans), default=_minute(DEFAULT_HOURS[1]))
        for entry in self.entries:
            if entry.kind in ("appointment", "group"):
                start = min(start, entry.start_minute)
                end = max(end, entry.end_minute)
        start -= start % SLOT_MINUTES
        end += -end % SLOT_MINUTES
        span = (start, min(end, DAY_MINUTES))
        self._memo["minutes"] = span
        return span

    def working(self, day: date, minute: int) -> bool:
        """Whether the coach works at `minute` of `day` (a public holiday is off)."""
        hours = self.hours[day.isoweekday()]
        if hours is None or day in self.holidays:
            return False
        return _minute(hours[0]) <= minute < _minute(hours[1])

    def day_items(self, day: date) -> list[Entry]:
        """The day's entries in time order with the free times of its working hours
        between them (a cancelled appointment does not take time)."""
        entries = sorted(self.on(day), key=lambda e: (e.start_minute, e.rank))
        hours = None if day in self.holidays else self.hours[day.isoweekday()]
        if hours is None:
            return entries
        taken = sorted(
            (e.start_minute, e.end_minute) for e in entries if e.rank < 3 and e.kind != "free"
        )
        free: list[Entry] = []
        cursor, close = _minute(hours[0]), _minute(hours[1])
        for start, end in [*taken, (close, close)]:
            if start > cursor and cursor < close:
                free.append(_free(day, cursor, min(start, close)))
            cursor = max(cursor, end)
        return sorted([*entries, *free], key=lambda e: (e.start_minute, e.rank))

    def index_at(self, day: date, minute: int) -> int:
        """The day view's item at `minute` of `day` (the first not over by then)."""
        items = self.day_items(day)
        return next(
            (i for i, e in enumerate(items) if e.end_minute > minute), max(0, len(items) - 1)
        )


def _minute(at: time) -> int:
    return at.hour * 60 + at.minute


def moment(day: date, minute: int) -> datetime:
    """The wall-clock moment `minute` minutes after `day`'s midnight."""
    if minute >= DAY_MINUTES:
        return local_moment(day + timedelta(days=1))
    return local_moment(day, time(minute // 60, minute % 60))


def _free(day: date, start: int, end: int) -> Entry:
    return Entry("free", day, moment(day, start), moment(day, end))


def _split(kind: EntryKind, starts: datetime, ends: datetime, **item: object) -> list[Entry]:
    """The entry once for each local day it touches."""
    local_start, local_end = to_local(starts), to_local(ends)
    days: list[Entry] = []
    day = local_start.date()
    while day == local_start.date() or moment(day, 0) < local_end:
        days.append(Entry(kind, day, local_start, local_end, **item))  # type: ignore[arg-type]
        day += timedelta(days=1)
    return days


def read_week(store: Store, actor: Staff, coach_id: str, day: date, lang: str) -> WeekData:
    """The week of `day` in `coach_id`'s calendar as `actor` may see it."""
    monday = monday_of(day)
    start, end = local_moment(monday), local_moment(monday + timedelta(days=7))
    entries: list[Entry] = []
    for appointment in store.schedule.between(actor, coach_id, start, end):
        entries += _split(
            "appointment", appointment.starts_at, appointment.ends_at, appointment=appointment
        )
    for absence in store.working_time.absences_between(coach_id, start, end):
        entries += [
            e
            for e in _split("absence", absence.starts_at, absence.ends_at, absence=absence)
            if monday <= e.day < monday + timedelta(days=7)
        ]
    for group in store.groups.between(start, end, host_id=coach_id):
        entries += _split("group", group.starts_at, group.ends_at, group=group)
    holidays = {
        monday + timedelta(days=n): name
        for n in range(7)
        if (name := holiday_name(monday + timedelta(days=n), lang)) is not None
    }
    coach = store.staff.get(coach_id)
    return WeekData(
        coach_id=coach_id,
        coach_name=coach.display_name if coach else "",
        monday=monday,
        hours=store.working_time.hours(coach_id),
        entries=tuple(sorted(entries, key=lambda e: (e.day, e.start_minute, e.rank))),
        holidays=holidays,
        today=store.today(),
    )
