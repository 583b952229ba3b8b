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

from .context import ScreenContextMixin

if TYPE_CHECKING:  # the store's modules load after the form has painted
    from store.core.clock import Clock
    from store.core.models import Staff


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
        store = self.store
        assert store.path is not None, "the app's store was opened from a file"
        username = self.query_one("#username", Input).value
        password = self.query_one("#password", Input).value
        self.checking = True
        self.query_one("#login-error", Static).update(self.t("login.checking"))
        # The password hash takes most of a second by design: checked off the event loop,
        # the form keeps drawing meanwhile.
        self.run_worker(
            partial(
                check_password, self, self._checked, store.path, store.clock, username, password
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

        from .background import describe_error
        from .faults import tell_store_fault

        self.checking = False
        if not isinstance(outcome, BaseException):
            self.dismiss(outcome)
            return
        error = self.query_one("#login-error", Static)
        if not isinstance(outcome, LoginLocked | LoginFailed | PasswordDataDamaged):
            # A busy or unwritable database: told as everywhere in the app, and both
            # fields kept, so Enter tries again once it is free.
            error.update("")
            if not tell_store_fault(self, outcome):
                error.update(describe_error(outcome, self.ctx.lang))
            return
        self.query_one("#password", Input).value = ""
        if isinstance(outcome, LoginLocked):
            self._lock(outcome.seconds)
        elif isinstance(outcome, LoginFailed):
            now = self.store.clock.now()
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
) -> None:
    """A login check, in a thread worker on a connection of its own (a connection belongs
    to the thread that opened it); its outcome (the user, or what refused them) goes to
    `checked` on the event loop, unless `node` has gone meanwhile (the app quitting)."""
    from store.api import Store

    outcome: Staff | BaseException
    try:
        store = Store.open(path, clock, migrate=False)
        try:
            outcome = store.staff.log_in(username, password)
        finally:
            store.close()
    except Exception as exc:  # every refusal and failure is said where it was asked
        outcome = exc
    if not get_current_worker().is_cancelled and node.is_attached:
        node.app.call_from_thread(checked, outcome)
