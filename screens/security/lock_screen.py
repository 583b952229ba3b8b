"""The lock screen: pushed over everything the user had open (nothing under it is touched),
it shows only who is logged in and a password field. The same user's password takes it
away; someone else may log in instead once the unsaved input under it is discarded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from ..kompassi.coach_unlock import CoachUnlock
from ..shell.context import ScreenContextMixin
from ..shell.dialogs import YesNoDialog, ask, yes_no_bindings
from ..shell.faults import tell_store_fault
from .autolock import has_unsaved_work, log_out_at_lock

if TYPE_CHECKING:
    from store.core.locking import Refusal
    from store.core.models import Staff


class LockPassword(CoachUnlock):
    """The password field: checked as a login is (failures count and lock the username,
    `store.core.login`), and every outcome in the access log as the screen lock's."""

    def compose(self) -> ComposeResult:
        yield Label(self.t("lock.password"), id="unlock-label")
        yield Input(id="unlock-password", password=True, compact=True)
        yield Static("", id="unlock-error")

    def checked(self, outcome: Staff | BaseException) -> None:
        from store.core.db import store_fault

        try:
            self._log(outcome)
        except Exception as error:
            if store_fault(error) is None:
                raise
            # Not in the log, so not unlocked: said under the field, Enter tries again.
            outcome = error
        super().checked(outcome)

    def _log(self, outcome: Staff | BaseException) -> None:
        from store.core.auth import LoginFailed, LoginLocked, PasswordDataDamaged
        from store.core.locking import log_refused, log_unlocked

        ctx, staff = self.store.ctx, self.session.staff
        refusal: Refusal | None = None
        if not isinstance(outcome, BaseException):
            log_unlocked(ctx, staff)
        elif isinstance(outcome, LoginLocked):
            refusal = "locked"
        elif isinstance(outcome, LoginFailed):
            refusal = "wrong"
        elif isinstance(outcome, PasswordDataDamaged):
            refusal = "damaged"
        if refusal is not None:
            log_refused(ctx, staff, refusal)


class ConfirmOtherUser(YesNoDialog):
    """Warns that the locked user's unsaved input goes if someone else logs in; yes: it goes."""

    # Over the lock screen: the app's keys stay refused here too (`LuotsiApp.check_action`).
    VISITOR_FACING = True
    BINDINGS = yes_no_bindings("lock_switch", "Discard", "Back")

    def __init__(self, name: str) -> None:
        super().__init__()
        self.locked_name = name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.t("lock.switch.title", name=self.locked_name), classes="dialog-title")
            yield Static(self.t("lock.switch.lost", name=self.locked_name), classes="-wrap")
            yield Static(self.t("lock.switch.keys"), classes="hint -wrap")


class LockScreen(ScreenContextMixin, Screen[None]):
    """Dismisses with None once `staff` has typed their password."""

    # The app refuses its own keys (F1–F12, Ctrl+P, Ctrl+G, Ctrl+Q, Ctrl+C) while this is on
    # screen (`LuotsiApp.check_action`): a passer-by reaches nothing, and cannot quit; the
    # app still ends on SIGTERM or SIGHUP (`tui.cli_common.ended_by_signals`).
    VISITOR_FACING = True
    BINDINGS = [
        Binding("ctrl+g", "other_user", "Log in as another user", show=False, id="lock.other"),
    ]
    DEFAULT_CSS = """
    LockScreen {
        align: center middle;
        background: $background;
    }
    #lock-box {
        width: 60;
        height: auto;
        padding: 1 2;
        border: round $primary;
    }
    #lock-title {
        text-style: bold;
        margin-bottom: 1;
    }
    #lock-password {
        height: auto;
        margin: 1 0;
    }
    #lock-password Input {
        width: 40;
        background: $boost;
    }
    #unlock-label, #unlock-error {
        height: auto;
    }
    #unlock-error {
        color: $error;
    }
    """

    def __init__(self, staff: Staff) -> None:
        super().__init__()
        self.staff = staff

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="lock-box"):
            yield Static(self.t("lock.title"), id="lock-title")
            who = self.t("lock.who", name=self.staff.display_name, username=self.staff.username)
            yield Static(who, id="lock-who")
            yield LockPassword(id="lock-password")
            yield Static(self.t("lock.hint"), classes="hint -wrap", id="lock-hint")

    def on_mount(self) -> None:
        self.query_one(LockPassword).open()

    @on(CoachUnlock.Unlocked)
    def _unlocked(self, event: CoachUnlock.Unlocked) -> None:
        event.stop()
        self.dismiss(None)

    def action_other_user(self) -> None:
        if self.query_one(LockPassword).checking:
            return  # the password is being checked: its answer decides first
        if has_unsaved_work(self.app):
            ask(self.app, ConfirmOtherUser(self.staff.display_name), self._log_out)
        else:
            self._log_out()

    def _log_out(self) -> None:
        from store.core.locking import log_left_for_another

        try:
            log_left_for_another(self.store.ctx, self.staff)
        except Exception as error:
            if not tell_store_fault(self, error):
                raise
            return  # not in the log, so not done: the screen stays locked, Ctrl+G tries again
        log_out_at_lock(self.app)
