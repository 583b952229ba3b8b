"""The conflicts inbox (F6): what laptops' check-ins could not merge by themselves, one
conflict at a time with the base, office and laptop values side by side, and a key for
each way to resolve it. Admins see every conflict, a coach their own clients'."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from store.api import Store
from store.clients.validation import ValidationError
from store.core.auth import PermissionDenied
from store.core.i18n import TranslatedError
from store.core.models import Staff
from store.sync.inbox import ConflictContext
from store.sync.models import Conflict

from ..shell.background import describe_error, read_in_background
from ..shell.context import ScreenContextMixin
from ..shell.faults import store_faults_told
from ..shell.formatting import format_stored_moment
from ..shell.header import LuotsiHeader
from .inbox_dialogs import PeopleDialog, UndoMergeDialog, ValueDialog, person_record
from .inbox_text import laptop_lines, scalar_text, value_lines, what_words

# (column, width) at 80 columns and from WIDE_FROM on; a longer text is cut.
COLUMNS = (("client", 14), ("what", 17), ("kind", 20), ("laptop", 10), ("found", 10))
WIDE_COLUMNS = (("client", 24), ("what", 30), ("kind", 40), ("laptop", 22), ("found", 16))
WIDE_FROM = 150


def read_lines(store: Store, actor: Staff, include_resolved: bool) -> list[ConflictContext]:
    """The inbox, open conflicts first (newest first within each part), each with who
    and what it is about."""
    conflicts = store.inbox.conflicts(actor, include_resolved=include_resolved)
    ordered = sorted(conflicts, key=lambda c: not c.is_open)  # stable: newest first stays
    return [store.inbox.describe(conflict) for conflict in ordered]


def device_words(context: ConflictContext) -> str:
    """The laptop as people know it: its label, or its coach's name."""
    return context.device_label or context.coach_name or "?"


def client_words(context: ConflictContext, *, hetu: bool) -> str:
    """The client's name, and with `hetu` the masked HETU; "" when the row has no client."""
    name = context.client_name or ""
    if hetu and context.client_hetu:
        return f"{name} ({context.client_hetu})"
    return name


class InboxScreen(ScreenContextMixin, Screen[None]):
    CSS_PATH = "inbox.tcss"
    BINDINGS = [
        Binding("o", "keep_office", "Office", id="inbox.office"),
        Binding("l", "take_laptop", "Laptop", id="inbox.laptop"),
        Binding("m", "type_value", "Type value", id="inbox.value"),
        Binding("p", "merge_people", "Merge", id="inbox.people"),
        Binding("u", "undo_merge", "Undo", id="inbox.undo"),
        Binding("r", "toggle_resolved", "Resolved", id="inbox.resolved"),
        Binding("escape", "back", "Back", id="inbox.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[ConflictContext] = []
        self.include_resolved = False
        # After a resolution the cursor stays on its row number, where the next one now
        # is; otherwise it follows the conflict it was on.
        self._keep_row: int | None = None

    def compose(self) -> ComposeResult:
        yield LuotsiHeader(id="header")
        yield Static(self.t("inbox.title"), id="inbox-title", classes="screen-title")
        yield DataTable(id="inbox-table", cursor_type="row", zebra_stripes=True)
        with Vertical(id="inbox-detail"):
            yield Static("", id="inbox-head")
            with VerticalScroll(id="inbox-values"), Horizontal(id="inbox-sides"):
                for side in ("base", "office", "laptop"):
                    with Vertical(classes="inbox-side"):
                        yield Static(self.t(f"inbox.value.{side}"), classes="inbox-label")
                        yield Static("", id=f"inbox-{side}", classes="inbox-value")
            yield Static("", id="inbox-state", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        columns = WIDE_COLUMNS if self.app.size.width >= WIDE_FROM else COLUMNS
        for key, width in columns:
            table.add_column(self.t(f"inbox.column.{key}"), width=width, key=key)
        table.focus()

    def on_screen_resume(self) -> None:
        self.refresh_list()

    def refresh_list(self) -> None:
        if self.ctx.session is None:  # resumed on the way out after logging out
            return
        actor, include = self.session.staff, self.include_resolved
        read_in_background(
            self, lambda store: read_lines(store, actor, include), self._show, group="inbox"
        )

    def _show(self, lines: list[ConflictContext]) -> None:
        table = self.query_one(DataTable)
        before, row = self.selected, self._keep_row
        self._keep_row = None
        self.lines = lines
        table.clear()
        wide = self.app.size.width >= WIDE_FROM
        for line in lines:
            table.add_row(*self._cells(line, wide), key=line.conflict.id)
        if row is None and before is not None:
            row = next((i for i, c in enumerate(lines) if c.conflict.id == before.id), 0)
        if lines:
            table.move_cursor(row=min(row or 0, len(lines) - 1))
        self._show_title()
        self._show_detail()

    def _show_title(self) -> None:
        open_count = sum(1 for line in self.lines if line.conflict.is_open)
        if not self.lines:
            title = self.t("inbox.empty")
        elif self.include_resolved:
            resolved = len(self.lines) - open_count
            title = self.t("inbox.summary.resolved", open=open_count, resolved=resolved)
        else:
            title = self.t("inbox.summary", open=open_count)
        self.query_one("#inbox-title", Static).update(f"{self.t('inbox.title')} · {title}")

    def _cells(self, line: ConflictContext, wide: bool) -> list[Text]:
        conflict = line.conflict
        found = format_stored_moment(conflict.detected_at)
        kind = self.t(f"inbox.kind.{conflict.kind}")
        if not conflict.is_open:
            kind = f"✓ {kind}"
        cells = [
            client_words(line, hetu=False) or self.t("inbox.no_client"),
            what_words(conflict, self.t),
            kind,
            device_words(line),
            found if wide else found.split(" ")[0],
        ]
        texts = [Text(cell, overflow="ellipsis", no_wrap=True) for cell in cells]
        if not conflict.is_open:
            for text in texts:
                text.stylize("dim")
        return texts

    @property
    def selected_line(self) -> ConflictContext | None:
        table = self.query_one(DataTable)
        if not self.lines or not 0 <= table.cursor_row < len(self.lines):
            return None
        return self.lines[table.cursor_row]

    @property
    def selected(self) -> Conflict | None:
        line = self.selected_line
        return None if line is None else line.conflict

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_detail()

    def _show_detail(self) -> None:
        conflict = self.selected
        detail = self.query_one("#inbox-detail")
        detail.display = conflict is not None
        if conflict is None:
            return
        line = self.lines[self.query_one(DataTable).cursor_row]
        head = [self.t(f"inbox.kind.{conflict.kind}"), what_words(conflict, self.t)]
        if line.client_name:
            head.append(client_words(line, hetu=True))
        head.append(self.t("inbox.detail.device", device=device_words(line)))
        head.append(format_stored_moment(conflict.detected_at))
        self.query_one("#inbox-head", Static).update(Text(" · ".join(head)))
        sides = {
            "base": value_lines(conflict.base_value, self.t),
            "office": value_lines(conflict.office_value, self.t) + self._office_now(line),
            "laptop": laptop_lines(conflict, self.t),
        }
        for side, lines in sides.items():
            self.query_one(f"#inbox-{side}", Static).update(Text("\n".join(lines)))
        self.query_one("#inbox-state", Static).update(Text(self._state_line(conflict)))

    def _office_now(self, line: ConflictContext) -> list[str]:
        """A line under the office's value of a field changed on both sides when the
        office has changed it again since the check-in (or no longer has the row)."""
        conflict = line.conflict
        if not conflict.is_open or conflict.kind != "field" or conflict.column is None:
            return []
        if line.office_row is None:
            return [self.t("inbox.value.removed")]
        now = line.office_row.get(conflict.column, conflict.office_value)
        if now == conflict.office_value:
            return []
        return [self.t("inbox.value.now", value=scalar_text(now, self.t))]

    def _state_line(self, conflict: Conflict) -> str:
        if conflict.is_open:
            keys = conflict.kind if conflict.kind in ("field", "same_hetu") else "other"
            return self.t(f"inbox.detail.keys.{keys}")
        assert conflict.resolved_at is not None
        how = self.t(f"inbox.resolution.{conflict.resolution}")
        if conflict.resolution == "merged":
            how = f"{how}: {scalar_text(conflict.resolved_value, self.t)}"
        by = self._staff_name(conflict.resolved_by)
        resolved = self.t(
            "inbox.detail.resolved", when=format_stored_moment(conflict.resolved_at), how=how, by=by
        )
        if conflict.resolution == "person_merged":
            return f"{resolved}\n{self.t('inbox.detail.keys.resolved')}"
        return resolved

    def _staff_name(self, staff_id: str | None) -> str:
        staff = self.store.staff.get(staff_id) if staff_id else None
        return staff.display_name if staff else "—"

    # --- resolving ---------------------------------------------------------------------

    def _open_selected(self) -> Conflict | None:
        """The highlighted conflict if it is still open; else says why not and None."""
        conflict = self.selected
        if conflict is None:
            self.notify(self.t("inbox.nothing_chosen"), severity="warning")
            return None
        if not conflict.is_open:
            self.notify(self.t("inbox.already_resolved"), severity="warning")
            return None
        return conflict

    def _resolve(self, call: Callable[[], object], done: str) -> bool:
        """Make the store call; on success say `done`, and read the list again with the
        cursor where the next conflict now is. A refusal is told, nothing changes."""
        try:
            call()
        except (TranslatedError, ValidationError, PermissionDenied, LookupError) as error:
            self.notify(self._refusal(error), severity="warning")
            # Someone else may have decided it meanwhile: show the inbox as it is now.
            self.refresh_list()
            return False
        self.notify(done)
        self._keep_row = self.query_one(DataTable).cursor_row
        self.refresh_list()
        return True

    def _refusal(self, error: Exception) -> str:
        if isinstance(error, ValidationError):
            return " ".join(e.message(self.ctx.lang) for e in error.errors)
        if isinstance(error, LookupError):
            return self.t("inbox.nothing_chosen")
        return describe_error(error, self.ctx.lang)

    @store_faults_told
    def action_keep_office(self) -> None:
        conflict = self._open_selected()
        if conflict is not None:
            actor = self.session.staff
            self._resolve(
                lambda: self.store.inbox.keep_office(conflict.id, actor),
                self.t("inbox.done.office"),
            )

    @store_faults_told
    def action_take_laptop(self) -> None:
        conflict = self._open_selected()
        if conflict is not None:
            actor = self.session.staff
            self._resolve(
                lambda: self.store.inbox.take_laptop(conflict.id, actor),
                self.t("inbox.done.laptop"),
            )

    def action_type_value(self) -> None:
        conflict = self._open_selected()
        if conflict is None:
            return
        line = self.selected_line
        if line is None or not line.can_set_value:
            self.notify(self.t("inbox.merge_value_only_field"), severity="warning")
            return
        actor = self.session.staff

        def save(value: str) -> None:
            self.store.inbox.set_value(conflict.id, value, actor)

        def closed(saved: bool | None) -> None:
            if saved:
                self.notify(self.t("inbox.done.merged"))
                self._keep_row = self.query_one(DataTable).cursor_row
                self.refresh_list()

        # As stored, not as shown: the store takes the text as the column holds it (an
        # ISO day, a UTC moment), and a client's field as the client card reads it.
        office = conflict.office_value
        prefill = "" if office is None else str(office)
        self.app.push_screen(ValueDialog(what_words(conflict, self.t), prefill, save), closed)

    @store_faults_told
    def action_merge_people(self) -> None:
        conflict = self._open_selected()
        if conflict is None:
            return
        line = self.selected_line
        if line is None or not line.can_merge or conflict.other_row_id is None:
            self.notify(self.t("inbox.merge_people_only_hetu"), severity="warning")
            return
        actor = self.session.staff
        records = (
            person_record(self.store, actor, conflict.other_row_id, "office"),
            person_record(self.store, actor, conflict.row_id, "laptop"),
        )

        @store_faults_told
        def chosen(screen: InboxScreen, keep_id: str | None) -> None:
            if keep_id is None:
                return
            kept = next(r for r in records if r.client_id == keep_id)
            screen._resolve(
                lambda: screen.store.inbox.merge_people(conflict.id, actor, keep_id=keep_id),
                screen.t("inbox.done.person_merged", name=kept.name),
            )

        self.app.push_screen(PeopleDialog(records), lambda keep_id: chosen(self, keep_id))

    @store_faults_told
    def action_undo_merge(self) -> None:
        conflict = self.selected
        if conflict is None:
            self.notify(self.t("inbox.nothing_chosen"), severity="warning")
            return
        if conflict.resolution != "person_merged" or conflict.client_id is None:
            self.notify(self.t("inbox.undo_only_merged"), severity="warning")
            return
        actor = self.session.staff
        merge = next(
            (
                m
                for m in self.store.inbox.merges_of(conflict.client_id)
                if m.conflict_id == conflict.id and m.undone_at is None
            ),
            None,
        )
        if merge is None:
            self.notify(self.t("inbox.no_merge_found"), severity="warning")
            return
        kept = person_record(self.store, actor, merge.kept_client_id, "office").name

        @store_faults_told
        def answered(screen: InboxScreen, yes: bool | None) -> None:
            if yes:
                screen._resolve(
                    lambda: screen.store.inbox.undo_merge(merge.id, actor),
                    screen.t("inbox.done.undone"),
                )

        self.app.push_screen(UndoMergeDialog(kept), lambda yes: answered(self, yes))

    def action_toggle_resolved(self) -> None:
        self.include_resolved = not self.include_resolved
        self.refresh_list()

    def action_back(self) -> None:
        self.app.pop_screen()
