"""Login: username and password; failures are logged and never say which part was wrong."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Input, Label, Static
from textual.worker import get_current_worker

from .context import ScreenContextMixin, context

if TYPE_CHECKING:  # the store's modules load after the form has painted
    from store.core.clock import Clock
    from store.core.models import Staff
    from store.core.unlock_log import RefusedLogins


class LoginScreen(ScreenContextMixin, Screen["Staff"]):
    """Dismisses with the logged-in `Staff`."""

    def __init__(self) -> None:
        super().__init__()
        # The store locks a username after failures in a row, across desks; this
        # terminal also counts its own failures, whatever names were typed, by the same rule.
        self.failures_here = 0
        self.locked_for = 0
        self.checking = False  # a login is being checked: Enter waits for its answer

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="login-box"):
            yield Static(self.t("login.title"), id="login-title")
            yield Label(self.t("login.username"), classes="field-label")
            yield Input(id="username", compact=True)
            yield Label(self.t("login.password"), classes="field-label")
            yield Input(id="password", password=True, compact=True)
            yield Static("", id="login-error", classes="field-error")
            yield Static(self.t("login.hint"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#username", Input).focus()

    @on(Input.Submitted, "#username")
    def _to_password(self) -> None:
        self.query_one("#password", Input).focus()

    @on(Input.Submitted, "#password")
    def _submit(self) -> None:
        if self.locked_for > 0 or self.checking:
            return
        # Not `self.store`: an encrypted database opens only once this login has unlocked it.
        ctx = self.ctx
        username = self.query_one("#username", Input).value
        password = self.query_one("#password", Input).value
        self.checking = True
        self.query_one("#login-error", Static).update(self.t("login.checking"))
        # The password hash (and an encrypted database's key slot) takes most of a second
        # by design: checked off the event loop, the form keeps drawing meanwhile.
        self.run_worker(
            partial(
                check_password,
                self,
                self._checked,
                ctx.db_path,
                ctx.clock,
                username,
                password,
                ctx.refused_logins,
            ),
            thread=True,
            exclusive=True,
            group="login",
            exit_on_error=False,
        )

    def _checked(self, outcome: Staff | BaseException) -> None:
        # The store's login rules load with the store, after the form has painted.
        from store.core.auth import (
            LoginFailed,
            LoginLocked,
            PasswordDataDamaged,
            after_failure,
            seconds_locked,
        )
        from store.core.db import store_fault

        from .background import describe_error, fault_key
        from .faults import tell_store_fault

        self.checking = False
        if not isinstance(outcome, BaseException):
            self.dismiss(outcome)
            return
        error = self.query_one("#login-error", Static)
        if not isinstance(outcome, LoginLocked | LoginFailed | PasswordDataDamaged):
            # Both fields kept, so Enter tries again once it is put right. A busy or
            # unwritable database is told as everywhere in the app; anything else (a key
            # file missing, damaged or another database's, a damaged database) under the form.
            error.update("")
            if fault_key(store_fault(outcome) or outcome) is None:
                error.update(describe_error(outcome, self.ctx.lang))
            else:
                tell_store_fault(self, outcome)
            return
        self.query_one("#password", Input).value = ""
        if isinstance(outcome, LoginLocked):
            self._lock(outcome.seconds)
        elif isinstance(outcome, LoginFailed):
            now = self.ctx.clock.now()
            self.failures_here, locked_until = after_failure(self.failures_here, now)
            if locked_until is not None:
                self._lock(seconds_locked(locked_until, now))
            else:
                error.update(self.t("login.failed"))
        else:
            error.update(self.t("login.damaged"))

    def _lock(self, seconds: int) -> None:
        self.locked_for = seconds
        self._show_lock()
        self.set_interval(1, self._tick_lock, repeat=seconds)

    def _show_lock(self) -> None:
        from store.core.auth import wait_in_words

        unit, count = wait_in_words(self.locked_for)
        key = "login.locked" if unit == "seconds" else "login.locked_minutes"
        self.query_one("#login-error", Static).update(self.t(key, count=count))

    def _tick_lock(self) -> None:
        self.locked_for -= 1
        if self.locked_for > 0:
            self._show_lock()
        else:
            self.query_one("#login-error", Static).update("")


def check_password(
    node: DOMNode,
    checked: Callable[[Staff | BaseException], object],
    path: Path,
    clock: Clock,
    username: str,
    password: str,
    refused: RefusedLogins | None = None,
) -> None:
    """A login check, in a thread worker on a connection of its own (a connection belongs
    to the thread that opened it); its outcome (the user, or what refused them) goes to
    `checked` on the event loop, unless `node` has gone meanwhile (the app quitting).

    `refused` keeps the attempts refused at an encrypted database's key slot while it
    could not be opened, for the access log of the next login that gets in."""
    # The app's own first opening (migrating, if this version is new) happens here when
    # it could not open the database before a login (an encrypted one); later checks
    # open a second connection to a file already opened and migrated.
    first_open = context(node).store is None
    outcome: Staff | BaseException
    try:
        outcome = sign_in(path, clock, username, password, refused, migrate=first_open)
    except Exception as exc:  # every refusal and failure is said where it was asked
        outcome = exc
    if not get_current_worker().is_cancelled and node.is_attached:
        node.app.call_from_thread(checked, outcome)


def sign_in(
    path: Path,
    clock: Clock,
    username: str,
    password: str,
    refused: RefusedLogins | None,
    *,
    migrate: bool = True,
) -> Staff:
    """Check a login against the database at `path` and return the user.

    An encrypted database is unlocked with the user's own key slot first, every time (also
    when this process already knows its key: a login proves the slot too), so a wrong
    password never reaches SQLCipher. Then the store is opened (and, with `migrate`,
    migrated if this version is new to it) and the login checked there as on a plain
    one: the access log, the lockout shared by every desk."""
    from store.api import Store
    from store.core import keyring
    from store.core.auth import LoginFailed
    from store.core.unlock_log import log_in_after, slot_refusal

    slot_refused = slot_opened = False
    try:
        # False on a plain database: nothing to unlock.
        slot_opened = keyring.unlock(path, username, password)
    except LoginFailed:
        if keyring.known_key(path) is None:
            # Nothing can be written in a database nobody has opened: remembered instead.
            if refused is not None:
                refused.add(slot_refusal(username, clock.now()))
            raise
        # Opened here already (by an earlier login): the login below logs the attempt and
        # counts it for the lockout, as any wrong password.
        slot_refused = True
    store = Store.open(path, clock, migrate=migrate)
    try:
        if slot_refused:
            store.staff.log_in(username, password)
            raise LoginFailed()  # a password the slot refuses never gets in
        return log_in_after(
            store.ctx,
            lambda: store.staff.log_in(username, password, slot_opened=slot_opened),
            refused,
        )
    finally:
        store.close()
