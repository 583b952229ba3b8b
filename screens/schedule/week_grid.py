"""The F5 calendar drawn: a week as columns of half-hour rows, or one day as an agenda,
with a cursor that moves over the times and the entries in them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget

from store.core.text import visible

from ..shell.context import ContextMixin
from .calendar_data import SLOT_MINUTES, Entry, WeekData, moment
from .calendar_text import (
    ABSENCE_FILL,
    GROUP_SIGN,
    OFF_FILL,
    STATE_SIGN,
    agenda_lines,
    client_label,
    clock,
    minute_label,
)

TIME_WIDTH = 5  # "08:00"
MIN_COLUMN = 8
HEADER_LINES = 2

Mode = Literal["week", "day"]


@dataclass(frozen=True)
class Cursor:
    day: date
    minute: int  # the week view's row (minutes from midnight)
    index: int  # the day view's item


class WeekGrid(ContextMixin, Widget, can_focus=True):
    """Draws `data`; arrows move the cursor, which the screen hears of as `Moved`."""

    DEFAULT_CSS = """
    WeekGrid { height: 1fr; }
    """
    BINDINGS = [
        Binding("up", "move(0, -1)", "Up", id="calendar.up", show=False),
        Binding("down", "move(0, 1)", "Down", id="calendar.down", show=False),
        Binding("left", "move(-1, 0)", "Left", id="calendar.left", show=False),
        Binding("right", "move(1, 0)", "Right", id="calendar.right", show=False),
    ]

    class Moved(Message):
        """The cursor is on `entry` (None: a free time) at `slot` (None: no time to book)."""

        def __init__(self, entry: Entry | None, slot: datetime | None) -> None:
            super().__init__()
            self.entry = entry
            self.slot = slot

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.data: WeekData | None = None
        self.mode: Mode = "week"
        self.cursor = Cursor(date.today(), 8 * 60, 0)
        self.now: datetime | None = None  # local; marks today and the now line
        self.blanked = False
        self.top = 0  # the first row (week) or line (day) drawn

    @property
    def slot_minutes(self) -> int:
        """A row's minutes: half an hour, a quarter when the terminal has room for those."""
        if self.data is None:
            return SLOT_MINUTES
        first, last = self.data.minutes()
        quarter = SLOT_MINUTES // 2
        fits = (last - first) // quarter <= self.size.height - HEADER_LINES
        return quarter if fits else SLOT_MINUTES

    # What is under the cursor -------------------------------------------------------------

    def show(self, data: WeekData, cursor: Cursor, now: datetime, mode: Mode) -> None:
        self.data, self.cursor, self.now, self.mode = data, cursor, now, mode
        self._clamp()
        self.refresh()
        self._moved()

    def _day_item(self) -> Entry | None:
        """The day view's item under the cursor (a free time too), None on an empty day."""
        assert self.data is not None
        items = self.data.day_items(self.cursor.day)
        return items[min(self.cursor.index, len(items) - 1)] if items else None

    def selected(self) -> Entry | None:
        if self.data is None:
            return None
        if self.mode == "day":
            entry = self._day_item()
            return None if entry is None or entry.kind == "free" else entry
        return self.cell_entry(self.cursor.day, self.cursor.minute)

    def slot(self) -> datetime | None:
        """The time a new booking at the cursor would start: a free row or a free time."""
        data = self.data
        if data is None:
            return None
        if self.mode == "day":
            item = self._day_item()
            if item is None:
                start = moment(self.cursor.day, data.minutes()[0])
                return self._from_now(start, start + timedelta(days=1))
            return self._from_now(item.starts, item.ends) if item.kind == "free" else None
        entry = self.cell_entry(self.cursor.day, self.cursor.minute)
        if entry is not None and entry.rank < 3:
            return None
        start = moment(self.cursor.day, self.cursor.minute)
        return self._from_now(start, start + timedelta(minutes=self.slot_minutes))

    def _from_now(self, start: datetime, end: datetime) -> datetime:
        """`start`, or for a free time already under way the next quarter hour (a time
        gone by stays as it is: the booking dialog says it has passed)."""
        now = self.now
        if now is None or start >= now:
            return start
        quarter = now.replace(second=0, microsecond=0) + timedelta(minutes=-now.minute % 15 or 15)
        return quarter if now < end else start

    def cell_entry(self, day: date, minute: int) -> Entry | None:
        """The entry a week cell shows: the first-ranked one holding that row's time."""
        assert self.data is not None
        row_end = minute + self.slot_minutes
        holding = [
            e
            for e in self.data.on(day)
            if e.start_minute < row_end
            and e.end_minute > minute
            or e.start_minute == e.end_minute == minute
        ]
        # One starting in this row comes before the rest of one that started earlier.
        return min(
            holding, key=lambda e: (e.rank, e.start_minute < minute, e.start_minute), default=None
        )

    # Moving -------------------------------------------------------------------------------

    def action_move(self, days: int, steps: int) -> None:
        data = self.data
        if data is None:
            return
        cursor = self.cursor
        if self.mode == "day":
            count = len(data.day_items(cursor.day))
            self.cursor = Cursor(
                cursor.day, cursor.minute, max(0, min(count - 1, cursor.index + steps))
            )
            if days:
                self.post_message(self.DayChanged(days))
                return
        else:
            shown = data.days()
            index = shown.index(cursor.day) if cursor.day in shown else 0
            day = shown[max(0, min(len(shown) - 1, index + days))]
            minute = cursor.minute
            if steps:
                minute = self._next_row(day, minute, steps)
            self.cursor = Cursor(day, minute, cursor.index)
        self._clamp()
        self.refresh()
        self._moved()

    class DayChanged(Message):
        """Left or right in the day view: the previous or next day."""

        def __init__(self, days: int) -> None:
            super().__init__()
            self.days = days

    def _next_row(self, day: date, minute: int, steps: int) -> int:
        """One row on, past the rest of an entry spanning several rows."""
        assert self.data is not None
        first, last = self.data.minutes()
        following = minute + steps * self.slot_minutes
        entry = self.cell_entry(day, minute)
        if entry is not None and steps > 0:
            # The row the entry ends in, unless it shows no more than the same entry.
            after = first + (entry.end_minute - first) // self.slot_minutes * self.slot_minutes
            if after < last and self.cell_entry(day, after) is entry:
                after += self.slot_minutes
            following = max(following, after)
        elif entry is not None and steps < 0:
            start = entry.start_minute - (entry.start_minute - first) % self.slot_minutes
            following = min(following, start - self.slot_minutes)
        return max(first, min(last - self.slot_minutes, following))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def _clamp(self) -> None:
        data = self.data
        if data is None:
            return
        cursor = self.cursor
        if self.mode == "week":
            shown = data.days()
            day = cursor.day if cursor.day in shown else shown[0]
            first, last = data.minutes()
            minute = max(first, min(last - self.slot_minutes, cursor.minute))
            minute -= (minute - first) % self.slot_minutes
            self.cursor = Cursor(day, minute, cursor.index)
            row = (minute - first) // self.slot_minutes
            rows = max(1, self.size.height - HEADER_LINES)
            self.top = max(0, min(self.top, row, (last - first) // self.slot_minutes - rows))
            if row >= self.top + rows:
                self.top = row - rows + 1
        else:
            count = len(data.day_items(cursor.day))
            self.cursor = Cursor(cursor.day, cursor.minute, max(0, min(count - 1, cursor.index)))

    def _moved(self) -> None:
        self.post_message(self.Moved(self.selected(), self.slot()))

    def on_resize(self) -> None:
        self._clamp()

    # Drawing ------------------------------------------------------------------------------

    def render(self) -> Text:
        if self.data is None:
            return Text("")
        lines = self._week_lines() if self.mode == "week" else self._day_lines()
        return Text("\n").join(lines)

    def _columns(self) -> tuple[list[date], int]:
        assert self.data is not None
        shown = self.data.days()
        width = max(MIN_COLUMN, (self.size.width - TIME_WIDTH) // len(shown) - 1)
        return shown, width

    def _week_lines(self) -> list[Text]:
        data = self.data
        assert data is not None
        shown, width = self._columns()
        today = self.now.date() if self.now else None
        weekdays = self.t("weekdays").split()
        first_line = Text(" " * TIME_WIDTH)
        second_line = Text(f"{self.t('week.short')} {data.week}".ljust(TIME_WIDTH)[:TIME_WIDTH])
        for day in shown:
            is_today = day == today
            label = f"{weekdays[day.weekday()]} {day.day}.{day.month}."
            style = "bold reverse" if is_today else "bold"
            first_line.append("▶" if is_today else " ", "bold")
            first_line.append(label[:width].ljust(width), style)
            hours = data.hours[day.isoweekday()]
            if day in data.holidays:
                under = "✱" + visible(data.holidays[day])
            elif is_today:
                under = self.t("calendar.today")
            elif hours is None:
                under = self.t("calendar.not_at_work")
            else:
                under = f"{minute_label(hours[0].hour * 60 + hours[0].minute)}–" + minute_label(
                    hours[1].hour * 60 + hours[1].minute
                )
            second_line.append(" ")
            second_line.append(under[:width].ljust(width), "italic" if day in data.holidays else "")
        lines = [first_line, second_line]
        first, last = data.minutes()
        rows = max(1, self.size.height - HEADER_LINES)
        now_minute = self.now.hour * 60 + self.now.minute if self.now else -1
        for row in range(self.top, min(self.top + rows, (last - first) // self.slot_minutes)):
            minute = first + row * self.slot_minutes
            line = Text(minute_label(minute), "dim" if minute % 60 else "")
            for day in shown:
                is_now = day == today and minute <= now_minute < minute + self.slot_minutes
                line.append("▶" if is_now else "│", "bold" if is_now else "dim")
                text, style = self._cell(day, minute, width, is_now)
                if self.cursor.day == day and self.cursor.minute == minute and self.has_focus:
                    style = f"{style} reverse"
                elif self.cursor.day == day and self.cursor.minute == minute:
                    style = f"{style} underline"
                line.append(text.ljust(width)[:width], style.strip())
            lines.append(line)
        return lines

    def _cell(self, day: date, minute: int, width: int, is_now: bool) -> tuple[str, str]:
        data = self.data
        assert data is not None
        entry = self.cell_entry(day, minute)
        if entry is None:
            if is_now:
                return "─" * width, "bold"
            if not data.working(day, minute):
                return OFF_FILL * width, "dim"
            return "", ""
        first = data.minutes()[0]
        head = entry.start_minute >= minute or minute == first
        # The row after the head tells more; any further ones only that it goes on.
        more = minute - max(entry.start_minute, first) < 2 * self.slot_minutes
        if entry.appointment is not None:
            appointment = entry.appointment
            sign = STATE_SIGN[appointment.status]
            style = "strike dim" if appointment.status == "cancelled" else ""
            style += " bold" if appointment.status == "arrived" else ""
            if head:
                start = clock(entry.starts) if entry.starts.date() == day else "00:00"
                name_width = max(1, width - len(start) - 1 - len(sign))
                name = client_label(appointment.client_name, name_width, self.blanked)
                return f"{start}{sign or ' '}{name}", style
            if not more:
                return "│", style
            abbr = self.t(f"calendar.abbr.{appointment.kind}")
            room = f" {visible(appointment.room_name)}" if appointment.room_name else ""
            return f"│{abbr}{room}", style
        if entry.group is not None:
            group = entry.group
            if head:
                return f"{clock(entry.starts)}{GROUP_SIGN}{visible(group.title)}", "italic"
            return (f"│{GROUP_SIGN}{group.booked}/{group.capacity}" if more else "│"), "italic"
        assert entry.absence is not None
        if head:
            return f"{ABSENCE_FILL}{self.t(f'schedule.absence.{entry.absence.kind}')}", "dim"
        return ABSENCE_FILL * width, "dim"

    # The day view ---------------------------------------------------------------------------

    def _day_lines(self) -> list[Text]:
        data = self.data
        assert data is not None
        day = self.cursor.day
        items = data.day_items(day)
        lines: list[Text] = []
        cursor_lines = (0, 0)
        now = self.now if self.now and self.now.date() == day else None
        holiday = data.holidays.get(day)
        if holiday:
            lines.append(Text(f"✱ {visible(holiday)}", "italic"))
        elif not items:
            lines.append(Text(self.t("calendar.not_at_work"), "dim"))
        for index, entry in enumerate(items):
            if now is not None and entry.starts > now:
                lines.append(Text(f" ─── {self.t('calendar.now')} {clock(now)} ───", "bold"))
                now = None
            chosen = index == self.cursor.index
            first = len(lines)
            focused = chosen and self.has_focus
            lines += agenda_lines(
                entry, chosen, focused, max(20, self.size.width), self.t, self.blanked
            )
            if chosen:
                cursor_lines = (first, len(lines))
        if now is not None:
            lines.append(Text(f" ─── {self.t('calendar.now')} {clock(now)} ───", "bold"))
        height = max(1, self.size.height)
        if cursor_lines[0] < self.top:
            self.top = cursor_lines[0]
        elif cursor_lines[1] > self.top + height:
            self.top = cursor_lines[1] - height
        return lines[self.top : self.top + height]
