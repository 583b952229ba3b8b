"""Export today's visits from the walk-in desk: shows what leaves the machine, then writes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from store.api import Store
from store.core.auth import PermissionDenied
from store.core.dates import format_date
from store.core.db import StoreError
from store.core.i18n import TranslatedError
from store.core.models import Site
from store.exports.formats import STAFF_COLUMNS
from store.exports.visit_export import (
    ExportResult,
    Format,
    columns_for,
    default_file_name,
    export_visits,
    format_of,
)

from ..shell.background import describe_error
from ..shell.context import ScreenContextMixin


def default_folder() -> Path:
    """The user's Documents folder, else their home: never the folder Luotsi happened to
    be started in (which may be a source checkout or a system folder)."""
    home = Path.home()
    documents = home / "Documents"
    return documents if documents.is_dir() else home


def target_of(typed: str) -> Path | None:
    """The file a typed path names, `~` expanded and made absolute; None for nothing typed."""
    text = typed.strip()
    return Path(text).expanduser().absolute() if text else None


class ExportDialog(ScreenContextMixin, ModalScreen[ExportResult | None]):
    """Returns what was written, or None when cancelled; the file is written here, in a
    thread worker with its own database connection, so a long export never freezes the desk."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    class Written(Message):
        def __init__(self, result: ExportResult) -> None:
            super().__init__()
            self.result = result

    class Failed(Message):
        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    def __init__(self, site: Site, day: date, folder: Path | None = None) -> None:
        super().__init__()
        self.site = site
        self.day = day
        self.folder = folder or default_folder()
        self.writing = False
        self.replace_ok: Path | None = None  # a file the user has agreed to replace

    def compose(self) -> ComposeResult:
        columns, personal = columns_for(identities=False)
        default = self.folder / default_file_name(self.site, self.day, self.day, "csv")
        with Vertical(classes="dialog", id="export-dialog"):
            yield Static(self.t("export.title", day=self._day_text()), classes="dialog-title")
            yield Static(self.t("export.columns", columns=", ".join(columns)), id="export-columns")
            staff = [c for c in personal if c in STAFF_COLUMNS]
            client = [c for c in personal if c not in STAFF_COLUMNS]
            yield Static(
                self.t("export.personal", staff=", ".join(staff), client=", ".join(client)),
                id="export-personal",
            )
            yield Static(self.t("export.no_identities"))
            yield Label(self.t("export.path"))
            yield Input(str(default), id="export-path")
            # The whole path, however long: the input may show only its end.
            yield Static(self._target_text(str(default)), id="export-target", markup=False)
            yield Static(self.t("export.hint"), classes="hint", id="export-hint")

    def _day_text(self) -> str:
        return format_date(self.day)

    def _target_text(self, typed: str) -> str:
        target = target_of(typed)
        return self.t("export.target", path=target) if target else ""

    @on(Input.Changed, "#export-path")
    def _path_changed(self, event: Input.Changed) -> None:
        self.query_one("#export-target", Static).update(self._target_text(event.value))

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        target = target_of(event.value)
        if self.writing or target is None:
            return
        if target.is_file() and target != self.replace_ok:
            self.replace_ok = target
            self.query_one("#export-hint", Static).update(self.t("export.exists"))
            return
        self.writing = True
        self.query_one("#export-hint", Static).update(self.t("export.writing"))
        self._write(target, format_of(target) or "csv")

    @work(thread=True, exclusive=True)
    def _write(self, target: Path, fmt: Format) -> None:
        # A connection belongs to its thread (store/db.py): this worker opens its own.
        db_path, clock = self.store.path, self.store.clock
        assert db_path is not None, "the app's store was opened from a file"
        staff, lang = self.session.staff, self.ctx.lang
        try:
            store = Store.open(db_path, clock, migrate=False)
            try:
                result = export_visits(
                    store.ctx, staff, self.day, site_id=self.site.id, fmt=fmt, out=target
                )
            finally:
                store.close()
        except PermissionDenied:
            self.post_message(self.Failed(self.t("export.not_allowed")))
        except (StoreError, TranslatedError) as exc:
            self.post_message(self.Failed(describe_error(exc, lang)))
        else:
            self.post_message(self.Written(result))

    @on(Written)
    def _written(self, message: Written) -> None:
        result = message.result
        key = "export.empty" if result.empty else "export.done"
        self.notify(self.t(key, count=result.rows, path=result.path))
        self.dismiss(result)

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self.writing = False
        self.query_one("#export-hint", Static).update(self.t("export.hint"))
        self.notify(message.reason, severity="error")

    def action_cancel(self) -> None:
        if not self.writing:
            self.dismiss(None)
