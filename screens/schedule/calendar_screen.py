"""F5: one coach's calendar as a week or a day, moved through by keys; the selected
appointment's state changed, moved, cancelled or opened; absences and working hours set."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from weakref import WeakKeyDictionary

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from store.core.auth import PermissionDenied, allowed
from store.core.clock import to_local
from store.core.dates import format_date
from store.core.i18n import TranslatedError
from store.schedule.calendar_days import monday_of
from store.schedule.hours import Hours, NotYourHours
from store.schedule.models import Appointment, AppointmentStatus

from ..shell.background import describe_error, read_in_background
from ..shell.context import ScreenContextMixin
from ..shell.dialogs import ask
from ..shell.faults import store_faults_told, tell_store_fault
from ..shell.header import LuotsiHeader
from .calendar_data import Entry, WeekData, read_week
from .calendar_detail import AppointmentDetail, entry_line
from .calendar_dialogs import (
    AbsenceDialog,
    CoachDialog,
    HoursDialog,
    JumpDialog,
    NewAbsence,
    RemoveAbsence,
)
from .week_grid import Cursor, Mode, WeekGrid

# The coach last chosen in this app, for whoever is logged in: reception's F5 opens on it.
_LAST_COACH: WeakKeyDictionary[App[object], tuple[str, str]] = WeakKeyDictionary()


class CalendarScreen(ScreenContextMixin, Screen[None]):
    """A coach's week (a coach's own by default; reception chooses one first)."""

    CSS_PATH = "calendar.tcss"
    AUTO_FOCUS = "#grid"
    BINDINGS = [
        Binding("n", "book", "Book", id="calendar.book"),
        Binding("enter", "open_entry", "Details", id="calendar.details"),
        Binding("v", "toggle_view", "Day/week", id="calendar.view"),
        Binding("pageup,comma", "step(-1)", "Previous", id="calendar.previous"),
        Binding("pagedown,full_stop", "step(1)", "Next", id="calendar.next"),
        Binding("t,home", "today", "Today", id="calendar.today"),
        Binding("g", "jump", "Go to", id="calendar.jump"),
        Binding("k", "choose_coach", "Coach", id="calendar.coach"),
        Binding("a", "set_status('arrived')", "Arrived", id="calendar.arrived"),
        Binding("d", "set_status('done')", "Done", id="calendar.done"),
        Binding("o", "set_status('no_show')", "No-show", id="calendar.no_show", show=False),
        Binding("c", "client", "Client", id="calendar.client", show=False),
        Binding("m", "move", "Move", id="calendar.move", show=False),
        Binding("x", "cancel", "Cancel", id="calendar.cancel", show=False),
        Binding("y", "groups", "Groups", id="calendar.groups", show=False),
        Binding("r", "reviews", "Reviews", id="calendar.reviews", show=False),
        Binding("e", "export", "Export", id="calendar.export", show=False),
        Binding("p", "absence", "Absence", id="calendar.absence", show=False),
        Binding("delete", "remove_absence", "Remove", id="calendar.remove", show=False),
        Binding("h", "hours", "Hours", id="calendar.hours", show=False),
        Binding("escape", "back", "Back", id="calendar.back"),
    ]

    def __init__(self, coach_id: str | None = None, day: date | None = None) -> None:
        super().__init__()
        self.coach_id = coach_id
        self.day = day  # the day under the cursor; today until moved
        self.minute: int | None = None  # the row under the cursor, None: the first
        self.mode: Mode = "week"
        self.data: WeekData | None = None
        self.entry: Entry | None = None
        self.slot: datetime | None = None

    def compose(self) -> ComposeResult:
        yield LuotsiHeader(id="header")
        yield Static("", id="calendar-title", classes="screen-title")
        yield WeekGrid(id="grid")
        yield Static("", id="calendar-detail")
        yield Static(self.t("calendar.legend"), id="calendar-legend", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.day = self.day or self.store.today()
        staff = self.session.staff
        if self.coach_id is None:
            remembered = _LAST_COACH.get(self.app)
            if staff.role == "coach":
                self.coach_id = staff.id
            elif remembered is not None and remembered[0] == staff.id:
                self.coach_id = remembered[1]
        self.watch(self.app, "blanked", self._blank, init=False)
        if self.coach_id is None:
            self.call_after_refresh(self.action_choose_coach)

    def on_screen_resume(self) -> None:
        """Read again whenever the calendar comes back on top: a dialog may have changed it."""
        self.load()

    # Reading ----------------------------------------------------------------------------

    def load(self) -> None:
        coach_id, day = self.coach_id, self.day
        if coach_id is None or day is None:
            return
        actor, lang = self.session.staff, self.ctx.lang
        read_in_background(
            self,
            lambda store: read_week(store, actor, coach_id, day, lang),
            self._show,
            group="calendar",
        )

    def _show(self, data: WeekData) -> None:
        if data.coach_id != self.coach_id or self.day is None:
            return
        self.data = data
        now = to_local(self.store.clock.now())
        if self.minute is None:
            hours = data.hours[self.day.isoweekday()]
            on_today = self.day == now.date()
            start = now.hour * 60 + now.minute if on_today else None
            if start is None and hours is not None:
                start = hours[0].hour * 60 + hours[0].minute
            self.minute = start if start is not None else data.minutes()[0]
        grid = self.query_one(WeekGrid)
        grid.blanked = self.ctx.blanked
        index = (
            grid.cursor.index
            if grid.cursor.day == self.day
            else data.index_at(self.day, self.minute)
        )
        grid.show(data, Cursor(self.day, self.minute, index), now, self.mode)
        self._title()

    def _title(self) -> None:
        data = self.data
        if data is None or self.day is None:
            return
        week = f"{self.t('week.short')} {data.week}"
        if self.mode == "week":
            last = data.monday + timedelta(days=6)
            first = (
                f"{data.monday.day}.{data.monday.month}."
                if data.monday.year == last.year
                else format_date(data.monday)
            )
            span = f"{first}–{format_date(last)}"
        else:
            weekday = self.t("weekdays").split()[self.day.weekday()]
            span = f"{weekday} {format_date(self.day)}"
        title = self.t("calendar.title", coach=data.coach_name, week=week, span=span)
        # One line whatever it says: no new layout of the screen.
        self.query_one("#calendar-title", Static).update(Content(title), layout=False)

    def _blank(self, _: bool) -> None:
        grid = self.query_one(WeekGrid)
        grid.blanked = self.ctx.blanked
        grid.refresh()
        self._describe()

    # The cursor -------------------------------------------------------------------------

    @on(WeekGrid.Moved)
    def _moved(self, event: WeekGrid.Moved) -> None:
        grid = self.query_one(WeekGrid)
        self.day, self.minute = grid.cursor.day, grid.cursor.minute
        self.entry, self.slot = event.entry, event.slot
        self._title()
        self._describe()

    @on(WeekGrid.DayChanged)
    def _day_changed(self, event: WeekGrid.DayChanged) -> None:
        self._go(timedelta(days=event.days))

    def _describe(self) -> None:
        """The selected entry in a line below the calendar (what the cursor shows in short)."""
        line = entry_line(self.entry, self.slot, self.t, self.ctx.blanked)
        self.query_one("#calendar-detail", Static).update(Content(line), layout=False)

    def selected_appointment(self) -> Appointment | None:
        entry = self.entry
        if entry is None or entry.appointment is None:
            self.notify(self.t("calendar.no_appointment"), severity="warning")
            return None
        return entry.appointment

    # Navigation -------------------------------------------------------------------------

    def _go(self, by: timedelta | None = None, to: date | None = None) -> None:
        assert self.day is not None
        day = to or self.day + (by or timedelta())
        grid = self.query_one(WeekGrid)
        grid.cursor = Cursor(day, grid.cursor.minute, 0)
        self.day = day
        if self.data is not None and monday_of(day) == self.data.monday:
            self._show(self.data)
        else:
            self.load()

    def action_step(self, direction: int) -> None:
        self._go(timedelta(days=direction if self.mode == "day" else 7 * direction))

    def action_today(self) -> None:
        now = to_local(self.store.clock.now())
        slot = self.query_one(WeekGrid).slot_minutes
        self.minute = now.hour * 60 + now.minute - (now.minute % slot)
        self._go(to=now.date())

    def action_toggle_view(self) -> None:
        self.mode = "day" if self.mode == "week" else "week"
        if self.data is not None:
            grid = self.query_one(WeekGrid)
            day, minute = grid.cursor.day, grid.cursor.minute
            grid.cursor = Cursor(day, minute, self.data.index_at(day, minute))
            self._show(self.data)

    def action_jump(self) -> None:
        def jumped(day: date | None) -> None:
            if day is not None:
                self._go(to=day)

        self.app.push_screen(JumpDialog(self.day), jumped)

    def action_choose_coach(self) -> None:
        staff = self.session.staff
        team = self.store.working_time.team_of(staff.id)
        if team is None and self.coach_id:
            team = self.store.working_time.team_of(self.coach_id)
        coaches = self.store.staff.all(role="coach")
        teams = {c.id: self.store.working_time.team_of(c.id) for c in coaches}
        coaches.sort(key=lambda c: team is None or teams[c.id] != team)

        def chosen(coach_id: str | None) -> None:
            if coach_id is not None:
                self.coach_id = coach_id
                _LAST_COACH[self.app] = (staff.id, coach_id)
                self.load()
            elif self.coach_id is None:
                self.dismiss(None)

        self.app.push_screen(CoachDialog(coaches, teams, self.coach_id), chosen)

    def action_back(self) -> None:
        self.dismiss(None)

    # The selected appointment ---------------------------------------------------------

    def _write(self, write: Callable[[], object], done: str, **params: object) -> None:
        """Run one store write: a refusal is told in the user's language, a busy or full
        database as the shell tells it, success by the text `done`; then read again."""
        try:
            write()
        except (TranslatedError, PermissionDenied) as error:
            self.notify(describe_error(error, self.ctx.lang), severity="error")
            return
        except Exception as error:
            if tell_store_fault(self, error):
                return
            raise
        self.notify(self.t(done, **params))
        self.load()

    def action_set_status(self, status: AppointmentStatus) -> None:
        appointment = self.selected_appointment()
        if appointment is None:
            return
        staff = self.session.staff
        self._write(
            lambda: self.store.schedule.set_status(staff, appointment.id, status),
            "calendar.status_set",
            status=self.t(f"schedule.status.{status}"),
        )

    def action_open_entry(self) -> None:
        entry = self.entry
        if entry is not None and entry.appointment is not None:
            history = self.store.schedule.history(entry.appointment.id)
            self.app.push_screen(AppointmentDetail(entry.appointment, history))
        elif entry is not None and entry.group is not None:
            self.action_groups()
        elif entry is None and self.slot is not None:
            self.action_book()

    def action_client(self) -> None:
        from ..clients.client_card import ClientCardScreen

        appointment = self.selected_appointment()
        if appointment is not None:
            self.app.push_screen(ClientCardScreen(appointment.client_id))

    def action_move(self) -> None:
        from .booking_dialog import MoveDialog

        appointment = self.selected_appointment()
        if appointment is not None:
            self.app.push_screen(MoveDialog(appointment))

    def action_cancel(self) -> None:
        from .booking_dialog import CancelDialog

        appointment = self.selected_appointment()
        if appointment is not None:
            self.app.push_screen(CancelDialog(appointment))

    def action_book(self) -> None:
        from .booking_dialog import BookingDialog

        if self.coach_id is not None:
            self.app.push_screen(BookingDialog(coach_id=self.coach_id, starts_at=self.slot))

    # Other screens over the calendar ----------------------------------------------------

    def action_groups(self) -> None:
        from .groups_screen import GroupSessionsScreen

        self.app.push_screen(GroupSessionsScreen(first_day=self.day))

    def action_reviews(self) -> None:
        from .reviews_screen import ReviewsScreen

        if self.coach_id is not None:
            self.app.push_screen(ReviewsScreen(self.coach_id))

    def action_export(self) -> None:
        from .export_dialog import CalendarExportDialog

        if self.coach_id is None:
            return
        if not allowed(self.session.staff, "schedule.export"):
            self.notify(self.t("error.not_allowed"), severity="warning")
            return
        self.app.push_screen(CalendarExportDialog(self.coach_id))

    # Absences and working hours ---------------------------------------------------------

    def action_absence(self) -> None:
        if self.coach_id is None or self.day is None:
            return
        coach_id, staff = self.coach_id, self.session.staff

        def given(absence: NewAbsence | None) -> None:
            if absence is not None:
                self._write(
                    lambda: self.store.working_time.add_absence(
                        staff, coach_id, absence.kind, absence.start, absence.end, absence.note
                    ),
                    "calendar.absence_added",
                )

        self.app.push_screen(AbsenceDialog(self.day), given)

    def action_remove_absence(self) -> None:
        entry = self.entry
        if entry is None or entry.absence is None:
            self.notify(self.t("calendar.no_absence"), severity="warning")
            return
        absence_id, staff = entry.absence.id, self.session.staff
        kind = self.t(f"schedule.absence.{entry.absence.kind}")
        ask(
            self.app,
            RemoveAbsence(kind),
            lambda: self._write(
                lambda: self.store.working_time.remove_absence(staff, absence_id),
                "calendar.absence_removed",
            ),
        )

    @store_faults_told
    def action_hours(self) -> None:
        if self.coach_id is None:
            return
        coach_id, staff = self.coach_id, self.session.staff
        if staff.id != coach_id and staff.role != "admin":
            # Told before seven fields are typed in vain; `set_hours` refuses it anyway.
            self.notify(describe_error(NotYourHours(), self.ctx.lang), severity="warning")
            return
        current = self.store.working_time.hours(coach_id)

        def given(changed: Hours | None) -> None:
            if changed:
                self._write(
                    lambda: self.store.working_time.set_week(staff, coach_id, changed),
                    "calendar.hours_saved",
                )

        self.app.push_screen(HoursDialog(current), given)
