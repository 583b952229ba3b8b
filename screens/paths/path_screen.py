"""The client's service path (F4): the steps in order, their rule warnings, the timeline,
and the keys that add, edit, move, start, finish, cancel and acknowledge."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, HorizontalScroll, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from store.clients.display import full_name, name_initials
from store.clients.validation import ValidationError
from store.core.auth import PermissionDenied
from store.paths.models import NEXT_STATUSES, PathStep, StepStatus
from store.paths.records import PathView
from store.paths.repository import PurposeRequired, StepNotChangeable

from ..clients.client_search import ClientSearch
from ..shell.context import ScreenContextMixin
from ..shell.dialogs import ask
from ..shell.faults import reporting_store_faults, store_faults_told
from ..shell.header import LuotsiHeader
from .dialogs import AcknowledgeWarnings, ConfirmCancelStep, PurposeDialog
from .forms import PATHS_CSS, EndPathDialog, PathDetailsDialog
from .step_form import StepForm
from .step_table import COLUMNS, outcome_text, path_facts, service_of, step_row, warning_lines
from .timeline import MONTH_WIDTH, render_timeline

# Keys that change the path: not offered on a path open read-only.
EDITING = frozenset({"add", "edit", "move", "set_status", "acknowledge", "goal", "end_path"})


# The selected step's warnings take at most this many lines below the steps.
WARNING_LINES = 3


class ServicePathScreen(ScreenContextMixin, Screen[None]):
    """Opens `client_id`'s path (at `step_id`), or lets the user find a client first."""

    CSS_PATH = PATHS_CSS
    BINDINGS = [
        Binding("a", "add", "Add", id="path.add"),
        Binding("e", "edit", "Edit", id="path.edit"),
        Binding("ctrl+up,K", "move(-1)", "Up", id="path.up", show=False),
        Binding("ctrl+down,J", "move(1)", "Down", id="path.down", show=False),
        Binding("s", "set_status('active')", "Start", id="path.start"),
        Binding("d", "set_status('done')", "Done", id="path.done"),
        Binding("i", "set_status('interrupted')", "Interrupt", id="path.interrupt", show=False),
        Binding("x", "set_status('cancelled')", "Cancel", id="path.cancel", show=False),
        Binding("w", "acknowledge", "Acknowledge", id="path.acknowledge"),
        Binding("g", "goal", "Goal", id="path.goal", show=False),
        Binding("o", "end_path", "End", id="path.end", show=False),
        Binding("t", "timeline", "Timeline", id="path.timeline", show=False),
        Binding("p", "plan", "Plan", id="path.plan", show=False),
        Binding("ctrl+f", "choose_client", "Other client", id="path.choose", show=False),
        Binding("escape", "back", "Back", id="path.back"),
    ]

    def __init__(self, client_id: str | None = None, step_id: str | None = None) -> None:
        super().__init__()
        self.client_id = client_id
        self.step_id = step_id
        self.view: PathView | None = None
        self.client_name = ""
        self.purpose: str | None = None  # why a path outside the caseload was opened

    def compose(self) -> ComposeResult:
        yield LuotsiHeader(id="header")
        yield Static(self.t("path.find"), id="path-title", classes="screen-title")
        yield Static("", id="path-facts")
        yield ClientSearch(id="path-search")
        with Vertical(id="path-body"):
            yield DataTable(id="steps", cursor_type="row", zebra_stripes=True)
            yield Static("", id="path-empty")
            yield Static("", id="path-warnings")
            # Long paths scroll down, and the months sideways beside the steps' names.
            with VerticalScroll(id="timeline"), Horizontal(id="timeline-rows"):
                yield Static("", id="timeline-labels")
                with HorizontalScroll(id="timeline-scroll"):
                    yield Static("", id="timeline-grid")
            yield Static(self.t("path.timeline.legend"), id="timeline-legend", classes="hint")
        yield Static(self.t("path.keys"), id="path-keys", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#steps", DataTable)
        for column in COLUMNS:
            label = "⚠" if column == "warning" else self.t(f"path.col.{column}")
            table.add_column(label, key=column)
        self.watch(self.app, "blanked", lambda _: self._show_title(), init=False)
        # One Tab from the steps reaches the months: ←→ move them, ↑↓ reach the outer rows.
        self.query_one("#timeline").can_focus = False
        if self.client_id is None:
            self._show_search()
        else:
            self.open_client(self.client_id)

    # Choosing the client ----------------------------------------------------------------

    def _show_search(self) -> None:
        self.view = None
        self.set_class(False, "-open")
        self.query_one("#path-title", Static).update(self.t("path.find"))
        self.query_one("#path-facts", Static).update("")
        search = self.query_one(ClientSearch)
        search.focus_input()

    def action_choose_client(self) -> None:
        self.client_id = None
        self._show_search()

    @on(ClientSearch.ClientSelected)
    def _client_chosen(self, event: ClientSearch.ClientSelected) -> None:
        event.stop()
        match = next(
            (m for m in self.query_one(ClientSearch).matches if m.id == event.client_id), None
        )
        if match is not None:
            named = name_initials if self.ctx.blanked else full_name
            self.client_name = named(match.first_name, match.last_name)
        self.open_client(event.client_id)

    @on(ClientSearch.NewClientRequested)
    def _no_client(self, event: ClientSearch.NewClientRequested) -> None:
        event.stop()  # a path is for a registered client: the search says none matched

    @store_faults_told
    def open_client(self, client_id: str, purpose: str | None = None) -> None:
        """Open the client's path; outside the user's caseload, once a purpose is given."""
        staff = self.session.staff
        try:
            view = self.store.paths.open(staff, client_id, purpose)
        except PurposeRequired:

            def given(purpose: str | None) -> None:
                if purpose:
                    self.open_client(client_id, purpose)
                elif self.view is None:
                    self._show_search()

            self.app.push_screen(PurposeDialog(self.client_name), given)
            return
        except PermissionDenied:
            self.notify(self.t("path.not_allowed"), severity="warning")
            self.dismiss(None)
            return
        self.client_id = client_id
        self.purpose = purpose
        self.set_class(True, "-open")
        self.set_class(not view.editable, "-read-only")
        self._show(view, select=self.step_id)
        self.query_one("#steps", DataTable).focus()
        if not view.editable:
            self.notify(self.t("path.read_only.notice"))

    # Drawing ----------------------------------------------------------------------------

    def _show(self, view: PathView, select: str | None = None) -> None:
        self.view = view
        self._show_title()
        table = self.query_one("#steps", DataTable)
        keep = select or self.selected_id
        table.clear()
        lang = self.ctx.lang
        for step in view.steps:
            table.add_row(*step_row(step, view, self.t, lang), key=step.id)
        if keep is not None and keep in {s.id for s in view.steps}:
            table.move_cursor(row=table.get_row_index(keep))
        empty = self.query_one("#path-empty", Static)
        empty.update(
            "" if view.steps else self.t("path.empty" if view.editable else "path.empty.read_only")
        )
        empty.display = not view.steps
        table.display = bool(view.steps)
        self._show_timeline(view)
        self._show_warnings()

    def _show_title(self) -> None:
        view = self.view
        if view is None:
            return
        client = view.client
        name = (
            name_initials(client.first_name, client.last_name)
            if self.ctx.blanked
            else full_name(client.first_name, client.last_name)
        )
        title = self.t("path.title.client", name=name)
        if not view.editable:
            title += " " + self.t("path.read_only")
        self.query_one("#path-title", Static).update(Content(title))
        facts = path_facts(view, self.t)
        self.query_one("#path-facts", Static).update(facts)

    def _show_timeline(self, view: PathView) -> None:
        timeline = render_timeline(view.steps, view.services, self.store.today(), self.ctx.lang)
        self.query_one("#timeline-labels", Static).update(Content("\n".join(timeline.labels)))
        self.query_one("#timeline-grid", Static).update(Content("\n".join(timeline.grid)))
        self.query_one("#timeline").display = bool(view.steps) and not self.has_class(
            "-no-timeline"
        )
        self.query_one("#timeline-legend").display = self.query_one("#timeline").display
        if timeline.today_column is not None:
            # Today in view, with two months before it, from the start of a month's label.
            scroll = self.query_one("#timeline-scroll", HorizontalScroll)
            month_start = timeline.today_column // MONTH_WIDTH * MONTH_WIDTH
            x = max(0, month_start - 2 * MONTH_WIDTH)
            self.call_after_refresh(scroll.scroll_to, x=x, animate=False)

    @on(DataTable.RowHighlighted, "#steps")
    def _show_warnings(self) -> None:
        panel = self.query_one("#path-warnings", Static)
        step = self.selected_step
        if step is None or self.view is None:
            panel.update("")
            return
        warnings = self.view.warnings_of(step.id)
        if not warnings:
            panel.update(self.t("path.warnings.none"))
            return
        names = {s.id: s.display_name for s in self.store.staff.all(inactive=True)}
        lines = warning_lines(warnings, names, self.t)
        if len(lines) > WARNING_LINES:
            # The timeline keeps its rows at 80×24; w lists the open ones with their sources.
            lines = lines[: WARNING_LINES - 1]
            shown = sum(1 for line in lines if not line.startswith(" "))
            lines.append(self.t("path.warnings.more", count=len(warnings) - shown))
        panel.update("\n".join(lines))

    @property
    def selected_id(self) -> str | None:
        table = self.query_one("#steps", DataTable)
        if self.view is None or not self.view.steps or table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    @property
    def selected_step(self) -> PathStep | None:
        step_id = self.selected_id
        if self.view is None or step_id is None:
            return None
        return next((s for s in self.view.steps if s.id == step_id), None)

    def _reload(self, select: str | None = None) -> None:
        assert self.client_id is not None
        self._show(self.store.paths.view(self.session.staff, self.client_id), select)

    # Keys -------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Off the footer while choosing a client, and on a path open read-only.
        if action in EDITING:
            return self.view is not None and self.view.editable
        return self.view is not None if action == "timeline" else True

    def _may_edit(self, *, new_path: bool = False) -> bool:
        """Whether the user may change the path; `new_path`: a new one may follow an
        ended one (adding a step or setting a goal starts it)."""
        view = self.view
        if view is None:
            return False
        if not view.editable:
            self.notify(self.t("path.read_only.notice"), severity="warning")
            return False
        if view.path is not None and not view.path.is_open and not new_path:
            self.notify(self.t("path.error.ended"), severity="warning")
            return False
        return True

    def _step_or_say(self) -> PathStep | None:
        step = self.selected_step
        if step is None:
            self.notify(self.t("path.no_step"), severity="warning")
        return step

    def action_add(self) -> None:
        if self._may_edit(new_path=True):
            self._open_step_form(None)

    def action_edit(self) -> None:
        if self._may_edit() and (step := self._step_or_say()) is not None:
            self._open_step_form(step)

    @on(DataTable.RowSelected, "#steps")
    def _row_chosen(self) -> None:
        self.action_edit()

    def _open_step_form(self, step: PathStep | None, values: dict[str, str] | None = None) -> None:
        view = self.view
        assert view is not None
        title = (
            self.t("path.stepform.title.edit", position=step.position)
            if step
            else self.t("path.stepform.title.new")
        )

        def saved(values: dict[str, str] | None) -> None:
            if values is not None:
                self._save_step(step, values)

        self.app.push_screen(StepForm(title, view, step, values), saved)

    @store_faults_told
    def _save_step(self, step: PathStep | None, values: dict[str, str]) -> None:
        staff = self.session.staff
        assert self.view is not None and self.client_id is not None
        try:
            if step is None:
                path = self.view.path
                if path is None or not path.is_open:
                    if path is not None:
                        self.notify(self.t("path.new_path"))
                    path = self.store.paths.start(staff, self.client_id)
                saved = self.store.paths.add_step(staff, path.id, values)
                message = self.t("path.step_added", position=saved.position)
            else:
                saved = self.store.paths.update_step(staff, step.id, values)
                message = self.t("path.step_saved", position=saved.position)
        except ValidationError as exc:
            # Refused after the form's own check (a provider retired meanwhile): the form
            # comes back with what was typed.
            self.notify(exc.errors[0].message(self.ctx.lang), severity="error")
            self._open_step_form(step, values)
            return
        self._reload(saved.id)
        self.notify(message)

    @store_faults_told
    def action_move(self, delta: int) -> None:
        if self._may_edit() and (step := self._step_or_say()) is not None:
            self.store.paths.move_step(self.session.staff, step.id, delta)
            self._reload(step.id)

    def action_set_status(self, status: StepStatus) -> None:
        if not self._may_edit() or (step := self._step_or_say()) is None:
            return
        if status not in NEXT_STATUSES[step.status]:
            words = {"old": self._word(step.status), "new": self._word(status)}
            self.notify(self.t("path.error.status", **words), severity="warning")
            return
        if status == "cancelled":
            service = service_of(step, self.view, self.ctx.lang)  # type: ignore[arg-type]
            dialog = ConfirmCancelStep(step.position, service)
            ask(self.app, dialog, lambda: self._change_status(step, status))
            return
        self._change_status(step, status)

    @store_faults_told
    def _change_status(self, step: PathStep, status: StepStatus) -> None:
        try:
            changed = self.store.paths.set_status(self.session.staff, step.id, status)
        except StepNotChangeable as exc:
            self.notify(exc.message(self.ctx.lang), severity="warning")
            return
        self._reload(changed.id)
        status_word = self._word(changed.status)
        self.notify(self.t("path.step_status", position=changed.position, status=status_word))

    def _word(self, status: StepStatus) -> str:
        return self.t(f"path.status.{status}")

    def action_acknowledge(self) -> None:
        if not self._may_edit() or (step := self._step_or_say()) is None:
            return
        assert self.view is not None
        open_ones = [w for w in self.view.warnings_of(step.id) if not w.acknowledged]
        if not open_ones:
            self.notify(self.t("path.nothing_to_acknowledge"))
            return
        lines = warning_lines(open_ones, {}, self.t)

        def acknowledge() -> None:
            for warning in open_ones:
                self.store.paths.acknowledge(self.session.staff, step.id, warning.code)
            self._reload(step.id)
            self.notify(self.t("path.acknowledged", count=len(open_ones)))

        dialog = AcknowledgeWarnings(step.position, lines)
        ask(self.app, dialog, reporting_store_faults(self, acknowledge))

    def action_goal(self) -> None:
        if not self._may_edit(new_path=True):
            return
        assert self.view is not None and self.client_id is not None
        path = self.view.path if self.view.path and self.view.path.is_open else None

        def saved(values: dict[str, str] | None) -> None:
            if values is None:
                return
            assert self.client_id is not None
            staff = self.session.staff
            if path is None:
                self.store.paths.start(staff, self.client_id, values)
            else:
                self.store.paths.update_path(staff, path.id, values)
            self._reload()
            self.notify(self.t("path.goal_saved"))

        self.app.push_screen(
            PathDetailsDialog(self.t("path.form.title"), path), reporting_store_faults(self, saved)
        )

    def action_end_path(self) -> None:
        if not self._may_edit():
            return
        path = self.view.path if self.view else None
        if path is None:  # nothing to end yet (an ended one `_may_edit` refused)
            return

        def ended(values: dict[str, str] | None) -> None:
            if values is None:
                return
            done = self.store.paths.end(self.session.staff, path.id, values)
            self._reload()
            self.notify(self.t("path.ended_notice", outcome=outcome_text(done, self.t)))

        dialog = EndPathDialog(self.t("path.endform.title"), self.store.today())
        self.app.push_screen(dialog, reporting_store_faults(self, ended))

    def action_plan(self) -> None:
        """Write the client's employment plan (the dialog writes it and logs it)."""
        if self.view is None or self.view.path is None or self.client_id is None:
            self.notify(self.t("path.plan.no_path"), severity="warning")
            return
        from screens.paths.plan_dialog import PlanDialog

        self.app.push_screen(PlanDialog(self.client_id, self.purpose))

    def action_timeline(self) -> None:
        self.toggle_class("-no-timeline")
        if self.view is not None:
            self._show_timeline(self.view)

    def action_back(self) -> None:
        self.dismiss(None)
