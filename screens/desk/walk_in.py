"""The walk-in desk (F2): find or register the visitor, fill in the visit, run today's queue."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from store.clients.search import prefill_from_search
from store.clients.validation import ValidationError
from store.core.auth import allowed
from store.core.db import DatabaseFault
from store.schedule.checkin import Expected
from store.schedule.models import Appointment
from store.visits.models import Visit, VisitState
from store.visits.rules import can_finish, can_transfer, next_step

from ..clients.client_search import ClientSearch
from ..clients.new_client_dialog import NewClientChoice, NewClientDialog
from ..reports.export_dialog import ExportDialog
from ..shell.context import ScreenContextMixin
from ..shell.dialogs import ask
from ..shell.faults import store_faults_told
from ..shell.header import LuotsiHeader
from .desk_actions import DeskActions, Notice, unavailable
from .feedback import FeedbackScreen
from .no_show_dialog import NoShowDialog
from .outcome_dialog import OutcomeDialog
from .privacy_curtain import PrivacyCurtain
from .queue_dialogs import ConfirmOthersVisit, LeftOpenDialog, TransferDialog
from .queue_panel import QueuePanel
from .queue_table import QueueTable, QueueView, state_key
from .visit_form import VisitForm, Visitor, visit_name, visitor_name

# Finishing or passing on a visit someone else has in hand is asked about first.
ASKED_FIRST = frozenset({"done", "left", "transfer"})


class WalkInScreen(ScreenContextMixin, Screen[None]):
    """Coordinates the client search, the visit form and the queue panel, and writes."""

    REFRESH_SECONDS = 5.0  # waiting times and other desks' changes appear this often
    BINDINGS = [
        Binding("f6", "call_next", "Call next", id="walkin.call_next"),
        Binding("f7", "anonymous", "Anonymous", id="walkin.anonymous"),
        Binding("f8", "left_open", "Open visits", id="walkin.left_open"),
        Binding("f9", "feedback", "Feedback", id="walkin.feedback"),
        Binding("f10", "export_today", "Export day", id="walkin.export"),
        # A key no other screen gives a meaning (Ctrl+N is Today's new client) and that the
        # search field lets through. Off the footer, which has no room left at 80 columns:
        # the line that offers the no-shows names the key, and so does the help.
        Binding("ctrl+y", "no_shows", "No-shows", show=False, id="walkin.no_shows"),
        Binding("ctrl+z", "undo", "Undo", show=False, id="walkin.undo"),
        Binding("escape", "back", "Back", id="walkin.back"),
    ]

    @property
    def site_id(self) -> str:
        site = self.session.site
        assert site is not None, "the walk-in screen needs a site"
        return site.id

    def compose(self) -> ComposeResult:
        yield LuotsiHeader(id="header")
        yield Static("", id="left-open-banner")
        yield Static("", id="late-banner")
        with Horizontal(id="walkin"):
            with Vertical(id="walkin-left"):
                yield Static(self.t("walkin.find"), classes="screen-title")
                yield ClientSearch(id="client-search", compact=True)
                yield VisitForm(self.store.visits.reasons(), id="visit-form")
            yield QueuePanel(id="walkin-right")
        yield Footer()

    def on_mount(self) -> None:
        self.staff_names = {s.id: s.display_name for s in self.store.staff.all(inactive=True)}
        self.actions = DeskActions(
            self.store, self.session.staff, self.site_id, self.ctx.desk, self._state, self._named
        )
        self.reasons = {r.code: r for r in self.store.visits.reasons()}
        self.skipped_late: set[str] = set()  # no-shows the user chose not to be asked about
        # Reception and coaches see the calendars; a role that only queues would not.
        self.sees_bookings = allowed(self.session.staff, "schedule.view")
        self.refresh_queue()
        self.set_interval(self.REFRESH_SECONDS, self.refresh_queue)
        self.query_one(ClientSearch).focus_input()

    def _visitor_name(self, first: str = "", last: str = "", born: date | None = None) -> str:
        return visitor_name(first, last, self.ctx.blanked, self.ctx.lang, born)

    def _named(self, visit: Visit) -> str:
        """Who a visit is for, with the birth date, as every confirmation names them."""
        return visit_name(visit, self.ctx.blanked, self.ctx.lang)

    def _state(self, visit: Visit) -> str:
        if visit.state == "done" and visit.outcome is not None:
            return self.t("state.done_with", outcome=self.t(f"outcome.{visit.outcome}"))
        name = self.staff_names.get(visit.assigned_to or "", "")
        return self.t(state_key(visit), desk=visit.desk or "", name=name)

    # The queue ----------------------------------------------------------------------

    @store_faults_told  # also run by a timer, which must not stop the desk
    def refresh_queue(self) -> None:
        """Reread the queue (other desks change it too) and redraw waiting times."""
        queue = self.store.visits.desk_queue(self.site_id)
        view = QueueView(queue.entries, self.reasons, self.staff_names)
        self.query_one(QueuePanel).show(queue, view)
        banner = self.query_one("#left-open-banner", Static)
        banner.update(self.t("walkin.left_open", count=queue.left_open) if queue.left_open else "")
        banner.display = bool(queue.left_open)
        late = len(self._late())
        banner = self.query_one("#late-banner", Static)
        banner.update(self.t("checkin.late", count=late) if late else "")
        banner.display = bool(late)

    def _late(self) -> list[Expected]:
        """Booked clients not arrived 15 minutes after their start, less those skipped."""
        if not self.sees_bookings:
            return []
        late = self.store.checkin.no_show_candidates(self.session.staff, self.site_id)
        return [e for e in late if e.appointment.id not in self.skipped_late]

    def _say(self, notice: Notice | None) -> None:
        if notice is None:
            return
        if notice.changed:
            self.refresh_queue()
        self.notify(self.t(notice.key, **notice.params), severity=notice.severity)

    def action_undo(self) -> None:
        self._say(self.actions.undo())

    def action_call_next(self) -> None:
        notice = self.actions.call_next()
        self._say(notice)
        if notice.visit_id is None:
            return
        # The called visitor under the cursor, so that Enter starts serving them; the
        # visit form keeps the focus while one is being filled in.
        table = self.query_one(QueueTable)
        table.select_visit(notice.visit_id)
        if not self.has_class("picking"):
            table.focus()

    @on(QueueTable.TypedAhead)
    def _typed_in_queue(self, event: QueueTable.TypedAhead) -> None:
        self.query_one(ClientSearch).type_ahead(event.character)

    @on(QueueTable.ActionRequested)
    @store_faults_told
    def _queue_action(self, event: QueueTable.ActionRequested) -> None:
        visit, action = event.visit, event.action
        refused = (action == "transfer" and not can_transfer(visit)) or (
            action == "done" and not can_finish(visit)
        )
        if refused:
            self._say(self.actions.cannot(visit))  # say so before asking or listing
            return
        holder = self.actions.held_elsewhere(visit) if action in ASKED_FIRST else None
        if holder is None:
            self._carry_out(visit, action)
            return

        name = self._named(visit)
        staff = self.staff_names.get(holder.staff_id or "", "")
        dialog = ConfirmOthersVisit(action, visit.ticket, name, holder, staff)
        ask(self.app, dialog, lambda: self._carry_out(visit, action))

    def _carry_out(self, visit: Visit, action: str) -> None:
        if action == "done" or (action == "advance" and next_step(visit) == "done"):
            self._finish(visit)
            return
        if action != "transfer":
            self._say(self.actions.queue_action(visit, action))
            return
        me = self.session.staff.id
        colleagues = [s for s in self.store.staff.serving_at(self.site_id) if s.id != me]

        def transfer(staff_id: str | None) -> None:
            if staff_id:
                self._say(self.actions.change(visit, "transferred", to_staff_id=staff_id))

        site = self.session.site
        assert site is not None
        dialog = TransferDialog(visit.ticket, self._named(visit), site.name, colleagues)
        self.app.push_screen(dialog, transfer)

    def _finish(self, visit: Visit) -> None:
        """Mark the visit done with the outcome picked (Enter: resolved)."""

        def chosen(outcome: str | None) -> None:
            if outcome is not None:
                self._say(self.actions.change(visit, "done", outcome=outcome))

        self.app.push_screen(OutcomeDialog(visit.ticket, self._named(visit)), chosen)

    @store_faults_told
    def action_left_open(self) -> None:
        visits = self.store.visits.left_open(self.site_id)
        if not visits:
            self.notify(self.t("walkin.no_left_open"))
            return

        def close(choice: tuple[str, VisitState] | None) -> None:
            if choice is not None:
                visit_id, state = choice
                self._say(self.actions.change(self.store.visits.get(visit_id), state))
                self.action_left_open()

        self.app.push_screen(LeftOpenDialog(visits), close)

    @store_faults_told
    def action_feedback(self) -> None:
        visit = self.actions.take_last_done()
        if visit is None:
            self.notify(self.t("walkin.no_feedback_waiting"))
            return
        lang = self.ctx.lang
        if visit.client_id is not None:
            lang = self.store.clients.visitor_language(visit.client_id) or lang
        linked = self.store.feedback.is_linked()

        def answered(score: int | None) -> None:
            if score is not None:
                try:
                    self.store.feedback.record(self.session.staff, visit, score, told_linked=linked)
                except DatabaseFault as fault:
                    # Not written: F9 asks this visit's question again once it can be.
                    self.actions.last_done = visit
                    self._say(unavailable(fault))
            # The screen is still turned to the visitor: it comes back with names hidden.
            self.app.push_screen(PrivacyCurtain())

        self.app.push_screen(FeedbackScreen(lang, linked=linked), answered)

    @store_faults_told
    def action_no_shows(self) -> None:
        late = self._late()
        if not late:
            self.notify(self.t("checkin.late.none"))
            return

        def chosen(choice: tuple[str, str] | None) -> None:
            if choice is None:
                return
            appointment_id, what = choice
            if what == "skip":
                self.skipped_late.add(appointment_id)
                self.refresh_queue()
            else:
                expected = next(e for e in late if e.appointment.id == appointment_id)
                first, last = expected.first_name, expected.last_name
                name = self._visitor_name(first, last, expected.birth_date)
                self._say(self.actions.mark_no_show(expected, name))
            if self._late():
                self.action_no_shows()  # the rest, until none is left or Esc

        self.app.push_screen(NoShowDialog(late), chosen)

    def action_export_today(self) -> None:
        site = self.session.site
        assert site is not None
        self.app.push_screen(ExportDialog(site, self.store.today()))

    # Registering a visit ------------------------------------------------------------

    def _start_visit(
        self, client_id: str | None, first: str = "", last: str = "", born: date | None = None
    ) -> None:
        coach_name = None
        bookings: tuple[Appointment, ...] = ()
        if client_id is not None:
            open_visit = self.store.visits.open_visit_of(client_id, self.site_id)
            if open_visit is not None:
                self.notify(
                    self.t(
                        "walkin.already_queued",
                        ticket=open_visit.ticket,
                        name=self._visitor_name(first, last, born),
                    ),
                    severity="warning",
                )
                return
            coach = self.store.coach_of(client_id)
            coach_name = coach.display_name if coach is not None else None
            staff = self.session.staff
            if self.sees_bookings:
                bookings = tuple(self.store.checkin.today_for(staff, client_id, self.site_id))
        self.add_class("picking")
        visitor = Visitor(client_id, first, last, coach_name, born, bookings)
        self.query_one(VisitForm).start(visitor)

    def _end_visit_form(self) -> None:
        self.remove_class("picking")
        self.query_one(VisitForm).visitor = None
        self.query_one(ClientSearch).focus_input()

    @on(ClientSearch.ClientSelected)
    @store_faults_told
    def _client_picked(self, event: ClientSearch.ClientSelected) -> None:
        match = next(m for m in self.query_one(ClientSearch).matches if m.id == event.client_id)
        self._start_visit(match.id, match.first_name, match.last_name, match.birth_date)

    @on(ClientSearch.NewClientRequested)
    def _new_client(self, event: ClientSearch.NewClientRequested) -> None:
        def chosen(choice: NewClientChoice | None) -> None:
            if choice is None:
                return
            staff = self.session.staff
            try:
                if choice.existing_id is not None:
                    client = self.store.clients.open(staff, choice.existing_id)
                else:
                    assert choice.raw is not None
                    client = self.store.clients.create(staff, choice.raw)
            except ValidationError as exc:
                # Another desk registered the same HETU after the form was checked.
                self.notify(exc.errors[0].message(self.ctx.lang), severity="error")
                return
            except DatabaseFault as fault:
                return self._say(unavailable(fault))
            self._start_visit(client.id, client.first_name, client.last_name, client.birth_date)

        prefill = prefill_from_search(event.typed, self.store.today())
        self.app.push_screen(NewClientDialog(prefill), chosen)

    def action_anonymous(self) -> None:
        self._start_visit(None)

    @on(VisitForm.Cancelled)
    def _form_cancelled(self) -> None:
        self._end_visit_form()

    @on(VisitForm.VisitRequested)
    def _register(self, event: VisitForm.VisitRequested) -> None:
        visitor = event.visitor
        name = self._visitor_name(visitor.first_name, visitor.last_name, visitor.birth_date)
        notice = self.actions.register(visitor.client_id, name, event.reason_codes, event.channel)
        if notice.changed:
            self.query_one(ClientSearch).clear()
            self._end_visit_form()
        self._say(notice)

    @on(VisitForm.CheckInRequested)
    def _check_in(self, event: VisitForm.CheckInRequested) -> None:
        visitor = event.visitor
        name = self._visitor_name(visitor.first_name, visitor.last_name, visitor.birth_date)
        notice = self.actions.check_in(event.appointment, name)
        if notice.visit_id is not None:  # queued: the form has done its work
            self.query_one(ClientSearch).clear()
            self._end_visit_form()
        self._say(notice)
        if notice.visit_id is not None:
            self.query_one(QueueTable).select_visit(notice.visit_id)

    def action_back(self) -> None:
        if self.has_class("picking"):
            # Esc in the channel field steps back to the reasons, which keep what was
            # ticked; Esc there (or on the visitor's bookings) cancels the visit.
            self.query_one(VisitForm).focus_reasons()
            return
        self.dismiss(None)
