"""Login: username and password; failures are logged and never say which part was wrong."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from .context import ScreenContextMixin
from .faults import store_faults_told

if TYPE_CHECKING:  # the store's modules load after the form has painted
    from store.core.models import Staff  # noqa: F401 (the base class names it as text)


class LoginScreen(ScreenContextMixin, Screen["Staff"]):
    """Dismisses with the logged-in `Staff`."""

    def __init__(self) -> None:
        super().__init__()
        # The store locks a username after failures in a row, across desks; this
        # terminal also counts its own failures, whatever names were typed, by the same rule.
        self.failures_here = 0
        self.locked_for = 0

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
    @store_faults_told  # a busy database: told, and both fields kept for another Enter
    def _submit(self) -> None:
        # The store's login rules load with the store, after the form has painted.
        from store.core.auth import LoginFailed, LoginLocked, after_failure, seconds_locked

        if self.locked_for > 0:
            return
        username = self.query_one("#username", Input).value
        password_input = self.query_one("#password", Input)
        try:
            staff = self.store.staff.log_in(username, password_input.value)
        except LoginLocked as locked:
            password_input.value = ""
            self._lock(locked.seconds)
        except LoginFailed:
            password_input.value = ""
            now = self.store.clock.now()
            self.failures_here, locked_until = after_failure(self.failures_here, now)
            if locked_until is not None:
                self._lock(seconds_locked(locked_until, now))
            else:
                self.query_one("#login-error", Static).update(self.t("login.failed"))
        else:
            self.dismiss(staff)

    def _lock(self, seconds: int) -> None:
        self.locked_for = seconds
        self.query_one("#login-error", Static).update(self.t("login.locked", count=seconds))
        self.set_interval(1, self._tick_lock, repeat=seconds)

    def _tick_lock(self) -> None:
        self.locked_for -= 1
        error = self.query_one("#login-error", Static)
        if self.locked_for > 0:
            error.update(self.t("login.locked", count=self.locked_for))
        else:
            error.update("")
