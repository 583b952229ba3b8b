"""Checking in a laptop's bundle: its path, then a dry run showing per table what would
change and every conflict (nothing written), then Enter applies it for real and a
refreshed check-out is written for the laptop."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Static

from store.core.i18n import has_text
from store.sync.models import ApplyReport, ConflictFound

from ..reports.export_dialog import default_folder, target_of
from ..shell.formatting import format_stored_moment
from . import sync_jobs
from .sync_dialogs import SyncDialog

PATH = "sync-path"


class CheckinDialog(SyncDialog[sync_jobs.CheckinDone]):
    """Returns what was checked in (and the refreshed check-out), or None if cancelled."""

    hint_key = "sync_checkin.hint"

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__()
        self.folder = folder or default_folder()  # where a bundle is first looked for
        self.tried: tuple[Path, ApplyReport] | None = None  # the dry run shown

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="sync-checkin-dialog"):
            yield Static(self.t("sync_checkin.title"), classes="dialog-title")
            guess = sync_jobs.newest_bundle(self.folder)
            path = Input(str(guess) if guess else "", id=PATH, compact=True)
            yield from self.field(self.t("sync_checkin.path"), path)
            with VerticalScroll(id="sync-dry-run"):
                yield Static("", id="sync-dry-run-text")
            yield from self.footer_lines()

    def on_mount(self) -> None:
        self.query_one("#sync-dry-run").display = False
        self.query_one(f"#{PATH}", Input).focus()

    @on(Input.Changed, f"#{PATH}")
    def _path_changed(self) -> None:
        # Another file: its own dry run first.
        if self.tried is not None:
            self.tried = None
            self.hint_key = "sync_checkin.hint"
            self.query_one("#sync-dry-run").display = False
            self.query_one("#sync-hint", Static).update(self.t(self.hint_key))

    def go(self) -> None:
        bundle = self.typed_path(PATH, new=False)
        if bundle is None:
            return
        actor = self.session.staff
        if self.tried is not None and self.tried[0] == bundle:
            if self.tried[1].already_applied:
                self.dismiss(None)
                return
            self.start(lambda store: sync_jobs.check_in(store, bundle, actor), PATH)
        else:
            self.start(lambda store: (bundle, sync_jobs.dry_run(store, bundle, actor)), PATH)

    def finished(self, result: object) -> None:
        if isinstance(result, tuple):
            # The dry run of the file it was started for: Enter applies that file only,
            # and only while the field still names it.
            bundle, report = cast(tuple[Path, ApplyReport], result)
            if target_of(self.query_one(f"#{PATH}", Input).value) == bundle:
                self.tried = (bundle, report)
                self._show_dry_run(report)
        else:
            self.dismiss(result)  # type: ignore[arg-type]

    def _show_dry_run(self, report: ApplyReport) -> None:
        self.query_one("#sync-dry-run").display = True
        self.query_one("#sync-dry-run-text", Static).update(Content("\n".join(self._lines(report))))
        self.hint_key = "sync_checkin.close" if report.already_applied else "sync_checkin.confirm"
        self.query_one("#sync-hint", Static).update(self.t(self.hint_key))

    def _lines(self, report: ApplyReport) -> list[str]:
        t = self.t
        coach = self.store.staff.get(report.coach_id)
        name = coach.display_name if coach else report.coach_id
        lines = [t("sync_checkin.dry_run", coach=name, when=format_stored_moment(report.packed_at))]
        if report.already_applied:
            return [*lines, t("sync_checkin.already")]
        changed = [(table, counts) for table, counts in report.per_table.items() if counts.total]
        for table, counts in changed:
            lines.append(
                t(
                    "sync_checkin.table",
                    table=self._table(table),
                    inserted=counts.inserted,
                    updated=counts.updated,
                    deleted=counts.deleted,
                )
            )
        if not changed:
            lines.append(t("sync_checkin.nothing"))
        if report.merged_fields:
            lines.append(t("sync_checkin.merged", count=report.merged_fields))
        if report.audit_rows:
            lines.append(t("sync_checkin.audit", count=report.audit_rows))
        if report.conflicts:
            lines.append(t("sync_checkin.conflicts", count=len(report.conflicts)))
            lines.extend(self._conflict(found) for found in report.conflicts)
        if report.known_conflicts:
            lines.append(t("sync_checkin.known", count=report.known_conflicts))
        return lines

    def _table(self, table: str) -> str:
        key = f"laptops.table.{table}"
        return self.t(key) if has_text(key) else table

    def _conflict(self, found: ConflictFound) -> str:
        where = found.column or found.row_id[:8]
        kind = self.t(f"sync_kind.{found.kind}")
        table = self._table(found.table)
        return self.t("sync_checkin.conflict", kind=kind, table=table, where=where)
