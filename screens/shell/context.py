"""What a screen may ask of the app: the store, who is logged in, language and privacy."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Protocol, cast

from textual.binding import ActiveBinding
from textual.dom import DOMNode
from textual.markup import escape
from textual.widgets import OptionList, Select

from store.core.i18n import has_text, tr
from store.core.text import visible

if TYPE_CHECKING:  # the login screen paints before the store's modules are imported
    from pathlib import Path

    from screens.sync.laptop_mode import LaptopMode
    from store.api import Store
    from store.core.clock import Clock
    from store.core.models import Session
    from store.core.unlock_log import RefusedLogins


class AppContext(Protocol):
    # None until the app has opened the database after its first paint, or, for an
    # encrypted one, until a login has unlocked it.
    store: Store | None
    db_path: Path
    clock: Clock
    refused_logins: RefusedLogins  # refused at a key slot, for the next login's access log
    session: Session | None
    lang: str
    blanked: bool
    desk: str
    laptop: LaptopMode | None  # a laptop's check-out (screens/sync/laptop_mode.py), else None

    def open_store(self) -> None: ...


def context(node: DOMNode) -> AppContext:
    return cast(AppContext, node.app)


def binding_label(active: ActiveBinding, lang: str) -> str:
    """A key's label in `lang`: the text of "binding.<id>", else the binding's own."""
    binding = active.binding
    if binding.id and has_text(f"binding.{binding.id}"):
        return tr(f"binding.{binding.id}", lang)
    # A Select's open menu brings its own Esc, labelled in English and with no id.
    if (
        binding.action == "dismiss"
        and isinstance(active.node, OptionList)
        and isinstance(active.node.parent, Select)
    ):
        return tr("menu.close", lang)
    return binding.description


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
        """The text of `key` in the user's language; a text parameter (a name, a site, what
        was typed) is shown as it reads: its control characters as symbols (see
        `store.core.text.visible`) and any markup in it as written, never obeyed."""
        shown = {
            name: escape(visible(value)) if isinstance(value, str) else value
            for name, value in params.items()
        }
        return tr(key, self.ctx.lang, **shown)


class ScreenContextMixin(ContextMixin):
    """`ContextMixin` for screens, whose footer shows each key's label in the user's language.

    The footer draws `Screen.active_bindings`; the labels are translated there, so the
    bindings themselves, and any keys remapped by binding id, stay as declared.
    """

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        active: dict[str, ActiveBinding] = super().active_bindings  # type: ignore[misc]
        lang = self.ctx.lang
        return {
            key: item._replace(binding=replace(item.binding, description=binding_label(item, lang)))
            for key, item in active.items()
        }
