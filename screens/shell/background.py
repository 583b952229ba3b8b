"""Store reads that may touch many rows, run off the event loop, and how a failure is said.

A thread worker opens its own connection (a connection belongs to the thread that
opened it, see store/core/db.py), so a slow read never freezes typing. Its result comes
back to the event loop with `call_from_thread`; a failure is left to the app's one
worker-error handler, which turns it into a notification in the user's language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from textual.widget import Widget
from textual.worker import get_current_worker

from store.core.i18n import TranslatedError, tr

from .context import context

if TYPE_CHECKING:  # imported by the app shell before its first paint, the store after it
    from store.api import Store

T = TypeVar("T")


def read_in_background(
    node: Widget, read: Callable[[Store], T], then: Callable[[T], None], *, group: str
) -> None:
    """Run `read` on a connection of its own in a thread worker, then `then(result)` on
    the event loop while `node` is still on screen. A newer read of the same `group`
    replaces one still running, whose result is then dropped."""
    store = context(node).store
    assert store is not None and store.path is not None, "the app's store was opened from a file"
    path, clock = store.path, store.clock

    def work() -> None:
        from store.api import Store

        own = Store.open(path, clock, migrate=False)
        try:
            result = read(own)
        finally:
            own.close()
        if not get_current_worker().is_cancelled:
            node.app.call_from_thread(_deliver, node, then, result)

    # Run by the app, so that its one handler hears of a failure (a worker's state
    # messages go to the node that runs it and do not bubble).
    node.app.run_worker(work, thread=True, exclusive=True, group=group, exit_on_error=False)


def _deliver(node: Widget, then: Callable[[T], None], result: T) -> None:
    if node.is_attached:
        then(result)


def fault_key(error: BaseException) -> str | None:
    """The text key for a database that could not be written just now (busy, full or
    read-only), else None."""
    from store.core.db import DatabaseFault

    return f"error.{error.kind}" if isinstance(error, DatabaseFault) else None


def describe_error(error: BaseException, lang: str) -> str:
    """What the user is told when a store call fails: plainly, in their language."""
    # Imported on a failure, not before the login form paints (sqlite3, hashlib).
    from store.core.auth import PermissionDenied
    from store.core.db import StoreError, store_fault

    error = store_fault(error) or error  # SQLite's own error, read where it was not yet
    key = fault_key(error)
    if key is not None:
        return tr(key, lang)
    if isinstance(error, TranslatedError):
        return error.message(lang)
    if isinstance(error, PermissionDenied):
        return tr("error.not_allowed", lang)
    if isinstance(error, StoreError):
        return str(error)
    return tr("error.unexpected", lang, kind=type(error).__name__)
