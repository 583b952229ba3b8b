"""The auto-lock: after the installation's idle minutes (`security.lock_minutes`) with no
key or mouse input, or at once on the user's key, the lock screen goes over everything the
logged-in user has open; only their password takes it away again.

The app owns one `AutoLock`, tells it of every input event (`saw_input`), starts it at each
login (`start`) and calls `lock("key")` from its lock key. A timer looks every
`check_seconds` whether the idle minutes have passed; tests shorten it (and move
`last_input` back) rather than wait minutes.
"""

from __future__ import annotations

from collections.abc import Callable
from time import monotonic
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, cast

from textual.app import App
from textual.timer import Timer

from ..shell.context import context
from ..shell.faults import reporting_store_faults

if TYPE_CHECKING:
    from store.core.locking import LockReason
    from store.core.models import Session


class LockableApp(Protocol):
    """What the auto-lock and the lock screen ask of the app, beyond Textual's own."""

    session: Session | None
    blanked: bool

    def show_login(self) -> None: ...


def lockable(app: App[Any]) -> LockableApp:
    return cast(LockableApp, app)


def has_unsaved_work(app: App[Any]) -> bool:
    """Whether a screen the user has open holds input not yet saved (a client card's)."""
    return any(getattr(screen, "has_unsaved_changes", False) is True for screen in app.screen_stack)


def log_out_at_lock(app: App[Any]) -> None:
    """End the locked user's session without their password (someone else logs in): every
    screen of theirs closes, unsaved input with it, and the login form opens."""
    lockable(app).session = None  # first: no key may reach the register meanwhile
    lockable(app).blanked = False
    while len(app.screen_stack) > 1:
        app.pop_screen()
    lockable(app).show_login()


class AutoLock:
    """Locks `app`'s screen after the set idle minutes, or when asked."""

    # How often the idle time is looked at: a lock comes at most this late.
    CHECK_SECONDS: ClassVar[float] = 5.0

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.check_seconds = self.CHECK_SECONDS
        self.last_input = monotonic()
        self.minutes = 0  # read from the store at each login and unlock; 0: never
        self._timer: Timer | None = None

    def saw_input(self) -> None:
        self.last_input = monotonic()

    def start(self) -> None:
        """Someone logged in (or unlocked): read the setting and count idle time from now."""
        from store.core.locking import lock_minutes

        store = context(self.app).store
        self.minutes = lock_minutes(store.ctx) if store is not None else 0
        self.saw_input()
        if self._timer is None:
            self._timer = self.app.set_interval(self.check_seconds, self.check)

    @property
    def idle_seconds(self) -> float:
        return monotonic() - self.last_input

    @property
    def locked(self) -> bool:
        from .lock_screen import LockScreen

        return any(isinstance(screen, LockScreen) for screen in self.app.screen_stack)

    def check(self) -> None:
        if self.minutes and self.idle_seconds >= self.minutes * 60:
            self.lock("idle")

    def lock(self, reason: LockReason) -> None:
        """Put the lock screen over the logged-in user's screens, and log it."""
        from store.core.locking import log_locked

        from .lock_screen import LockScreen

        session, store = lockable(self.app).session, context(self.app).store
        if session is None or store is None or self.locked:
            return
        # A screen turned to a visitor (client mode, the feedback question) already keeps
        # the register out of reach, and the visitor may still be answering.
        if reason == "idle" and getattr(self.app.screen, "VISITOR_FACING", False):
            return
        self.app.clear_notifications()  # a toast may name a client
        self.app.push_screen(LockScreen(session.staff), self._unlocked)
        logged: Callable[..., object] = reporting_store_faults(self.app, log_locked)
        logged(store.ctx, session.staff, reason)

    def _unlocked(self, _: object) -> None:
        self.start()  # the setting may have changed meanwhile
