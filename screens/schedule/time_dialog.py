"""What the booking and moving dialogs share: the date, time and length fields with the
coach and room, the conflict check shown as the user types, and "next free time"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import TypeVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from store.core.auth import allowed
from store.core.clock import local_moment, to_local
from store.core.i18n import TranslatedError
from store.schedule.errors import Clashes, InThePast
from store.schedule.free_time import SLOT_STEP
from store.schedule.models import DEFAULT_MINUTES, Check, Proposal, Room

from ..shell.context import ScreenContextMixin
from ..shell.dialogs import YesNoDialog, yes_no_bindings
from ..shell.faults import store_faults_told
from .booking_form import (
    FieldRefused,
    as_shown,
    clash_message,
    clock_text,
    day_text,
    parse_clock,
    parse_day,
    parse_minutes,
    warning_messages,
)

WHEN_FIELDS = ("booking-day", "booking-time", "booking-minutes")

Result = TypeVar("Result")


def labelled(label: str, *widgets: Widget, row_id: str | None = None) -> Horizontal:
    """One line of the form: its label, then its fields."""
    return Horizontal(
        Label(label, classes="booking-label"), *widgets, classes="booking-row", id=row_id
    )


def message_line(line_id: str) -> Static:
    """A line under a field for what refuses or warns about what was typed."""
    line = Static("", id=line_id, classes="booking-message")
    line.display = False
    return line


def say(line: Static, text: str | None) -> None:
    """Put `text` on a message line, shown only while it has something to say; what was
    typed, quoted in it, is never read as markup."""
    line.update(Content(text or ""))
    line.display = bool(text)


class BookAnyway(YesNoDialog):
    """The warnings of a time (weekend, public holiday, outside working hours): Enter saves
    anyway, Esc goes back to the form."""

    BINDINGS = yes_no_bindings("booking.confirm", "Save anyway", "Back")

    def __init__(self, warnings: list[str]) -> None:
        super().__init__()
        self.warnings = warnings

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="booking-confirm"):
            yield Static(self.t("booking.confirm.title"), classes="dialog-title")
            yield Static(Content("\n".join(self.warnings)), classes="booking-warning")
            yield Static(self.t("booking.confirm.keys"))


class TimeDialog(ScreenContextMixin, ModalScreen[Result]):
    """A dialog about the "when" of an appointment, with its live check.

    The subclass says whose time it is (`client_id`), what it ignores (the appointment
    being moved) and composes the rows with `when_rows` and `place_rows`."""

    ignore_id: str | None = None
    site_id: str | None = None
    _last_free: datetime | None = None

    # Who and where ------------------------------------------------------------------------

    def client_id(self) -> str | None:
        raise NotImplementedError

    def coach_options(self, current: str) -> list[tuple[str, str]]:
        """The coaches the user may book for (a coach: themselves and their team), and
        `current` even if not, so the form shows whose calendar it opened."""
        staff = self.session.staff
        schedule = self.store.schedule
        coaches = [
            c for c in self.store.staff.all(role="coach") if schedule.may_book_for(staff, c.id)
        ]
        if all(c.id != current for c in coaches) and (coach := self.store.staff.get(current)):
            coaches.insert(0, coach)
        return [(c.display_name, c.id) for c in coaches]

    def rooms(self) -> list[Room]:
        return self.store.rooms.list(self.site_id) if self.site_id else []

    def when_rows(self, day: str, clock: str, minutes: str) -> Iterator[Widget]:
        yield labelled(
            self.t("booking.field.day"),
            Input(
                day, id="booking-day", placeholder=self.t("booking.placeholder.day"), compact=True
            ),
            Label(self.t("booking.field.time"), classes="booking-inner"),
            Input(
                clock,
                id="booking-time",
                placeholder=self.t("booking.placeholder.time"),
                compact=True,
            ),
            Label(self.t("booking.field.minutes"), classes="booking-inner"),
            Input(minutes, id="booking-minutes", compact=True),
            Label(self.t("booking.field.minutes_unit"), classes="booking-unit"),
        )
        yield message_line("error-when")
        yield message_line("booking-warnings")

    def place_rows(self, coach_id: str, room_id: str | None) -> Iterator[Widget]:
        yield labelled(
            self.t("booking.field.coach"),
            Select(self.coach_options(coach_id), value=coach_id, allow_blank=False,
                   id="booking-coach", compact=True),
        )  # fmt: skip
        rooms = [(r.name, r.id) for r in self.rooms()]
        if rooms:
            known = room_id if room_id in {r for _, r in rooms} else Select.NULL
            yield labelled(
                self.t("booking.field.room"),
                Select(rooms, value=known, prompt=self.t("booking.room.none"),
                       id="booking-room", compact=True),
            )  # fmt: skip

    # Reading the fields -------------------------------------------------------------------

    def _value(self, field: str) -> str:
        return self.query_one(f"#{field}", Input).value

    def coach_id(self) -> str:
        value = self.query_one("#booking-coach", Select).value
        return str(value) if isinstance(value, str) else ""

    def room_id(self) -> str | None:
        found = self.query("#booking-room")
        if not found:
            return None
        value = found.first(Select).value
        return value if isinstance(value, str) else None

    def starts_at(self) -> tuple[datetime, int]:
        """The typed start and length; raises `FieldRefused` for the first field wrong."""
        day = parse_day(self._value("booking-day"), self.store.today(), self.ctx.lang)
        at = parse_clock(self._value("booking-time"))
        minutes = parse_minutes(self._value("booking-minutes"))
        return local_moment(day, at), minutes

    def when_messages(self, refused: str | None = None, warnings: list[str] | None = None) -> None:
        """What refuses the time under the time fields, what only warns under that."""
        line = self.query_one("#error-when", Static)
        say(line, refused)
        line.set_class(refused is not None, "-refused")
        say(self.query_one("#booking-warnings", Static), "\n".join(w for w in warnings or [] if w))

    def show_refusal(self, error: TranslatedError) -> None:
        """A refusal from the store (a clash, a time in the past) next to the time."""
        if isinstance(error, Clashes):
            error = Clashes(as_shown(Check(error.clashes, ()), self.ctx.blanked).clashes)
        text = error.message(self.ctx.lang)
        self.when_messages(f"✗ {text}" if isinstance(error, Clashes | InThePast) else f"⚠ {text}")
        field = error.field if isinstance(error, FieldRefused) else "booking-time"
        self.query_one(f"#{field}").focus()

    # The live check ----------------------------------------------------------------------

    def quiet_proposal(self) -> Proposal | None:
        """The proposed time if every field of it reads, else None (still being typed)."""
        try:
            start, minutes = self.starts_at()
        except FieldRefused:
            return None
        client = self.client_id()
        coach = self.coach_id()
        if not client or not coach:
            return None
        return Proposal(coach, client, start, start + timedelta(minutes=minutes), self.room_id())

    def check_now(self, proposal: Proposal) -> Check | None:
        """Show what the check finds about `proposal`; None when it is in the past."""
        if proposal.starts_at < self.store.clock.now():
            self.when_messages(f"✗ {InThePast().message(self.ctx.lang)}")
            return None
        check = self.store.schedule.check(proposal, ignore_id=self.ignore_id)
        lang = self.ctx.lang
        shown = as_shown(check, self.ctx.blanked)
        when = self.when_text(proposal.starts_at, proposal.ends_at)
        warnings = warning_messages(check, lang)
        if warnings:
            said = [f"{when}: {'  '.join(warnings)}"]
        else:
            said = [] if check.clashes else [self.t("booking.free", when=when)]
        self.when_messages(clash_message(shown, lang), said)
        return check

    def when_text(self, start: datetime, end: datetime) -> str:
        """'ti 1.12.2026 klo 10:00–10:45': what the typed day and time were read as."""
        weekday = self.t("weekdays").split()[to_local(start).weekday()]
        return self.t("booking.when", weekday=weekday, day=day_text(start),
                      start=clock_text(start), end=clock_text(end))  # fmt: skip

    @on(Input.Changed, "#booking-day, #booking-time, #booking-minutes")
    @on(Select.Changed, "#booking-coach, #booking-room")
    @store_faults_told
    def _when_changed(self) -> None:
        self.refresh_check()

    def refresh_check(self) -> None:
        proposal = self.quiet_proposal()
        if proposal is None:
            self.when_messages()
        else:
            self.check_now(proposal)

    # Next free time ----------------------------------------------------------------------

    @store_faults_told
    def action_next_free(self) -> None:
        """Fill the date and time with the first free slot from the typed date (or now);
        pressed again, the one after it."""
        coach = self.coach_id()
        if not coach:
            return
        try:
            minutes = parse_minutes(self._value("booking-minutes"))
        except FieldRefused:
            minutes = DEFAULT_MINUTES
            self.query_one("#booking-minutes", Input).value = str(minutes)
        after: datetime | None = None
        try:
            typed_day = parse_day(self._value("booking-day"), self.store.today(), self.ctx.lang)
            after = local_moment(typed_day)
            typed = local_moment(typed_day, parse_clock(self._value("booking-time")))
            if typed == self._last_free:
                after = typed + SLOT_STEP
        except FieldRefused:
            pass
        found = self.store.schedule.next_free(
            coach, self.client_id(), minutes, after, self.room_id()
        )
        if found is None:
            self.when_messages(f"⚠ {self.t('booking.next_free.none')}")
            return
        self._last_free = found
        # Their Changed messages check the time (and preview a series) once both are set.
        self.query_one("#booking-day", Input).value = day_text(found)
        self.query_one("#booking-time", Input).value = clock_text(found)

    def may_see_notes(self) -> bool:
        return allowed(self.session.staff, "schedule.notes")
