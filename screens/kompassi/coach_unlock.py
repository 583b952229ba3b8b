"""The coach's password prompt that ends client mode: checked as a login is, so failures
count and lock the username (store.core.login), and a lock keeps the client mode."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Label, Static

from ..shell.context import ContextMixin
from ..shell.login import check_password

if TYPE_CHECKING:
    from store.core.models import Staff


class CoachUnlock(ContextMixin, Vertical):
    """Hidden until `open()`; posts `Unlocked` when the logged-in coach's password is right."""

    class Unlocked(Message):
        """The coach typed their password: client mode may end."""

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.checking = False  # a check is running: Enter waits for its answer
        self.locked_for = 0
        self._lock_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Label(self.t("client_mode.unlock_label"), id="unlock-label")
        yield Input(id="unlock-password", password=True, compact=True)
        yield Static("", id="unlock-error")

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def open(self) -> None:
        self.add_class("-open")
        # Focus once the field is displayed: a hidden widget cannot take it.
        self.call_after_refresh(self.query_one("#unlock-password", Input).focus)

    def close(self) -> None:
        """Hide the prompt and forget what was typed (a lock's message stays for next time)."""
        self.remove_class("-open")
        self.query_one("#unlock-password", Input).value = ""
        if not self.locked_for:
            self._say("")

    def _say(self, text: str) -> None:
        self.query_one("#unlock-error", Static).update(text)

    @on(Input.Submitted, "#unlock-password")
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        if self.locked_for > 0 or self.checking:
            return
        store = self.store
        assert store.path is not None, "the app's store was opened from a file"
        password = self.query_one("#unlock-password", Input).value
        self.checking = True
        self._say(self.t("login.checking"))
        # The password hash takes most of a second by design: checked off the event loop.
        self.run_worker(
            partial(
                check_password,
                self,
                self.checked,
                store.path,
                store.clock,
                self.session.staff.username,
                password,
            ),
            thread=True,
            exclusive=True,
            group="unlock",
            exit_on_error=False,
        )

    def checked(self, outcome: Staff | BaseException) -> None:
        """The check's outcome, back on the event loop."""
        from store.core.auth import LoginFailed, LoginLocked, PasswordDataDamaged

        from ..shell.background import describe_error

        self.checking = False
        self.query_one("#unlock-password", Input).value = ""
        if not isinstance(outcome, BaseException):
            self._say("")
            self.post_message(self.Unlocked())
        elif isinstance(outcome, LoginLocked):
            self._lock(outcome.seconds)
        elif isinstance(outcome, LoginFailed):
            self._say(self.t("client_mode.wrong_password"))
        elif isinstance(outcome, PasswordDataDamaged):
            self._say(self.t("login.damaged"))
        else:  # a busy or unwritable database: said here, as toasts are hidden
            self._say(describe_error(outcome, self.ctx.lang))

    def _lock(self, seconds: int) -> None:
        self.locked_for = seconds
        self._show_lock()
        if self._lock_timer is not None:
            self._lock_timer.stop()
        self._lock_timer = self.set_interval(1, self._tick_lock, repeat=seconds)

    def _show_lock(self) -> None:
        from store.core.auth import wait_in_words

        unit, count = wait_in_words(self.locked_for)
        key = "login.locked" if unit == "seconds" else "login.locked_minutes"
        self._say(self.t(key, count=count))

    def _tick_lock(self) -> None:
        self.locked_for -= 1
        if self.locked_for > 0:
            self._show_lock()
        else:
            self._say("")
