"""A store call that fails (a busy, full or read-only database) told as a notification.

Textual stops a widget's message loop when one of its handlers raises, and the app then
exits with a traceback: a screen whose handler let a database error out would be lost
with everything typed on it. So every handler, action or callback that calls the store
is wrapped here: a store error becomes a notification in the user's language and the
handler ends where it failed, the screen as it was, so the same key tries again.
Anything else is a fault in the program and still stops the app.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Awaitable, Callable
from typing import Any, Concatenate, ParamSpec, TypeVar, cast

from textual.dom import DOMNode

from .background import describe_error
from .context import context

P = ParamSpec("P")
R = TypeVar("R")
N = TypeVar("N", bound=DOMNode)

FAULT_TIMEOUT_S = 10  # long enough to read a sentence and a half


def tell_store_fault(node: DOMNode, error: BaseException) -> bool:
    """Notify the user of `error` if it is the store's (see `store.core.db.store_fault`)
    and say True; False for anything else, which the caller should raise again."""
    from store.core.db import store_fault  # loaded with the store, after the first paint

    fault = store_fault(error)
    if fault is None:
        return False
    node.app.notify(
        describe_error(fault, context(node).lang), severity="error", timeout=FAULT_TIMEOUT_S
    )
    return True


def reporting_store_faults(node: DOMNode, call: Callable[P, R]) -> Callable[P, R | None]:
    """`call`, but a store error it raises is told (see `tell_store_fault`) and gives None."""

    if inspect.iscoroutinefunction(call):
        async_call = cast(Callable[P, Awaitable[Any]], call)

        @functools.wraps(call)
        async def told_async(*args: P.args, **kwargs: P.kwargs) -> Any:
            try:
                return await async_call(*args, **kwargs)
            except Exception as error:
                if not tell_store_fault(node, error):
                    raise
                return None

        return cast(Callable[P, R | None], told_async)

    @functools.wraps(call)
    def told(*args: P.args, **kwargs: P.kwargs) -> R | None:
        try:
            return call(*args, **kwargs)
        except Exception as error:
            if not tell_store_fault(node, error):
                raise
            return None

    return told


def store_faults_told(
    method: Callable[Concatenate[N, P], R],
) -> Callable[Concatenate[N, P], R | None]:
    """A handler or action of a widget or screen whose store errors are told, not raised
    (see the module's docstring and `reporting_store_faults`)."""

    @functools.wraps(method)
    def told(self: N, *args: P.args, **kwargs: P.kwargs) -> R | None:
        return reporting_store_faults(self, method)(self, *args, **kwargs)

    return told
