"""Booking an appointment (a dialog over F5, the day sheet and the reviews list): the
client, coach, time, type, channel, room, note and an optional repeat, checked as typed;
moving and cancelling one (`MoveDialog`, `CancelDialog`) live in `change_dialogs.py`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Select, Static

from store.clients.display import person_label
from store.core.i18n import TranslatedError, plural_key
from store.schedule.errors import InThePast, SeriesClashes
from store.schedule.models import (
    CHANNEL_CODES,
    DEFAULT_MINUTES,
    KINDS,
    Appointment,
    AppointmentKind,
    Booking,
    Channel,
)

from ..clients.client_search import ClientSearch
from ..shell.context import ContextMixin
from ..shell.dialogs import ask, ask_before_discarding
from ..shell.faults import store_faults_told
from .booking_form import (
    FieldRefused,
    as_shown,
    clash_message,
    clock_text,
    day_text,
    parse_repeat,
    warning_messages,
)
from .change_dialogs import CancelDialog, MoveDialog
from .series_preview import Occurrence, SeriesPreview, refused_check
from .time_dialog import BookAnyway, TimeDialog, labelled, message_line, say

__all__ = ["BookingDialog", "CancelDialog", "MoveDialog"]

BOOKING_CSS = Path(__file__).with_name("booking.tcss")
TYPED_FIELDS = ("booking-day", "booking-time", "booking-minutes", "booking-note",
                "booking-every", "booking-times")  # fmt: skip


class BookingDialog(TimeDialog[Appointment | None]):
    """A new appointment for `coach_id` (and `client_id`, `starts_at` if known); answers
    the booked `Appointment` (a series: its first), or None when nothing was booked."""

    CSS_PATH = BOOKING_CSS
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="booking.save"),
        Binding("ctrl+n", "next_free", "Next free", id="booking.next_free"),
        Binding("ctrl+l", "change_client", "Change client", id="booking.client"),
        Binding("escape", "cancel", "Cancel", id="booking.cancel"),
    ]

    def __init__(
        self,
        *,
        coach_id: str,
        client_id: str | None = None,
        starts_at: datetime | None = None,
        kind: AppointmentKind = "job_search",
        channel: Channel = "in_person",
        minutes: int = DEFAULT_MINUTES,
    ) -> None:
        super().__init__()
        self.initial_coach_id = coach_id
        self.chosen_client_id = client_id
        self.starts_at_given = starts_at
        self.kind: AppointmentKind = kind
        self.channel: Channel = channel
        self.minutes = minutes
        self.initial: dict[str, str] = {}
        self.client_parts: tuple[str, str, date | None] | None = None  # first, last, born

    def client_id(self) -> str | None:
        return self.chosen_client_id

    def compose(self) -> ComposeResult:
        session = self.session
        self.site_id = session.site.id if session.site else None
        title = self.t("booking.title.new")
        if session.site:
            title += " · " + session.site.name
        with VerticalScroll(classes="dialog", id="booking-dialog"):
            yield Static(title, classes="dialog-title")
            yield labelled(
                self.t("booking.field.client"),
                Static("", id="booking-client-name"),
                row_id="booking-client-row",
            )
            yield ClientSearch(id="booking-search")
            yield message_line("error-client")
            yield from self.place_rows(self.initial_coach_id, None)
            start = self.starts_at_given
            yield from self.when_rows(
                day_text(start) if start else "",
                clock_text(start) if start else "",
                str(self.minutes),
            )
            yield labelled(
                self.t("booking.field.kind"),
                Select([(self.t(f"schedule.kind.{k}"), k) for k in KINDS], value=self.kind,
                       allow_blank=False, id="booking-kind", compact=True),
                Label(self.t("booking.field.channel"), classes="booking-inner"),
                Select([(self.t(f"schedule.channel.{c}"), c) for c in CHANNEL_CODES],
                       value=self.channel, allow_blank=False, id="booking-channel", compact=True),
            )  # fmt: skip
            if self.may_see_notes():
                yield labelled(self.t("booking.field.note"), Input(id="booking-note", compact=True))
            yield labelled(
                self.t("booking.field.repeat"),
                Input(id="booking-every", compact=True, max_length=1),
                Label(self.t("booking.field.repeat_weeks"), classes="booking-inner"),
                Input(id="booking-times", compact=True, max_length=2),
                Label(self.t("booking.field.repeat_times"), classes="booking-unit"),
            )
            yield message_line("error-booking-every")
            yield SeriesPreview(id="series-preview")
        yield Footer()

    @store_faults_told
    def on_mount(self) -> None:
        if self.chosen_client_id:
            client = self.store.clients.open(self.session.staff, self.chosen_client_id, "booking")
            self._show_client(client.first_name, client.last_name, client.birth_date)
            self.query_one("#booking-day").focus()
        else:
            self._choose_client()
        self.initial = self._typed()
        self.refresh_check()
        self.watch(self.app, "blanked", lambda _: self._blanked_changed(), init=False)

    @store_faults_told
    def _blanked_changed(self) -> None:
        """F12: the names on the form become initials (and back)."""
        if self.client_parts is not None:
            self._show_client(*self.client_parts)
        self.refresh_check()
        self.refresh_preview()

    def _typed(self) -> dict[str, str]:
        return {f: w.value for f in TYPED_FIELDS for w in self.query(f"#{f}").results(Input)}

    # The client ---------------------------------------------------------------------------

    def _show_client(self, first_name: str, last_name: str, birth_date: date | None) -> None:
        self.client_parts = (first_name, last_name, birth_date)
        label = person_label(first_name, last_name, birth_date, blanked=self.ctx.blanked)
        self.query_one("#booking-client-name", Static).update(
            Content(f"{label}   ({self.t('booking.client.change')})")
        )
        self.remove_class("-choosing")
        say(self.query_one("#error-client", Static), "")

    def _choose_client(self) -> None:
        self.add_class("-choosing")
        self.query_one(ClientSearch).focus_input()

    def action_change_client(self) -> None:
        self._choose_client()

    @on(ClientSearch.ClientSelected)
    @store_faults_told
    def _client_chosen(self, event: ClientSearch.ClientSelected) -> None:
        event.stop()
        match = next(m for m in self.query_one(ClientSearch).matches if m.id == event.client_id)
        self.chosen_client_id = match.id
        self._show_client(match.first_name, match.last_name, match.birth_date)
        self.query_one("#booking-day").focus()
        self.refresh_check()
        self.refresh_preview()

    @on(ClientSearch.NewClientRequested)
    def _no_such_client(self, event: ClientSearch.NewClientRequested) -> None:
        event.stop()  # the search says nothing matches; a new client is made elsewhere

    # Moving on ---------------------------------------------------------------------------

    @on(Input.Submitted, "#booking-day, #booking-time, #booking-minutes, #booking-note")
    @on(Input.Submitted, "#booking-every, #booking-times")
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(Input.Changed, "#booking-every, #booking-times")
    @on(Input.Changed, "#booking-day, #booking-time, #booking-minutes")
    @on(Select.Changed, "#booking-coach, #booking-room")
    @store_faults_told
    def _series_changed(self) -> None:
        self.refresh_preview()

    def refresh_preview(self) -> None:
        """The series' occurrences with their checks, once every field of it reads."""
        preview = self.query_one(SeriesPreview)
        say(self.query_one("#error-booking-every", Static), "")
        try:
            booking = self._booking()
            repeat = parse_repeat(self._value("booking-every"), self._value("booking-times"))
        except FieldRefused:
            preview.clear()
            return
        if repeat is None or booking is None:
            preview.clear()
            return
        self._show_series(self.store.schedule.preview_series(booking, *repeat))

    def _show_series(self, occurrences: list[Occurrence]) -> None:
        lang = self.ctx.lang
        self.query_one(SeriesPreview).show(occurrences, lang, self.ctx.blanked)
        clashing = sum(1 for _, check in occurrences if check.clashes)
        line = self.query_one("#error-booking-every", Static)
        key = plural_key("booking.series.clash_count", clashing)
        say(line, self.t(key, count=clashing) if clashing else None)

    # Saving ------------------------------------------------------------------------------

    def _booking(self) -> Booking | None:
        """The booking as typed (None without a client); raises `FieldRefused`."""
        start, minutes = self.starts_at()
        if not self.chosen_client_id:
            return None
        notes = self.query("#booking-note").results(Input)
        kind_chosen = self.query_one("#booking-kind", Select).value
        channel_chosen = self.query_one("#booking-channel", Select).value
        kinds: dict[object, AppointmentKind] = {k: k for k in KINDS}
        channels: dict[object, Channel] = {c: c for c in CHANNEL_CODES}
        return Booking(
            client_id=self.chosen_client_id,
            coach_id=self.coach_id(),
            starts_at=start,
            minutes=minutes,
            kind=kinds.get(kind_chosen, self.kind),
            channel=channels.get(channel_chosen, self.channel),
            site_id=self.site_id,
            room_id=self.room_id(),
            note=next((n.value.strip() or None for n in notes), None),
        )

    @store_faults_told
    def action_save(self) -> None:
        try:
            booking = self._booking()
            repeat = parse_repeat(self._value("booking-every"), self._value("booking-times"))
        except FieldRefused as wrong:
            self._refuse_field(wrong)
            return
        if booking is None:
            say(self.query_one("#error-client", Static), f"⚠ {self.t('booking.error.client')}")
            self._choose_client()
            return
        if booking.starts_at < self.store.clock.now():
            self.show_refusal(InThePast())
            return
        if repeat is None:
            check = self.check_now(booking.proposal())
            if check is None:
                return
            occurrences = [(booking, check)]
        else:
            occurrences = self.store.schedule.preview_series(booking, *repeat)
            self._show_series(occurrences)
        if any(check.clashes for _, check in occurrences):
            self.query_one("#booking-time").focus()
            return
        warnings = [
            f"{day_text(b.starts_at)} {clock_text(b.starts_at)}: {w}"
            for b, check in occurrences
            for w in warning_messages(check, self.ctx.lang)
        ]
        if warnings:
            ask(self.app, BookAnyway(warnings), lambda: self._book(booking, repeat))
        else:
            self._book(booking, repeat)

    def _refuse_field(self, wrong: FieldRefused) -> None:
        if wrong.field == "booking-every":
            say(self.query_one("#error-booking-every", Static), f"⚠ {wrong.message(self.ctx.lang)}")
            self.query_one("#booking-every").focus()
        else:
            self.show_refusal(wrong)

    @store_faults_told
    def _book(self, booking: Booking, repeat: tuple[int, int] | None) -> None:
        staff = self.session.staff
        try:
            if repeat is None:
                booked = [self.store.schedule.book(staff, booking)]
            else:
                booked = self.store.schedule.book_series(staff, booking, *repeat)
        except SeriesClashes as refused:
            self._series_refused(booking, repeat, refused)
            return
        except TranslatedError as refused:  # a clash from a desk a moment quicker, the past …
            self.show_refusal(refused)
            return
        first = booked[0]
        if len(booked) == 1:
            said = self.t("booking.booked.single", who=first.client_name, day=day_text(first.starts_at),
                          start=clock_text(first.starts_at))  # fmt: skip
        else:
            said = self.t("booking.booked.series", who=first.client_name, count=len(booked),
                          day=day_text(first.starts_at))  # fmt: skip
        self.app.notify(said)
        self.dismiss(first)

    def _series_refused(
        self, booking: Booking, repeat: tuple[int, int] | None, refused: SeriesClashes
    ) -> None:
        """Mark each occurrence the store refused (a desk booked one a moment ago)."""
        assert repeat is not None
        times = self.store.schedule.series_times(booking, *repeat)
        clashes = dict(refused.clashing)
        occurrences = [
            (
                b,
                refused_check(clashes[n])
                if n in clashes
                else self.store.schedule.check(b.proposal()),
            )
            for n, b in enumerate(times)
        ]
        self._show_series(occurrences)
        first = next(iter(clashes.values()))
        self.when_messages(
            clash_message(as_shown(refused_check(first), self.ctx.blanked), self.ctx.lang)
        )

    def action_cancel(self) -> None:
        typed = self._typed() != self.initial or (
            self.has_class("-choosing") and bool(self.query_one(ClientSearch).input.value.strip())
        )
        ask_before_discarding(self.app, typed, lambda: self.dismiss(None))


def book_at_next_free(
    screen: Screen[Any],
    *,
    coach_id: str,
    client_id: str,
    kind: AppointmentKind,
    closed: Callable[[Appointment | None], None],
) -> None:
    """The booking dialog for `client_id` at the coach's and the client's next free time
    (a review's "book it" key on the day sheet and the reviews list); `closed` gets the
    dialog's answer. Says so when nothing is free within three months."""
    shortcuts = cast(ContextMixin, screen)
    starts_at = shortcuts.store.schedule.next_free(coach_id, client_id, DEFAULT_MINUTES)
    if starts_at is None:
        screen.notify(shortcuts.t("booking.next_free.none"), severity="warning")
    dialog = BookingDialog(coach_id=coach_id, client_id=client_id, starts_at=starts_at, kind=kind)
    screen.app.push_screen(dialog, closed)
