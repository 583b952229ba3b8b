"""F5's own questions: a day to go to, a coach to show, an absence to add or remove, and
the coach's working hours per weekday. Each returns what was typed; the calendar writes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from store.core.clock import local_moment
from store.core.dates import DateError, format_date, parse_date
from store.core.models import Staff
from store.core.text import visible
from store.schedule.hours import Hours
from store.schedule.models import ABSENCES, AbsenceKind

from ..clients.form import field_row, focus_first_error, read_form, show_field_messages
from ..shell.context import ScreenContextMixin
from ..shell.dialogs import YesNoDialog, yes_no_bindings
from .booking_form import clock_or_none

CALENDAR_CSS = "calendar.tcss"

T = TypeVar("T")


class _Form(ScreenContextMixin, ModalScreen[T | None], Generic[T]):
    """A small form: Enter or Ctrl+S checks it, an error stands next to its field and
    every value stays; Esc closes without an answer."""

    CSS_PATH = CALENDAR_CSS
    FIELDS: tuple[str, ...] = ()
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="calendar.form.save", priority=True),
        Binding("escape", "close", "Cancel", id="calendar.form.cancel"),
    ]

    def action_close(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        values = read_form(self, self.FIELDS)
        answer, errors = self.check(values)
        show_field_messages(self, self.FIELDS, errors)
        if errors:
            focus_first_error(self, self.FIELDS, errors)
            return
        self.dismiss(answer)

    def check(self, values: dict[str, str]) -> tuple[T | None, dict[str, str]]:
        raise NotImplementedError


class JumpDialog(_Form[date]):
    """A day to go to, typed d.m.yyyy."""

    FIELDS = ("jump_date",)

    def __init__(self, day: date | None) -> None:
        super().__init__()
        self.day = day

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.t("calendar.jump.title"), classes="dialog-title")
            yield from field_row(
                self.t("calendar.jump.date"),
                Input(placeholder="d.m.yyyy", id="jump_date", compact=True),
            )
            yield Static(self.t("calendar.form.hint"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#jump_date", Input).focus()

    def check(self, values: dict[str, str]) -> tuple[date | None, dict[str, str]]:
        try:
            return parse_date(values["jump_date"]), {}
        except DateError as error:
            return None, {"jump_date": error.message(self.ctx.lang)}


class CoachDialog(ScreenContextMixin, ModalScreen[str | None]):
    """The coach whose calendar to show: the active coaches, the user's team first."""

    CSS_PATH = CALENDAR_CSS
    BINDINGS = [Binding("escape", "close", "Cancel", id="calendar.form.cancel")]

    def __init__(
        self, coaches: list[Staff], teams: Mapping[str, str | None], current: str | None
    ) -> None:
        super().__init__()
        self.coaches, self.teams, self.current = coaches, teams, current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.t("calendar.coach.title"), classes="dialog-title")
            options = [
                Option(
                    Content(visible(c.display_name))
                    + (Content(f"  ({visible(team)})") if (team := self.teams.get(c.id)) else ""),
                    id=c.id,
                )
                for c in self.coaches
            ]
            yield OptionList(*options, id="coaches")
            if not self.coaches:
                yield Static(self.t("calendar.coach.none"))
            yield Static(self.t("calendar.coach.hint"), classes="hint")

    def on_mount(self) -> None:
        coaches = self.query_one("#coaches", OptionList)
        coaches.focus()
        ids = [c.id for c in self.coaches]
        if self.current in ids:
            coaches.highlighted = ids.index(self.current)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True)
class NewAbsence:
    kind: AbsenceKind
    start: datetime
    end: datetime
    note: str | None


def _at(day: date, typed: str, end: bool) -> datetime | None:
    """The moment `typed` (HH.MM, empty: the day's start, or its end) on `day`."""
    if not typed.strip():
        return local_moment(day + timedelta(days=1) if end else day)
    clock = clock_or_none(typed)
    return local_moment(day, clock) if clock else None


class AbsenceDialog(_Form[NewAbsence]):
    """Leave, sickness, training or a blocked time: kind, from and to (a day and a time,
    an empty time the whole day) and a note."""

    FIELDS = ("absence_kind", "from_date", "from_time", "to_date", "to_time", "absence_note")

    def __init__(self, day: date) -> None:
        super().__init__()
        self.day = day

    def compose(self) -> ComposeResult:
        kinds = [(self.t(f"schedule.absence.{kind}"), kind) for kind in ABSENCES]
        day = format_date(self.day)
        with Vertical(classes="dialog"):
            yield Static(self.t("calendar.absence.title"), classes="dialog-title")
            yield from field_row(
                self.t("calendar.absence.kind"),
                Select(kinds, allow_blank=False, value="blocked", id="absence_kind", compact=True),
            )
            for name, value in (("from_date", day), ("from_time", ""), ("to_date", day),
                                ("to_time", "")):  # fmt: skip
                # An empty time reads as what it means: from or to the day's edge.
                placeholder = (
                    "d.m.yyyy" if name.endswith("date") else self.t(f"calendar.{name}.empty")
                )
                yield from field_row(
                    self.t(f"calendar.absence.{name}"),
                    Input(value, placeholder=placeholder, id=name, compact=True),
                )
            yield from field_row(
                self.t("calendar.absence.note"), Input(id="absence_note", compact=True)
            )
            yield Static(self.t("calendar.absence.hint"), classes="hint -wrap")

    def on_mount(self) -> None:
        self.query_one("#from_time", Input).focus()

    def check(self, values: dict[str, str]) -> tuple[NewAbsence | None, dict[str, str]]:
        errors: dict[str, str] = {}
        moments: dict[str, datetime] = {}
        for side in ("from", "to"):
            try:
                day = parse_date(values[f"{side}_date"])
            except DateError as error:
                errors[f"{side}_date"] = error.message(self.ctx.lang)
                continue
            at = _at(day, values[f"{side}_time"], end=side == "to")
            if at is None:
                errors[f"{side}_time"] = self.t("calendar.error.time")
            else:
                moments[side] = at
        if not errors and moments["to"] <= moments["from"]:
            errors["to_time"] = self.t("schedule.error.absence_times")
        if errors:
            return None, errors
        kind: AbsenceKind = values["absence_kind"]  # type: ignore[assignment]
        note = values["absence_note"].strip() or None
        return NewAbsence(kind, moments["from"], moments["to"], note), {}


def _hours_text(hours: tuple[time, time] | None) -> str:
    if hours is None:
        return ""
    return f"{hours[0].hour}.{hours[0].minute:02d}–{hours[1].hour}.{hours[1].minute:02d}"


def parse_hours(typed: str) -> tuple[time, time] | None | str:
    """'8.00–16.00' (or with a hyphen) as (from, to); empty: not at work (None); anything
    else: the text key of what is wrong."""
    cleaned = typed.strip().replace("—", "–").replace("-", "–")
    if not cleaned:
        return None
    start, dash, end = cleaned.partition("–")
    first, last = clock_or_none(start), clock_or_none(end)
    if not dash or first is None or last is None:
        return "calendar.error.hours"
    if last <= first:
        return "schedule.error.hours"
    return first, last


class HoursDialog(_Form[Hours]):
    """The coach's hours per weekday, HH.MM–HH.MM, empty for a day off; answers the
    weekdays changed."""

    FIELDS = tuple(f"hours_{weekday}" for weekday in range(1, 8))

    def __init__(self, current: Hours) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        weekdays = self.t("weekdays").split()
        with Vertical(classes="dialog"):
            yield Static(self.t("calendar.hours.title"), classes="dialog-title")
            for weekday in range(1, 8):
                yield from field_row(
                    weekdays[weekday - 1],
                    Input(
                        _hours_text(self.current[weekday]),
                        placeholder=self.t("calendar.not_at_work"),
                        id=f"hours_{weekday}",
                        compact=True,
                    ),
                )
            yield Static(self.t("calendar.hours.hint"), classes="hint -wrap")

    def on_mount(self) -> None:
        self.query_one("#hours_1", Input).focus()

    def check(self, values: dict[str, str]) -> tuple[Hours | None, dict[str, str]]:
        changed: Hours = {}
        errors: dict[str, str] = {}
        for weekday in range(1, 8):
            parsed = parse_hours(values[f"hours_{weekday}"])
            if isinstance(parsed, str):
                errors[f"hours_{weekday}"] = self.t(parsed)
            elif parsed != self.current[weekday]:
                changed[weekday] = parsed
        return (None if errors else changed), errors


class RemoveAbsence(YesNoDialog):
    """Answers yes when the absence is to be removed from the calendar."""

    BINDINGS = yes_no_bindings("calendar.remove_absence", "Remove", "Back")

    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.t("calendar.remove_absence.title", kind=self.kind),
                         classes="dialog-title")  # fmt: skip
            yield Static(
                f"Enter  {self.t('calendar.remove_absence.yes')}\n"
                f"Esc    {self.t('calendar.remove_absence.no')}"
            )
