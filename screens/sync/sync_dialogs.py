"""The laptops screen's dialogs: check out, pack and revoke. Each asks for what it needs,
runs the slow part in a thread worker over a store of its own, and shows a refusal next to
the field it is about with everything typed kept."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from store.api import Store
from store.core.models import Staff
from store.sync.devices import RevokeReport
from store.sync.files import free_bundle_path, free_checkout_path
from store.sync.models import CheckoutResult, Device, PackResult

from ..reports.export_dialog import default_folder, target_of
from ..shell.background import describe_error
from ..shell.context import ScreenContextMixin
from . import sync_jobs

NOTICE = "sync-notice"
HINT = "sync-hint"
ResultT = TypeVar("ResultT")

# The refusals that are about the coach chosen rather than the file.
_COACH_KEYS = ("sync.error.not_a_coach", "sync.error.no_slot")


class SyncDialog(ScreenContextMixin, ModalScreen[ResultT | None], Generic[ResultT]):
    """A dialog whose Enter starts a worker; Esc cancels unless the worker is running."""

    CSS_PATH = "sync.tcss"
    BINDINGS = [
        Binding("ctrl+s", "go", "OK", id="sync_dialog.go", priority=True),
        Binding("escape", "cancel", "Cancel", id="sync_dialog.cancel"),
    ]

    class Done(Message):
        def __init__(self, result: object) -> None:
            super().__init__()
            self.result = result

    class Failed(Message):
        def __init__(self, reason: str, field: str) -> None:
            super().__init__()
            self.reason = reason
            self.field = field  # the field it is about, or NOTICE

    busy = False
    hint_key = ""

    def field(self, label: str, widget: Input | Select[str]) -> ComposeResult:
        yield Label(label)
        yield widget
        yield Static("", id=f"error-{widget.id}", classes="field-error")

    def footer_lines(self) -> ComposeResult:
        yield Static("", id=NOTICE, classes="field-error")
        yield Static(self.t(self.hint_key), classes="hint -wrap", id=HINT)

    def start(self, job: Callable[[Store], object], field: str) -> None:
        """Run `job` over a store of its own; a refusal lands at `field`."""
        self.busy = True
        self.query_one(f"#{HINT}", Static).update(self.t("sync_dialog.working"))
        self._run(job, field)

    @work(thread=True, exclusive=True)
    def _run(self, job: Callable[[Store], object], field: str) -> None:
        # A connection belongs to its thread (store/db.py): this worker opens its own.
        db_path, clock, lang = self.store.path, self.store.clock, self.ctx.lang
        assert db_path is not None, "the app's store was opened from a file"
        try:
            store = Store.open(db_path, clock, migrate=False)
            try:
                result = job(store)
            finally:
                store.close()
        except Exception as exc:  # told in the dialog, never a crash that loses the typing
            key = getattr(exc, "key", "")
            at = "sync-coach" if key in _COACH_KEYS else field
            self.post_message(self.Failed(describe_error(exc, lang), at))
        else:
            self.post_message(self.Done(result))

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self.busy = False
        self.query_one(f"#{HINT}", Static).update(self.t(self.hint_key))
        self.show(message.field, message.reason)
        if message.field != NOTICE:
            self.query_one(f"#{message.field}").focus()

    @on(Done)
    def _done(self, message: Done) -> None:
        self.busy = False
        self.finished(message.result)

    def finished(self, result: object) -> None:
        self.dismiss(result)  # type: ignore[arg-type]

    def show(self, field: str, message: str) -> None:
        """`message` under `field` (or NOTICE); an empty one clears it."""
        line = self.query_one(f"#{NOTICE}" if field == NOTICE else f"#error-{field}", Static)
        # Content: a path typed, quoted in a message, is never read as markup.
        line.update(Content(f"⚠ {message}" if message else ""))
        line.set_class(bool(message), "visible")
        if field != NOTICE:
            self.query_one(f"#{field}").set_class(bool(message), "invalid")

    def typed_path(self, field: str, *, new: bool) -> Path | None:
        """The file typed at `field`; None (and said there) when nothing was typed or, for
        a file to write, when one is there already."""
        target = target_of(self.query_one(f"#{field}", Input).value)
        if target is None:
            self.show(field, self.t("sync_dialog.path_empty"))
        elif new and target.exists():
            self.show(field, self.t("sync_dialog.exists", path=str(target)))
            return None
        return target

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        if event.input.id is not None:
            self.show(event.input.id, "")
        self.show(NOTICE, "")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_go()

    def action_go(self) -> None:
        if not self.busy:
            self.go()

    def go(self) -> None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        if not self.busy:
            self.dismiss(None)


class CheckoutDialog(SyncDialog[CheckoutResult]):
    """Check out a coach's laptop: the coach, a label and the laptop database's file."""

    hint_key = "sync_checkout.hint"

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__()
        self.folder = folder or default_folder()
        self.suggested = ""  # the path last filled in for the coach chosen

    def compose(self) -> ComposeResult:
        self.coaches = {coach.id: coach for coach in self.store.staff.all(role="coach")}
        options = [(coach.display_name, coach.id) for coach in self.coaches.values()]
        only = next(iter(self.coaches)) if len(self.coaches) == 1 else Select.NULL
        with Vertical(classes="dialog", id="sync-checkout-dialog"):
            yield Static(self.t("sync_checkout.title"), classes="dialog-title")
            coach = Select(
                options, prompt=self.t("sync_checkout.pick_coach"), value=only, id="sync-coach"
            )
            yield from self.field(self.t("sync_checkout.coach"), coach)
            yield from self.field(
                self.t("sync_checkout.label"),
                Input(
                    placeholder=self.t("sync_checkout.label_example"), id="sync-label", compact=True
                ),
            )
            yield from self.field(self.t("sync_checkout.path"), Input(id="sync-path", compact=True))
            yield from self.footer_lines()

    def on_mount(self) -> None:
        if not self.coaches:
            self.show(NOTICE, self.t("sync_checkout.no_coaches"))
        self.query_one("#sync-coach", Select).focus()

    @on(Select.Changed, "#sync-coach")
    def _coach_chosen(self, event: Select.Changed) -> None:
        self.show("sync-coach", "")
        coach = self.coaches.get(str(event.value))
        path = self.query_one("#sync-path", Input)
        if coach is not None and path.value in ("", self.suggested):
            self.suggested = str(
                free_checkout_path(self.folder, coach.username, self.store.today())
            )
            path.value = self.suggested

    def go(self) -> None:
        coach = self.coaches.get(str(self.query_one("#sync-coach", Select).value))
        if coach is None:
            self.show("sync-coach", self.t("sync_checkout.pick_coach"))
            return
        out = self.typed_path("sync-path", new=True)
        if out is None:
            return
        label = self.query_one("#sync-label", Input).value.strip()
        actor = self.session.staff
        self.start(lambda store: sync_jobs.check_out(store, coach, out, actor, label), "sync-path")


class PackDialog(SyncDialog[PackResult]):
    """On a laptop: pack every change since the check-out into a bundle file."""

    hint_key = "sync_pack.hint"

    def __init__(self, coach: Staff | None, folder: Path | None = None) -> None:
        super().__init__()
        self.coach = coach
        self.folder = folder or default_folder()

    def compose(self) -> ComposeResult:
        default = ""
        if self.coach is not None:
            default = str(free_bundle_path(self.folder, self.coach.username, self.store.today()))
        with Vertical(classes="dialog", id="sync-pack-dialog"):
            yield Static(self.t("sync_pack.title"), classes="dialog-title")
            yield from self.field(
                self.t("sync_pack.path"), Input(default, id="sync-path", compact=True)
            )
            yield from self.footer_lines()

    def on_mount(self) -> None:
        self.query_one("#sync-path", Input).focus()

    def go(self) -> None:
        out = self.typed_path("sync-path", new=True)
        if out is None:
            return
        actor = self.session.staff
        self.start(lambda store: sync_jobs.pack_changes(store, out, actor), "sync-path")


class RevokeDialog(SyncDialog[RevokeReport]):
    """Asks for the reason a laptop is revoked, revokes it in a worker (building the
    report reads the coach's whole scope) and returns the report."""

    hint_key = "sync_revoke.hint"

    def __init__(self, device: Device) -> None:
        super().__init__()
        self.device = device

    def compose(self) -> ComposeResult:
        label = self.device.label or self.device.coach_name
        with Vertical(classes="dialog", id="sync-revoke-dialog"):
            yield Static(self.t("sync_revoke.title", label=label), classes="dialog-title")
            yield Static(self.t("sync_revoke.what", coach=self.device.coach_name))
            yield from self.field(
                self.t("sync_revoke.reason"), Input(id="sync-reason", compact=True)
            )
            yield from self.footer_lines()

    def on_mount(self) -> None:
        self.query_one("#sync-reason", Input).focus()

    def go(self) -> None:
        reason = self.query_one("#sync-reason", Input).value.strip()
        if not reason:
            self.show("sync-reason", self.t("sync_revoke.reason_empty"))
            return
        device_id, actor = self.device.id, self.session.staff
        self.start(lambda store: store.devices.revoke(device_id, actor, reason), "sync-reason")
