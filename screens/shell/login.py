"""Login: username and password; failures are logged and never say which part was wrong."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from store.core.models import Staff

from .context import ScreenContextMixin

MAX_ATTEMPTS = 3
LOCK_SECONDS = 30


class LoginScreen(ScreenContextMixin, Screen[Staff]):
    """Dismisses with the logged-in `Staff`."""

    def __init__(self) -> None:
        super().__init__()
        self.failed_attempts = 0
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
    def _submit(self) -> None:
        if self.locked_for > 0:
            return
        username = self.query_one("#username", Input).value
        password_input = self.query_one("#password", Input)
        staff = self.store.staff.authenticate(username, password_input.value)
        if staff is not None:
            self.dismiss(staff)
            return
        self.failed_attempts += 1
        password_input.value = ""
        error = self.query_one("#login-error", Static)
        if self.failed_attempts % MAX_ATTEMPTS == 0:
            self.locked_for = LOCK_SECONDS
            error.update(self.t("login.locked", seconds=self.locked_for))
            self.set_interval(1, self._tick_lock, repeat=LOCK_SECONDS)
        else:
            error.update(self.t("login.failed"))

    def _tick_lock(self) -> None:
        self.locked_for -= 1
        error = self.query_one("#login-error", Static)
        if self.locked_for > 0:
            error.update(self.t("login.locked", seconds=self.locked_for))
        else:
            error.update("")
