"""What a screen may ask of the app: the store, who is logged in, language and privacy."""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol, cast

from textual.dom import DOMNode

from store.api import Store
from store.core.i18n import keys, tr
from store.core.models import Session


class AppContext(Protocol):
    store: Store | None  # None until the app has opened the database after its first paint
    session: Session | None
    lang: str
    blanked: bool
    desk: str

    def open_store(self) -> None: ...


def context(node: DOMNode) -> AppContext:
    return cast(AppContext, node.app)


def translate_bindings(node: DOMNode, lang: str) -> None:
    """Give a node's footer labels in `lang`; labels are looked up as "binding.<id>".

    Textual reads footer labels from each node's bindings map, which is built from the
    class's BINDINGS, so the translated copies replace the entries there.
    """
    known = keys()
    for key, bindings in node._bindings.key_to_bindings.items():
        node._bindings.key_to_bindings[key] = [
            replace(b, description=tr(f"binding.{b.id}", lang)) if f"binding.{b.id}" in known else b
            for b in bindings
        ]


def relabel_escape(node: DOMNode, label: str) -> None:
    """Give a Textual-owned widget's Esc binding (such as the Select menu's "Dismiss
    menu") a label in the user's language; it has no id for `translate_bindings`."""
    bindings = node._bindings.key_to_bindings
    if "escape" in bindings:
        bindings["escape"] = [replace(b, description=label) for b in bindings["escape"]]


class ContextMixin:
    """Shortcuts for screens and widgets: `self.store`, `self.session`, `self.t(key)`."""

    @property
    def ctx(self) -> AppContext:
        return context(cast(DOMNode, self))

    @property
    def store(self) -> Store:
        ctx = self.ctx
        if ctx.store is None:
            ctx.open_store()  # someone was quicker than the first paint
        assert ctx.store is not None
        return ctx.store

    @property
    def session(self) -> Session:
        session = self.ctx.session
        if session is None:
            raise RuntimeError("no one is logged in")
        return session

    def t(self, key: str, **params: object) -> str:
        return tr(key, self.ctx.lang, **params)

    def translate_bindings(self) -> None:
        translate_bindings(cast(DOMNode, self), self.ctx.lang)
