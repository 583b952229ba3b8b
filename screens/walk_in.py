"""The walk-in desk (F2): find or register the visitor, choose reasons, run today's queue."""

from __future__ import annotations

from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, OptionList, Select, Static

from store.clients.search import prefill_from_search
from store.clients.validation import ValidationError
from store.core.clock import to_iso
from store.core.db import DatabaseBusy
from store.core.settings import WAIT_THRESHOLD
from store.visits.models import CHANNELS, Visit, VisitState
from store.visits.register import TRANSITIONS, DeskOccupied, InvalidTransition

from . import walk_in_strings  # noqa: F401  (registers this screen's strings)
from .context import ContextMixin, relabel_escape
from .export_dialog import ExportDialog
from .feedback import FeedbackScreen
from .new_client_dialog import NewClientChoice, NewClientDialog
from .queue_dialogs import LeftOpenDialog, TransferDialog
from .strings import initials
from .widgets.client_search import ClientSearch
from .widgets.header import LuotsiHeader
from .widgets.queue_table import QueueTable, QueueView
from .widgets.reason_picker import ReasonPicker

# What Enter on a queue row does next, by the visit's state.
ADVANCE: dict[str, VisitState] = {
    "waiting": "called", "transferred": "called", "called": "serving",
    "serving": "done", "on_hold": "waiting",
}  # fmt: skip


def parse_clock_time(text: str) -> tuple[int, int] | None:
    """'10.30', '10:30' or '10' as (hour, minute); None if it is not a time of day."""
    parts = text.strip().replace(":", ".").split(".")
    if not 1 <= len(parts) <= 2 or not all(p.isdigit() for p in parts):
        return None
    hour, minute = int(parts[0]), int(parts[1]) if len(parts) == 2 else 0
    return (hour, minute) if hour < 24 and minute < 60 else None


class WalkInScreen(ContextMixin, Screen[None]):
    REFRESH_SECONDS = 5.0  # waiting times and other desks' changes appear this often
    BINDINGS = [
        Binding("f6", "call_next", "Call next", id="walkin.call_next"),
        Binding("f7", "anonymous", "Anonymous", id="walkin.anonymous"),
        Binding("f8", "left_open", "Open visits", id="walkin.left_open"),
        Binding("f9", "feedback", "Feedback", id="walkin.feedback"),
        Binding("f10", "export_today", "Export day", id="walkin.export"),
        Binding("ctrl+z", "undo", "Undo", show=False, id="walkin.undo"),
        Binding("escape", "back", "Back", id="walkin.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.picked_client_id: str | None = None
        self.picked_name = ("", "")
        self.last_done: Visit | None = None
        # The last change made here, as (before, after), for Ctrl+Z.
        self.undoable: tuple[Visit, Visit] | None = None

    @property
    def site_id(self) -> str:
        site = self.session.site
        assert site is not None, "the walk-in screen needs a site"
        return site.id

    def compose(self) -> ComposeResult:
        yield LuotsiHeader(id="header")
        yield Static("", id="left-open-banner")
        with Horizontal(id="walkin"):
            with Vertical(id="walkin-left"):
                yield Static(self.t("walkin.find"), classes="screen-title")
                yield ClientSearch(id="client-search", compact=True)
                with Vertical(id="visit-form"):
                    yield Static("", id="picked")
                    yield ReasonPicker(self.store.visits.reasons(), id="reasons")
                    with Horizontal(classes="field-row"):
                        yield Label(self.t("walkin.channel"), classes="short-label")
                        yield Select(
                            [(self.t(f"channel.{c}"), c) for c in CHANNELS],
                            value="walk_in", allow_blank=False, id="channel", compact=True,
                        )  # fmt: skip
                    with Horizontal(classes="field-row", id="booked-row"):
                        yield Label(self.t("walkin.booked_time"), classes="short-label")
                        yield Input(id="booked_time", placeholder="10.30", compact=True)
            with Vertical(id="walkin-right"):
                yield Static("", id="queue-counts", classes="screen-title")
                yield QueueTable(id="queue")
        yield Footer()

    def on_mount(self) -> None:
        self.translate_bindings()
        # The channel menu's own Esc label would show in English in the footer.
        relabel_escape(
            self.query_one("#channel", Select).query_one(OptionList), self.t("menu.close")
        )
        self.staff_names = {s.id: s.display_name for s in self.store.staff.all()}
        picker = self.query_one(ReasonPicker)
        self.reason_numbers = {r.code: n for n, r in enumerate(picker.reasons, 1)}
        self.refresh_queue()
        self.set_interval(self.REFRESH_SECONDS, self.refresh_queue)
        self.watch(self.app, "blanked", lambda _: self._show_picked(), init=False)
        self.query_one(ClientSearch).focus_input()

    # The queue ----------------------------------------------------------------------

    def refresh_queue(self) -> None:
        """Reread the queue (other desks change it too) and redraw waiting times."""
        store = self.store
        visits = store.visits.day_visits(self.site_id, store.today())
        queue = [v for v in visits if v.is_open]
        self.query_one(QueueTable).show(
            QueueView(
                queue,
                store.clock.now(),
                int(store.settings.get(WAIT_THRESHOLD)),
                self.reason_numbers,
                self.staff_names,
            )  # fmt: skip
        )
        done = sum(1 for v in visits if v.state == "done")
        waiting = sum(1 for v in queue if v.is_waiting)
        self.query_one("#queue-counts", Static).update(
            self.t("walkin.queue_counts", waiting=waiting, done=done)
        )
        left_open = store.visits.left_open(self.site_id)
        banner = self.query_one("#left-open-banner", Static)
        banner.update(self.t("walkin.left_open", count=len(left_open)) if left_open else "")
        banner.display = bool(left_open)

    def _visitor_name(self, first: str, last: str) -> str:
        if not (first or last):
            return self.t("walkin.anonymous")
        return initials(first, last) if self.ctx.blanked else f"{last} {first}"

    def _change(self, visit: Visit, to_state: VisitState, **details: str | None) -> Visit | None:
        try:
            before = self.store.visits.get(visit.id)
            changed = self.store.visits.change_state(
                self.session.staff,
                visit.id,
                to_state,
                **details,  # type: ignore[arg-type]
            )
        except InvalidTransition:
            self.notify(self.t("walkin.cannot", state=self._state(visit)), severity="warning")
            return None
        except DatabaseBusy:
            self.notify(self.t("walkin.busy"), severity="error")
            return None
        self.refresh_queue()
        self.undoable = (before, changed)
        # The question is for a visitor still at the desk: not for a visit of an earlier
        # day being closed (F8), whose answer would also land in that day's NPS.
        if changed.state == "done" and changed.visit_date == self.store.today():
            self.last_done = changed
            self.notify(self.t("walkin.feedback_offer"))
        else:
            self.notify(self.t("walkin.changed", ticket=changed.ticket, state=self._state(changed)))
        return changed

    def _state(self, visit: Visit) -> str:
        name = self.staff_names.get(visit.assigned_to or "", "")
        return self.t(f"state.{visit.state}", desk=visit.desk or "", name=name)

    def action_undo(self) -> None:
        """Take back the last change made at this desk, if nobody has moved the visit on."""
        if self.undoable is None:
            self.notify(self.t("walkin.nothing_to_undo"))
            return
        before, after = self.undoable
        self.undoable = None
        try:
            restored = self.store.visits.undo(self.session.staff, before, after)
        except InvalidTransition:
            self.notify(self.t("walkin.undo_too_late", ticket=after.ticket), severity="warning")
            return
        except DatabaseBusy:
            self.undoable = (before, after)
            self.notify(self.t("walkin.busy"), severity="error")
            return
        if self.last_done is not None and self.last_done.id == restored.id:
            self.last_done = None
        self.refresh_queue()
        self.notify(self.t("walkin.undone", ticket=restored.ticket, state=self._state(restored)))

    def action_call_next(self) -> None:
        waiting = {v.id: v for v in self.store.visits.queue(self.site_id)}  # for Ctrl+Z
        try:
            visit = self.store.visits.call_next(self.session.staff, self.site_id, self.ctx.desk)
        except DeskOccupied as occupied:
            self.notify(
                self.t("walkin.desk_occupied", ticket=occupied.visit.ticket, desk=self.ctx.desk),
                severity="warning",
            )
            return
        except DatabaseBusy:
            self.notify(self.t("walkin.busy"), severity="error")
            return
        self.refresh_queue()
        if visit is None:
            # The count above the queue includes people waiting for a named colleague or
            # for their booked time; say so rather than "nobody".
            others = any(v.is_waiting for v in waiting.values())
            self.notify(self.t("walkin.nobody_for_you" if others else "walkin.nobody_waiting"))
        else:
            if visit.id in waiting:
                self.undoable = (waiting[visit.id], visit)
            self.notify(self.t("walkin.called", ticket=visit.ticket, desk=self.ctx.desk))

    @on(QueueTable.TypedAhead)
    def _typed_in_queue(self, event: QueueTable.TypedAhead) -> None:
        box = self.query_one(ClientSearch).input
        box.value += event.character
        box.cursor_position = len(box.value)
        box.focus()

    @on(QueueTable.ActionRequested)
    def _queue_action(self, event: QueueTable.ActionRequested) -> None:
        visit, action = event.visit, event.action
        if action == "advance" and visit.state in ADVANCE:
            self._change(visit, ADVANCE[visit.state], desk=self.ctx.desk)
        elif action == "done":
            self._change(visit, "done")
        elif action == "left":
            self._change(visit, "left")
        elif action == "hold":
            self._change(visit, "waiting" if visit.state == "on_hold" else "on_hold")
        elif action == "transfer":
            if "transferred" not in TRANSITIONS[visit.state]:  # say so before the list
                self.notify(self.t("walkin.cannot", state=self._state(visit)), severity="warning")
                return
            colleagues = [s for s in self.store.staff.all() if s.id != self.session.staff.id]

            def transfer(staff_id: str | None) -> None:
                if staff_id:
                    self._change(visit, "transferred", to_staff_id=staff_id)

            self.app.push_screen(TransferDialog(colleagues), transfer)

    def action_left_open(self) -> None:
        visits = self.store.visits.left_open(self.site_id)
        if not visits:
            return

        def close(choice: tuple[str, VisitState] | None) -> None:
            if choice is not None:
                visit_id, state = choice
                self._change(self.store.visits.get(visit_id), state)
                self.action_left_open()

        self.app.push_screen(LeftOpenDialog(visits), close)

    def action_feedback(self) -> None:
        visit = self.last_done
        if visit is None:
            return
        self.last_done = None
        lang = self.ctx.lang
        if visit.client_id is not None:
            lang = self.store.clients.visitor_language(visit.client_id) or lang

        linked = self.store.visits.feedback_is_linked()

        def answered(score: int | None) -> None:
            if score is not None:
                self.store.visits.record_feedback(
                    self.session.staff, visit, score, told_linked=linked
                )

        self.app.push_screen(FeedbackScreen(lang, linked=linked), answered)

    def action_export_today(self) -> None:
        site = self.session.site
        assert site is not None
        self.app.push_screen(ExportDialog(site, self.store.today()))

    # Registering a visit ------------------------------------------------------------

    def _show_picked(self) -> None:
        picked = self.query_one("#picked", Static)
        first, last = self.picked_name
        lines = [self.t("walkin.picked", name=self._visitor_name(first, last))]
        if self.picked_client_id is not None:
            coach = self.store.coach_of(self.picked_client_id)
            if coach is not None:
                lines.append(self.t("walkin.own_coach", name=coach.display_name))
        picked.update("\n".join(lines))

    def _start_visit(self, client_id: str | None, first: str = "", last: str = "") -> None:
        if client_id is not None:
            open_visit = self.store.visits.open_visit_of(client_id, self.site_id)
            if open_visit is not None:
                self.notify(self.t("walkin.already_queued", ticket=open_visit.ticket,
                                   name=self._visitor_name(first, last)), severity="warning")  # fmt: skip
                return
        self.picked_client_id = client_id
        self.picked_name = (first, last)
        self._show_picked()
        self.query_one(ReasonPicker).reset()
        self.query_one("#channel", Select).value = "walk_in"
        self.query_one("#booked_time", Input).value = ""
        self.add_class("picking")
        self.query_one(ReasonPicker).focus()

    def _end_visit_form(self) -> None:
        self.remove_class("picking")
        self.picked_client_id = None
        self.picked_name = ("", "")
        self.query_one(ClientSearch).focus_input()

    @on(ClientSearch.ClientSelected)
    def _client_picked(self, event: ClientSearch.ClientSelected) -> None:
        match = next(m for m in self.query_one(ClientSearch).matches if m.id == event.client_id)
        self._start_visit(match.id, match.first_name, match.last_name)

    @on(ClientSearch.NewClientRequested)
    def _new_client(self, event: ClientSearch.NewClientRequested) -> None:
        def chosen(choice: NewClientChoice | None) -> None:
            if choice is None:
                return
            try:
                if choice.existing_id is not None:
                    client = self.store.clients.open(self.session.staff, choice.existing_id)
                else:
                    assert choice.raw is not None
                    client = self.store.clients.create(self.session.staff, choice.raw)
            except ValidationError as exc:
                # Another desk registered the same HETU after the form was checked.
                self.notify(exc.errors[0].message(self.ctx.lang), severity="error")
                return
            except DatabaseBusy:
                self.notify(self.t("walkin.busy"), severity="error")
                return
            self._start_visit(client.id, client.first_name, client.last_name)

        prefill = prefill_from_search(event.typed, self.store.today())
        self.app.push_screen(NewClientDialog(prefill), chosen)

    def action_anonymous(self) -> None:
        self._start_visit(None)

    @on(Select.Changed, "#channel")
    def _channel_changed(self, event: Select.Changed) -> None:
        self.set_class(event.value == "appointment", "appointment")

    @on(ReasonPicker.Cancelled)
    def _cancelled(self) -> None:
        self._end_visit_form()

    @on(ReasonPicker.Confirmed)
    def _register(self, event: ReasonPicker.Confirmed) -> None:
        if self.picked_client_id is None and "own_coach" in event.codes:
            # An anonymous visitor has no coach of their own to meet (nor a ★ to show).
            self.notify(self.t("walkin.own_coach_needs_client"), severity="warning")
            return
        channel = str(self.query_one("#channel", Select).value)
        booked_for = None
        if channel == "appointment":
            booked = parse_clock_time(self.query_one("#booked_time", Input).value)
            if booked is None:
                self.notify(self.t("walkin.booked_time.invalid"), severity="error")
                self.query_one("#booked_time", Input).focus()
                return
            today = self.store.today()
            local = datetime(today.year, today.month, today.day, *booked).astimezone()
            booked_for = to_iso(local)
        try:
            visit = self.store.visits.register(
                self.session.staff, self.site_id, client_id=self.picked_client_id,
                reason_codes=event.codes, channel=channel,  # type: ignore[arg-type]
                booked_for=booked_for, wants_own_coach="own_coach" in event.codes,
            )  # fmt: skip
        except DatabaseBusy:
            self.notify(self.t("walkin.busy"), severity="error")
            return
        first, last = self.picked_name
        self.notify(self.t("walkin.queued", ticket=visit.ticket,
                           name=self._visitor_name(first, last)))  # fmt: skip
        self.query_one(ClientSearch).clear()
        self._end_visit_form()
        self.refresh_queue()

    def action_back(self) -> None:
        if self.has_class("picking"):
            # Esc in the channel or booked-time field steps back to the reasons, which
            # keep what was ticked; Esc there cancels the visit.
            self.query_one(ReasonPicker).focus()
            return
        self.dismiss(None)

    @on(Input.Submitted, "#booked_time")
    def _booked_time_entered(self) -> None:
        self.query_one(ReasonPicker).action_confirm()
