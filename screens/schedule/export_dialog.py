"""Exporting a coach's calendar as an iCalendar (.ics) file, from F5: the days and the file
asked, the file written in a thread worker, what went wrong shown next to its field."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from store.api import Store
from store.core.auth import PermissionDenied
from store.core.dates import format_date, parse_date
from store.core.db import StoreError
from store.core.i18n import TranslatedError
from store.exports.calendar_file import (
    CalendarFile,
    check_range,
    check_target,
    default_calendar_name,
    default_range,
    export_calendar,
)

from ..clients.form import field_row
from ..reports.export_dialog import default_folder, target_of
from ..shell.background import describe_error
from ..shell.context import ScreenContextMixin

FROM = "calendar-from"
TO = "calendar-to"
PATH = "calendar-path"
NOTICE = "calendar-notice"
# Which field a refusal of the store is about.
_AT_FIELD = {
    "export.error.bad_range": TO,
    "calendar_export.error.too_long": TO,
    "calendar_export.error.suffix": PATH,
}


class CalendarExportDialog(ScreenContextMixin, ModalScreen[CalendarFile | None]):
    """Returns what was written, or None when cancelled. Enter in any field (or Ctrl+S)
    writes; the store checks again who may export whose calendar."""

    CSS_PATH = "export_dialog.tcss"
    BINDINGS = [
        Binding("ctrl+s", "write", "Write", id="calendar_export.write", priority=True),
        Binding("escape", "cancel", "Cancel", id="calendar_export.cancel"),
    ]

    class Written(Message):
        def __init__(self, result: CalendarFile) -> None:
            super().__init__()
            self.result = result

    class Failed(Message):
        def __init__(self, reason: str, field: str) -> None:
            super().__init__()
            self.reason = reason
            self.field = field  # the field it is about, or NOTICE

    def __init__(self, coach_id: str, folder: Path | None = None) -> None:
        super().__init__()
        self.coach_id = coach_id
        self.folder = folder or default_folder()
        self.writing = False
        self.replace_ok: Path | None = None  # a file the user has agreed to replace

    def compose(self) -> ComposeResult:
        coach = self.store.staff.get(self.coach_id)
        name = coach.display_name if coach else "?"
        first, last = default_range(self.store.today())
        file_name = default_calendar_name(coach, first, last) if coach else "kalenteri.ics"
        default = str(self.folder / file_name)
        with Vertical(classes="dialog", id="calendar-export-dialog"):
            yield Static(self.t("calendar_export.title", name=name), classes="dialog-title")
            yield Static(self.t("calendar_export.what"), id="calendar-what")
            yield from field_row(
                self.t("calendar_export.from"), Input(format_date(first), id=FROM, compact=True)
            )
            yield from field_row(
                self.t("calendar_export.to"), Input(format_date(last), id=TO, compact=True)
            )
            yield Label(self.t("calendar_export.path"))
            yield Input(default, id=PATH, compact=True)
            yield Static("", id=f"error-{PATH}", classes="field-error")
            # The whole path, however long: the input may show only its end.
            yield Static(self._target_text(default), id="calendar-target", markup=False)
            yield Static("", id=NOTICE, classes="field-error")
            yield Static(self.t("calendar_export.hint"), classes="hint -wrap", id="calendar-hint")

    def on_mount(self) -> None:
        self.query_one(f"#{PATH}", Input).focus()

    def _target_text(self, typed: str) -> str:
        target = target_of(typed)
        return self.t("export.target", path=target) if target else ""

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        if event.input.id == PATH:
            self.query_one("#calendar-target", Static).update(self._target_text(event.value))
        if event.input.id is not None:
            self._show(event.input.id, "")
        self._show(NOTICE, "")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_write()

    def _days(self) -> tuple[date, date] | None:
        """The days typed, each checked where it was typed; None if one is wrong."""
        days: list[date] = []
        for field in (FROM, TO):
            try:
                days.append(parse_date(self.query_one(f"#{field}", Input).value))
            except TranslatedError as refused:
                self._show(field, refused.message(self.ctx.lang))
        if len(days) < 2:
            return None
        try:
            check_range(days[0], days[1])
        except TranslatedError as refused:
            self._show(TO, refused.message(self.ctx.lang))
            return None
        return days[0], days[1]

    def action_write(self) -> None:
        if self.writing:
            return
        days = self._days()
        target = target_of(self.query_one(f"#{PATH}", Input).value)
        if target is None:
            self._show(PATH, self.t("calendar_export.empty"))
            return
        try:
            check_target(target)
        except TranslatedError as refused:
            self._show(PATH, refused.message(self.ctx.lang))
            return
        if days is None:
            return
        if target.is_file() and target != self.replace_ok:
            self.replace_ok = target
            self.query_one("#calendar-hint", Static).update(self.t("export.exists"))
            return
        self.writing = True
        self.query_one("#calendar-hint", Static).update(self.t("export.writing"))
        self._write(target, *days)

    @work(thread=True, exclusive=True)
    def _write(self, target: Path, first: date, last: date) -> None:
        # A connection belongs to its thread (store/db.py): this worker opens its own.
        db_path, clock = self.store.path, self.store.clock
        assert db_path is not None, "the app's store was opened from a file"
        staff, lang = self.session.staff, self.ctx.lang
        try:
            store = Store.open(db_path, clock, migrate=False)
            try:
                result = export_calendar(store.ctx, staff, self.coach_id, target, first, last)
            finally:
                store.close()
        except PermissionDenied:
            self.post_message(self.Failed(self.t("export.not_allowed"), NOTICE))
        except TranslatedError as refused:
            field = PATH if refused.key.startswith("export.error.unwritable") else NOTICE
            field = _AT_FIELD.get(refused.key, field)
            self.post_message(self.Failed(refused.message(lang), field))
        except StoreError as exc:
            self.post_message(self.Failed(describe_error(exc, lang), NOTICE))
        else:
            self.post_message(self.Written(result))

    @on(Written)
    def _written(self, message: Written) -> None:
        result = message.result
        self.notify(self.t("calendar_export.done", count=result.events, path=result.path))
        self.dismiss(result)

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self.writing = False
        self.query_one("#calendar-hint", Static).update(self.t("calendar_export.hint"))
        self._show(message.field, message.reason)
        if message.field != NOTICE:
            self.query_one(f"#{message.field}", Input).focus()

    def _show(self, field: str, message: str) -> None:
        """`message` on the error line of `field` (or NOTICE, under the form); an empty
        one clears it. What was typed stays as it was."""
        line = self.query_one(f"#{NOTICE}" if field == NOTICE else f"#error-{field}", Static)
        # Content: a path typed, quoted in a message, is never read as markup.
        line.update(Content(f"⚠ {message}" if message else ""))
        line.set_class(bool(message), "visible")
        if field != NOTICE:
            self.query_one(f"#{field}", Input).set_class(bool(message), "invalid")

    def action_cancel(self) -> None:
        if not self.writing:
            self.dismiss(None)
