"""Moving and cancelling an appointment; for one of a series, this one only or this and all
following. The store keeps the old time in the appointment's history."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Select, Static

from store.core.clock import to_local
from store.core.i18n import TranslatedError, plural_key
from store.schedule.errors import InThePast, SeriesClashes
from store.schedule.models import Appointment, Booking, CancelReason

from ..shell.context import ScreenContextMixin
from ..shell.dialogs import ask, ask_before_discarding
from ..shell.faults import store_faults_told
from .booking_form import FieldRefused, clock_text, day_text, shown_name, warning_messages
from .series_preview import SeriesPreview, refused_check
from .time_dialog import BookAnyway, TimeDialog, labelled, message_line, say

CHANGE_CSS = Path(__file__).with_name("booking.tcss")
WHICH = ("one", "following")
REASONS: tuple[CancelReason, ...] = ("by_client", "by_coach")


def describe(node: ScreenContextMixin, appointment: Appointment) -> str:
    """'Mäkinen Anna · työnhakukeskustelu · 30.11.2026 klo 10:00–10:45'."""
    return node.t(
        "booking.current",
        who=shown_name(appointment.client_name, node.ctx.blanked),
        kind=node.t(f"schedule.kind.{appointment.kind}"),
        day=day_text(appointment.starts_at),
        start=to_local(appointment.starts_at).strftime("%H:%M"),
        end=to_local(appointment.ends_at).strftime("%H:%M"),
    )


def watch_blanking(screen: TimeDialog[bool] | CancelDialog, appointment: Appointment) -> None:
    """F12 turns the client's name on the dialog into initials, and back."""

    def redraw(_: bool) -> None:
        screen.query_one("#booking-current", Static).update(Content(describe(screen, appointment)))
        if isinstance(screen, TimeDialog):
            screen.refresh_check()

    screen.watch(screen.app, "blanked", redraw, init=False)


def which_select(node: ScreenContextMixin, appointment: Appointment) -> Select[str] | None:
    """ "This one only" or "this and all following" for one of a series; None otherwise."""
    if appointment.series_id is None:
        return None
    count = len(node.store.schedule.following(node.session.staff, appointment.id))
    if count < 2:  # the last open one of its series: "all following" is just this one
        return None
    options = [
        (node.t("booking.which.this"), "one"),
        (node.t("booking.which.following", count=count), "following"),
    ]
    return Select(options, value="one", allow_blank=False, id="booking-which", compact=True)


def chosen(screen: DOMNode, select_id: str, default: str) -> str:
    found = screen.query(f"#{select_id}").results(Select)
    value = next((s.value for s in found), default)
    return value if isinstance(value, str) else default


class MoveDialog(TimeDialog[bool]):
    """A new date, time and length (and coach, room) for the appointment; for one of a
    series, this one only or this and all following (by the same shift). Answers True
    when something moved."""

    CSS_PATH = CHANGE_CSS
    BINDINGS = [
        Binding("ctrl+s", "save", "Move", id="booking.move"),
        Binding("ctrl+n", "next_free", "Next free", id="booking.next_free"),
        Binding("escape", "cancel", "Cancel", id="booking.cancel"),
    ]

    def __init__(self, appointment: Appointment) -> None:
        super().__init__()
        self.appointment = appointment
        self.ignore_id = appointment.id
        self.initial: dict[str, str] = {}

    def client_id(self) -> str | None:
        return self.appointment.client_id

    def compose(self) -> ComposeResult:
        appointment = self.appointment
        session = self.session
        self.site_id = appointment.site_id or (session.site.id if session.site else None)
        with VerticalScroll(classes="dialog", id="booking-dialog"):
            yield Static(self.t("booking.title.move"), classes="dialog-title")
            yield Static(Content(describe(self, appointment)), id="booking-current")
            which = which_select(self, appointment)
            if which is not None:
                yield labelled(self.t("booking.field.which"), which)
            yield from self.place_rows(appointment.coach_id, appointment.room_id)
            yield from self.when_rows(
                day_text(appointment.starts_at),
                clock_text(appointment.starts_at),
                str(appointment.minutes),
            )
            yield message_line("error-booking-which")
            yield SeriesPreview(id="series-preview")
        yield Footer()

    def on_mount(self) -> None:
        self.initial = self._typed()
        self.query_one("#booking-day").focus()
        watch_blanking(self, self.appointment)

    def _typed(self) -> dict[str, str]:
        return {f: self._value(f) for f in ("booking-day", "booking-time", "booking-minutes")}

    @on(Select.Changed, "#booking-which")
    def _which_changed(self, event: Select.Changed) -> None:
        """All following move by the same shift in time only: their length, coach and
        room stay as they are, so those fields are not offered."""
        following = event.value == "following"
        for field in ("#booking-minutes", "#booking-coach", "#booking-room"):
            for widget in self.query(field):
                widget.disabled = following

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @store_faults_told
    def action_save(self) -> None:
        try:
            start, minutes = self.starts_at()
        except FieldRefused as wrong:
            self.show_refusal(wrong)
            return
        if start < self.store.clock.now():
            self.show_refusal(InThePast())
            return
        proposal = self.quiet_proposal()
        assert proposal is not None
        check = self.check_now(proposal)
        following = chosen(self, "booking-which", "one") == "following"
        # All following keep their own checks in the store's move; the first is shown here.
        if check is None or (check.clashes and not following):
            self.query_one("#booking-time").focus()
            return
        warnings = warning_messages(check, self.ctx.lang)
        if warnings:
            ask(self.app, BookAnyway(warnings), lambda: self._move(start, minutes, following))
        else:
            self._move(start, minutes, following)

    @store_faults_told
    def _move(self, start: datetime, minutes: int, following: bool) -> None:
        staff = self.session.staff
        appointment = self.appointment
        try:
            if following:
                moved = self.store.schedule.move_following(staff, appointment.id, start)
            else:
                moved = [
                    self.store.schedule.move(
                        staff, appointment.id, start, minutes, coach_id=self.coach_id(),
                        room_id=self.room_id(), expected_updated_at=appointment.updated_at,
                    )
                ]  # fmt: skip
        except SeriesClashes as refused:
            self._following_refused(start, refused)
            return
        except TranslatedError as refused:
            self.show_refusal(refused)
            return
        if len(moved) == 1:
            said = self.t("booking.moved.single", day=day_text(moved[0].starts_at),
                          start=clock_text(moved[0].starts_at))  # fmt: skip
        else:
            said = self.t("booking.moved.many", count=len(moved))
        self.app.notify(said)
        self.dismiss(True)

    def _following_refused(self, start: datetime, refused: SeriesClashes) -> None:
        """Each occurrence that would land on a taken time, marked and named."""
        moving = self.store.schedule.following(self.session.staff, self.appointment.id)
        shift = to_local(start) - to_local(moving[0].starts_at)
        clashes = dict(refused.clashing)
        occurrences = [
            (
                Booking(a.client_id, a.coach_id, to_local(a.starts_at) + shift, a.minutes),
                refused_check(clashes.get(n, ())),
            )
            for n, a in enumerate(moving)
        ]
        self.query_one(SeriesPreview).show(occurrences, self.ctx.lang, self.ctx.blanked)
        key = plural_key("booking.series.clash_count", len(clashes))
        self.when_messages(self.t(key, count=len(clashes)))

    def action_cancel(self) -> None:
        changed = self._typed() != self.initial
        ask_before_discarding(self.app, changed, lambda: self.dismiss(False))


class CancelDialog(ScreenContextMixin, ModalScreen[bool]):
    """Cancel the appointment, by the client or by the coach, with an optional note; for
    one of a series, this one only or this and all following. Answers True when
    something was cancelled."""

    CSS_PATH = CHANGE_CSS
    BINDINGS = [
        Binding("ctrl+s", "save", "Cancel it", id="booking.cancel_it"),
        Binding("escape", "back", "Back", id="booking.back"),
    ]

    def __init__(self, appointment: Appointment) -> None:
        super().__init__()
        self.appointment = appointment

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="booking-dialog"):
            yield Static(self.t("booking.title.cancel"), classes="dialog-title")
            yield Static(Content(describe(self, self.appointment)), id="booking-current")
            which = which_select(self, self.appointment)
            if which is not None:
                yield labelled(self.t("booking.field.which"), which)
            reasons = [(self.t(f"schedule.cancel.{r}"), r) for r in REASONS]
            yield labelled(
                self.t("booking.field.reason"),
                Select(reasons, value="by_client", allow_blank=False, id="booking-reason",
                       compact=True),
            )  # fmt: skip
            yield labelled(
                self.t("booking.field.note"), Input(id="booking-cancel-note", compact=True)
            )
            yield message_line("error-cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#booking-reason").focus()
        watch_blanking(self, self.appointment)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @store_faults_told
    def action_save(self) -> None:
        staff = self.session.staff
        reason: CancelReason = (
            "by_coach" if chosen(self, "booking-reason", "") == "by_coach" else "by_client"
        )
        note = self.query_one("#booking-cancel-note", Input).value.strip() or None
        try:
            if chosen(self, "booking-which", "one") == "following":
                cancelled = self.store.schedule.cancel_following(
                    staff, self.appointment.id, reason, note
                )
            else:
                cancelled = [self.store.schedule.cancel(staff, self.appointment.id, reason, note)]
        except TranslatedError as refused:
            say(
                self.query_one("#error-cancel", Static),
                f"⚠ {refused.message(self.ctx.lang)}",
            )
            return
        self.app.notify(
            self.t(plural_key("booking.cancelled", len(cancelled)), count=len(cancelled))
        )
        self.dismiss(True)

    def action_back(self) -> None:
        typed = bool(self.query_one("#booking-cancel-note", Input).value.strip())
        ask_before_discarding(self.app, typed, lambda: self.dismiss(False))
