"""Write a client's employment plan from F4: the file and the plan's language asked, the
file written in a thread worker, what went wrong shown next to the field."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from store.api import Store
from store.core.auth import PermissionDenied
from store.core.db import StoreError
from store.core.i18n import LANGUAGES, TranslatedError
from store.exports.plan_file import check_plan_target, plan_defaults, write_plan
from store.paths.repository import PurposeRequired

from ..clients.form import field_row
from ..reports.export_dialog import default_folder, target_of
from ..shell.background import describe_error
from ..shell.context import ScreenContextMixin

PATH = "plan-path"
LANG = "plan-lang"


class PlanDialog(ScreenContextMixin, ModalScreen[Path | None]):
    """Returns the file written, or None when cancelled. `purpose` is the one the path was
    opened with (a client outside the user's caseload); the store checks access again."""

    CSS_PATH = "plan.tcss"
    BINDINGS = [
        Binding("ctrl+s", "write", "Write", id="plan.write", priority=True),
        Binding("escape", "cancel", "Cancel", id="plan.cancel"),
    ]

    class Written(Message):
        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    class Failed(Message):
        def __init__(self, reason: str, at_field: bool) -> None:
            super().__init__()
            self.reason = reason
            self.at_field = at_field  # about the file (else about the client or access)

    def __init__(
        self, client_id: str, purpose: str | None = None, folder: Path | None = None
    ) -> None:
        super().__init__()
        self.client_id = client_id
        self.purpose = purpose
        self.folder = folder or default_folder()
        self.writing = False
        self.replace_ok: Path | None = None  # a file the user has agreed to replace

    def compose(self) -> ComposeResult:
        defaults = plan_defaults(self.store.ctx, self.client_id)
        default = str(self.folder / defaults.file_name)
        languages = [(self.t(f"language.{lang}"), lang) for lang in LANGUAGES]
        with Vertical(classes="dialog", id="plan-dialog"):
            yield Static(
                self.t("plan.dialog.title", name=defaults.client_name), classes="dialog-title"
            )
            yield Label(self.t("plan.dialog.path"))
            yield Input(default, id=PATH)
            yield Static("", id=f"error-{PATH}", classes="field-error")
            # The whole path, however long: the input may show only its end.
            yield Static(self._target_text(default), id="plan-target", markup=False)
            yield from field_row(
                self.t("plan.dialog.lang"),
                Select(languages, value=defaults.lang, allow_blank=False, id=LANG, compact=True),
            )
            yield Static("", id="plan-notice", classes="field-error")
            yield Static(self.t("plan.dialog.hint"), classes="hint", id="plan-hint")

    def on_mount(self) -> None:
        self.query_one(f"#{PATH}", Input).focus()

    def _target_text(self, typed: str) -> str:
        target = target_of(typed)
        return self.t("plan.dialog.target", path=target) if target else ""

    @on(Input.Changed, f"#{PATH}")
    def _path_changed(self, event: Input.Changed) -> None:
        self.query_one("#plan-target", Static).update(self._target_text(event.value))
        self._show("")

    @on(Input.Submitted, f"#{PATH}")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_write()

    def action_write(self) -> None:
        if self.writing:
            return
        target = target_of(self.query_one(f"#{PATH}", Input).value)
        if target is None:
            self._show(self.t("plan.dialog.empty"))
            return
        try:
            check_plan_target(target)
        except TranslatedError as refused:
            self._show(refused.message(self.ctx.lang))
            return
        if target.is_file() and target != self.replace_ok:
            self.replace_ok = target
            self.query_one("#plan-hint", Static).update(self.t("plan.dialog.exists"))
            return
        self.writing = True
        self._show("")
        self.query_one("#plan-hint", Static).update(self.t("plan.dialog.writing"))
        self._write(target, str(self.query_one(f"#{LANG}", Select).value))

    @work(thread=True, exclusive=True)
    def _write(self, target: Path, lang: str) -> None:
        # A connection belongs to its thread (store/db.py): this worker opens its own.
        db_path, clock = self.store.path, self.store.clock
        assert db_path is not None, "the app's store was opened from a file"
        staff, ui_lang = self.session.staff, self.ctx.lang
        try:
            store = Store.open(db_path, clock, migrate=False)
            try:
                written = write_plan(store.ctx, staff, self.client_id, target, lang, self.purpose)
            finally:
                store.close()
        except PurposeRequired as refused:
            self.post_message(self.Failed(refused.message(ui_lang), at_field=False))
        except PermissionDenied:
            self.post_message(self.Failed(self.t("plan.dialog.not_allowed"), at_field=False))
        except TranslatedError as refused:
            about_file = refused.key.startswith(("export.error", "plan.error.suffix"))
            self.post_message(self.Failed(refused.message(ui_lang), at_field=about_file))
        except StoreError as exc:
            self.post_message(self.Failed(describe_error(exc, ui_lang), at_field=False))
        else:
            self.post_message(self.Written(written))

    @on(Written)
    def _written(self, message: Written) -> None:
        self.notify(self.t("plan.dialog.done", path=message.path))
        self.dismiss(message.path)

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self.writing = False
        self.query_one("#plan-hint", Static).update(self.t("plan.dialog.hint"))
        if message.at_field:
            self._show(message.reason)
            self.query_one(f"#{PATH}", Input).focus()
        else:
            self._show(message.reason, notice=True)

    def _show(self, message: str, notice: bool = False) -> None:
        """`message` on the path's error line (or under the form, for one not about the
        file); an empty one clears both."""
        for line_id, shown in ((f"error-{PATH}", not notice), ("plan-notice", notice)):
            line = self.query_one(f"#{line_id}", Static)
            text = message if shown else ""
            # Content: a path typed, quoted in a message, is never read as markup.
            line.update(Content(f"⚠ {text}" if text else ""))
            line.set_class(bool(text), "visible")
        self.query_one(f"#{PATH}", Input).set_class(bool(message) and not notice, "invalid")

    def action_cancel(self) -> None:
        if not self.writing:
            self.dismiss(None)
